/**
 * Job `FULL-chown-shared-storage`: chowns shared storage to uid/gid 999 for
 * the move to a non-root container. The chart runs it as a Helm
 * `post-upgrade` hook; the annotations are kept so Helm-aware tools (Argo CD
 * maps them to its own hooks) treat it the same way.
 */
import { DATA_VOLUME, DEFAULT_DATA_DIR, MIGRATION_CONTAINER_NAME, RUN_AS_ID } from '../constants';
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderMigrationJob(model: Model): Manifest | undefined {
  const job = model.objects.migrationJob;
  if (!job) return undefined;
  const v = model.values;
  const options = v.migrationJob ?? {};
  const script = [
    "echo 'Ensuring shared storage permissions are correct...'",
    `chown -R ${RUN_AS_ID}:${RUN_AS_ID} ${DEFAULT_DATA_DIR}/`,
    "echo 'Removing license activations by the root user...'",
    `rm -rf ${DEFAULT_DATA_DIR}/verify`,
    ...(v.rstudioPMKey || v.rstudioPMKeySecret
      ? ["echo 'Removing potential encryption key conflicts...'", `rm -rf ${DEFAULT_DATA_DIR}/rstudio-pm.key`]
      : []),
    "echo 'Migration succeeded.'",
  ];
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: job.name,
      namespace: model.namespace,
      labels: model.labels,
      annotations: {
        'helm.sh/hook': 'post-upgrade',
        'helm.sh/hook-delete-policy': 'hook-succeeded,before-hook-creation',
      },
    },
    spec: {
      template: {
        metadata: { name: job.name, labels: model.labels },
        spec: compact({
          restartPolicy: 'Never',
          // The Job never needs a token; it follows the opt-in only, so that unset it renders what the chart does.
          automountServiceAccountToken: v.automountServiceAccountToken === false ? false : undefined,
          imagePullSecrets: nonEmpty(options.imagePullSecrets),
          nodeSelector: nonEmpty(options.nodeSelector),
          affinity: nonEmpty(options.affinity),
          tolerations: nonEmpty(options.tolerations),
          containers: [
            compact({
              name: MIGRATION_CONTAINER_NAME,
              image: options.image,
              command: ['/bin/sh', '-c', script.join('\n') + '\n'],
              securityContext: nonEmpty(options.containerSecurityContext),
              volumeMounts: [{ name: DATA_VOLUME, mountPath: DEFAULT_DATA_DIR }],
            }),
          ],
          volumes: [{ name: DATA_VOLUME, persistentVolumeClaim: { claimName: model.claimName } }],
        }),
      },
    },
  };
}
