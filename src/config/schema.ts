/**
 * The zod schema of the typed config, loaded only to explain a config the
 * fast check (config/spec.ts) refused; a test keeps the two in step.
 */
import { z } from 'zod';
import { GO_DURATION, isCronSchedule, isListenAddress } from './spec';

const str = z.string();
/** `[host]:port` (or a bare port, as Posit's docs write Metrics.Listen). Empty turns a listener off. */
const listen = z.string().refine(isListenAddress, {
  message: 'must be "[host]:port" with a port of 1-65535, e.g. ":4242"',
});
const duration = z.union([
  z.number().int('must be whole nanoseconds').nonnegative(),
  z.string().regex(GO_DURATION, 'must be a Go duration such as "5m", "1h30m" or "500ms"'),
]);
const cron = z.string().refine(isCronSchedule, {
  message: 'must be a cron schedule of 5 fields, "minute hour day month weekday", e.g. "0 2 * * *"',
});
const sync = z.object({ SyncSchedule: cron.optional() }).strict();

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
