/**
 * What each chart value is, beyond its type: one typed table read by the
 * values loader (how a values file's spelling becomes a prop), the chart
 * defaults (which spellings mean "unset"), the error formatter and the
 * no-secrets checks (which values are secret) and the docs. A path that is
 * not a prop does not compile.
 */
import type { PackageManagerProps, SecretsByName } from './props';

/** One step less of recursion depth. */
type Prev = [never, 0, 1, 2, 3, 4];

/** Dotted paths of the maps inside `T` (lists and their items are leaves), at most `D` levels deep. */
export type PathsOf<T, D extends number = 4> = [D] extends [never]
  ? never
  : T extends readonly unknown[]
    ? never
    : T extends object
      ? { [K in keyof T & string]-?: K | `${K}.${PathsOf<NonNullable<T[K]>, Prev[D]>}` }[keyof T & string]
      : never;

/** The path of a prop of `P`: `license.file.secretKey`, `pod.env`, `strategy.rollingUpdate.maxSurge`. */
export type PropPath<P = PackageManagerProps> = PathsOf<
  SecretsByName<Omit<P, 'releaseName' | 'namespace' | 'chartVersion' | 'acknowledgeWarnings'>>
>;

/** Keys of older chart versions (or of the chart's own CI files) that no version we render reads. */
export type StalePath = 'storageClaim' | 'nodePort' | 'metricsNodePort' | 'image.pullPolicy';

/** What a chart value is, besides its type. */
export interface ValueTraits {
  /**
   * The chart tests it with `if`/`with`/`default`: in a values file, `false`,
   * `""`, `0`, `null`, `{}` and `[]` there mean "none".
   */
  readonly falsyUnset?: true;
  /** The chart prints it unquoted into YAML: a string there that reads as a number becomes that number. */
  readonly printedAsYaml?: true;
  /** The chart only uses it as text: a number or boolean there is its text (`tag: 2024.04` is "2024.04"). */
  readonly usedAsText?: true;
  /** A secret: never shown in a message, never in a ConfigMap, an annotation or a label. */
  readonly secret?: true;
  /** Evaluated by the chart as a template (`tpl`) before use. */
  readonly templated?: true;
  /**
   * The chart reads fields of it (`.Values.x.enabled`): `null` or a scalar there makes Helm fail, so a values file
   * may not remove it.
   */
  readonly dereferenced?: true;
  /**
   * The chart's default is a constant, but this library derives it instead
   * (the same value with the chart's other defaults): what it follows.
   */
  readonly derivedFrom?: string;
}

/** A traits table for the props `P`: only paths of `P` compile. */
export type TraitsTable<P = PackageManagerProps> = { readonly [K in PropPath<P>]?: ValueTraits };

/** The traits of every chart value that has any. */
export const VALUE_TRAITS: TraitsTable = {
  nameOverride: { falsyUnset: true },
  fullnameOverride: { falsyUnset: true },
  versionOverride: { falsyUnset: true },
  'sharedStorage.name': { falsyUnset: true },
  'sharedStorage.path': { usedAsText: true },
  'sharedStorage.storageClassName': { falsyUnset: true },
  'sharedStorage.volumeName': { falsyUnset: true },
  'sharedStorage.selector': { falsyUnset: true },
  'sharedStorage.annotations': { falsyUnset: true },
  'sharedStorage.requests.storage': { printedAsYaml: true },
  'image.repository': { usedAsText: true },

  'image.tag': { falsyUnset: true, usedAsText: true },
  'image.imagePullSecrets': { falsyUnset: true },
  'license.key': { falsyUnset: true, usedAsText: true, secret: true },
  'license.server': { falsyUnset: true, usedAsText: true },
  'license.file.contents': { falsyUnset: true, secret: true },
  'license.file.secret': { falsyUnset: true },
  'license.file.mountPath': { usedAsText: true },
  'license.file.secretKey': { usedAsText: true },
  'service.clusterIP': { falsyUnset: true },
  'service.loadBalancerIP': { falsyUnset: true },
  'service.nodePort': { falsyUnset: true, printedAsYaml: true },
  'service.annotations': { falsyUnset: true },
  'service.port': { printedAsYaml: true },
  'service.type': { printedAsYaml: true },
  'strategy.type': { printedAsYaml: true },
  'service.targetPort': { printedAsYaml: true, derivedFrom: 'the port of config.HTTP.Listen' },
  replicas: { printedAsYaml: true },
  revisionHistoryLimit: { printedAsYaml: true },
  awsAccessKeyId: { falsyUnset: true, usedAsText: true, secret: true },
  awsSecretAccessKey: { falsyUnset: true, usedAsText: true, secret: true },
  rstudioPMKey: { falsyUnset: true, usedAsText: true, secret: true },
  command: { falsyUnset: true },
  args: { falsyUnset: true },
  initContainers: { falsyUnset: true },
  'pod.env': { falsyUnset: true },
  'pod.volumes': { falsyUnset: true },
  'pod.volumeMounts': { falsyUnset: true },
  'pod.serviceAccountName': { falsyUnset: true },
  'pod.annotations': { falsyUnset: true },
  'pod.labels': { falsyUnset: true },
  'pod.lifecycle': { falsyUnset: true },
  'pod.securityContext': { falsyUnset: true },
  'pod.containerSecurityContext': { templated: true },
  'pod.hostAliases': { falsyUnset: true },
  'pod.port': { printedAsYaml: true, derivedFrom: 'the port of config.HTTP.Listen' },
  'pod.terminationGracePeriodSeconds': { printedAsYaml: true },
  'strategy.rollingUpdate.maxSurge': { printedAsYaml: true },
  'strategy.rollingUpdate.maxUnavailable': { printedAsYaml: true },
  'resources.requests.memory': { usedAsText: true },
  'resources.requests.cpu': { usedAsText: true },
  'resources.requests.ephemeralStorage': { usedAsText: true },
  'resources.limits.memory': { usedAsText: true },
  'resources.limits.cpu': { usedAsText: true },
  'resources.limits.ephemeralStorage': { usedAsText: true },
  extraObjects: { falsyUnset: true, templated: true },
  extraContainers: { falsyUnset: true },
  affinity: { falsyUnset: true },
  nodeSelector: { falsyUnset: true },
  topologySpreadConstraints: { falsyUnset: true },
  tolerations: { falsyUnset: true },
  priorityClassName: { falsyUnset: true },
  podDisruptionBudget: { falsyUnset: true },
  'ingress.ingressClassName': { falsyUnset: true },
  'ingress.annotations': { falsyUnset: true },
  'ingress.hosts': { falsyUnset: true },
  'ingress.tls': { falsyUnset: true },
  'serviceAccount.name': { falsyUnset: true },
  'serviceAccount.annotations': { falsyUnset: true },
  'serviceAccount.labels': { falsyUnset: true },
  'serviceMonitor.namespace': { falsyUnset: true },
  'serviceMonitor.additionalLabels': { falsyUnset: true },
  // Maps whose fields the chart's templates read: Helm fails ("nil pointer evaluating interface {}.enabled") when
  // a values file sets them to null.
  sharedStorage: { dereferenced: true },
  image: { dereferenced: true },
  strategy: { dereferenced: true },
  license: { dereferenced: true },
  'license.file': { dereferenced: true },
  service: { dereferenced: true },
  pod: { dereferenced: true },
  resources: { dereferenced: true },
  'resources.requests': { dereferenced: true },
  'resources.limits': { dereferenced: true },
  livenessProbe: { dereferenced: true },
  startupProbe: { dereferenced: true },
  readinessProbe: { dereferenced: true },
  ingress: { dereferenced: true },
  serviceAccount: { dereferenced: true },
  serviceMonitor: { dereferenced: true },
  config: { dereferenced: true },
  'config.Metrics': { dereferenced: true },
};

/** Keys of older charts that no version we render reads: dropped from a values file with a warning. */
export const STALE_VALUES: { readonly [P in StalePath]: string } = {
  storageClaim: 'not used since chart 0.2: use sharedStorage',
  nodePort: 'not used by the chart: use service.nodePort',
  metricsNodePort: 'not used by the chart: the metrics port is not exposed as a NodePort',
  'image.pullPolicy': 'removed in chart 0.2.7: use image.imagePullPolicy',
};

/** The traits of a path (none for an unlisted one). */
export function traitsOf(path: string, table: TraitsTable<unknown> = VALUE_TRAITS): ValueTraits {
  const own = Object.prototype.hasOwnProperty.call(table, path);
  return own ? ((table as Readonly<Record<string, ValueTraits>>)[path] ?? {}) : {};
}

/** The paths that have a trait. */
export function pathsWith(trait: keyof ValueTraits): string[] {
  return Object.entries(VALUE_TRAITS)
    .filter(([, t]) => t?.[trait])
    .map(([p]) => p);
}
