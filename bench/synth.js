'use strict';
/**
 * Synthesis benchmark: N PackageManager instances (fullProps(i)) in one chart,
 * rendered with `app.synthYaml()` (the full synthesis `cdk8s synth` does:
 * resolve dependencies, validate, chart.toJson(), YAML stringify — minus the
 * file writes).
 *
 *   node bench/synth.js                 # N = 1 10 100 1000, 3 repeats each
 *   node bench/synth.js 1 10 100        # other Ns
 *   node bench/synth.js --reps 5 100    # more repeats
 *   node bench/synth.js --warmup 20 10  # 20 warm-up rounds per child (default 5; --no-warmup = 0)
 *
 * Each repeat of each N runs in two fresh child processes (child_process.fork
 * of this file with `--child N --mode synth|floor`): one for the construct,
 * one for the floor. So maxRSS is that run's own high-water mark, and both
 * timed phases start from the same JIT state. The table shows the median over
 * the repeats, metric by metric.
 *
 * Both children, after loading the modules:
 *   0. warm up, 5 times (--warmup K): an App with 1 instance, synthYaml(),
 *      thrown away — JIT and lazy init of cdk8s/zod/yaml, so that small Ns
 *      measure work more than compilation (bench/cold-start.js measures the
 *      cold case). No forced gc() afterwards (see runChild).
 *
 * The synth child:
 *   1. construct: new App(), new Chart(app, 'bench', { disableResourceNameHashes: true }),
 *      N × new PackageManager(chart, `pm${i}`, fullProps(i))   (fullProps(i) is built
 *      inside the timed region: it is a cheap object literal);
 *   2. synth: app.synthYaml();
 *   3. memory: process.resourceUsage().maxRSS (peak of the whole process so
 *      far, Node + modules included) and process.memoryUsage().heapUsed right
 *      after synth, app still alive;
 *   4. breakdown only: a second chart.toJson(), timed on its own ("toJson ms":
 *      cdk8s resolving the ApiObjects into JSON, on an already-synthesized tree).
 *
 * The floor child — what the FLOOR includes, exactly:
 *   untimed: the same N instances built and turned into plain documents with
 *   chart.toJson() (what synthYaml serializes), the construct tree dropped;
 *   timed: ONLY `Yaml.stringify(...docs)` from cdk8s, the very function and
 *   options synthYaml ends with (yaml@2 `stringify(doc, { keepUndefined: true,
 *   lineWidth: 0, version: '1.1' })` per document, joined with '---\n').
 *   No construct tree, validation, model, rendering or token resolution.
 *   The floor's YAML is checked byte-identical (sha256) to synthYaml's output
 *   ("same YAML"). overhead = total / floor.
 *   "json ms": JSON.stringify(docs) of the same documents, a lower bound for
 *   any serializer.
 */
const { fork } = require('child_process');
const path = require('path');

const DEFAULT_NS = [1, 10, 100, 1000];

function ms(ns) {
  return Number(ns) / 1e6;
}

// ---------------------------------------------------------------- child ---
function sha256(text) {
  return require('crypto').createHash('sha256').update(text).digest('hex');
}

/** mode 'synth': the construct and synthYaml timings; mode 'floor': the floor. */
function runChild(mode, n, warmup) {
  const { App, Chart, Yaml } = require('cdk8s');
  const { PackageManager } = require('../lib');
  const { fullProps } = require('./fixture');

  const build = (count) => {
    const app = new App();
    const chart = new Chart(app, 'bench', { disableResourceNameHashes: true });
    for (let i = 0; i < count; i++) new PackageManager(chart, `pm${i}`, fullProps(i));
    return { app, chart };
  };

  // Identical in both modes, so both start from the same JIT state.
  for (let w = 0; w < warmup; w++) build(1).app.synthYaml();
  // No gc() before the timed regions: a forced full GC shrinks V8's young
  // generation and the next allocation-heavy phase then pays for many more
  // scavenges (measured: the first stringify after gc() was 2-4x slower).
  const rssBefore = process.memoryUsage().rss;

  if (mode === 'floor') {
    // Untimed: the N instances' documents, as plain data (toJson() builds
    // fresh objects/arrays/strings/numbers with no tokens and no references
    // into the construct tree). Then the tree is dropped.
    let { chart } = build(n);
    const docs = chart.toJson();
    chart = undefined;
    const t0 = process.hrtime.bigint();
    const text = Yaml.stringify(...docs);
    const t1 = process.hrtime.bigint();
    JSON.stringify(docs);
    const t2 = process.hrtime.bigint();
    return { floorMs: ms(t1 - t0), jsonMs: ms(t2 - t1), floorSha: sha256(text) };
  }

  const t0 = process.hrtime.bigint();
  const { app, chart } = build(n);
  const t1 = process.hrtime.bigint();
  const yamlText = app.synthYaml();
  const t2 = process.hrtime.bigint();

  const maxRssKb = process.resourceUsage().maxRSS; // kilobytes
  const heapUsed = process.memoryUsage().heapUsed;

  // Breakdown only: a second toJson() on the synthesized tree, timed alone.
  const t3 = process.hrtime.bigint();
  const objects = chart.toJson().length;
  const t4 = process.hrtime.bigint();

  return {
    n,
    objects,
    yamlBytes: Buffer.byteLength(yamlText),
    constructMs: ms(t1 - t0),
    synthMs: ms(t2 - t1),
    totalMs: ms(t2 - t0),
    toJsonMs: ms(t4 - t3),
    maxRssMb: maxRssKb / 1024,
    rssBeforeMb: rssBefore / 1048576,
    heapUsedMb: heapUsed / 1048576,
    synthSha: sha256(yamlText),
  };
}

// --------------------------------------------------------------- parent ---
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function forkOnce(mode, n, warmup) {
  return new Promise((resolve, reject) => {
    const args = ['--child', String(n), '--mode', mode, '--warmup', String(warmup)];
    const child = fork(__filename, args, {
      execArgv: ['--max-old-space-size=4096'],
      cwd: path.join(__dirname, '..'),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result;
    child.on('message', (m) => (result = m));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result && result.error) reject(new Error(`child N=${n}: ${result.error}`));
      else if (code === 0 && result) resolve(result);
      else reject(new Error(`child N=${n} exited with ${signal || code}`));
    });
  });
}

function pad(s, w) {
  s = String(s);
  return s.length >= w ? s : ' '.repeat(w - s.length) + s;
}

function printTable(headers, rows) {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((x, c) => pad(x, widths[c])).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main(argv) {
  let reps = 3;
  let warmup = 5;
  const ns = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') reps = Number(argv[++i]);
    else if (argv[i] === '--warmup') warmup = Number(argv[++i]);
    else if (argv[i] === '--no-warmup') warmup = 0;
    else if (/^\d+$/.test(argv[i])) ns.push(Number(argv[i]));
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (ns.length === 0) ns.push(...DEFAULT_NS);
  if (!(reps >= 1)) throw new Error('--reps must be >= 1');
  if (!(warmup >= 0)) throw new Error('--warmup must be >= 0');

  console.log(`## synth: N PackageManager instances (bench/fixture.js fullProps) -> app.synthYaml()`);
  console.log(
    `node ${process.version}, ${require('os').cpus().length} CPUs; median of ${reps} repeat(s) per N, each a fresh synth child + a fresh floor child` +
      `${warmup ? `, each after a warm-up of ${warmup} x (1 instance + synthYaml)` : ', no warm-up'}\n`,
  );

  const results = [];
  for (const n of ns) {
    const runs = [];
    const started = Date.now();
    for (let r = 0; r < reps; r++) {
      const synth = await forkOnce('synth', n, warmup);
      const floor = await forkOnce('floor', n, warmup);
      runs.push({ ...synth, ...floor, sameOutput: synth.synthSha === floor.floorSha });
    }
    const wall = (Date.now() - started) / 1000;
    const med = {};
    for (const k of Object.keys(runs[0])) {
      if (typeof runs[0][k] === 'number') med[k] = median(runs.map((x) => x[k]));
    }
    med.sameOutput = runs.every((x) => x.sameOutput);
    med.wallS = wall;
    med.totals = runs.map((x) => x.totalMs);
    results.push(med);
    if (process.stderr.isTTY) process.stderr.write(`  N=${n}: ${reps} run(s) in ${wall.toFixed(1)} s\n`);
  }

  const f1 = (x) => x.toFixed(1);
  const f2 = (x) => x.toFixed(2);
  const f3 = (x) => x.toFixed(3);
  printTable(
    ['N', 'construct ms', 'synth ms', 'total ms', 'per-inst ms', 'floor ms', 'overhead x', 'peak RSS MB'],
    results.map((r) => [
      r.n,
      f1(r.constructMs),
      f1(r.synthMs),
      f1(r.totalMs),
      f3(r.totalMs / r.n),
      f1(r.floorMs),
      f1(r.totalMs / r.floorMs),
      f1(r.maxRssMb),
    ]),
  );

  console.log('\nbreakdown (medians): synth = toJson (cdk8s resolve) + YAML stringify (~floor) + rest (dependencies, validate)');
  printTable(
    [
      'N',
      'objects',
      'YAML KB',
      'toJson ms',
      'floor ms',
      'synth-rest ms',
      'json ms',
      'heap after MB',
      'RSS before MB',
      'total runs ms',
      'wall s',
      'same YAML',
    ],
    results.map((r) => [
      r.n,
      r.objects,
      f1(r.yamlBytes / 1024),
      f1(r.toJsonMs),
      f1(r.floorMs),
      f1(Math.max(0, r.synthMs - r.toJsonMs - r.floorMs)),
      f2(r.jsonMs),
      f1(r.heapUsedMb),
      f1(r.rssBeforeMb),
      r.totals.map((t) => t.toFixed(0)).join('/'),
      f1(r.wallS),
      r.sameOutput ? 'yes' : 'NO',
    ]),
  );

  console.log('');
  const byN = new Map(results.map((r) => [r.n, r]));
  let printed = false;
  for (const r of results) {
    const prev = byN.get(r.n / 10);
    if (!prev) continue;
    printed = true;
    console.log(
      `time(${r.n})/time(${prev.n}): total ${(r.totalMs / prev.totalMs).toFixed(2)}, construct ${(r.constructMs / prev.constructMs).toFixed(2)},` +
        ` synth ${(r.synthMs / prev.synthMs).toFixed(2)}, floor ${(r.floorMs / prev.floorMs).toFixed(2)}  (linear = 10.00)`,
    );
  }
  if (!printed) console.log('(no pair of Ns 10x apart: no scaling ratio)');
  const slow = results.filter((r) => r.wallS > 120);
  for (const r of slow) console.log(`NOTE: N=${r.n} took ${r.wallS.toFixed(0)} s of wall time for ${reps} run(s) (> 2 minutes)`);
}

if (process.argv[2] === '--child') {
  const n = Number(process.argv[3]);
  const arg = (name, dflt) => {
    const k = process.argv.indexOf(name);
    return k > 0 ? process.argv[k + 1] : dflt;
  };
  try {
    process.send(runChild(arg('--mode', 'synth'), n, Number(arg('--warmup', 5))), () => process.exit(0));
  } catch (e) {
    process.send({ error: String(e && e.stack ? e.stack : e) }, () => process.exit(1));
  }
} else if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}

module.exports = { main };
