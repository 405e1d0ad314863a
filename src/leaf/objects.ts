/** Helpers for plain JSON objects: the map test, a value at a path, an own property, the Helm merge, a fast copy. */

/** A parsed manifest, or a part of one, read loosely: its fields are whatever the YAML held. */
export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** True for a map: a plain JSON object (not a list, not null; zod's "object"). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A segment of a path: a key, a list index, or the item of a list with that `name` (`containers[rspm]`). */
export type PathSegment = string | number | { readonly name: string };

/** The value at a path of maps (own properties only; lists by index or by name); undefined when the path leaves the maps. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'object') cur = Array.isArray(cur) ? cur.find((x) => isPlainObject(x) && x.name === seg.name) : undefined;
    else if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    else cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/**
 * Sets an own property of `obj`, also for the key `__proto__` (a plain
 * assignment would replace the object's prototype instead, and the key
 * would vanish).
 */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * Merges `override` over `base`: objects merge key by key, everything else
 * (lists, scalars) in `override` replaces what `base` has. `undefined` in
 * `override` keeps `base`; with `nullDeletes` (Helm's merge of a values file
 * over a chart's values), `null` removes the key. Neither input is modified.
 */
export function deepMerge<T>(base: T, override: unknown, options: { nullDeletes?: boolean } = {}): T {
  if (override === undefined) return base;
  // Where the base has no map, a null inside the override is still "no value": merging over {} drops it.
  if (!isPlainObject(base) && isPlainObject(override) && options.nullDeletes) return deepMerge({} as T, override, options);
  if (!isPlainObject(base) || !isPlainObject(override)) return override as T;
  const result: Record<string, unknown> = { ...base };
  for (const key of Object.keys(override)) {
    const value = override[key];
    if (value === null && options.nullDeletes) delete result[key];
    // Own properties only: a key named `constructor` merges over nothing, not over `Object`.
    else if (value !== undefined)
      setOwn(result, key, isPlainObject(value) ? deepMerge(Object.hasOwn(result, key) ? result[key] : undefined, value, options) : value);
    else if (!Object.hasOwn(result, key)) result[key] = undefined;
  }
  return result as T;
}

/**
 * The same own properties in the same order, in an object V8 keeps in fast
 * mode: a map built one key at a time past about twenty keys (as the chart
 * defaults are) becomes a slow dictionary, and every copy of it pays for that.
 */
export function fastCopy<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj)) as T;
}
