/**
 * How Helm 3.16.4 combines values: `-f` files merged in order
 * (`mergeValueLayers`, Helm's cli/values mergeMaps), then the user values
 * coalesced over the chart's values.yaml (`coalesceValues`, Helm's
 * chartutil.CoalesceValues for a chart without subcharts).
 *
 * Coalescing rules (user = the merged -f/--set values, chart = values.yaml):
 * - a user `null` on a key the chart has deletes the key, at any depth
 *   (inside default maps too, and whole maps);
 * - a user `null` on a key the chart does not have stays `null`;
 * - maps merge key by key; lists and scalars replace;
 * - a user map over a chart scalar wins (Helm warns "skipped value … Not a
 *   table" when the chart value is not null); a user scalar over a chart map
 *   wins (Helm warns below the top level only);
 * - chart values the user did not touch are kept, nulls included.
 */
import { isPlainObject, setOwn } from '../leaf/objects';

/** A warning Helm prints while coalescing (the values themselves are left out). */
export interface CoalesceWarning {
  /** Dotted key, prefixed with the chart name as Helm prints it (e.g. `rstudio-pm.image.tag`). */
  readonly path: string;
  readonly message: string;
}

/** Options of {@link coalesceValues}. */
export interface CoalesceOptions {
  /** Chart name used in warning paths. @default 'rstudio-pm' */
  readonly chartName?: string;
  /** Receives each warning Helm would print. */
  readonly onWarning?: (warning: CoalesceWarning) => void;
}

type Values = Record<string, unknown>;

function has(map: Values, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** A deep copy of JSON-like values (own properties only, `__proto__` keys kept as keys). */
export function copyValues<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyValues) as T;
  if (isPlainObject(value)) {
    const out: Values = {};
    for (const key of Object.keys(value)) setOwn(out, key, copyValues(value[key]));
    return out as T;
  }
  return value;
}

/** Helm's mergeMaps: `b` over `a`; maps merge, anything else in `b` (null included) replaces. */
function mergeMaps(a: Values, b: Values): Values {
  const out: Values = {};
  for (const key of Object.keys(a)) setOwn(out, key, a[key]);
  for (const key of Object.keys(b)) {
    const v = b[key];
    const current = has(out, key) ? out[key] : undefined;
    setOwn(out, key, isPlainObject(v) && isPlainObject(current) ? mergeMaps(current, v) : v);
  }
  return out;
}

/**
 * Merges values files the way `helm -f a.yaml -f b.yaml` does: later layers
 * win, maps merge, lists and scalars replace, and `null` is kept (it deletes
 * the chart's default later, in {@link coalesceValues}). Inputs are not changed.
 */
export function mergeValueLayers(layers: readonly Values[]): Values {
  let out: Values = {};
  for (const layer of layers) out = mergeMaps(out, layer ?? {});
  return copyValues(out);
}

function coalesceTables(dst: Values, src: Values, prefix: string, warn: (path: string, message: string) => void): void {
  for (const key of Object.keys(src)) {
    const fullKey = prefix ? `${prefix}.${key}` : key;
    const val = src[key];
    if (!has(dst, key)) {
      setOwn(dst, key, val);
      continue;
    }
    const dv = dst[key];
    if (dv === null) delete dst[key];
    else if (isPlainObject(val)) {
      if (isPlainObject(dv)) coalesceTables(dv, val, fullKey, warn);
      else warn(fullKey, `cannot overwrite table with non table for ${fullKey}`);
    } else if (isPlainObject(dv) && val !== null) {
      warn(fullKey, `destination for ${fullKey} is a table. Ignoring non-table value`);
    }
  }
}

/**
 * Helm's CoalesceValues: `userValues` over `chartValues` (the chart's
 * values.yaml), giving what templates see as `.Values`. Inputs are not changed.
 */
export function coalesceValues(chartValues: Values, userValues: Values, options: CoalesceOptions = {}): Values {
  const chartName = options.chartName ?? 'rstudio-pm';
  const warn = (path: string, message: string) => options.onWarning?.({ path, message: `warning: ${message}` });
  const v = copyValues(userValues ?? {});
  const vc = copyValues(chartValues ?? {});
  for (const key of Object.keys(vc)) {
    const val = vc[key];
    if (!has(v, key)) {
      setOwn(v, key, val);
      continue;
    }
    const value = v[key];
    if (value === null) delete v[key];
    else if (isPlainObject(value)) {
      const path = `${chartName}.${key}`;
      if (!isPlainObject(val)) {
        if (val !== null) warn(path, `skipped value for ${path}: Not a table.`);
      } else coalesceTables(value, val, path, warn);
    }
  }
  return v;
}
