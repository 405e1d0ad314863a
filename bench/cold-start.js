'use strict';
/**
 * Cold start: what a fresh `node` process pays before its first manifest.
 *
 *   node bench/cold-start.js        # 5 runs
 *   node bench/cold-start.js 10     # 10 runs
 *
 * Each run is a new `node -e <script>` process (nothing cached in-process;
 * the OS file cache is warm after the first run). Inside it, timed with
 * process.hrtime.bigint():
 *   (a) module load: require('cdk8s'), then require('<repo>/lib')
 *       (lib pulls in constructs, zod, yaml, its schema, …; cdk8s is counted
 *       once, under "cdk8s");
 *   (b) synth of one instance: new App(), new Chart(app, 'bench',
 *       { disableResourceNameHashes: true }), new PackageManager(chart, 'pm0',
 *       fullProps(0)), app.synthYaml() — split into construct and synthYaml.
 * "process wall" is measured by the parent around spawnSync: node start-up
 * + (a) + (b) + exit.
 * Printed: the median of each column over the runs.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.join(__dirname, '..');

const script = `
const h = () => process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
const t0 = h();
const cdk8s = require('cdk8s');
const t1 = h();
const lib = require(${JSON.stringify(path.join(ROOT, 'lib'))});
const t2 = h();
const { fullProps } = require(${JSON.stringify(path.join(__dirname, 'fixture.js'))});
const t3 = h();
const app = new cdk8s.App();
const chart = new cdk8s.Chart(app, 'bench', { disableResourceNameHashes: true });
new lib.PackageManager(chart, 'pm0', fullProps(0));
const t4 = h();
const out = app.synthYaml();
const t5 = h();
if (!out.includes('kind: Deployment')) throw new Error('no Deployment in the output');
process.stdout.write(JSON.stringify({
  cdk8s: ms(t0, t1), lib: ms(t1, t2), construct: ms(t3, t4), synthYaml: ms(t4, t5),
  load: ms(t0, t2), synth: ms(t3, t5), inProcess: ms(t0, t5),
}));
`;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function main(argv) {
  const runs = Number(argv.find((a) => /^\d+$/.test(a)) ?? 5);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`run ${i + 1} failed (${r.status}):\n${r.stderr}`);
    results.push({ ...JSON.parse(r.stdout), wall });
  }

  const cols = [
    ['cdk8s', 'require cdk8s'],
    ['lib', 'require lib'],
    ['load', '(a) load total'],
    ['construct', 'construct'],
    ['synthYaml', 'synthYaml'],
    ['synth', '(b) synth total'],
    ['inProcess', '(a)+(b)'],
    ['wall', 'process wall'],
  ];
  console.log(`## cold start: fresh \`node -e\` process, require + 1 instance (fullProps(0)) + synthYaml`);
  console.log(`node ${process.version}; median of ${runs} runs, ms\n`);
  const w = Math.max(...cols.map(([, l]) => l.length));
  for (const [k, label] of cols) {
    const vals = results.map((r) => r[k]);
    console.log(`${label.padEnd(w)}  ${median(vals).toFixed(1).padStart(8)}   (runs: ${vals.map((v) => v.toFixed(0)).join('/')})`);
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(e.stack || String(e));
    process.exit(1);
  }
}

module.exports = { main };
