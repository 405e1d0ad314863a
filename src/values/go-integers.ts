/**
 * Which numbers of merged values are Go int64s: Helm's `--set` gives integers as int64, which templates print in
 * full (`1000000`), while values files give float64, printed as Go's `%v` does (`1e+06`). `loadValues` records the
 * `--set` integers on the values it returns (a hidden property); the values reader prints them so.
 */

/** The hidden property: a map from a key path (`JSON.stringify` of its segments as strings) to the int64's text. */
export const GO_INTEGERS = Symbol.for('cdk8s-posit-package-manager.goIntegers');

/** The map's key for a key path: its segments as strings (`['a', 0]` and `a.0` of a template are the same key). */
export function goIntegerKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path.map(String));
}

/** The int64 texts recorded on `values`, or none. */
export function goIntegersOf(values: unknown): ReadonlyMap<string, string> {
  const map = values !== null && typeof values === 'object' ? (values as Record<symbol, unknown>)[GO_INTEGERS] : undefined;
  return map instanceof Map ? (map as ReadonlyMap<string, string>) : new Map();
}
