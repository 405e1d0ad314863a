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
