/**
 * What each chart value is, beyond its type: one typed table (traits-table.ts, generated from the
 * trait tags of props.ts: `npm run gen`) read by the
 * values loader (how a values file's spelling becomes a prop), the chart
 * defaults (which spellings mean "unset"), the error formatter and the
 * no-secrets checks (which values are secret) and the docs. A path that is
 * not a prop does not compile.
 */
import { VALUE_TRAITS } from './traits-table';
import type { StalePath, TraitsTable, ValueTraits } from './value-traits';

export { VALUE_TRAITS };
export type * from './value-traits';

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

const withTrait = new Map<keyof ValueTraits, readonly string[]>();

/** The paths that have a trait (listed once per trait: rules ask for them on every render). */
export function pathsWith(trait: keyof ValueTraits): readonly string[] {
  let paths = withTrait.get(trait);
  if (paths === undefined) {
    paths = Object.freeze(
      Object.entries(VALUE_TRAITS)
        .filter(([, t]) => t?.[trait])
        .map(([p]) => p),
    );
    withTrait.set(trait, paths);
  }
  return paths;
}

/** The warning on a Service setting of another `service.type` (the chart prints it only with its own type). */
export function otherServiceTypeMessage(type: string, actual: unknown): string {
  return `is ignored: it applies only when service.type is ${type} (it is ${String(actual)})`;
}
