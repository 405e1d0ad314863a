/**
 * Cron schedules as Package Manager's scheduler reads them (its admin guide, appendix "Crontab"): five
 * fields "minute hour day month weekday" (0-59, 0-23, 1-31, 1-12, 0-6 with 0 = Sunday), each a list of
 * `*`, `?`, a number or a range `a-b`, with an optional step `/n`; months and weekdays also by their
 * English three-letter names; or one of the shortcuts @yearly, @annually, @monthly, @weekly, @daily, @hourly.
 */
import { remembered } from '../leaf/memo';

/** Longer is no schedule (every minute listed one by one is 170 characters). */
const MAX_CRON_LENGTH = 1024;

const SHORTCUTS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@hourly'];

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of the month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'weekday', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

const EXAMPLE = 'e.g. "0 2 * * *" (02:00 every day), "*/15 * * * *", "0 0 * * SUN" or "@daily"';

/** A parsed schedule: the values of each field, and whether the weekday field is `*` (or `?`). */
export interface CronSchedule {
  readonly values: readonly (readonly number[])[];
  readonly weekdayAny: boolean;
  readonly dayAny: boolean;
}

function fieldValue(text: string, f: Field): number | string {
  if (/^\d{1,3}$/.test(text)) {
    const n = Number(text);
    return n >= f.min && n <= f.max ? n : `${text} is not a ${f.name} (${f.min}-${f.max}${f.name === 'weekday' ? ', 0 = Sunday' : ''})`;
  }
  const i = f.names?.indexOf(text.toLowerCase()) ?? -1;
  if (i >= 0) return i + f.min;
  return `"${text.slice(0, 20)}" is not a ${f.name} (${f.min}-${f.max}${f.names ? ` or ${f.names[0].toUpperCase()}-${f.names[f.names.length - 1].toUpperCase()}` : ''})`;
}

function parseField(text: string, f: Field): number[] | string {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') return `"${part.slice(0, 20)}" is not a ${f.name} expression`;
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d{1,3}$/.test(stepText) || Number(stepText) < 1) return `the step "/${stepText.slice(0, 20)}" must be a number of 1 or more`;
      step = Number(stepText);
    }
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [f.min, f.max];
    else {
      const ends = range.split('-');
      if (ends.length > 2) return `"${part.slice(0, 20)}" is not a ${f.name} expression`;
      const a = fieldValue(ends[0], f);
      if (typeof a === 'string') return a;
      const b = ends.length === 2 ? fieldValue(ends[1], f) : stepText !== undefined ? f.max : a;
      if (typeof b === 'string') return b;
      if (a > b) return `the range "${range}" goes backwards`;
      [lo, hi] = [a, b];
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The schedule, or why Package Manager's scheduler would refuse it. Remembered (every instance has the chart's
 * defaults); `CronSchedule` is read-only, so no caller changes what the next one gets.
 */
export const parseCron: (schedule: string) => CronSchedule | string = remembered((s) => readCron(s), {
  maxEntries: 256,
  maxKeyLength: MAX_CRON_LENGTH,
});

function readCron(schedule: string): CronSchedule | string {
  if (schedule.length > MAX_CRON_LENGTH)
    return `is ${schedule.length} characters long, more than a cron schedule needs (${MAX_CRON_LENGTH})`;
  const t = schedule.trim();
  if (t.startsWith('@')) {
    return SHORTCUTS.includes(t.toLowerCase())
      ? { values: [], weekdayAny: true, dayAny: true }
      : `is not a cron shortcut; the shortcuts are ${SHORTCUTS.join(', ')}`;
  }
  const fields = t === '' ? [] : t.split(/\s+/);
  if (fields.length !== 5) {
    return `has ${fields.length} field${fields.length === 1 ? '' : 's'}, but a cron schedule has 5: "minute hour day month weekday", ${EXAMPLE}`;
  }
  const values: number[][] = [];
  for (let i = 0; i < 5; i++) {
    const v = parseField(fields[i], FIELDS[i]);
    if (typeof v === 'string') return `is not a cron schedule: ${v}; ${EXAMPLE}`;
    values.push(v);
  }
  const any = (s: string) => s === '*' || s === '?';
  return { values, weekdayAny: any(fields[4]), dayAny: any(fields[2]) };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a schedule can never fire: a day of the month no chosen month has (e.g. "0 0 31 2 *").
 * With both a day of the month and a weekday given, either one fires it (as cron does).
 */
export function cronNeverFires(s: CronSchedule): boolean {
  if (s.values.length === 0 || s.dayAny || !s.weekdayAny) return false;
  const [, , days, months] = s.values;
  return !months.some((m) => days.some((d) => d <= DAYS_IN_MONTH[m - 1]));
}
