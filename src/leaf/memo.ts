/**
 * A pure function of a string, remembered for the process: the same names, schedules and values come back in every
 * instance. Bounded: only keys of at most `maxKeyLength` characters are kept (a long one is computed each time), at
 * most `maxEntries` of them (all forgotten when full). Results are shared between callers: return read-only values.
 */
export function remembered<T>(compute: (key: string) => T, options: { maxEntries: number; maxKeyLength: number }): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (key.length > options.maxKeyLength) return compute(key);
    if (known.has(key)) return known.get(key) as T;
    const value = compute(key);
    if (known.size >= options.maxEntries) known.clear();
    known.set(key, value);
    return value;
  };
}
