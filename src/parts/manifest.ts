/** The plain JSON of one Kubernetes object, as the renderers produce it. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/** Drops `undefined` members so that absent values stay absent. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** `undefined` for an empty list or map, the value otherwise (the chart's `with`). */
export function nonEmpty<T>(value: T | undefined): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length > 0 ? value : undefined;
  if (typeof value === 'object') return Object.keys(value as object).length > 0 ? value : undefined;
  return value;
}

/** cdk8s's `IntOrString`/`Quantity` (recognized by name, so cdk8s-plus is not loaded for it). */
function isUnionWrapper(v: unknown): v is { value: string | number } {
  const name = (v as { constructor?: { name?: string } } | null)?.constructor?.name;
  return (name === 'IntOrString' || name === 'Quantity') && ['string', 'number'].includes(typeof (v as { value?: unknown }).value);
}

/**
 * A deep copy made of plain objects and arrays of this realm. cdk8s's
 * resolver treats any object whose constructor is not `Object` (one from
 * another realm, or with a null prototype) as an int-or-string wrapper and
 * keeps only its `value`; a copy also keeps later changes to the props out.
 */
export function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  if (isUnionWrapper(value)) return value.value as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plainCopy(v);
    return out as T;
  }
  return value;
}
