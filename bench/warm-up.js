'use strict';
/**
 * Warm-up against steady state: one fresh process builds the same N instances (bench/fixture.js fullProps(i)) three
 * times in a row, ours (N × PackageManager) or the floor (the same manifests, rendered beforehand and untimed, as bare
 * ApiObjects under one construct per instance, as synthesis.js builds them), with no warm-up before the first build.
 * The first build pays for loading lazy code, V8's lower tiers and its optimizing compiles; the third is close to
 * what the same code costs once warm. Fresh processes alternate ours / floor.
 *
 *   node bench/warm-up.js              # N = 1000, 5 processes of each
 *   node bench/warm-up.js --reps 7 300
 *   node bench/warm-up.js --lib DIR    # another build of the library
 *
 * Printed: CPU ms per instance (process.cpuUsage, all threads) of each build, medians over the processes, and the
 * ratio ours / floor of each build.
 */
const os = require('os');
const path = require('path');
const { forkChild, freshCopy, median, runAsChild } = require('./harness');

const BUILDS = 3;

function child(variant, n, libDir) {
  const { App, Chart, ApiObject } = require('cdk8s');
  const { Construct } = require('constructs');
  const lib = require(libDir);
  const { fullProps } = require('./fixture');
  const manifests = variant === 'floor' ? Array.from({ length: n }, (_, i) => lib.render(fullProps(i), { releaseName: `pm${i}` })) : [];
  const build = () => {
    const app = new App();
    const chart = new Chart(app, 'bench', { disableResourceNameHashes: true });
    for (let i = 0; i < n; i++) {
      if (variant === 'ours') new lib.PackageManager(chart, `pm${i}`, fullProps(i));
      else {
        const scope = new Construct(chart, `pm${i}`);
        manifests[i].forEach((m, k) => new ApiObject(scope, String(k), freshCopy(m)));
      }
    }
    return app.synthYaml();
  };
  const cpu = [];
  for (let b = 0; b < BUILDS; b++) {
    const c0 = process.cpuUsage();
    if (!build().includes('kind: Deployment')) throw new Error('no Deployment');
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / n);
  }
  return cpu;
}

const forkOnce = (variant, n, libDir) => forkChild(__filename, [variant, String(n), libDir], variant);

async function measure({ n = 1000, reps = 5, libDir }) {
  const runs = { ours: [], floor: [] };
  for (let r = 0; r < reps; r++) for (const v of r % 2 ? ['floor', 'ours'] : ['ours', 'floor']) runs[v].push(await forkOnce(v, n, libDir));
  const per = (v) => Array.from({ length: BUILDS }, (_, b) => median(runs[v].map((cpu) => cpu[b])));
  return { n, reps, ours: per('ours'), floor: per('floor'), load: os.loadavg()[0] };
}

function report({ n, reps, ours, floor, load }) {
  const out = [
    `## warm-up: ${BUILDS} builds of N = ${n} in one fresh process, CPU ms per instance (medians of ${reps} processes each)\n`,
    'build  ours    floor   ours/floor',
  ];
  for (let b = 0; b < BUILDS; b++)
    out.push(`${String(b + 1).padEnd(5)}  ${ours[b].toFixed(3)}   ${floor[b].toFixed(3)}   ${(ours[b] / floor[b]).toFixed(2)}`);
  out.push(`load average (1 min) at the end: ${load.toFixed(2)}`);
  return out.join('\n');
}

if (runAsChild((variant, n, libDir) => child(variant, Number(n), libDir))) {
  // A measurement in its own process.
} else if (require.main === module) {
  const argv = process.argv.slice(2);
  const opts = { libDir: path.join(__dirname, '..', 'lib') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') opts.reps = Number(argv[++i]);
    else if (argv[i] === '--lib') opts.libDir = path.resolve(argv[++i]);
    else opts.n = Number(argv[i]);
  }
  measure(opts)
    .then((r) => console.log(report(r)))
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}

module.exports = { measure, report };
