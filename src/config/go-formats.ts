/**
 * Listen addresses and durations as Package Manager (a Go program) reads them: `net.Listen("tcp", …)`
 * and `time.ParseDuration`. The config schema checks their shape; these say what Go itself refuses.
 */

/** Why Go's `net.Listen("tcp", address)` refuses an address whose shape is `[host]:port` or a bare port; undefined when it takes it. */
export function goListenProblem(address: string): string | undefined {
  if (address !== address.trim()) return 'has spaces around it, which Go reads as part of the host: remove them';
  if (!address.includes(':')) {
    return `has no ":" before the port, and Package Manager reads it as Go's net.Listen does ("missing port in address"): write ":${address}" to listen on every interface, or "host:${address}"`;
  }
  if (address.startsWith('[') ? !/^\[[^\]]*\]:/.test(address) : address.lastIndexOf(':') !== address.indexOf(':')) {
    return 'has an IPv6 host without brackets: write it as "[host]:port", e.g. "[::1]:4242"';
  }
  return undefined;
}

const UNITS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
/** The largest Go duration (int64 nanoseconds, about 292 years). */
const MAX_NS = 2 ** 63 - 1;

/** Nanoseconds of a Go duration string (`time.ParseDuration`), or why Go refuses it. */
export function parseGoDuration(text: string): number | string {
  const why = `is not a Go duration: write a number and a unit (ns, us, ms, s, m, h), e.g. "5m", "1h30m" or "500ms"`;
  let s = text;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return why;
  let total = 0;
  const part = /^(\d*)(?:\.(\d*))?([^\d.]+)/;
  while (s !== '') {
    const m = part.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return why;
    const unit = UNITS[m[3]];
    if (unit === undefined) return `${why} ("${m[3].slice(0, 10)}" is not a unit)`;
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * unit;
    if (total > MAX_NS) return 'is longer than Go durations can be (about 292 years)';
    s = s.slice(m[0].length);
  }
  return sign * total;
}
