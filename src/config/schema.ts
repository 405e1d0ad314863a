/** The zod schema of the typed config; its shape is also the list of known sections and keys. */
import { z } from 'zod';

const str = z.string();
/** `[host]:port` (or a bare port, as Posit's docs write Metrics.Listen). Empty turns a listener off. */
const listen = z.string().refine((s) => s === '' || listenPort(s) !== undefined, {
  message: 'must be "[host]:port" with a port of 1-65535, e.g. ":4242"',
});
const duration = z.union([
  z.number().int('must be whole nanoseconds').nonnegative(),
  z.string().regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, 'must be a Go duration such as "5m", "1h30m" or "500ms"'),
]);
const CRON_FIELD = /^[\d*/,\-A-Za-z?]+$/;
const cron = z.string().refine(
  (s) =>
    /^@(yearly|annually|monthly|weekly|daily|hourly)$/.test(s.trim()) ||
    (s.trim().split(/\s+/).length === 5 &&
      s
        .trim()
        .split(/\s+/)
        .every((f) => CRON_FIELD.test(f))),
  { message: 'must be a cron schedule of 5 fields, "minute hour day month weekday", e.g. "0 2 * * *"' },
);
const sync = z.object({ SyncSchedule: cron.optional() }).strict();

/** The port of a listen address, or undefined when it has none. */
export function listenPort(address: string): number | undefined {
  const m = /^(?:(?:\[[0-9a-fA-F:.]+\]|[^:\s]*):)?(\d{1,5})$/.exec(address.trim());
  const port = m ? Number(m[1]) : NaN;
  return port >= 1 && port <= 65535 ? port : undefined;
}

export const configSchema = z
  .object({
    Server: z
      .object({
        Address: str.optional(),
        DataDir: str.optional(),
        LauncherDir: str.optional(),
        RVersion: z.array(str).optional(),
        PythonVersion: z.union([str, z.array(str)]).optional(),
        EncryptionKeyPath: str.optional(),
        AccessLog: str.optional(),
        AccessLogFormat: z.enum(['common', 'combined']).optional(),
      })
      .strict()
      .optional(),
    HTTP: z.object({ Listen: listen.optional() }).strict().optional(),
    HTTPS: z.object({ Listen: listen.optional(), Certificate: str.optional(), Key: str.optional() }).strict().optional(),
    Database: z
      .object({ Provider: z.enum(['sqlite', 'postgres']).optional() })
      .strict()
      .optional(),
    SQLite: z.object({ Dir: str.optional() }).strict().optional(),
    Postgres: z
      .object({ URL: str.optional(), Password: str.optional(), UsageDataURL: str.optional(), UsageDataPassword: str.optional() })
      .strict()
      .optional(),
    Storage: z
      .object({ Default: z.enum(['file', 's3']).optional(), Persistent: z.enum(['file', 's3']).optional() })
      .strict()
      .optional(),
    S3Storage: z.object({ Bucket: str.optional(), Region: str.optional(), Prefix: str.optional() }).strict().optional(),
    CRAN: sync.optional(),
    PyPI: sync.optional(),
    Bioconductor: sync.optional(),
    Git: z
      .object({
        PollInterval: duration.optional(),
        BuildRetries: z.number().int('must be a whole number').nonnegative().optional(),
        BuilderDir: str.optional(),
        AllowUnsandboxedGitBuilds: z.boolean().optional(),
      })
      .strict()
      .optional(),
    Metrics: z.object({ Enabled: z.boolean().optional(), Listen: listen.optional() }).strict().optional(),
    Licensing: z
      .object({ LicenseType: z.enum(['local', 'remote']).optional() })
      .strict()
      .optional(),
    Debug: z.object({ Log: str.optional() }).strict().optional(),
    Repos: z.object({ CRAN: str.optional(), PyPI: str.optional(), Bioconductor: str.optional() }).strict().optional(),
    Launcher: z.object({ ServerUser: str.optional() }).strict().optional(),
  })
  .strict();

const gcfgScalar = z.union([z.string(), z.number(), z.boolean()]);
/** `extraConfig`: any section, any key, gcfg values. */
export const extraConfigSchema = z.record(z.string(), z.record(z.string(), z.union([gcfgScalar, z.array(gcfgScalar)])));

function unwrapObject(s: z.ZodTypeAny): z.AnyZodObject | undefined {
  let cur = s;
  while (cur instanceof z.ZodOptional) cur = cur.unwrap();
  return cur instanceof z.ZodObject ? cur : undefined;
}

/** Known sections and their known keys, from the schema's shape. */
export const KNOWN_CONFIG: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(configSchema.shape).map(([section, s]) => [section, Object.keys(unwrapObject(s as z.ZodTypeAny)?.shape ?? {})]),
);

function innerType(s: z.ZodTypeAny): z.ZodTypeAny {
  let cur = s;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodEffects) cur = cur instanceof z.ZodOptional ? cur.unwrap() : cur.innerType();
  return cur;
}

/** Known keys (`Section.Key`) whose value is of the given zod kind, from the schema. */
function keysOfKind(kind: new (...args: never[]) => z.ZodTypeAny): Set<string> {
  const out = new Set<string>();
  for (const [section, s] of Object.entries(configSchema.shape)) {
    for (const [key, t] of Object.entries(unwrapObject(s as z.ZodTypeAny)?.shape ?? {})) {
      if (innerType(t as z.ZodTypeAny) instanceof kind) out.add(`${section}.${key}`);
    }
  }
  return out;
}

/** Known keys whose value is a boolean (gcfg-style strings in values files are read as booleans). */
export const BOOLEAN_KEYS = keysOfKind(z.ZodBoolean);
/** Known keys whose value is a whole number (numeric strings in values files are read as numbers). */
export const INTEGER_KEYS = keysOfKind(z.ZodNumber);
/** Known keys whose value is a list (a single value is a list of one). */
export const LIST_KEYS = keysOfKind(z.ZodArray);
