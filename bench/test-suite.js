'use strict';
/**
 * Test-suite wall time.
 *
 *   node bench/test-suite.js          # `npx jest` once
 *   node bench/test-suite.js --full   # also `npm test` (type-check, lint, jest)
 *
 * Runs from the repository root; the commands' own output is captured and only
 * jest's summary lines are shown. A failing suite is reported (exit code),
 * not treated as a benchmark failure: the number is a wall time, nothing more.
 * `npm test` type-checks incrementally (a warm run re-checks what changed). Also prints the
 * load average, since the wall time depends on what else the machine runs.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function timed(label, cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true', FORCE_COLOR: '0' } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const text = `${r.stdout || ''}\n${r.stderr || ''}`;
  const summary = text
    .split('\n')
    .filter((l) => /^(Test Suites|Tests|Snapshots|Time):/.test(l.trim()) || /^FAIL /.test(l))
    .map((l) => l.trim());
  return { label, seconds, status: r.error ? String(r.error) : r.status, summary };
}

function main(argv) {
  const full = argv.includes('--full');
  const runs = [timed('npx jest', NPX, ['jest'])];
  if (full) runs.push(timed('npm test (typecheck + lint + jest)', NPM, ['test']));

  console.log(
    `## test suite wall time (${require('os').cpus().length} CPUs, load average ${require('os')
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})\n`,
  );
  for (const r of runs) {
    console.log(`${r.label}: ${r.seconds.toFixed(1)} s  (exit ${r.status})`);
    for (const l of r.summary) console.log(`    ${l}`);
  }
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { main };
