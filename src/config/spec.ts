/**
 * The typed config's check, and the lists of known sections and keys, and of the keys read as
 * booleans, numbers or lists, derived from the generated shape (config/shape.ts, from the TSDoc
 * of config/types.ts).
 */
import { obj, type Check } from '../leaf/check';
import { CONFIG_SHAPE } from './shape';
import type { PackageManagerConfig } from './types';

export { GO_DURATION, isCronSchedule, isListenAddress, listenPort } from './formats';
export { CONFIG_SHAPE } from './shape';

/** The check of the typed config. */
export const configCheck: Check<PackageManagerConfig> = obj(CONFIG_SHAPE);

/** The key checks of each section (`obj` keeps its shape on the function). */
const SECTION_SHAPES: Readonly<Record<string, Readonly<Record<string, Check<unknown>>>>> = Object.fromEntries(
  Object.entries(CONFIG_SHAPE).map(([section, check]) => [section, (check as { shape?: Record<string, Check<unknown>> }).shape ?? {}]),
);

/** Known sections and their known keys. */
export const KNOWN_CONFIG: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(SECTION_SHAPES).map(([section, keys]) => [section, Object.keys(keys)]),
);

function keysOfKind(kind: Check<unknown>['kind']): Set<string> {
  const out = new Set<string>();
  for (const [section, keys] of Object.entries(SECTION_SHAPES)) {
    for (const [key, check] of Object.entries(keys)) if (check.kind === kind) out.add(`${section}.${key}`);
  }
  return out;
}

/** Known keys whose value is a boolean (gcfg-style strings in values files are read as booleans). */
export const BOOLEAN_KEYS = keysOfKind('boolean');
/** Known keys whose value is a whole number (numeric strings in values files are read as numbers). */
export const INTEGER_KEYS = keysOfKind('number');
/** Known keys whose value is a list (a single value is a list of one). */
export const LIST_KEYS = keysOfKind('list');
