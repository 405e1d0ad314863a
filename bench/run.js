'use strict';
/**
 * Runs the benchmarks in sequence and prints their tables (`npm run bench`).
 *
 *   node bench/run.js                       # synth (N = 1 10 100 1000) + cold start
 *   node bench/run.js 1 10 100              # Ns for synth.js
 *   node bench/run.js --with-tests          # + test-suite.js (npx jest)
 *   node bench/run.js --with-tests --full   # + npm test as well
 *   node bench/run.js --build               # first refresh lib/ (npx tsc -p tsconfig.build.json)
 *
 * The benchmarks use the compiled lib/, not src/: after editing src/, build
 * (or pass --build). A note is printed when some src/ file is newer than lib/.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

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

function run(script, args) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(__dirname, script), ...args], { cwd: ROOT, stdio: 'inherit' });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) console.log(`\n(${script} exited with ${r.status ?? r.signal} after ${s} s)`);
  else console.log(`\n(${script}: ${s} s)`);
  console.log('');
  return r.status === 0;
}

function main(argv) {
  const withTests = argv.includes('--with-tests');
  const full = argv.includes('--full');
  const build = argv.includes('--build');
  const ns = argv.filter((a) => /^\d+$/.test(a));
  const unknown = argv.filter((a) => !/^\d+$/.test(a) && !['--with-tests', '--full', '--build'].includes(a));
  if (unknown.length) {
    console.error(`unknown argument(s): ${unknown.join(' ')}`);
    process.exit(2);
  }

  console.log(`# cdk8s-posit-package-manager benchmarks`);
  console.log(
    `${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} x ${os.cpus()[0].model}  ${os.platform()} ${os.arch()}\n`,
  );

  if (build) {
    console.log('building lib/ (npx tsc -p tsconfig.build.json) ...');
    const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (r.status !== 0) {
      console.error('build failed');
      process.exit(1);
    }
  }
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    console.error('lib/index.js is missing: run `npx tsc -p tsconfig.build.json` (or pass --build)');
    process.exit(1);
  }
  if (newestMtime(path.join(ROOT, 'src'), '.ts') > newestMtime(path.join(ROOT, 'lib'), '.js')) {
    console.log('NOTE: some src/ file is newer than lib/; these numbers are for the last build (pass --build to refresh).\n');
  }

  let ok = run('synth.js', ns);
  ok = run('cold-start.js', []) && ok;
  if (withTests) ok = run('test-suite.js', full ? ['--full'] : []) && ok;
  process.exit(ok ? 0 : 1);
}

main(process.argv.slice(2));
