/**
 * The resolved model: computed once from validated props, read by every
 * renderer. Names, labels, ports, the image, which objects exist and the
 * gcfg text all live here, so no renderer recomputes them.
 */
import { CHART, CHART_DEFAULTS } from './defaults';
import type { Probe, SecurityContext } from './k8s-types';
import { deepMerge, isPlainObject } from './merge';
import { listenPort } from './config/schema';
import { chartName, commonLabels, fullName, selectorLabels, serviceAccountName } from './names';
import { isSecretSetting, settingEnvName, settingSecretKey } from './config/secrets';
import type { GcfgValue, PackageManagerProps, ProbeProps, SecretKeyRef } from './props';

/** A `const` type with its literals widened (`'ClusterIP'` → `string`). */
type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly []
        ? unknown[]
        : T extends readonly (infer U)[]
          ? Widen<U>[]
          : { -readonly [K in keyof T]: Widen<T[K]> };

/** Props with every chart default applied: the defaulted members are never undefined. */
export type ResolvedValues = Omit<PackageManagerProps, 'releaseName' | 'namespace'> & Widen<typeof CHART_DEFAULTS>;

/** Labels as a plain map. */
export type Labels = Record<string, string>;

/** Everything the renderers need, computed once. */
export interface Model {
  /** Helm release name. */
  readonly release: string;
  /** Namespace of the objects. */
  readonly namespace: string;
  /** `NAME`. */
  readonly name: string;
  /** `FULL`: the base of every object name. */
  readonly fullName: string;
  /** Props merged over the chart defaults. */
  readonly values: ResolvedValues;
  /** `app.kubernetes.io/name` and `app.kubernetes.io/instance`. */
  readonly selectorLabels: Labels;
  /** Selector labels plus version and managed-by: the top-level labels of every object. */
  readonly labels: Labels;
  /** The service account the pod runs as. */
  readonly podServiceAccountName: string;
  /** The name of the ServiceAccount created, when one is. */
  readonly serviceAccountName: string;
  /** `repository:tag`. */
  readonly image: string;
  /** Whether `config.Metrics.Enabled` is on. */
  readonly metricsEnabled: boolean;
  /** The port Package Manager serves HTTP on (from `config.HTTP.Listen`). */
  readonly httpPort: number;
  /** The port of the metrics listener (from `config.Metrics.Listen`). */
  readonly metricsPort: number;
  /** The gcfg document (config plus what the chart merges in), without secret settings. */
  readonly config: GcfgDocument;
  /** Secret settings written inline in `config`/`extraConfig`: kept in a Secret, passed as environment variables. */
  readonly secretSettings: readonly SecretSetting[];
  /** Settings taken from existing Secrets (`configFromSecrets`). */
  readonly settingsFromSecrets: readonly { readonly env: string; readonly ref: SecretKeyRef }[];
  /** Whether shared storage is mounted (created or existing). */
  readonly mountSharedStorage: boolean;
  /** Name of the shared-storage claim. */
  readonly claimName: string;
  /** Whether an AWS credentials file is mounted (created from the keys, or an existing Secret). */
  readonly awsCredentials: boolean;
  /** Whether a license file is mounted (inline or from a Secret). */
  readonly licenseFile: boolean;
  /** The container security context, defaults applied. */
  readonly containerSecurityContext: SecurityContext;
  /** The probes to render (without `enabled`), by field name. */
  readonly probes: { livenessProbe?: Probe; startupProbe?: Probe; readinessProbe?: Probe };
}

const PROBE_HANDLERS = ['exec', 'tcpSocket', 'grpc'] as const;
/** Package Manager's HTTP port when `HTTP.Listen` gives none (the chart hard-codes it). */
export const DEFAULT_HTTP_PORT = 4242;
/** Package Manager's metrics port when `Metrics.Listen` gives none. */
export const DEFAULT_METRICS_PORT = 2112;

/**
 * Merges a probe over its default; a handler of its own replaces the default `httpGet`.
 * The default `httpGet` probes the HTTP port unless the probe names its own port.
 */
function resolveProbe(defaults: ProbeProps, given: ProbeProps | undefined, httpPort: number): Probe | undefined {
  const ownHandler = given && PROBE_HANDLERS.some((h) => given[h] !== undefined) && given.httpGet === undefined;
  const base: ProbeProps = ownHandler
    ? { ...defaults, httpGet: undefined }
    : { ...defaults, httpGet: { ...defaults.httpGet!, port: httpPort } };
  const merged = deepMerge<ProbeProps>(base, given);
  if (!merged.enabled) return undefined;
  const probe: Record<string, unknown> = { ...merged };
  delete probe.enabled;
  for (const k of Object.keys(probe)) if (probe[k] === undefined) delete probe[k];
  return Object.keys(probe).length > 0 ? (probe as Probe) : undefined;
}

/** A gcfg document: sections of keys. */
export type GcfgDocument = Record<string, Record<string, GcfgValue>>;

/** A secret setting moved out of the gcfg file. */
export interface SecretSetting {
  readonly path: string;
  readonly env: string;
  readonly secretKey: string;
  readonly value: string;
}

/** Moves secret settings (passwords, tokens, URLs with a password) out of the document. */
function extractSecrets(doc: GcfgDocument): { config: GcfgDocument; secrets: SecretSetting[] } {
  const config: GcfgDocument = {};
  const secrets: SecretSetting[] = [];
  for (const [section, keys] of Object.entries(doc)) {
    config[section] = {};
    for (const [key, value] of Object.entries(keys)) {
      if (isSecretSetting(key, value) && !Array.isArray(value)) {
        secrets.push({
          path: `${section}.${key}`,
          env: settingEnvName(section, key),
          secretKey: settingSecretKey(section, key),
          value: String(value),
        });
      } else config[section][key] = value;
    }
  }
  return { config, secrets };
}

/** Typed config over the default, then `extraConfig`, then what the chart adds (license server). */
function resolveConfig(values: ResolvedValues): GcfgDocument {
  const config: GcfgDocument = {};
  const add = (sections: object | undefined) => {
    for (const [section, keys] of Object.entries(sections ?? {})) {
      if (!isPlainObject(keys)) continue;
      const target = (config[section] ??= {});
      for (const [k, v] of Object.entries(keys)) if (v !== undefined && v !== null) target[k] = v as GcfgValue;
    }
  };
  add(values.config);
  add(values.extraConfig);
  if (values.license?.server) {
    config.Licensing = { ...config.Licensing, LicenseType: 'remote' };
  }
  return config;
}

/** Reads `section.key` of a config case-insensitively, as gcfg does. */
export function configValue(config: object | undefined, section: string, key: string): GcfgValue | undefined {
  for (const [s, keys] of Object.entries(config ?? {})) {
    if (s.toLowerCase() !== section.toLowerCase() || !isPlainObject(keys)) continue;
    for (const [k, v] of Object.entries(keys)) if (k.toLowerCase() === key.toLowerCase()) return v as GcfgValue;
  }
  return undefined;
}

/** A gcfg boolean as Package Manager reads it (`true`, `yes`, `on`, `1`). */
export function gcfgTruthy(value: GcfgValue | undefined): boolean {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  if (typeof last === 'boolean') return last;
  if (typeof last === 'number') return last !== 0;
  return typeof last === 'string' && /^(true|yes|on|1)$/i.test(last.trim());
}

/** Props (already validated) and the release identity → the model. */
export function resolveModel(props: PackageManagerProps, release: string, namespace: string): Model {
  const { releaseName: _r, namespace: _n, ...given } = props;
  const enableSandboxing = given.enableSandboxing ?? CHART_DEFAULTS.enableSandboxing;
  const defaults = deepMerge(CHART_DEFAULTS, {
    pod: { containerSecurityContext: { seccompProfile: { type: enableSandboxing ? 'Unconfined' : 'RuntimeDefault' } } },
  });
  const values = deepMerge(defaults, {
    ...given,
    livenessProbe: undefined,
    startupProbe: undefined,
    readinessProbe: undefined,
  }) as ResolvedValues;

  const name = chartName(values.nameOverride);
  const full = fullName(release, values.nameOverride, values.fullnameOverride);
  const sa = values.serviceAccount;
  const saName = serviceAccountName(sa.create, sa.name, full);
  const tag = values.image.tag || `${values.image.tagPrefix ?? ''}${values.versionOverride || CHART.appVersion}`;
  const podPort = values.pod.port;
  const explicitListen = configValue(given.config, 'HTTP', 'Listen') ?? configValue(given.extraConfig, 'HTTP', 'Listen');
  const withPort =
    podPort !== undefined && explicitListen === undefined ? deepMerge(values, { config: { HTTP: { Listen: `:${podPort}` } } }) : values;
  const { config, secrets } = extractSecrets(resolveConfig(withPort));
  const settingsFromSecrets = Object.entries(values.configFromSecrets ?? {}).flatMap(([section, keys]) =>
    Object.entries(keys).map(([key, ref]) => ({ env: settingEnvName(section, key), ref })),
  );
  const metricsEnabled = gcfgTruthy(configValue(config, 'Metrics', 'Enabled'));
  const httpPort = podPort ?? listenPort(String(configValue(config, 'HTTP', 'Listen') ?? '')) ?? DEFAULT_HTTP_PORT;
  const metricsPort = listenPort(String(configValue(config, 'Metrics', 'Listen') ?? '')) ?? DEFAULT_METRICS_PORT;
  const file = values.license.file;

  return {
    release,
    namespace,
    name,
    fullName: full,
    values,
    selectorLabels: selectorLabels(name, release),
    labels: commonLabels(name, release),
    podServiceAccountName: values.pod.serviceAccountName || saName,
    serviceAccountName: saName,
    image: `${values.image.repository}:${tag}`,
    metricsEnabled,
    httpPort,
    metricsPort,
    config,
    secretSettings: secrets,
    settingsFromSecrets,
    mountSharedStorage: Boolean(values.sharedStorage.create || values.sharedStorage.mount),
    claimName: values.sharedStorage.name || `${full}-shared-storage`,
    licenseFile: Boolean(file.contents || file.secret),
    awsCredentials: Boolean(values.awsAccessKeyId || values.awsCredentialsSecret),
    containerSecurityContext: values.pod.containerSecurityContext as SecurityContext,
    probes: {
      livenessProbe: resolveProbe(CHART_DEFAULTS.livenessProbe, given.livenessProbe, httpPort),
      startupProbe: resolveProbe(CHART_DEFAULTS.startupProbe, given.startupProbe, httpPort),
      readinessProbe: resolveProbe(CHART_DEFAULTS.readinessProbe, given.readinessProbe, httpPort),
    },
  };
}
