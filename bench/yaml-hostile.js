'use strict';
/**
 * Hostile shapes of YAML values text, ~1 MiB each, through `parseValuesYaml` of the built library (lib/): the
 * time of each (wall and CPU, in a fresh child process per shape so that one shape's garbage does not slow the
 * next) and what it answered (a value, or the start of the error). Information, never pass/fail.
 *
 *   npm run build && node bench/yaml-hostile.js            # 1 MiB
 *   node bench/yaml-hostile.js --size 65536                # another size
 *   node bench/yaml-hostile.js --lib /other/checkout/lib   # another build (in a checkout with node_modules)
 *   node bench/yaml-hostile.js --at-bound                  # shapes refused for their count, at the largest size read
 */
const { execFileSync } = require('child_process');
const os = require('os');
const path = require('path');

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i === -1 ? dflt : argv[i + 1];
};
const SIZE = Number(opt('--size', 1024 * 1024));
const LIB = path.resolve(opt('--lib', path.join(__dirname, '..', 'lib')));

/** name → [prefix, unit, suffix]: prefix + unit repeated to SIZE characters + suffix. */
const SHAPES = {
  'a: {,,,…}': ['a: {', ',', '}'],
  'a: [,,,…]': ['a: [', ',', ']'],
  'a: [[0],[0],…]': ['a: [[0]', ',[0]', ']'],
  'a: [0, 0, …]': ['a: [0', ', 0', ']'],
  'a: {k: 0, k: 0, …}': ['a: {k: 0', ', k: 0', '}'],
  '{{ ? ? …': ['{{ ', '? ', ''],
  'a: [? ? …]': ['a: [', '? ', ']'],
  'a: [a:,a:,…]': ['a: [', 'a:,', ']'],
  'a: [?x,…]': ['a: [', '?x,', ']'],
  'a: [&a 0, *a, …]': ['a: [&a 0', ', *a', ']'],
  'a: [{},{},…]': ['a: [{}', ',{}', ']'],
  'a: [[],[],…]': ['a: [[]', ',[]', ']'],
  'a: {k: {}, k: {}, …}': ['a: {k: {}', ', k: {}', '}'],
  'block list - []': ['a:\n', '- []\n', ''],
  'block list - [a:]': ['a:\n', '- [a:]\n', ''],
  'block list - {?x}': ['a:\n', '- {?x}\n', ''],
  'block list - 0': ['a:\n', '- 0\n', ''],
  'block list - - - 0': ['a:\n', '- - - 0\n', ''],
  'block list - k: 0': ['a:\n', '- k: 0\n', ''],
  'block map kN: 0': ['', null, ''],
  'a: "…" (one long string)': ['a: "', 'x', '"'],
  'blank lines': ['a: 1\n', '\n', ''],
  'comment lines': ['a: 1\n', '#\n', ''],
  'plain scalar lines': ['a: x\n', ' x\n', ''],
  'a: [x⏎ x⏎ …]': ['a: [x', '\n x', ']'],
  'a: &a &a &a …': ['a: ', '&a ', ''],
  'a: !t !t !t …': ['a: ', '!t ', ''],
  '--- documents': ['', '---\n', ''],
};

function textOf(name) {
  const [prefix, unit, suffix] = SHAPES[name];
  if (unit === null) {
    const lines = [];
    let n = 0;
    for (let i = 0; n < SIZE; i++) {
      const l = `k${i}: 0\n`;
      lines.push(l);
      n += l.length;
    }
    return lines.join('');
  }
  return prefix + unit.repeat(Math.max(1, Math.floor(SIZE / unit.length))) + suffix;
}

/** The offset of a 1-based line and column in an ASCII text. */
function offsetOf(text, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
}

if (argv[0] === '--child') {
  const { parseValuesYaml } = require(path.join(LIB, 'values', 'yaml.js'));
  let text = textOf(argv[1]);
  if (argv.includes('--at-bound')) {
    // A text refused for its count of entries is cut to the whole units before the place named: the largest
    // text of this shape that is read (what the bound lets through).
    try {
      parseValuesYaml(text);
    } catch (e) {
      const [prefix, unit, suffix] = SHAPES[argv[1]];
      if (/more than [\d,]+ entries/.test(e.message) && unit !== null) {
        const n = Math.floor((offsetOf(text, e.line, e.column) - prefix.length) / unit.length) - 1;
        text = prefix + unit.repeat(n) + suffix;
      }
    }
  }
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let answer;
  try {
    const v = parseValuesYaml(text, { source: 'values.yaml' });
    answer = `value (${JSON.stringify(v).length} chars of JSON)`;
  } catch (e) {
    answer = `${e.name}: ${String(e.message).split('\n')[0].slice(0, 110)}`;
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ wall, cpu: (c.user + c.system) / 1000, answer, size: text.length }));
  process.exit(0);
}

console.log(
  `${new Date().toISOString()}  ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}  load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`lib: ${LIB}; ${SIZE} characters per shape\n`);
const AT_BOUND = argv.includes('--at-bound');
if (AT_BOUND) console.log('--at-bound: a shape refused for its count of entries is timed at the largest size read\n');
console.log(`${'shape'.padEnd(26)} ${'chars'.padStart(8)} ${'wall s'.padStart(7)} ${'cpu s'.padStart(7)}  answer`);
for (const name of Object.keys(SHAPES)) {
  let r;
  try {
    const args = [__filename, '--child', name, '--lib', LIB, '--size', String(SIZE), ...(AT_BOUND ? ['--at-bound'] : [])];
    const out = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 120_000,
    });
    r = JSON.parse(out);
  } catch (e) {
    r = { wall: NaN, cpu: NaN, answer: `child failed: ${String(e.message).split('\n')[0]}` };
  }
  console.log(
    `${name.padEnd(26)} ${String(r.size ?? '').padStart(8)} ${(r.wall / 1000).toFixed(2).padStart(7)} ${(r.cpu / 1000).toFixed(2).padStart(7)}  ${r.answer}`,
  );
}
console.log(
  `\nload after: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
