/**
 * Job `FULL-chown-shared-storage`: chowns shared storage to uid/gid 999 for
 * the move to a non-root container. The chart runs it as a Helm
 * `post-upgrade` hook; the annotations are kept so Helm-aware tools (Argo CD
 * maps them to its own hooks) treat it the same way.
 */
import type { Model } from '../model';
import { deepMerge } from '../merge';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderMigrationJob(model: Model): Manifest | undefined {
  if (!model.mountSharedStorage || !model.values.enableMigration) return undefined;
  const name = `${model.fullName}-chown-shared-storage`;
  const job = model.values.migrationJob ?? {};
  const script = [
    "echo 'Ensuring shared storage permissions are correct...'",
    'chown -R 999:999 /var/lib/rstudio-pm/',
    "echo 'Removing license activations by the root user...'",
    'rm -rf /var/lib/rstudio-pm/verify',
    ...(model.values.rstudioPMKey || model.values.rstudioPMKeySecret
      ? ["echo 'Removing potential encryption key conflicts...'", 'rm -rf /var/lib/rstudio-pm/rstudio-pm.key']
      : []),
    "echo 'Migration succeeded.'",
  ];
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: model.namespace,
      labels: model.labels,
      annotations: {
        'helm.sh/hook': 'post-upgrade',
        'helm.sh/hook-delete-policy': 'hook-succeeded,before-hook-creation',
      },
    },
    spec: {
      template: {
        metadata: { name, labels: model.labels },
        spec: compact({
          restartPolicy: 'Never',
          imagePullSecrets: nonEmpty(job.imagePullSecrets),
          nodeSelector: nonEmpty(job.nodeSelector),
          affinity: nonEmpty(job.affinity),
          tolerations: nonEmpty(job.tolerations),
          containers: [
            {
              name: 'chown-shared-storage',
              image: job.image ?? 'busybox',
              command: ['/bin/sh', '-c', script.join('\n') + '\n'],
              securityContext: deepMerge({ capabilities: { add: ['CHOWN', 'DAC_OVERRIDE'], drop: ['ALL'] } }, job.securityContext),
              volumeMounts: [{ name: 'rstudio-pm-data', mountPath: '/var/lib/rstudio-pm' }],
            },
          ],
          volumes: [{ name: 'rstudio-pm-data', persistentVolumeClaim: { claimName: model.claimName } }],
        }),
      },
    },
  };
}
