/**
 * The named zod checks of gcfg settings (`@check <name>` in config/types.ts and props.ts), loaded
 * only to explain a config the fast check refused. Their fast twins, of the same names, are in
 * config-checks-fast.ts.
 */
import { z } from 'zod';
import { GO_DURATION, isCronSchedule, isListenAddress } from './formats';

/** `[host]:port` (or a bare port, as Posit's docs write Metrics.Listen). Empty turns a listener off. */
export const listen = z.string().refine(isListenAddress, {
  message: 'must be "[host]:port" with a port of 1-65535, e.g. ":4242"',
});
/** Whole nanoseconds, or a Go duration. */
export const duration = z.union([
  z.number().int('must be whole nanoseconds').nonnegative(),
  z.string().regex(GO_DURATION, 'must be a Go duration such as "5m", "1h30m" or "500ms"'),
]);
/** A cron schedule. */
export const cron = z.string().refine(isCronSchedule, {
  message: 'must be a cron schedule of 5 fields, "minute hour day month weekday", e.g. "0 2 * * *"',
});

const gcfgScalar = z.union([z.string(), z.number(), z.boolean()]);
/** `extraConfig`: any section, any key, gcfg values. */
export const extraConfig = z.record(z.string(), z.record(z.string(), z.union([gcfgScalar, z.array(gcfgScalar)])));
