'use strict';
/**
 * `npm run bench`: the benchmarks side by side, in one run, with the machine and the date.
 *
 *   npm run bench                                   # synthesis (N = 1 10 100 1000), cold start, inline secrets
 *   npm run bench -- --helm-chart DIR [--helm BIN]  # + the cdk8s Helm construct and `helm template`
 *   npm run bench -- --quick                        # N = 1 10 100, 1 repeat, 7 cold-start rounds, secrets at N = 50
 *   npm run bench -- --reps 5 --runs 30 100 1000    # more repeats / rounds; Ns
 *   npm run bench -- --lib DIR                      # measure another build of the library
 *   npm run bench -- --with-tests [--full]          # + the test suite's wall time (bench/test-suite.js)
 *
 * The numbers are those of the built lib/ (`npm run build` first; a note says when src/ is newer).
 * Timings are information, never pass/fail: on a shared machine compare runs made one after the
 * other, and read the load average printed with them. The exit code is non-zero only when a
 * benchmark could not run or the variants wrote different YAML.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const coldStart = require('./cold-start');
const secrets = require('./secrets');
const synthesis = require('./synthesis');

const ROOT = path.join(__dirname, '..');

function newestMtime(dir, ext) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p, ext));
    else if (e.name.endsWith(ext)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function machine() {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return (
    `${new Date().toISOString()}  node ${process.version}  ${cpus.length} x ${cpus[0]?.model ?? 'unknown CPU'}  ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB  ${os.platform()} ${os.release()} ${os.arch()}  load average ${load}`
  );
}

async function main(argv) {
  const opts = { reps: 3, runs: 15, ns: [], libDir: path.join(ROOT, 'lib') };
  let withTests = false;
  let full = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reps') opts.reps = Number(argv[++i]);
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--lib') opts.libDir = path.resolve(argv[++i]);
    else if (a === '--helm-chart') opts.helmChart = path.resolve(argv[++i]);
    else if (a === '--helm') opts.helmBin = argv[++i];
    else if (a === '--quick') Object.assign(opts, { reps: 1, runs: 7, ns: [1, 10, 100], secretNs: [50] });
    else if (a === '--with-tests') withTests = true;
    else if (a === '--full') full = true;
    else if (/^\d+$/.test(a)) opts.ns.push(Number(a));
    else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  if (opts.ns.length === 0) opts.ns = [1, 10, 100, 1000];

  console.log('# cdk8s-posit-package-manager benchmarks');
  console.log(`${machine()}\n`);
  if (!fs.existsSync(path.join(opts.libDir, 'index.js'))) {
    console.error(`${opts.libDir}/index.js is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  if (opts.libDir === path.join(ROOT, 'lib') && newestMtime(path.join(ROOT, 'src'), '.ts') > newestMtime(opts.libDir, '.js')) {
    console.log('NOTE: some src/ file is newer than lib/: these numbers are for the last build (`npm run build`).\n');
  }

  const { helm, note } = synthesis.helmOptions(opts.helmChart, opts.helmBin);
  const t0 = Date.now();
  const byN = await synthesis.measure({ ns: opts.ns, reps: opts.reps, libDir: opts.libDir, helm });
  console.log(synthesis.report(byN, opts.reps));
  if (note) console.log(note);
  console.log(`\n(synthesis: ${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);

  const t1 = Date.now();
  console.log(coldStart.report(coldStart.measure(opts)));
  console.log(`\n(cold start: ${((Date.now() - t1) / 1000).toFixed(0)} s)`);

  const t2 = Date.now();
  console.log(`\n${secrets.report(await secrets.measure({ ns: opts.secretNs, reps: opts.reps, libDir: opts.libDir }), opts.reps)}`);
  console.log(`\n(inline secrets: ${((Date.now() - t2) / 1000).toFixed(0)} s)`);

  if (withTests) {
    console.log('');
    require('./test-suite').main(full ? ['--full'] : []);
  }
  console.log(
    `\nload average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const mismatch = [...byN].some(([, m]) => new Set(['ours', 'floor', 'core'].flatMap((v) => [...m.get(v).shas])).size !== 1);
  if (mismatch) {
    console.log('ERROR: the variants wrote different YAML');
    process.exitCode = 1;
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
