/**
 * The resolved model: computed once from validated props, read by every
 * renderer. Names, labels, ports, the image, which objects exist and the
 * gcfg text all live here, so no renderer recomputes them.
 */
import { CHART, CHART_DEFAULTS } from './defaults';
import type { Probe, SecurityContext } from './k8s-types';
import { deepMerge, isPlainObject } from './merge';
import { chartName, fullName } from './names';
import type { GcfgValue, PackageManagerProps, PackageManagerValues, ProbeProps } from './props';

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
export type ResolvedValues = PackageManagerValues & Widen<typeof CHART_DEFAULTS>;

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
  /** The gcfg document (config plus what the chart merges in). */
  readonly config: Record<string, Record<string, GcfgValue>>;
  /** Whether shared storage is mounted (created or existing). */
  readonly mountSharedStorage: boolean;
  /** Name of the shared-storage claim. */
  readonly claimName: string;
  /** Whether a license file is mounted (inline or from a Secret). */
  readonly licenseFile: boolean;
  /** The container security context, defaults applied. */
  readonly containerSecurityContext: SecurityContext;
  /** The probes to render (without `enabled`), by field name. */
  readonly probes: { livenessProbe?: Probe; startupProbe?: Probe; readinessProbe?: Probe };
}

const PROBE_HANDLERS = ['exec', 'tcpSocket', 'grpc'] as const;

/** Merges a probe over its default; a handler of its own replaces the default `httpGet`. */
function resolveProbe(defaults: ProbeProps, given: ProbeProps | undefined): Probe | undefined {
  const ownHandler = given && PROBE_HANDLERS.some((h) => given[h] !== undefined) && given.httpGet === undefined;
  const base: ProbeProps = ownHandler ? { ...defaults, httpGet: undefined } : defaults;
  const merged = deepMerge<ProbeProps>(base, given);
  if (!merged.enabled) return undefined;
  const probe: Record<string, unknown> = { ...merged };
  delete probe.enabled;
  for (const k of Object.keys(probe)) if (probe[k] === undefined) delete probe[k];
  return Object.keys(probe).length > 0 ? (probe as Probe) : undefined;
}

/** Merges config over the default and adds what the chart adds (license server). */
function resolveConfig(values: ResolvedValues): Record<string, Record<string, GcfgValue>> {
  const config: Record<string, Record<string, GcfgValue>> = {};
  for (const [section, keys] of Object.entries(values.config ?? {})) {
    if (keys === undefined) continue;
    const clean: Record<string, GcfgValue> = {};
    for (const [k, v] of Object.entries(keys)) if (v !== undefined && v !== null) clean[k] = v;
    config[section] = clean;
  }
  if (values.license?.server) {
    config.Licensing = { ...config.Licensing, LicenseType: 'remote' };
  }
  return config;
}

/** Reads `section.key` of a config case-insensitively, as gcfg does. */
export function configValue(config: PackageManagerValues['config'], section: string, key: string): GcfgValue | undefined {
  for (const [s, keys] of Object.entries(config ?? {})) {
    if (s.toLowerCase() !== section.toLowerCase() || !isPlainObject(keys)) continue;
    for (const [k, v] of Object.entries(keys)) if (k.toLowerCase() === key.toLowerCase()) return v;
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
  const selectorLabels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': release };
  const labels = {
    ...selectorLabels,
    'app.kubernetes.io/version': CHART.appVersion,
    'app.kubernetes.io/managed-by': 'cdk8s',
  };
  const sa = values.serviceAccount;
  const serviceAccountName = sa.create ? sa.name || full : sa.name || 'default';
  const tag = values.image.tag || `${values.image.tagPrefix ?? ''}${values.versionOverride || CHART.appVersion}`;
  const config = resolveConfig(values);
  const metricsEnabled = gcfgTruthy(configValue(config, 'Metrics', 'Enabled'));
  const file = values.license.file;

  return {
    release,
    namespace,
    name,
    fullName: full,
    values,
    selectorLabels,
    labels,
    podServiceAccountName: values.pod.serviceAccountName || serviceAccountName,
    serviceAccountName,
    image: `${values.image.repository}:${tag}`,
    metricsEnabled,
    config,
    mountSharedStorage: Boolean(values.sharedStorage.create || values.sharedStorage.mount),
    claimName: values.sharedStorage.name || `${full}-shared-storage`,
    licenseFile: Boolean(file.contents || file.secret),
    containerSecurityContext: values.pod.containerSecurityContext as SecurityContext,
    probes: {
      livenessProbe: resolveProbe(CHART_DEFAULTS.livenessProbe, given.livenessProbe),
      startupProbe: resolveProbe(CHART_DEFAULTS.startupProbe, given.startupProbe),
      readinessProbe: resolveProbe(CHART_DEFAULTS.readinessProbe, given.readinessProbe),
    },
  };
}
