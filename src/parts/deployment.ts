/** Deployment `FULL`: the Package Manager pod. */
import { CONTAINER_NAME } from '../constants';
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';
import { setupContainer } from './repository-setup';

/** Checksums of the objects whose change must restart the pods. */
export interface PodChecksums {
  readonly config: string;
  readonly awsCreds: string;
  readonly key: string;
  /** Of the secret settings moved out of the ConfigMap, when there are any. */
  readonly configSecrets?: string;
  /** Of the license Secrets created here, with `restartOnLicenseChange`. */
  readonly license?: string;
  /** Of the repository setup script, when repositories or sources are declared. */
  readonly repositories?: string;
}

function resources(model: Model): Record<string, unknown> | undefined {
  const r = model.values.resources;
  const list = (l: NonNullable<typeof r>['requests']) =>
    l?.enabled
      ? compact({
          memory: l.memory === undefined ? undefined : String(l.memory),
          cpu: l.cpu === undefined ? undefined : String(l.cpu),
          'ephemeral-storage': l.ephemeralStorage === undefined ? undefined : String(l.ephemeralStorage),
        })
      : undefined;
  return nonEmpty(compact({ requests: list(r?.requests), limits: list(r?.limits) }));
}

function podAnnotations(model: Model, checksums: PodChecksums): Record<string, string> {
  const annotations: Record<string, string> = {
    'checksum/config': checksums.config,
    'checksum/aws-creds': checksums.awsCreds,
    'checksum/key': checksums.key,
    ...(checksums.configSecrets ? { 'checksum/config-secrets': checksums.configSecrets } : {}),
    ...(checksums.license ? { 'checksum/license': checksums.license } : {}),
    ...(checksums.repositories ? { 'checksum/repositories': checksums.repositories } : {}),
    'prometheus.io/scrape': 'true',
    'prometheus.io/path': '/metrics',
    'prometheus.io/port': String(model.ports.metrics),
  };
  if (model.values.enableSandboxing) {
    // Required for sandboxed Git builds.
    annotations[`container.apparmor.security.beta.kubernetes.io/${CONTAINER_NAME}`] = 'unconfined';
  }
  return { ...annotations, ...model.values.pod?.annotations };
}

function strategy(model: Model): Record<string, unknown> | undefined {
  const s = model.values.strategy;
  if (!s) return undefined;
  return s.type === 'RollingUpdate' ? compact({ type: s.type, rollingUpdate: compact({ ...s.rollingUpdate }) }) : compact({ type: s.type });
}

export function renderDeployment(model: Model, checksums: PodChecksums): Manifest {
  const v = model.values;
  const pod = model.pod;
  const setup = setupContainer(model);
  const container = compact({
    name: CONTAINER_NAME,
    image: model.image,
    env: nonEmpty([...pod.env]),
    command: v.command,
    args: v.args,
    imagePullPolicy: v.image?.imagePullPolicy,
    lifecycle: nonEmpty(v.pod?.lifecycle),
    ports: model.ports.containerPorts.map((p) => ({ ...p })),
    securityContext: nonEmpty(pod.containerSecurityContext),
    volumeMounts: [...pod.mounts],
    resources: resources(model),
    ...pod.probes,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: compact({
      name: model.objects.deployment.name,
      namespace: model.namespace,
      labels: { ...model.labels, ...v.deployment?.labels },
      annotations: nonEmpty(v.deployment?.annotations),
    }),
    spec: compact({
      strategy: strategy(model),
      replicas: v.replicas,
      revisionHistoryLimit: v.revisionHistoryLimit,
      selector: { matchLabels: model.selectorLabels },
      template: {
        metadata: {
          annotations: podAnnotations(model, checksums),
          labels: { ...model.selectorLabels, ...v.pod?.labels },
        },
        spec: compact({
          securityContext: nonEmpty(v.pod?.securityContext),
          serviceAccountName: pod.serviceAccountName,
          automountServiceAccountToken: v.automountServiceAccountToken,
          imagePullSecrets: nonEmpty(v.image?.imagePullSecrets),
          nodeSelector: nonEmpty(v.nodeSelector),
          topologySpreadConstraints: nonEmpty(v.topologySpreadConstraints),
          affinity: nonEmpty(v.affinity),
          priorityClassName: v.priorityClassName || undefined,
          tolerations: nonEmpty(v.tolerations),
          initContainers: nonEmpty(v.initContainers),
          hostAliases: nonEmpty(v.pod?.hostAliases),
          containers: [container, ...(v.extraContainers ?? []), ...(setup ? [setup] : [])],
          terminationGracePeriodSeconds: v.pod?.terminationGracePeriodSeconds,
          volumes: [...pod.volumes],
        }),
      },
    }),
  };
}
