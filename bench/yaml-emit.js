'use strict';
/**
 * YAML writing only: ms per 100 manifest lists for
 *   ours   — toYamlDocuments(list) from lib/yaml/emit.js (no dependency),
 *   cdk8s  — Yaml.stringify(...list), what `cdk8s synth` writes (yaml@2 document model),
 *   json   — JSON.stringify(list), a lower bound for any serializer.
 *
 *   npx tsc -p tsconfig.build.json && node bench/yaml-emit.js        # 7 repeats
 *   node bench/yaml-emit.js --reps 15 --lists 20
 *
 * The lists are `chart.toJson()` of one PackageManager with fullProps(i) (9 objects, ~10 KB of YAML each),
 * i = 0..lists-1, cycled through. Before timing, every list's output is checked to be byte-identical to
 * cdk8s's. Each repeat times 100 lists per writer, the writers interleaved; printed: median and min over the
 * repeats. Then the cost of loading each writer in a fresh process (median of 5 `node -e` runs).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { median } = require('./harness');

const ROOT = path.join(__dirname, '..');
const EMIT = path.join(ROOT, 'lib', 'yaml', 'emit.js');

function arg(argv, name, dflt) {
  const i = argv.indexOf(name);
  return i === -1 ? dflt : Number(argv[i + 1]);
}

function timeIt(fn, lists, n) {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += fn(lists[i % lists.length]).length;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (sink === 0) throw new Error('nothing written');
  return ms;
}

function loadMs(script) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`load timing failed: ${r.stderr}`);
    runs.push(Number(r.stdout));
  }
  return median(runs);
}

function main(argv) {
  let emit;
  try {
    emit = require(EMIT);
  } catch {
    console.error(`${path.relative(ROOT, EMIT)} not found: build first (npx tsc -p tsconfig.build.json)`);
    process.exit(2);
  }
  const reps = arg(argv, '--reps', 7);
  const nLists = arg(argv, '--lists', 10);
  const { App, Chart, Yaml } = require('cdk8s');
  const { PackageManager } = require(path.join(ROOT, 'lib'));
  const { fullProps } = require('./fixture.js');

  const lists = [];
  const warn = console.warn;
  console.warn = () => undefined; // the construct's synth notices are not what is measured
  for (let i = 0; i < nLists; i++) {
    const chart = new Chart(new App({ outdir: '/dev/null' }), 'bench', { disableResourceNameHashes: true });
    new PackageManager(chart, `pm${i}`, fullProps(i));
    lists.push(chart.toJson());
  }
  console.warn = warn;
  let bytes = 0;
  for (const list of lists) {
    const ours = emit.toYamlDocuments(list);
    if (ours !== Yaml.stringify(...list)) throw new Error('output differs from Yaml.stringify: run npx jest test/yaml');
    bytes += ours.length;
  }

  const writers = {
    ours: (list) => emit.toYamlDocuments(list),
    cdk8s: (list) => Yaml.stringify(...list),
    json: (list) => JSON.stringify(list),
  };
  for (const fn of Object.values(writers)) timeIt(fn, lists, 300); // warm-up (JIT)
  const times = { ours: [], cdk8s: [], json: [] };
  for (let r = 0; r < reps; r++) for (const [name, fn] of Object.entries(writers)) times[name].push(timeIt(fn, lists, 100));

  console.log(`YAML writing: ${nLists} manifest lists of ${lists[0].length} objects, ${Math.round(bytes / nLists / 1024)} KB of YAML each`);
  console.log(`(${reps} repeats of 100 lists; output byte-identical to Yaml.stringify: checked)\n`);
  console.log('writer  ms/100 lists (median)  min      vs cdk8s');
  const base = median(times.cdk8s);
  for (const [name, ts] of Object.entries(times)) {
    const m = median(ts);
    console.log(
      `${name.padEnd(8)}${m.toFixed(2).padStart(24)}  ${Math.min(...ts)
        .toFixed(2)
        .padStart(7)}  ${(base / m).toFixed(1).padStart(6)}x`,
    );
  }

  const h = 'const h=()=>process.hrtime.bigint();const t=h();';
  const out = ';process.stdout.write(String(Number(h()-t)/1e6))';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-emit-bench-'));
  const empty = path.join(tmp, 'empty.js');
  fs.writeFileSync(empty, 'module.exports = 0;\n');
  console.log('\nmodule load in a fresh process (median of 5):');
  console.log(
    `  require an empty module    ${loadMs(`${h}require(${JSON.stringify(empty)})${out}`).toFixed(1)} ms  (the loader's own start-up)`,
  );
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`  require lib/yaml/emit.js   ${loadMs(`${h}require(${JSON.stringify(EMIT)})${out}`).toFixed(1)} ms`);
  console.log(`  require('cdk8s')           ${loadMs(`${h}require('cdk8s')${out}`).toFixed(1)} ms`);
}

main(process.argv.slice(2));
