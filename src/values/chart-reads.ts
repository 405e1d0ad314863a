/**
 * What the chart's templates read only while a feature is on (facts of the templates of 0.5.29 and 0.20.4, which
 * agree here): with the feature off, the chart never reads them, so a values file may hold anything there (it is
 * dropped, with the warning `ppm:ignored-value`).
 */

/** A feature's switch, and the values under the same map that only that feature reads (`*`: all but the switch). */
export interface GatedValues {
  /** The switch, tested with `if` (`serviceAccount.create`). */
  readonly gate: string;
  /** Switches beside it that turn the same reads on (the chart's `or`), e.g. `mount` beside `sharedStorage.create`. */
  readonly or?: readonly string[];
  /** Keys beside the switch that are read only when it is on. */
  readonly reads: '*' | readonly string[];
}

export const GATED_VALUES: readonly GatedValues[] = [
  { gate: 'serviceAccount.create', reads: ['annotations', 'labels'] },
  { gate: 'ingress.enabled', reads: '*' },
  { gate: 'serviceMonitor.enabled', reads: '*' },
  {
    gate: 'sharedStorage.create',
    reads: ['annotations', 'accessModes', 'storageClassName', 'volumeName', 'requests', 'selector'],
  },
  // The claim's name and the mount path, read when the chart creates the claim or mounts one.
  { gate: 'sharedStorage.create', or: ['mount'], reads: ['name', 'path'] },
  { gate: 'resources.requests.enabled', reads: '*' },
  { gate: 'resources.limits.enabled', reads: '*' },
  { gate: 'livenessProbe.enabled', reads: '*' },
  { gate: 'startupProbe.enabled', reads: '*' },
  { gate: 'readinessProbe.enabled', reads: '*' },
];

/**
 * Values the chart's templates `range` over without testing them first: any scalar there, `false`, `0` and `""`
 * included, makes Helm fail ("range can't iterate over false"); `null` removes them, `[]` and `{}` are empty.
 */
export const RANGED_VALUES: Readonly<Record<string, 'a map' | 'a list'>> = {
  'pod.annotations': 'a map',
  extraObjects: 'a list',
};

/**
 * Maps the chart prints with `toYaml` whenever the feature that holds them is on, without testing them: a scalar
 * there is printed as is (`annotations: false`), and Helm fails on the object it renders. Each names its switch,
 * as in GATED_VALUES.
 */
export const PRINTED_MAPS: Readonly<Record<string, string>> = {
  'sharedStorage.annotations': 'sharedStorage.create',
};

/**
 * Values the chart prints into a field Kubernetes requires, where the chart version has a default for them (chart
 * 0.20.4 prints `containerPort: {{ .Values.pod.port }}`; 0.5.29 does not read `pod.port`): removing them (`null`,
 * or `""`, printed as nothing) renders the field empty. What that field is.
 */
export const REQUIRED_PRINTED: Readonly<Record<string, string>> = {
  'pod.port': 'a container port without a number',
};
