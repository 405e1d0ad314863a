/**
 * Sorts `config` into what the library types and what it does not, the way
 * gcfg reads names (case-insensitively):
 * - a known section or key written in another case is read as the known one (with a warning);
 * - a name a small edit away from a known one is an error that names it (a typo);
 * - any other name is passed through into the gcfg as written, and listed in a warning.
 * Values are read as gcfg reads them: `"true"`/`"yes"`/`"on"` for booleans, numeric strings for
 * whole numbers, a single value for a list.
 *
 * `extraConfig` is merged in as written; two spellings of one name (gcfg reads
 * `Proxy` and `proxy`, `URL` and `url` as the same) are an error, since one
 * key would get several values. `configFromSecrets` names are read like
 * `config`'s.
 *
 * Maps are read and written by own property only: a section or key named
 * `constructor`, `toString` or `hasOwnProperty` is carried like any other
 * name, and never reaches a built-in object.
 */
import { closest, formatPath, type ValidationIssue } from '../errors';
import { parseSectionName } from '../gcfg/serialize';
import { isPlainObject, setOwn } from '../leaf/objects';
import type { PackageManagerWarning } from '../warnings';
import { BOOLEAN_KEYS, INTEGER_KEYS, KNOWN_CONFIG, LIST_KEYS } from './spec';
import type { ExtraConfig, GcfgValue, PackageManagerConfig } from './types';

type Keys = Record<string, unknown>;
type Sections = Record<string, Keys>;

/** Result of sorting `config`: typed part, pass-through part, and what was reported. */
export interface NormalizedConfig {
  readonly config: PackageManagerConfig;
  readonly extra: ExtraConfig;
  readonly errors: ValidationIssue[];
  readonly warnings: PackageManagerWarning[];
}

const GCFG_TRUE = /^(true|yes|on|1)$/i;
const GCFG_FALSE = /^(false|no|off|0)$/i;

/** The own property `key` of `obj`, never an inherited one (`constructor`, `toString`…). */
export function own<T = unknown>(obj: object | null | undefined, key: string): T | undefined {
  return obj !== null && obj !== undefined && Object.hasOwn(obj, key) ? ((obj as Record<string, T>)[key] as T) : undefined;
}

/** The map at `map[key]`, created when `map` has no own one: `??=` would find `Object` under `constructor`. */
export function child<T>(map: Record<string, Record<string, T>>, key: string): Record<string, T> {
  const found = own<Record<string, T> | null>(map, key);
  if (found) return found;
  const created: Record<string, T> = {};
  setOwn(map, key, created);
  return created;
}

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

/** How gcfg identifies a section: its name without case, its subsection (case-sensitive) as written. */
export function sectionId(section: string): string {
  const { name, subsection } = parseSectionName(section);
  return subsection === undefined ? name.toLowerCase() : `${name.toLowerCase()} "${subsection}"`;
}

/**
 * Remembers the spelling of every section and key, so that a second
 * spelling of the same gcfg name is reported where it appears.
 */
class Spellings {
  private readonly sections = new Map<string, { spelled: string; path: string }>();
  private readonly keys = new Map<string, { spelled: string; path: string }>();

  constructor(private readonly errors: ValidationIssue[]) {}

  section(section: string, path: string): void {
    const id = sectionId(section);
    const first = this.sections.get(id);
    if (!first) this.sections.set(id, { spelled: section, path });
    else if (first.spelled !== section)
      this.errors.push({
        path,
        message: `gcfg names are case-insensitive: ${JSON.stringify(section)} and ${JSON.stringify(first.spelled)} (${first.path}) are the same section; spell them the same way`,
      });
  }

  key(section: string, key: string, path: string): void {
    const id = `${sectionId(section)}\0${key.toLowerCase()}`;
    const first = this.keys.get(id);
    if (!first) this.keys.set(id, { spelled: key, path });
    else
      this.errors.push({
        path,
        message:
          first.spelled === key
            ? `is also set as ${first.path}; keep one`
            : `gcfg names are case-insensitive: ${JSON.stringify(key)} and ${JSON.stringify(first.spelled)} (${first.path}) are the same key, which would get two values; keep one`,
      });
  }
}

/** Sorts `config` (and merges `extraConfig`) for validation and rendering. */
export function normalizeConfig(config: unknown, extraConfig: unknown): NormalizedConfig {
  const errors: ValidationIssue[] = [];
  const warnings: PackageManagerWarning[] = [];
  const typed: Sections = {};
  const extra: Sections = {};
  const passedThrough: string[] = [];
  const spellings = new Spellings(errors);

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
        spellings.section(section, formatPath(['config', section]));
        const target = child(extra, section);
        for (const [key, value] of Object.entries(keys)) {
          if (value === undefined) continue;
          spellings.key(section, key, formatPath(['config', section, key]));
          target[key] = value;
        }
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
    if (own(typed, canonical) && canonical !== section) {
      errors.push({
        path: formatPath(['config', section]),
        message: `gcfg names are case-insensitive: ${section} and ${canonical} are the same section; merge them`,
      });
    }
    spellings.section(canonical, formatPath(['config', canonical]));
    const knownKeys = KNOWN_CONFIG.get(canonical) ?? [];
    const target = child(typed, canonical);
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
          spellings.key(canonical, key, path);
          setOwn(child(extra, canonical), key, value);
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
      if (Object.hasOwn(target, canonicalKey)) {
        errors.push({
          path: formatPath(['config', section, key]),
          message: `gcfg names are case-insensitive: ${key} and ${canonicalKey} are the same key; keep one`,
        });
      } else spellings.key(canonical, canonicalKey, formatPath(['config', canonical, canonicalKey]));
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
      if (keys === undefined || keys === null) continue; // extraConfig has no defaults to remove
      if (!isPlainObject(keys)) {
        errors.push({ path: formatPath(['extraConfig', section]), message: 'must be a map of keys to values, e.g. { Key: "value" }' });
        continue;
      }
      spellings.section(section, formatPath(['extraConfig', section]));
      const target = child(extra, section);
      const typedSection = knownName(parseSectionName(section).name === section ? section : '', knownSections);
      for (const [key, value] of Object.entries(keys)) {
        const path = formatPath(['extraConfig', section, key]);
        const typedKey = typedSection && knownName(key, KNOWN_CONFIG.get(typedSection) ?? []);
        if (typedSection && typedKey && own(own(typed, typedSection), typedKey) !== undefined) {
          errors.push({ path, message: `is also set as config.${typedSection}.${typedKey}; keep one` });
        } else if (typedSection && typedKey && (typedKey !== key || typedSection !== section)) {
          errors.push({
            path,
            message: `is the typed setting config.${typedSection}.${typedKey} spelled another way (gcfg names are case-insensitive, so both spellings would be written): set config.${typedSection}.${typedKey} instead`,
          });
        } else spellings.key(section, key, path);
        target[key] = value;
      }
    }
  } else if (extraConfig !== undefined) {
    errors.push({ path: 'extraConfig', message: 'must be a map of sections, each a map of keys to values' });
  }
  return {
    config: typed as PackageManagerConfig,
    extra: extra as Record<string, Record<string, GcfgValue>>,
    errors,
    warnings,
  };
}

/**
 * Settings the construct itself reads to render the pod (ports, the data
 * directory): they must be in `config`, where their values are known.
 */
const RENDER_INPUTS = new Set(['HTTP.Listen', 'HTTPS.Listen', 'Metrics.Enabled', 'Metrics.Listen', 'Server.DataDir']);

/** `configFromSecrets` with its names read like `config`'s, and what was reported. */
export interface NormalizedSecretRefs {
  readonly refs: Record<string, Record<string, unknown>>;
  readonly errors: ValidationIssue[];
  readonly warnings: PackageManagerWarning[];
}

/**
 * Reads the names of `configFromSecrets` as `config`'s: a known section or
 * key in another case is the known one (with a warning), a typo of a known
 * key is an error, any other name is kept as written.
 */
export function normalizeConfigFromSecrets(value: unknown): NormalizedSecretRefs {
  const errors: ValidationIssue[] = [];
  const warnings: PackageManagerWarning[] = [];
  const refs: Record<string, Record<string, unknown>> = {};
  if (!isPlainObject(value)) return { refs: {}, errors, warnings }; // the schema reports a non-map
  const knownSections = [...KNOWN_CONFIG.keys()];
  for (const [section, keys] of Object.entries(value)) {
    if (!isPlainObject(keys)) {
      if (keys !== undefined) refs[section] = keys as never; // the schema reports it
      continue;
    }
    const plainName = parseSectionName(section).name === section;
    const canonical = plainName ? knownName(section, knownSections) : undefined;
    if (plainName && !canonical) {
      const guess = closest(section, knownSections);
      if (guess)
        errors.push({
          path: formatPath(['configFromSecrets', section]),
          message: `unknown section; did you mean ${guess}? (sections Package Manager has that this library does not type are read as written)`,
        });
    }
    const name = canonical ?? section;
    if (canonical && canonical !== section) {
      warnings.push({
        id: 'ppm:config-spelling',
        path: formatPath(['configFromSecrets', section]),
        message: `is spelled ${canonical} in Posit's docs; it is read as ${canonical}`,
      });
    }
    const knownKeys = canonical ? (KNOWN_CONFIG.get(canonical) ?? []) : [];
    const target = child(refs, name);
    for (const [key, ref] of Object.entries(keys)) {
      if (ref === undefined) continue;
      const path = formatPath(['configFromSecrets', section, key]);
      const canonicalKey = knownName(key, knownKeys);
      if (canonical && !canonicalKey) {
        const guess = closest(key, knownKeys);
        if (guess) {
          errors.push({ path, message: `unknown key; did you mean ${canonical}.${guess}?` });
          continue;
        }
      }
      if (canonicalKey && canonicalKey !== key) {
        warnings.push({
          id: 'ppm:config-spelling',
          path,
          message: `is spelled ${canonicalKey} in Posit's docs; it is read as ${canonicalKey}`,
        });
      }
      const finalKey = canonicalKey ?? key;
      if (canonical && RENDER_INPUTS.has(`${canonical}.${finalKey}`)) {
        errors.push({
          path,
          message: `cannot come from a Secret: the construct reads config.${canonical}.${finalKey} to render the pod (its ports or data directory); set it in config (it is not a secret)`,
        });
        continue;
      }
      if (Object.hasOwn(target, finalKey)) {
        errors.push({
          path,
          message: `is the same setting as configFromSecrets.${name}.${finalKey} (gcfg names are case-insensitive); keep one`,
        });
        continue;
      }
      target[finalKey] = ref;
    }
  }
  return {
    refs,
    errors,
    warnings,
  };
}
