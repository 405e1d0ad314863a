/**
 * `npm run test:helm`: our values reading, `--set` parsing and coalescing
 * against real helm 3.16.4, on seeded random cases.
 *
 *   ts-node --transpile-only scripts/helm-values/check.ts [--cases 2000] [--seed 1] [--batch 100] [--cross-check 40] [--jobs 4]
 *
 * For every case, helm's `.Values` (printed by a one-template chart with the
 * real chart's values.yaml, 0.5.29 or 0.20.4) must JSON-equal
 * `coalesceValues(chartValues, loadValues(...))`; where helm fails, ours must
 * fail too; where a case runs alone, helm's coalescing warnings must be ours.
 * Batchable cases run many per helm process, nested as unlisted subcharts
 * (which helm coalesces exactly like a top-level chart); `--cross-check`
 * re-runs some of them alone to show that the nesting changes nothing.
 * Exits 1 on any difference.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { genCase, loneCases, prng, Random, type Case } from './generate';
import { describeCase, differences, ours, pool, realChart, ROOT, runAlone, runBatch, stats, type Outcome } from './harness';
import { ensureHelm, HELM_VERSION } from './helm-binary';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

function sameWarnings(a: Outcome, b: Outcome): boolean {
  if (!('values' in a) || !('values' in b) || !a.warnings || !b.warnings) return true;
  return isDeepStrictEqual([...a.warnings].sort(), [...b.warnings].sort());
}

async function main(): Promise<number> {
  const count = arg('cases', 2000);
  const seed = arg('seed', 1);
  const batchSize = arg('batch', 100);
  const crossCheck = arg('cross-check', 40);
  const jobs = arg('jobs', 4);
  const start = Date.now();
  const helm = ensureHelm(join(ROOT, '.cache', 'helm'));
  const work = mkdtempSync(join(tmpdir(), 'helm-values-'));
  const charts = new Map(['0.5.29', '0.20.4'].map((v) => [v, realChart(v)]));
  const versions = [...charts.values()].map((c) => ({ version: c.name, shape: c.shape }));
  const r = new Random(prng(seed));

  const random = Array.from({ length: count }, (_, i) => genCase(r, i, versions));
  const lone = loneCases(r, count, versions);
  const all = [...random, ...lone];
  const expected = new Map(all.map((c) => [c.id, ours(c, charts.get(c.version)!)]));

  const batched = random.filter((c) => c.batchable && 'values' in expected.get(c.id)!);
  const batchedIds = new Set(batched.map((c) => c.id));
  const alone = all.filter((c) => !batchedIds.has(c.id));
  const helmResults = new Map<number, Outcome>();
  const groups = Array.from({ length: Math.ceil(batched.length / batchSize) }, (_, i) => batched.slice(i * batchSize, (i + 1) * batchSize));
  const failedGroups: Case[] = [];
  await pool(groups, jobs, async (group) => {
    const res = await runBatch(helm, work, group, group[0].id, charts);
    if (res) for (const [id, o] of res) helmResults.set(id, o);
    else failedGroups.push(...group); // run alone below, to find which one helm refuses
  });
  await pool([...alone, ...failedGroups], jobs, async (c) => helmResults.set(c.id, await runAlone(helm, work, c, charts.get(c.version)!)));

  let crossDiffs = 0;
  const crossed = batched.slice(0, crossCheck);
  const crossRuns = await pool(crossed, jobs, (c) => runAlone(helm, work, c, charts.get(c.version)!));
  for (const [i, c] of crossed.entries()) {
    const a = crossRuns[i];
    const b = helmResults.get(c.id)!;
    if (!('values' in a) || !('values' in b) || !isDeepStrictEqual(a.values, b.values) || !sameWarnings(a, expected.get(c.id)!)) {
      crossDiffs++;
      console.log(`BATCHING CHANGED ${describeCase(c)}\n  alone: ${JSON.stringify(a).slice(0, 300)}`);
    }
  }
  rmSync(work, { recursive: true, force: true });

  let diffs = 0;
  let bothFail = 0;
  const report = (c: Case, lines: string[]) => {
    diffs++;
    if (diffs <= 15) console.log(`DIFFERENCE in ${describeCase(c)}\n${lines.map((l) => `  ${l}`).join('\n')}`);
  };
  for (const c of all) {
    const h = helmResults.get(c.id)!;
    const o = expected.get(c.id)!;
    if ('error' in h && 'error' in o) bothFail++;
    else if ('error' in h) report(c, [`helm failed: ${h.error.split('\n')[0]}`, 'ours: values']);
    else if ('error' in o) report(c, [`helm succeeded; ours failed: ${o.error}`]);
    else if (!isDeepStrictEqual(h.values, o.values)) report(c, differences(h.values, o.values));
    else if (!sameWarnings(h, o)) report(c, [`warnings: helm ${JSON.stringify(h.warnings)} ≠ ours ${JSON.stringify(o.warnings)}`]);
  }
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  console.log(
    `helm ${HELM_VERSION} vs ours, seed ${seed}: ${all.length} cases (${random.length} random, ${lone.length} edge/broken; ` +
      `${batched.length} batched), ${stats.helmRuns} helm runs, ${bothFail} refused by both, ${diffs} differences, ` +
      `${crossDiffs} batching differences (cross-checked ${Math.min(crossCheck, batched.length)}), ${seconds} s`,
  );
  return diffs === 0 && crossDiffs === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e);
    process.exitCode = 2;
  },
);
