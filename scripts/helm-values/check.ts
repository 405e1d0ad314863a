/**
 * `npm run test:helm`: our values reading, `--set` parsing and coalescing
 * against real helm 3.16.4, on seeded random cases.
 *
 *   ts-node --transpile-only scripts/helm-values/check.ts [--cases 2000] [--seed 1] [--batch 100] [--cross-check 40]
 *
 * For every case, helm's `.Values` (printed by a one-template chart with the
 * real chart's values.yaml) must JSON-equal `coalesceValues(chartValues,
 * loadValues(...))`; where helm fails, ours must fail too. Batchable cases run
 * many per helm process, nested as unlisted subcharts (which helm coalesces
 * exactly like a top-level chart); `--cross-check` re-runs some of them alone
 * to prove the nesting changes nothing. Exits 1 on any difference.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { coalesceValues } from '../../src/values/coalesce';
import { loadValues, type LoadValuesOptions } from '../../src/values/load';
import { SET_FLAGS, type SetFlag } from '../../src/values/strvals';
import { parseValuesYaml } from '../../src/values/yaml';
import { exprText, genCase, loneCases, prng, Random, shapeOf, type Case, type ChartShape } from './generate';
import { ensureHelm } from './helm-binary';
import { writeYaml } from './yaml-writer';

const ROOT = join(__dirname, '..', '..');
const VERSIONS = ['0.5.29', '0.20.4'];

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

interface Version {
  version: string;
  valuesText: string;
  chartValues: Record<string, unknown>;
  shape: ChartShape;
}

const versions: Version[] = VERSIONS.map((version) => {
  const valuesText = readFileSync(join(ROOT, 'test', 'fixtures', 'chart-values', version, 'values.yaml'), 'utf8');
  const chartValues = parseValuesYaml(valuesText, { source: `${version}/values.yaml` });
  return { version, valuesText, chartValues, shape: shapeOf(chartValues) };
});
const byVersion = new Map(versions.map((v) => [v.version, v]));

type Outcome = { values: Record<string, unknown> } | { error: string };

/** Ours: coalesceValues(chartValues, loadValues(...)). */
function ours(c: Case): Outcome {
  const options: LoadValuesOptions = {
    files: c.files.map((f, j) => ({ name: `values-${c.id}-${j}.yaml`, content: 'tree' in f ? writeYaml(f.tree) : f.raw })),
    readFile: (path) => {
      if (Object.prototype.hasOwnProperty.call(c.extraFiles, path)) return Buffer.from(c.extraFiles[path], 'utf8');
      throw Object.assign(new Error(`open ${path}: no such file or directory`), { code: 'ENOENT' });
    },
    readStdin: () => '',
  };
  const flagOptions: Record<SetFlag, keyof LoadValuesOptions> = {
    '--set': 'set',
    '--set-string': 'setString',
    '--set-json': 'setJson',
    '--set-file': 'setFile',
    '--set-literal': 'setLiteral',
  };
  for (const flag of SET_FLAGS) {
    const exprs = c.flags[flag];
    if (exprs) (options as Record<string, unknown>)[flagOptions[flag]] = exprs.map((e) => exprText(flag, e));
  }
  try {
    const user = loadValues(options);
    return { values: coalesceValues(byVersion.get(c.version)!.chartValues, user) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const TEMPLATE = '# {{ toJson .Values | b64enc }}\n';

function writeChart(dir: string, name: string, version: Version): void {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version.version}\n`);
  writeFileSync(join(dir, 'values.yaml'), version.valuesText);
  writeFileSync(join(dir, 'templates', 'values.yaml'), TEMPLATE);
}

function flagArgs(c: Case, prefix: string): string[] {
  const out: string[] = [];
  for (const flag of SET_FLAGS) for (const e of c.flags[flag] ?? []) out.push(flag, exprText(flag, e, prefix));
  return out;
}

let helmRuns = 0;
function runHelm(helm: string, cwd: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  helmRuns++;
  const r = spawnSync(helm, ['template', 'rel', ...args], { cwd, encoding: 'utf8', input: '', maxBuffer: 512 * 1024 * 1024 });
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr };
}

/** `.Values` per source template in helm's output. */
function valuesBySource(stdout: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const re = /^# Source: (.+)\n# ([A-Za-z0-9+/=]+)$/gm;
  for (let m = re.exec(stdout); m; m = re.exec(stdout)) out.set(m[1], JSON.parse(Buffer.from(m[2], 'base64').toString('utf8')));
  return out;
}

/** Runs one case alone in its own helm process. */
function runAlone(helm: string, work: string, c: Case): Outcome {
  const dir = join(work, `alone-${c.id}`);
  mkdirSync(dir, { recursive: true });
  writeChart(join(dir, 'chart'), 'rstudio-pm', byVersion.get(c.version)!);
  const args = ['./chart'];
  c.files.forEach((f, j) => {
    const name = `values-${c.id}-${j}.yaml`;
    writeFileSync(join(dir, name), 'tree' in f ? writeYaml(f.tree) : f.raw);
    args.push('-f', name);
  });
  for (const [name, content] of Object.entries(c.extraFiles)) writeFileSync(join(dir, name), content);
  const r = runHelm(helm, dir, [...args, ...flagArgs(c, '')]);
  rmSync(dir, { recursive: true, force: true });
  if (!r.ok) return { error: r.stderr.trim() };
  const values = valuesBySource(r.stdout).get('rstudio-pm/templates/values.yaml');
  return values ? { values: values as Record<string, unknown> } : { error: `no values in helm output: ${r.stdout.slice(0, 200)}` };
}

/** Runs cases in one helm process, each as an unlisted subchart `c<id>`. */
function runBatch(helm: string, work: string, cases: Case[], index: number): Map<number, Outcome> | undefined {
  const dir = join(work, `batch-${index}`);
  mkdirSync(join(dir, 'parent', 'templates'), { recursive: true });
  writeFileSync(join(dir, 'parent', 'Chart.yaml'), 'apiVersion: v2\nname: parent\nversion: 0.1.0\n');
  const layers: string[] = [];
  for (const c of cases) {
    writeChart(join(dir, 'parent', 'charts', `c${c.id}`), `c${c.id}`, byVersion.get(c.version)!);
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
  const r = runHelm(helm, dir, args);
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

function describe(c: Case): string {
  const files = c.files.map((f) =>
    'tree' in f ? writeYaml(f.tree) : typeof f.raw === 'string' ? f.raw : `<bytes ${Buffer.from(f.raw).toString('hex')}>`,
  );
  const flags = flagArgs(c, '');
  return `case ${c.id} (chart ${c.version})\n${files.map((f, j) => `  -f file ${j}:\n${f.replace(/^/gm, '    | ')}`).join('\n')}\n  flags: ${JSON.stringify(flags)}`;
}

/** Paths where two values differ (at most a few). */
function differences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 6) return out;
  if (isDeepStrictEqual(a, b)) return out;
  const isObj = (v: unknown) => v !== null && typeof v === 'object';
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`, out);
    return out;
  }
  out.push(`${path || '/'}: helm ${JSON.stringify(a)} ≠ ours ${JSON.stringify(b)}${Object.is(a, -0) || Object.is(b, -0) ? ' (-0)' : ''}`);
  return out;
}

function main(): number {
  const count = arg('cases', 2000);
  const seed = arg('seed', 1);
  const batchSize = arg('batch', 100);
  const crossCheck = arg('cross-check', 40);
  const start = Date.now();
  const helm = ensureHelm(join(ROOT, '.cache', 'helm'));
  const work = mkdtempSync(join(tmpdir(), 'helm-values-'));
  const r = new Random(prng(seed));

  const random = Array.from({ length: count }, (_, i) => genCase(r, i, versions));
  const lone = loneCases(r, count, versions);
  const all = [...random, ...lone];
  const expected = new Map(all.map((c) => [c.id, ours(c)]));

  const batched = random.filter((c) => c.batchable && 'values' in expected.get(c.id)!);
  const alone = all.filter((c) => !batched.includes(c));
  const helmResults = new Map<number, Outcome>();
  for (let i = 0; i < batched.length; i += batchSize) {
    const group = batched.slice(i, i + batchSize);
    const res = runBatch(helm, work, group, i / batchSize);
    if (res) for (const [id, o] of res) helmResults.set(id, o);
    else for (const c of group) helmResults.set(c.id, runAlone(helm, work, c)); // find which one helm refuses
  }
  for (const c of alone) helmResults.set(c.id, runAlone(helm, work, c));

  let crossDiffs = 0;
  for (const c of batched.slice(0, crossCheck)) {
    const a = runAlone(helm, work, c);
    if (!isDeepStrictEqual(a, helmResults.get(c.id))) {
      crossDiffs++;
      console.log(`BATCHING CHANGED ${describe(c)}\n  alone: ${JSON.stringify(a).slice(0, 300)}`);
    }
  }
  rmSync(work, { recursive: true, force: true });

  let diffs = 0;
  let bothFail = 0;
  for (const c of all) {
    const h = helmResults.get(c.id)!;
    const o = expected.get(c.id)!;
    if ('error' in h && 'error' in o) {
      bothFail++;
      continue;
    }
    if ('values' in h && 'values' in o && isDeepStrictEqual(h.values, o.values)) continue;
    diffs++;
    if (diffs <= 15) {
      console.log(`DIFFERENCE in ${describe(c)}`);
      if ('error' in h) console.log(`  helm failed: ${h.error.split('\n')[0]}\n  ours: values`);
      else if ('error' in o) console.log(`  helm succeeded; ours failed: ${o.error}`);
      else for (const d of differences(h.values, o.values)) console.log(`  ${d}`);
    }
  }
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  console.log(
    `helm ${'v3.16.4'} vs ours, seed ${seed}: ${all.length} cases (${random.length} random, ${lone.length} edge/broken; ` +
      `${batched.length} batched), ${helmRuns} helm runs, ${bothFail} refused by both, ${diffs} differences, ` +
      `${crossDiffs} batching differences (cross-checked ${Math.min(crossCheck, batched.length)}), ${seconds} s`,
  );
  return diffs === 0 && crossDiffs === 0 ? 0 : 1;
}

process.exitCode = main();
