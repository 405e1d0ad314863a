'use strict';
/**
 * Runs shell commands at the same time and fails if any fails:
 *
 *   node scripts/parallel.js "npm run typecheck" "npm run lint"
 *
 * `npm test` runs the type-check and the linters side by side (each uses one core).
 * Each command's output is kept and printed whole when all have ended, in the order
 * given, so the log reads the same whatever finished first.
 */
const { spawn } = require('child_process');

const commands = process.argv.slice(2);
if (commands.length === 0) {
  process.stderr.write('usage: node scripts/parallel.js "COMMAND" ["COMMAND"...]\n');
  process.exit(2);
}

const runs = commands.map(
  (command) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const chunks = [];
      child.stdout.on('data', (d) => chunks.push(d));
      child.stderr.on('data', (d) => chunks.push(d));
      child.on('error', (e) => chunks.push(Buffer.from(`${e.message}\n`)));
      child.on('close', (code, signal) =>
        resolve({ command, code: code ?? signal, seconds: (Date.now() - started) / 1000, output: Buffer.concat(chunks) }),
      );
    }),
);

Promise.all(runs).then((results) => {
  for (const r of results) {
    process.stdout.write(`\n$ ${r.command}  (${r.seconds.toFixed(1)} s${r.code === 0 ? '' : `, failed: ${r.code}`})\n`);
    process.stdout.write(r.output);
  }
  process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
});
