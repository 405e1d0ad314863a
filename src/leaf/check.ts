/**
 * Predicates for the fast check of the props (fast-check.ts): each says
 * whether a value is what the zod schema (schema.ts) accepts, without
 * allocating and without saying why — zod explains a failure.
 *
 * `Check<T>` carries the type it accepts, covariantly: a check that accepts
 * more than the props type allows does not compile in its place, while one
 * that accepts less does (and is caught by the test comparing both with zod).
 */

import { isPlainObject } from './objects';

/** A predicate accepting values of type `T` (the type is a compile-time tag). */
export interface Check<T> {
  (value: unknown): boolean;
  /** Compile-time only: what the check accepts. */
  readonly accepts?: T;
  /** What the value is, for the tables derived from a check (config value kinds). */
  readonly kind?: 'string' | 'number' | 'boolean' | 'list' | 'other';
  /** The checks of the keys, for a map check made by `obj`. */
  readonly shape?: Readonly<Record<string, Check<unknown>>>;
}

function tagged<T>(fn: (value: unknown) => boolean, kind: Check<T>['kind'] = 'other'): Check<T> {
  return Object.assign(fn, { kind }) as Check<T>;
}

/** Any value (zod's `unknown`). */
export const anything: Check<unknown> = tagged(() => true);

/** A string. */
export const str: Check<string> = tagged((v) => typeof v === 'string', 'string');

/** A string the predicate accepts. */
export function strWhere(predicate: (s: string) => boolean): Check<string> {
  return tagged((v) => typeof v === 'string' && predicate(v), 'string');
}

/** A string matching `re` (which must not be global or sticky). */
export function strMatching(re: RegExp): Check<string> {
  return tagged((v) => typeof v === 'string' && re.test(v), 'string');
}

/** A string of at least `min` and at most `max` characters. */
export function strLength(min: number, max = Infinity): Check<string> {
  return tagged((v) => typeof v === 'string' && v.length >= min && v.length <= max, 'string');
}

/** One of the given strings. */
export function oneOf<const V extends string>(...values: V[]): Check<V> {
  return tagged((v) => typeof v === 'string' && (values as string[]).includes(v), 'string');
}

/** true or false. */
export const bool: Check<boolean> = tagged((v) => typeof v === 'boolean', 'boolean');

/** A number (not NaN), optionally whole and within bounds (inclusive). */
export function num(options: { int?: boolean; min?: number; max?: number } = {}): Check<number> {
  const { int = false, min = -Infinity, max = Infinity } = options;
  return tagged((v) => typeof v === 'number' && !Number.isNaN(v) && (!int || Number.isInteger(v)) && v >= min && v <= max, 'number');
}

/** A list whose items the check accepts (a hole is read as `undefined`, as zod reads it). */
export function list<T>(item: Check<T>): Check<T[]> {
  return tagged((v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
    return true;
  }, 'list');
}

/** Either check. */
export function or<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  return tagged((v) => a(v) || b(v));
}

/** A map of any keys the key check accepts to values the value check accepts. */
export function record<V>(key: Check<string>, value: Check<V>): Check<{ readonly [key: string]: V }> {
  return tagged((v) => {
    if (!isPlainObject(v)) return false;
    for (const k in v) if (!key(k) || !value(v[k])) return false;
    return true;
  });
}

/** A check that also asks `refine` (zod's `superRefine` on a valid value). */
export function refined<T>(check: Check<T>, refine: (value: T) => boolean): Check<T> {
  return tagged((v) => check(v) && refine(v as T), check.kind);
}

/** The keys of `T` that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** The checks of a map type's keys: every key of `T`, none other. */
export type Shape<T> = { readonly [K in keyof T]-?: Check<NonNullable<T[K]>> };

/**
 * A map with exactly the keys of the shape (zod's strict object): each
 * present value checked; `undefined` stands for an absent key, except for the
 * required keys. With `rest`, other keys are allowed and checked by it
 * (zod's catchall) instead of refused.
 */
export function obj<T>(
  shape: Shape<NoInfer<T>>,
  options: { required?: readonly RequiredKeys<NoInfer<T>>[]; rest?: Check<unknown> } = {},
): Check<T> {
  const checks = shape as unknown as Readonly<Record<string, Check<unknown>>>;
  const required = (options.required ?? []) as readonly string[];
  const rest = options.rest;
  const check: Check<T> = tagged((v) => {
    if (!isPlainObject(v)) return false;
    for (const k in v) {
      const check = Object.prototype.hasOwnProperty.call(checks, k) ? checks[k] : rest;
      if (!check) return false;
      const x = v[k];
      if (x === undefined && check !== rest) {
        if (required.includes(k)) return false;
      } else if (!check(x)) return false;
    }
    for (let i = 0; i < required.length; i++) if (!(required[i] in v)) return false;
    return true;
  });
  return Object.assign(check, { shape: checks });
}
