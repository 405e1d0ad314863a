/**
 * Running cases through real helm and through our loader, for check.ts
 * (random comparison) and record.ts (fixtures for jest).
 */
import { spawn } from 'child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { coalesceValues, type CoalesceWarning } from '../../src/values/coalesce';
import { loadValues, type LoadValuesOptions } from '../../src/values/load';
import { SET_FLAGS, type SetFlag } from '../../src/values/strvals';
import { parseValuesYaml } from '../../src/values/yaml';
import { exprText, shapeOf, type Case, type ChartShape } from './generate';
import { writeYaml } from './yaml-writer';

export const ROOT = join(__dirname, '..', '..');

/** A chart's values.yaml, by name (a chart version or a test chart). */
export interface ChartValues {
  readonly name: string;
  readonly valuesText: string;
  readonly chartValues: Record<string, unknown>;
  readonly shape: ChartShape;
}

export function chartValues(name: string, valuesText: string): ChartValues {
  const values = parseValuesYaml(valuesText, { source: `${name}/values.yaml` });
  return { name, valuesText, chartValues: values, shape: shapeOf(values) };
}

/** The real chart's values.yaml of a version (test/fixtures/chart-values/VERSION). */
export function realChart(version: string): ChartValues {
  return chartValues(version, readFileSync(join(ROOT, 'test', 'fixtures', 'chart-values', version, 'values.yaml'), 'utf8'));
}

export type Outcome = { values: Record<string, unknown>; warnings?: string[] } | { error: string };

const FLAG_OPTIONS: Record<SetFlag, keyof LoadValuesOptions> = {
  '--set': 'set',
  '--set-string': 'setString',
  '--set-json': 'setJson',
  '--set-file': 'setFile',
  '--set-literal': 'setLiteral',
};

export function fileText(f: Case['files'][number]): string | Uint8Array {
  return 'tree' in f ? writeYaml(f.tree) : f.raw;
}

/** Ours: coalesceValues(chart values, loadValues(...)), with the warnings. */
export function ours(c: Case, chart: ChartValues): Outcome {
  const options: LoadValuesOptions = {
    files: c.files.map((f, j) => ({ name: `values-${c.id}-${j}.yaml`, content: fileText(f) })),
    readFile: (path) => {
      if (Object.prototype.hasOwnProperty.call(c.extraFiles, path)) return Buffer.from(c.extraFiles[path], 'utf8');
      throw Object.assign(new Error(`open ${path}: no such file or directory`), { code: 'ENOENT' });
    },
    readStdin: () => '',
  };
  for (const flag of SET_FLAGS) {
    const exprs = c.flags[flag];
    if (exprs) (options as Record<string, unknown>)[FLAG_OPTIONS[flag]] = exprs.map((e) => exprText(flag, e));
  }
  try {
    const warnings: CoalesceWarning[] = [];
    const values = coalesceValues(chart.chartValues, loadValues(options), { onWarning: (w) => warnings.push(w) });
    return { values, warnings: warnings.map((w) => w.message) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const TEMPLATE = '# {{ toJson .Values | b64enc }}\n';

export function writeChart(dir: string, name: string, chart: ChartValues): void {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  writeFileSync(join(dir, 'values.yaml'), chart.valuesText);
  writeFileSync(join(dir, 'templates', 'values.yaml'), TEMPLATE);
}

export function flagArgs(c: Case, prefix: string): string[] {
  const out: string[] = [];
  for (const flag of SET_FLAGS) for (const e of c.flags[flag] ?? []) out.push(flag, exprText(flag, e, prefix));
  return out;
}

export const stats = { helmRuns: 0 };

function runHelm(helm: string, cwd: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  stats.helmRuns++;
  return new Promise((resolve, reject) => {
    const child = spawn(helm, ['template', 'rel', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ ok: code === 0, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/** Runs `f` over `items` with at most `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** `.Values` per source template in helm's output. */
function valuesBySource(stdout: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const re = /^# Source: (.+)\n# ([A-Za-z0-9+/=]+)$/gm;
  for (let m = re.exec(stdout); m; m = re.exec(stdout)) out.set(m[1], JSON.parse(Buffer.from(m[2], 'base64').toString('utf8')));
  return out;
}

/** Helm's coalescing warnings, without the log prefix and the printed value. */
function warningsOf(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((l) => /^coalesce\.go:\d+: (warning: .*)$/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined)
    .map((l) => l.replace(/ \(.*\)$/s, ''));
}

/** Runs one case in a helm process of its own. */
export async function runAlone(helm: string, work: string, c: Case, chart: ChartValues): Promise<Outcome> {
  const dir = join(work, `alone-${c.id}`);
  mkdirSync(dir, { recursive: true });
  writeChart(join(dir, 'chart'), 'rstudio-pm', chart);
  const args = ['./chart'];
  c.files.forEach((f, j) => {
    const name = `values-${c.id}-${j}.yaml`;
    writeFileSync(join(dir, name), fileText(f));
    args.push('-f', name);
  });
  for (const [name, content] of Object.entries(c.extraFiles)) writeFileSync(join(dir, name), content);
  const r = await runHelm(helm, dir, [...args, ...flagArgs(c, '')]);
  rmSync(dir, { recursive: true, force: true });
  if (!r.ok) return { error: r.stderr.trim() };
  const values = valuesBySource(r.stdout).get('rstudio-pm/templates/values.yaml');
  if (!values) return { error: `no values in helm output: ${r.stdout.slice(0, 200)}` };
  return { values: values as Record<string, unknown>, warnings: warningsOf(r.stderr) };
}

/** Runs cases in one helm process, each as an unlisted subchart `c<id>`; undefined when helm fails. */
export async function runBatch(
  helm: string,
  work: string,
  cases: Case[],
  index: number,
  charts: Map<string, ChartValues>,
): Promise<Map<number, Outcome> | undefined> {
  const dir = join(work, `batch-${index}`);
  mkdirSync(join(dir, 'parent', 'templates'), { recursive: true });
  writeFileSync(join(dir, 'parent', 'Chart.yaml'), 'apiVersion: v2\nname: parent\nversion: 0.1.0\n');
  const layers: string[] = [];
  for (const c of cases) {
    writeChart(join(dir, 'parent', 'charts', `c${c.id}`), `c${c.id}`, charts.get(c.version)!);
    c.files.forEach((f, j) => {
      if (!('tree' in f)) throw new Error('a batched case has a raw file');
      layers[j] = (layers[j] ?? '') + `c${c.id}:\n${writeYaml(f.tree, 2)}`;
    });
    for (const [name, content] of Object.entries(c.extraFiles)) writeFileSync(join(dir, name), content);
  }
  const args = ['./parent'];
  layers.forEach((text, j) => {
    writeFileSync(join(dir, `layer-${j}.yaml`), text);
    args.push('-f', `layer-${j}.yaml`);
  });
  for (const flag of SET_FLAGS) for (const c of cases) for (const e of c.flags[flag] ?? []) args.push(flag, exprText(flag, e, `c${c.id}.`));
  const r = await runHelm(helm, dir, args);
  rmSync(dir, { recursive: true, force: true });
  if (!r.ok) return undefined;
  const bySource = valuesBySource(r.stdout);
  const out = new Map<number, Outcome>();
  for (const c of cases) {
    const v = bySource.get(`parent/charts/c${c.id}/templates/values.yaml`) as Record<string, unknown> | undefined;
    if (!v) {
      out.set(c.id, { error: 'missing from the batch output' });
      continue;
    }
    // helm gives every subchart a `global` map; the generated cases never use that key.
    if (isDeepStrictEqual(v.global, {})) delete v.global;
    out.set(c.id, { values: v });
  }
  return out;
}

export function describeCase(c: Case): string {
  const files = c.files.map((f) => {
    const t = fileText(f);
    return typeof t === 'string' ? t : `<bytes ${Buffer.from(t).toString('hex')}>`;
  });
  return `case ${c.id} (chart ${c.version})\n${files.map((f, j) => `  -f file ${j}:\n${f.replace(/^/gm, '    | ')}`).join('\n')}\n  flags: ${JSON.stringify(flagArgs(c, ''))}`;
}

/** Paths where two values differ (at most a few). */
export function differences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 6 || isDeepStrictEqual(a, b)) return out;
  const isObj = (v: unknown) => v !== null && typeof v === 'object';
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a as object), ...Object.keys(b as object)])) {
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`, out);
    }
    return out;
  }
  out.push(`${path || '/'}: helm ${JSON.stringify(a)} ≠ ours ${JSON.stringify(b)}${Object.is(a, -0) || Object.is(b, -0) ? ' (-0)' : ''}`);
  return out;
}
