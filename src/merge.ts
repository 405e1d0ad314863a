/** Deep merge the way Helm merges a values file over a chart's defaults. */

/** True for a plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  for (const [key, value] of Object.entries(override)) {
    if (value === null && options.nullDeletes) delete result[key];
    // Own properties only: a key named `constructor` merges over nothing, not over `Object`.
    else setOwn(result, key, deepMerge(Object.hasOwn(result, key) ? result[key] : undefined, value, options));
  }
  return result as T;
}
