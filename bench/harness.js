'use strict';
/**
 * What the benchmarks share: the median, a fresh plain copy of a manifest (what a construct's object literals
 * cost), and the child processes each measurement runs in (a fresh process: no JIT or cache of another run).
 */
const { fork } = require('child_process');

/** The median of the defined numbers of `xs` (undefined when there is none). */
function median(xs) {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A deep copy made of new plain objects and arrays: how the floor creates its manifests inside the timed region. */
function freshCopy(v) {
  if (Array.isArray(v)) return v.map(freshCopy);
  if (v !== null && typeof v === 'object') {
    const o = {};
    for (const k in v) o[k] = freshCopy(v[k]);
    return o;
  }
  return v;
}

/**
 * Runs `file` as a child (`node file --child ...args`, with `options` for fork) and resolves with the one message
 * it sends; rejects, named by `what`, when it reports an error or exits without a result.
 */
function forkChild(file, args, what, options = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(file, ['--child', ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...options });
    let result;
    child.on('message', (m) => (result = m));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result && result.error) reject(new Error(`${what}: ${result.error}`));
      else if (code === 0 && result) resolve(result);
      else reject(new Error(`${what} exited with ${signal || code}`));
    });
  });
}

/** True in a child started by forkChild: `measure(...argv after --child)` runs, and its result (or error) is sent back. */
function runAsChild(measure) {
  if (process.argv[2] !== '--child') return false;
  try {
    process.send(measure(...process.argv.slice(3)), () => process.exit(0));
  } catch (e) {
    process.send({ error: String(e && e.stack ? e.stack : e) }, () => process.exit(1));
  }
  return true;
}

module.exports = { median, freshCopy, forkChild, runAsChild };
