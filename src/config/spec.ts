/**
 * The typed config's sections and keys, with the fast check of each value
 * (no zod: config/schema.ts holds the zod schema that explains a failure;
 * a test keeps both in step). The lists of known sections and keys, and of
 * the keys read as booleans, numbers or lists, derive from this table.
 */
import { bool, list, num, obj, oneOf, or, record, str, strMatching, strWhere, type Check, type Shape } from '../leaf/check';
import type { ExtraConfig, GcfgScalar, PackageManagerConfig } from './types';

/** The port of a listen address, or undefined when it has none. */
export function listenPort(address: string): number | undefined {
  const m = /^(?:(?:\[[0-9a-fA-F:.]+\]|[^:\s]*):)?(\d{1,5})$/.exec(address.trim());
  const port = m ? Number(m[1]) : NaN;
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** `[host]:port` (or a bare port, as Posit's docs write Metrics.Listen); empty turns a listener off. */
export const isListenAddress = (s: string) => s === '' || listenPort(s) !== undefined;

/** A Go duration such as "5m" or "1h30m". */
export const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

const CRON_FIELD = /^[\d*/,\-A-Za-z?]+$/;
const CRON_MACRO = /^@(yearly|annually|monthly|weekly|daily|hourly)$/;
/** A cron schedule: 5 fields, or a macro such as "@daily". */
export function isCronSchedule(s: string): boolean {
  const t = s.trim();
  if (CRON_MACRO.test(t)) return true;
  const fields = t.split(/\s+/);
  return fields.length === 5 && fields.every((f) => CRON_FIELD.test(f));
}

const listen = strWhere(isListenAddress);
const sync = obj<NonNullable<PackageManagerConfig['CRAN']>>({ SyncSchedule: strWhere(isCronSchedule) });

/** Every section of the typed config, each key with the check of its value. */
export const CONFIG_SHAPE: Shape<PackageManagerConfig> = {
  Server: obj({
    Address: str,
    DataDir: str,
    LauncherDir: str,
    RVersion: list(str),
    PythonVersion: or(str, list(str)),
    EncryptionKeyPath: str,
    AccessLog: str,
    AccessLogFormat: oneOf('common', 'combined'),
  }),
  HTTP: obj({ Listen: listen }),
  HTTPS: obj({ Listen: listen, Certificate: str, Key: str }),
  Database: obj({ Provider: oneOf('sqlite', 'postgres') }),
  SQLite: obj({ Dir: str }),
  Postgres: obj({ URL: str, Password: str, UsageDataURL: str, UsageDataPassword: str }),
  Storage: obj({ Default: oneOf('file', 's3'), Persistent: oneOf('file', 's3') }),
  S3Storage: obj({ Bucket: str, Region: str, Prefix: str }),
  CRAN: sync,
  PyPI: sync,
  Bioconductor: sync,
  Git: obj({
    PollInterval: or(num({ int: true, min: 0 }), strMatching(GO_DURATION)),
    BuildRetries: num({ int: true, min: 0 }),
    BuilderDir: str,
    AllowUnsandboxedGitBuilds: bool,
  }),
  Metrics: obj({ Enabled: bool, Listen: listen }),
  Licensing: obj({ LicenseType: oneOf('local', 'remote') }),
  Debug: obj({ Log: str }),
  Repos: obj({ CRAN: str, PyPI: str, Bioconductor: str }),
  Launcher: obj({ ServerUser: str }),
};

/** The check of the typed config. */
export const configCheck: Check<PackageManagerConfig> = obj(CONFIG_SHAPE);

const gcfgScalar: Check<GcfgScalar> = or(or(str, num()), bool);
/** The check of `extraConfig`: any section, any key, gcfg values. */
export const extraConfigCheck: Check<ExtraConfig> = record(str, record(str, or(gcfgScalar, list(gcfgScalar))));

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
