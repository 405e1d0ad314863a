/** The formats of gcfg settings that are more than a type: listen addresses, Go durations, cron schedules. */

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
