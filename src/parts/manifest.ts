import { setOwn } from '../leaf/objects';

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

/** One rendered object: the construct id it gets, and its manifest. */
export interface RenderedObject {
  /** The id of its `ApiObject` under the PackageManager (`Deployment`, `ExtraObject0`…): a contract. */
  readonly id: string;
  /** The object, as plain JSON. */
  readonly manifest: Manifest;
}

/** Drops `undefined` members so that absent values stay absent. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v !== undefined) out[k] = v;
  }
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
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  // Only an object of a class can be a wrapper: plain objects skip the look at the constructor.
  if (Object.getPrototypeOf(value) !== Object.prototype && isUnionWrapper(value)) return value.value as T;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    const v = obj[k];
    if (v !== undefined) setOwn(out, k, plainCopy(v));
  }
  return out as T;
}

/** cdk8s's cleaning of a value: keys sorted, `null`/`undefined` members dropped, empty ones too where asked. */
function clean(value: unknown, dropEmpty: boolean): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return dropEmpty && value.length === 0 ? undefined : value.map((v) => clean(v, dropEmpty));
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = clean((value as Record<string, unknown>)[k], dropEmpty);
    if (v !== undefined && v !== null) out[k] = v;
  }
  return dropEmpty && Object.keys(out).length === 0 ? undefined : out;
}

/**
 * The object as `cdk8s synth` writes it (what `ApiObject.toJson()` does):
 * `apiVersion`, `kind`, `metadata` first, then the other keys sorted, at
 * every level; `null` and `undefined` members dropped; in `metadata`, empty
 * maps and lists dropped too.
 */
export function sanitize(manifest: Manifest): Manifest {
  const { metadata, ...rest } = manifest;
  const body = clean(rest, false) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ['apiVersion', 'kind']) if (Object.hasOwn(body, k)) out[k] = body[k];
  const meta = clean(metadata, true);
  if (meta !== undefined) out.metadata = meta;
  for (const k of Object.keys(body)) if (!Object.hasOwn(out, k)) out[k] = body[k];
  return out as unknown as Manifest;
}
