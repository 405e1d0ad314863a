/** Deployment `FULL`: the Package Manager pod. */
import type { EnvVar, Volume, VolumeMount } from '../k8s-types';
import type { Model } from '../model';
import { GCFG_KEY } from './config-map';
import { compact, nonEmpty, type Manifest } from './manifest';
import { awsSecretName, configSecretsName, encryptionKeySecret, licenseFileSecretName, licenseKeySecret } from './secrets';

/** Checksums of the objects whose change must restart the pods. */
export interface PodChecksums {
  readonly config: string;
  readonly awsCreds: string;
  readonly key: string;
  /** Of the secret settings moved out of the ConfigMap, when there are any. */
  readonly configSecrets?: string;
  /** Of the license Secrets created here, with `restartOnLicenseChange`. */
  readonly license?: string;
}

const fromSecret = (name: string, ref: { name: string; key: string }): EnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: ref.name, key: ref.key } },
});

function licenseEnv(model: Model): EnvVar[] {
  const license = model.values.license;
  const env: EnvVar[] = [];
  if (license.key) env.push(fromSecret('RSPM_LICENSE', licenseKeySecret(model)));
  else if (license.keySecret) env.push(fromSecret('RSPM_LICENSE', license.keySecret));
  if (license.server) env.push({ name: 'RSPM_LICENSE_SERVER', value: license.server });
  if (model.licenseFile) {
    env.push({ name: 'RSPM_LICENSE_FILE_PATH', value: `${license.file.mountPath}/${license.file.secretKey}` });
  }
  return env;
}

function env(model: Model): EnvVar[] {
  const v = model.values;
  const out = [...licenseEnv(model), ...v.pod.env];
  if (v.rstudioPMKey) out.push(fromSecret('PACKAGEMANAGER_ENCRYPTION_KEY', encryptionKeySecret(model)));
  else if (v.rstudioPMKeySecret) out.push(fromSecret('PACKAGEMANAGER_ENCRYPTION_KEY', v.rstudioPMKeySecret));
  if (!v.enableSandboxing) out.push({ name: 'PACKAGEMANAGER_GIT_ALLOWUNSANDBOXEDGITBUILDS', value: '1' });
  for (const s of model.settingsFromSecrets) out.push(fromSecret(s.env, s.ref));
  for (const s of model.secretSettings) out.push(fromSecret(s.env, { name: configSecretsName(model), key: s.secretKey }));
  return out;
}

function volumeMounts(model: Model): VolumeMount[] {
  const v = model.values;
  const mounts: VolumeMount[] = [{ name: 'rstudio-pm-config', mountPath: `/etc/rstudio-pm/${GCFG_KEY}`, subPath: GCFG_KEY }];
  if (model.awsCredentials) mounts.push({ name: 'aws-creds', readOnly: true, mountPath: '/home/rstudio-pm/.aws' });
  if (model.mountSharedStorage) mounts.push({ name: 'rstudio-pm-data', mountPath: v.sharedStorage.path });
  if (model.licenseFile) {
    const file = v.license.file;
    mounts.push(
      file.mountSubPath
        ? { name: 'license-file', mountPath: `${file.mountPath}/${file.secretKey}`, subPath: file.secretKey }
        : { name: 'license-file', mountPath: file.mountPath },
    );
  }
  return [...mounts, ...v.pod.volumeMounts];
}

function volumes(model: Model): Volume[] {
  const v = model.values;
  const vols: Volume[] = [
    {
      name: 'rstudio-pm-config',
      configMap: { name: `${model.fullName}-config`, items: [{ key: GCFG_KEY, path: GCFG_KEY }] },
    },
  ];
  const awsKey = v.awsCredentialsSecret?.key;
  if (model.awsCredentials) {
    vols.push({
      name: 'aws-creds',
      secret:
        awsKey && awsKey !== 'credentials'
          ? { secretName: awsSecretName(model), items: [{ key: awsKey, path: 'credentials' }] }
          : { secretName: awsSecretName(model) },
    });
  }
  if (model.mountSharedStorage) {
    vols.push({ name: 'rstudio-pm-data', persistentVolumeClaim: { claimName: model.claimName } });
  }
  if (model.licenseFile) vols.push({ name: 'license-file', secret: { secretName: licenseFileSecretName(model) } });
  return [...vols, ...v.pod.volumes];
}

function resources(model: Model): Record<string, unknown> | undefined {
  const r = model.values.resources;
  const list = (l: typeof r.requests) => ({
    memory: String(l.memory),
    cpu: String(l.cpu),
    'ephemeral-storage': String(l.ephemeralStorage),
  });
  return nonEmpty(
    compact({
      requests: r.requests.enabled ? list(r.requests) : undefined,
      limits: r.limits.enabled ? list(r.limits) : undefined,
    }),
  );
}

function podAnnotations(model: Model, checksums: PodChecksums): Record<string, string> {
  const annotations: Record<string, string> = {
    'checksum/config': checksums.config,
    'checksum/aws-creds': checksums.awsCreds,
    'checksum/key': checksums.key,
    ...(checksums.configSecrets ? { 'checksum/config-secrets': checksums.configSecrets } : {}),
    ...(checksums.license ? { 'checksum/license': checksums.license } : {}),
    'prometheus.io/scrape': 'true',
    'prometheus.io/path': '/metrics',
    'prometheus.io/port': String(model.metricsPort),
  };
  if (model.values.enableSandboxing) {
    // Required for sandboxed Git builds.
    annotations['container.apparmor.security.beta.kubernetes.io/rspm'] = 'unconfined';
  }
  return { ...annotations, ...model.values.pod.annotations };
}

export function renderDeployment(model: Model, checksums: PodChecksums): Manifest {
  const v = model.values;
  const strategy =
    v.strategy.type === 'RollingUpdate'
      ? { type: v.strategy.type, rollingUpdate: compact({ ...v.strategy.rollingUpdate }) }
      : { type: v.strategy.type };
  const container = compact({
    name: 'rspm',
    image: model.image,
    env: nonEmpty(env(model)),
    command: v.command,
    args: v.args,
    imagePullPolicy: v.image.imagePullPolicy,
    lifecycle: nonEmpty(v.pod.lifecycle),
    ports: [{ containerPort: model.httpPort }, ...(model.metricsEnabled ? [{ name: 'metrics', containerPort: model.metricsPort }] : [])],
    securityContext: nonEmpty(model.containerSecurityContext),
    volumeMounts: volumeMounts(model),
    resources: resources(model),
    ...model.probes,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: compact({
      name: model.fullName,
      namespace: model.namespace,
      labels: { ...model.labels, ...v.deployment?.labels },
      annotations: nonEmpty(v.deployment?.annotations),
    }),
    spec: compact({
      strategy,
      replicas: v.replicas,
      revisionHistoryLimit: v.revisionHistoryLimit,
      selector: { matchLabels: model.selectorLabels },
      template: {
        metadata: {
          annotations: podAnnotations(model, checksums),
          labels: { ...model.selectorLabels, ...v.pod.labels },
        },
        spec: compact({
          securityContext: nonEmpty(v.pod.securityContext),
          serviceAccountName: model.podServiceAccountName,
          imagePullSecrets: nonEmpty(v.image.imagePullSecrets),
          nodeSelector: nonEmpty(v.nodeSelector),
          topologySpreadConstraints: nonEmpty(v.topologySpreadConstraints),
          affinity: nonEmpty(v.affinity),
          priorityClassName: v.priorityClassName || undefined,
          tolerations: nonEmpty(v.tolerations),
          initContainers: nonEmpty(v.initContainers),
          hostAliases: nonEmpty(v.pod.hostAliases),
          containers: [container, ...v.extraContainers],
          terminationGracePeriodSeconds: v.pod.terminationGracePeriodSeconds,
          volumes: volumes(model),
        }),
      },
    }),
  };
}
