/**
 * Sorts `config` into what the library types and what it does not, the way
 * gcfg reads names (case-insensitively):
 * - a known section or key written in another case is read as the known one (with a warning);
 * - a name a small edit away from a known one is an error that names it (a typo);
 * - any other name is passed through into the gcfg as written, and listed in a warning.
 * Values are read as gcfg reads them: `"true"`/`"yes"`/`"on"` for booleans, numeric strings for
 * whole numbers, a single value for a list.
 */
import { closest, formatPath, type ValidationIssue } from '../errors';
import type { PackageManagerWarning } from '../warnings';
import { isPlainObject } from '../merge';
import { BOOLEAN_KEYS, INTEGER_KEYS, KNOWN_CONFIG, LIST_KEYS } from './spec';
import type { ExtraConfig, GcfgValue, PackageManagerConfig } from './types';

type Sections = Record<string, Record<string, unknown>>;

/** Result of sorting `config`: typed part, pass-through part, and what was reported. */
export interface NormalizedConfig {
  readonly config: PackageManagerConfig;
  readonly extra: ExtraConfig;
  readonly errors: ValidationIssue[];
  readonly warnings: PackageManagerWarning[];
}

const GCFG_TRUE = /^(true|yes|on|1)$/i;
const GCFG_FALSE = /^(false|no|off|0)$/i;

function coerce(id: string, value: unknown): unknown {
  if (BOOLEAN_KEYS.has(id) && typeof value === 'string') {
    if (GCFG_TRUE.test(value.trim())) return true;
    if (GCFG_FALSE.test(value.trim())) return false;
  }
  if (BOOLEAN_KEYS.has(id) && (value === 0 || value === 1)) return value === 1;
  if (INTEGER_KEYS.has(id) && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  if (LIST_KEYS.has(id) && !Array.isArray(value) && value !== undefined && value !== null) return [value];
  return value;
}

const knownSections = [...KNOWN_CONFIG.keys()];

/** Finds the known name for `name`: exact, or in another case. */
function knownName(name: string, known: readonly string[]): string | undefined {
  if (known.includes(name)) return name;
  const lower = name.toLowerCase();
  return known.find((k) => k.length === lower.length && k.toLowerCase() === lower);
}

/** Sorts `config` (and merges `extraConfig`) for validation and rendering. */
export function normalizeConfig(config: unknown, extraConfig: unknown): NormalizedConfig {
  const errors: ValidationIssue[] = [];
  const warnings: PackageManagerWarning[] = [];
  const typed: Sections = {};
  const extra: Sections = {};
  const passedThrough: string[] = [];

  if (config !== undefined && config !== null && !isPlainObject(config)) {
    errors.push({ path: 'config', message: 'must be a map of sections, e.g. { Server: { Address: "https://…" } }' });
    return { config: {}, extra: {}, errors, warnings };
  }
  for (const [section, keys] of Object.entries(config ?? {})) {
    if (keys === undefined) continue;
    if (keys === null) {
      // Removes a default section (as in Helm); a section without a default is simply absent.
      const known = knownName(section, knownSections);
      (known ? typed : extra)[known ?? section] = null as never;
      continue;
    }
    if (!isPlainObject(keys)) {
      errors.push({
        path: formatPath(['config', section]),
        message: `must be a map of keys to values, e.g. { ${section}: { Key: "value" } }`,
      });
      continue;
    }
    const canonical = knownName(section, knownSections);
    if (!canonical) {
      const guess = closest(section, knownSections);
      if (guess) {
        errors.push({
          path: formatPath(['config', section]),
          message: `unknown section; did you mean ${guess}? (a section this library does not type goes in extraConfig)`,
        });
      } else {
        extra[section] = { ...extra[section], ...keys };
        passedThrough.push(section);
      }
      continue;
    }
    if (canonical !== section) {
      warnings.push({
        id: 'ppm:config-spelling',
        path: formatPath(['config', section]),
        message: `is spelled ${canonical} in Posit's docs; gcfg reads names case-insensitively, so it is read as ${canonical}`,
      });
    }
    if (typed[canonical] && canonical !== section) {
      errors.push({
        path: formatPath(['config', section]),
        message: `gcfg names are case-insensitive: ${section} and ${canonical} are the same section; merge them`,
      });
    }
    const knownKeys = KNOWN_CONFIG.get(canonical) ?? [];
    const target = (typed[canonical] ??= {});
    for (const [key, value] of Object.entries(keys)) {
      if (value === undefined) continue;
      const canonicalKey = knownName(key, knownKeys);
      if (!canonicalKey) {
        const path = formatPath(['config', section, key]);
        const guess = closest(key, knownKeys);
        if (guess) {
          errors.push({
            path,
            message: `unknown key; did you mean ${canonical}.${guess}? (a key this library does not type goes in extraConfig)`,
          });
        } else {
          (extra[canonical] ??= {})[key] = value;
          passedThrough.push(`${canonical}.${key}`);
        }
        continue;
      }
      if (canonicalKey !== key) {
        warnings.push({
          id: 'ppm:config-spelling',
          path: formatPath(['config', section, key]),
          message: `is spelled ${canonicalKey} in Posit's docs; gcfg reads names case-insensitively, so it is read as ${canonicalKey}`,
        });
      }
      if (canonicalKey in target) {
        errors.push({
          path: formatPath(['config', section, key]),
          message: `gcfg names are case-insensitive: ${key} and ${canonicalKey} are the same key; keep one`,
        });
      }
      // `null` is kept: merged over the defaults, it removes the default (as in Helm).
      target[canonicalKey] = value === null ? null : coerce(`${canonical}.${canonicalKey}`, value);
    }
  }
  if (passedThrough.length > 0) {
    warnings.push({
      id: 'ppm:config-untyped',
      path: 'config',
      message: `not typed by this library, written to rstudio-pm.gcfg as given: ${passedThrough.join(', ')} (use extraConfig for settings Package Manager has that this library does not type)`,
    });
  }

  if (extraConfig !== undefined && isPlainObject(extraConfig)) {
    for (const [section, keys] of Object.entries(extraConfig)) {
      if (!isPlainObject(keys)) continue; // the schema reports it
      const target = (extra[section] ??= {});
      for (const [key, value] of Object.entries(keys)) {
        const typedSection = knownName(section, knownSections);
        const typedKey = typedSection && knownName(key, KNOWN_CONFIG.get(typedSection) ?? []);
        if (typedSection && typedKey && typed[typedSection]?.[typedKey] !== undefined) {
          errors.push({
            path: formatPath(['extraConfig', section, key]),
            message: `is also set as config.${typedSection}.${typedKey}; keep one`,
          });
        }
        target[key] = value;
      }
    }
  } else if (extraConfig !== undefined) {
    errors.push({ path: 'extraConfig', message: 'must be a map of sections, each a map of keys to values' });
  }
  return { config: typed as PackageManagerConfig, extra: extra as Record<string, Record<string, GcfgValue>>, errors, warnings };
}
