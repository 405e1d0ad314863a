/** `--set a.b=c` and merging of several values files, as Helm does. */
import { deepMerge, isPlainObject } from '../merge';

/** Merges values files left to right (later wins; maps merge). `null` is kept so that it can delete a chart default. */
export function mergeValues(base: Record<string, unknown>, override: unknown): Record<string, unknown> {
  return isPlainObject(override) ? deepMerge(base, override) : base;
}

/** Helm's `--set` typing: true/false/null and integers are typed, everything else is a string. */
function setValue(raw: string): unknown {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw === 'null') return null;
  if (/^[-+]?(0|[1-9]\d*)$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
  return raw;
}

/** Applies one `--set path=value` (dotted path, `\.` for a literal dot, `[n]` for list items, `{a,b}` lists). */
export function applySet(values: Record<string, unknown>, expr: string): Record<string, unknown> {
  const eq = expr.indexOf('=');
  if (eq <= 0) throw new Error(`--set ${JSON.stringify(expr)}: expected key=value`);
  const path = expr
    .slice(0, eq)
    .split(/(?<!\\)\./)
    .map((s) => s.replace(/\\\./g, '.'));
  const raw = expr.slice(eq + 1);
  const value =
    raw.startsWith('{') && raw.endsWith('}') ? (raw.slice(1, -1) === '' ? [] : raw.slice(1, -1).split(',').map(setValue)) : setValue(raw);
  const root: Record<string, unknown> = structuredClone(values);
  let cur: Record<string, unknown> | unknown[] = root;
  path.forEach((seg, i) => {
    const m = /^(.*)\[(\d+)\]$/.exec(seg);
    const key = m ? m[1] : seg;
    const last = i === path.length - 1;
    const obj = cur as Record<string, unknown>;
    if (m) {
      const list = (Array.isArray(obj[key]) ? obj[key] : (obj[key] = [])) as unknown[];
      const idx = Number(m[2]);
      if (last) list[idx] = value;
      else cur = (isPlainObject(list[idx]) ? list[idx] : (list[idx] = {})) as Record<string, unknown>;
    } else if (last) obj[key] = value;
    else cur = (isPlainObject(obj[key]) ? obj[key] : (obj[key] = {})) as Record<string, unknown>;
  });
  return root;
}
