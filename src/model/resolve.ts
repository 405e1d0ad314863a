/** Parsed props and the release identity → the model. */
import { chartRecord, type ChartVersion, type ChartVersionRecord } from '../chart-versions';
import { listenPort } from '../config/spec';
import { DEFAULT_DATA_DIR, DEFAULT_HTTP_PORT, DEFAULT_METRICS_PORT, HTTPS_PORT_NAME, METRICS_PORT_NAME } from '../constants';
import { chartName, commonLabels, fullName, selectorLabels, serviceAccountName } from '../names';
import type { PackageManagerExtensions, PackageManagerValues, ProbeProps } from '../props';
import type { WarningId } from '../warnings';
import { configValue, extractSecrets, fullConfig, gcfgTruthy } from './config';
import { defaultsOf } from './defaults';
import { ownObjects } from './objects';
import { dataIsShared, ownMounts, ownVolumes, podEnv, podSecretRefs, settingsFromSecretsOf } from './pod';
import { resolveProbe } from './probes';
import { repositorySetup } from './repositories';
import type { Model, ResolvedValues } from './types';

const PROBES = ['livenessProbe', 'startupProbe', 'readinessProbe'] as const;

/** The release a model is rendered for. */
export interface Identity {
  readonly release: string;
  readonly namespace: string | undefined;
}

/** A port of the pod by number or name: the number, or the container port of that name (undefined: no such port). */
function resolvePort(
  port: number | string,
  containers: readonly (readonly { name?: string; containerPort: number }[])[],
): number | undefined {
  if (typeof port === 'number') return port;
  for (const ports of containers) for (const p of ports) if (p.name === port) return p.containerPort;
  return undefined;
}

/** The image tag: `image.tag`, else built the way the chart version builds it. */
export function imageTag(record: ChartVersionRecord, v: ResolvedValues): string {
  if (v.image?.tag) return v.image.tag;
  const version = v.versionOverride || record.appVersion;
  return record.imageTag === 'version-os' ? `${version}-${v.image?.os ?? ''}` : `${v.image?.tagPrefix ?? ''}${version}`;
}

/** What the model is resolved from (see validation/input/parse.ts). */
export interface ModelInput {
  readonly chartVersion: ChartVersion;
  /** The props as given, `null` kept. */
  readonly given: Readonly<PackageManagerValues & PackageManagerExtensions>;
  /** The props merged over the chart version's defaults. */
  readonly values: ResolvedValues;
  readonly acknowledgeWarnings: readonly WarningId[];
}

/** Parsed props and the release identity → the model. */
export function resolveModel(input: ModelInput, identity: Identity): Model {
  const { given, values: v } = input;
  const record = chartRecord(input.chartVersion);
  const defaults = defaultsOf(record.version);
  const { release, namespace } = identity;

  const name = chartName(v.nameOverride);
  const full = fullName(release, v.nameOverride, v.fullnameOverride);
  const saName = serviceAccountName(v.serviceAccount?.create, v.serviceAccount?.name, full);
  const tag = imageTag(record, v);

  // The port Package Manager listens on (HTTP.Listen) drives the probes, the Service target and the
  // container port; `pod.port` and `service.targetPort`, where given, name theirs as the chart does.
  const { config, secrets } = extractSecrets(fullConfig(v));
  const settingsFromSecrets = settingsFromSecretsOf(v);
  const metricsEnabled = gcfgTruthy(configValue(config, 'Metrics', 'Enabled'));
  const http = listenPort(String(configValue(config, 'HTTP', 'Listen') ?? '')) ?? DEFAULT_HTTP_PORT;
  const metrics = listenPort(String(configValue(config, 'Metrics', 'Listen') ?? '')) ?? DEFAULT_METRICS_PORT;
  const httpsListen = configValue(config, 'HTTPS', 'Listen');
  const https = httpsListen === undefined || httpsListen === '' ? undefined : listenPort(String(httpsListen));
  const containerPort = v.pod?.port ?? http;
  const containerPorts = [
    { containerPort },
    ...(https !== undefined && https !== containerPort ? [{ name: HTTPS_PORT_NAME, containerPort: https }] : []),
    ...(metricsEnabled ? [{ name: METRICS_PORT_NAME, containerPort: metrics }] : []),
  ];
  const serviceTarget = v.service?.targetPort ?? http;

  const mountSharedStorage = Boolean(v.sharedStorage?.create || v.sharedStorage?.mount);
  const claimName = v.sharedStorage?.name || `${full}-shared-storage`;
  const objects = ownObjects(v, {
    fullName: full,
    namespace,
    serviceAccountName: saName,
    claimName,
    mountSharedStorage,
    metricsEnabled,
    hasSecretSettings: secrets.length > 0,
  });
  const refs = podSecretRefs(v, objects);
  const dataPath = mountSharedStorage ? v.sharedStorage?.path : undefined;
  const setup = repositorySetup(v, objects.repositoriesConfigMap?.name, configValue(config, 'Server', 'SockFileDir'));
  const volumes = ownVolumes(refs, objects.configMap.name, mountSharedStorage ? claimName : undefined);
  const mounts = ownMounts(refs, dataPath);
  const allMounts = [...mounts, ...(v.pod?.volumeMounts ?? []), ...(setup ? [setup.socketMount] : [])];
  const dataDir = String(configValue(config, 'Server', 'DataDir') ?? DEFAULT_DATA_DIR);

  const acknowledged = new Set<WarningId>(input.acknowledgeWarnings);
  if (given.enableSandboxing === true) acknowledged.add('ppm:sandboxing');

  return {
    chart: record,
    release,
    namespace,
    name,
    fullName: full,
    selectorLabels: selectorLabels(name, release),
    labels: commonLabels(name, release, record.appVersion),
    values: v,
    objects,
    image: `${v.image?.repository ?? ''}:${tag}`,
    imageTag: tag,
    ports: {
      http,
      container: containerPort,
      containerPorts,
      metrics,
      metricsEnabled,
      https,
      serviceTarget,
      serviceTargetPort: resolvePort(serviceTarget, [containerPorts, ...(v.extraContainers ?? []).map((c) => c.ports ?? [])]),
    },
    pod: {
      serviceAccountName: v.pod?.serviceAccountName || saName,
      ownVolumes: volumes,
      ownMounts: mounts,
      volumes: [...volumes, ...(v.pod?.volumes ?? []), ...(setup?.volumes ?? [])],
      mounts: allMounts,
      env: podEnv(v, refs, settingsFromSecrets, secrets, objects.configSecretsSecret?.name),
      containerSecurityContext: v.pod?.containerSecurityContext,
      probes: Object.fromEntries(
        PROBES.map((p) => [p, resolveProbe(defaults[p] as ProbeProps | undefined, given[p], http)]),
      ) as Model['pod']['probes'],
      dataDir,
      sharedData: dataIsShared(v, [dataDir, ...(v.sharedStorage?.path ? [v.sharedStorage.path] : [])], mountSharedStorage, allMounts),
    },
    config,
    secretSettings: secrets,
    settingsFromSecrets,
    repositorySetup: setup,
    mountSharedStorage,
    claimName,
    acknowledged,
    given,
  };
}
