/**
 * Issue 19 item 3, the property: hostile sizes and shapes (long runs of the characters parsers care about) given to
 * every entry point — YAML values text, fromValues, --set/--set-json/--set-string/--set-literal, templates, the
 * --show-only glob, --from manifests, cron schedules, durations — are answered or refused with the library's own
 * errors: never a RangeError, a crash, or a hang (a generous jest timeout guards that), and keep no more than a
 * memory budget allocated afterwards.
 * HOSTILE_SIZE sets the length (4 KiB here; `npm run test:slow` gives 256 KiB), HOSTILE_RUNS the runs (8; 30).
 */
import fc from 'fast-check';
import { App, Chart } from 'cdk8s';
import { PackageManager, PackageManagerValidationError, ValuesError, loadValues } from '../../src';
import { matchTemplate } from '../../src/cli/template';
import { parseCron } from '../../src/config/cron';
import { parseGoDuration } from '../../src/config/go-formats';
import { GoTemplateError, renderGoTemplate } from '../../src/values/template';
import { parseValuesYaml, parseYamlDocuments, YamlError } from '../../src/values/yaml';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

// A full garbage collection before each memory reading: the budget is for what an entry point keeps, not for garbage
// the collector has not reached yet (which depends on the machine's load, not on the code).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const retainedHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

const SIZE = Number(process.env.HOSTILE_SIZE ?? 4 * 1024);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 8);
const MEMORY_BUDGET = 512 * 1024 * 1024;

const UNITS = [
  ' ',
  '\t',
  '\n',
  '[',
  '{',
  '- ',
  ': ',
  '? ',
  '\\',
  '"',
  "'",
  '*',
  '{{',
  '{{ if true }}',
  '{{- ',
  '(',
  '|',
  ',',
  '.',
  'a.',
  '[0]',
  '#',
  'a,',
  '{"a":',
  '1,',
  '&a ',
  '*a ',
];
const shape = fc.record({
  prefix: fc.constantFrom('', 'a: ', 'a: "', 'a: |\n  ', 'extraObjects:\n  - ', 'k=', 'k[0]=', '{{ '),
  unit: fc.constantFrom(...UNITS),
  suffix: fc.constantFrom('', '\n', ' }}', ']', 'x'),
});
const textOf = (s: { prefix: string; unit: string; suffix: string }) =>
  s.prefix + s.unit.repeat(Math.max(1, Math.floor(SIZE / s.unit.length))) + s.suffix;

const chart = () => new Chart(new App({ outdir: '/dev/null' }), 'c', { disableResourceNameHashes: true });
const ctx = {
  release: { name: 'r', namespace: 'n' },
  chart: { name: 'rstudio-pm', version: '0.5.29', appVersion: '1' },
  values: {},
  includes: {},
};

/** Every entry point, each given the hostile text. */
const ENTRY_POINTS: Record<string, (text: string) => unknown> = {
  'fromValues (YAML text)': (t) => PackageManager.fromValues(chart(), 'r', t),
  'fromValues (extraObjects template)': (t) => PackageManager.fromValues(chart(), 'r', { extraObjects: [t] }),
  '--set': (t) => loadValues({ set: [t] }),
  '--set-json': (t) => loadValues({ setJson: [`k=${t}`] }),
  '--set-string': (t) => loadValues({ setString: [t] }),
  '--set-literal': (t) => loadValues({ setLiteral: [`k=${t}`] }),
  '-f (values text)': (t) => loadValues({ texts: [t] }),
  template: (t) => renderGoTemplate(t, ctx),
  '--show-only glob': (t) => matchTemplate(t, `templates/${'a'.repeat(200)}.yaml`),
  '--from manifests': (t) => parseYamlDocuments(t),
  'cron schedule': (t) => parseCron(t),
  'Go duration': (t) => parseGoDuration(t),
};

/** The errors an entry point may answer with: its own, naming what is wrong. */
const expected = (e: unknown) => e instanceof PackageManagerValidationError || e instanceof GoTemplateError || e instanceof SyntaxError;

describe.each(Object.entries(ENTRY_POINTS))('%s on hostile input', (_, entry) => {
  it(`answers or refuses ${RUNS} shapes of ${SIZE} characters, without a RangeError or a crash`, () => {
    const before = retainedHeap();
    fc.assert(
      fc.property(shape, (s) => {
        try {
          entry(textOf(s));
        } catch (e) {
          if (!expected(e))
            throw new Error(
              `${JSON.stringify({ ...s, unit: s.unit })}: ${(e as Error)?.constructor?.name}: ${String((e as Error)?.message).slice(0, 200)}`,
            );
          expect((e as Error).message).not.toMatch(/\n\s+at |Maximum call stack/);
        }
      }),
      { numRuns: RUNS, seed: 19 },
    );
    expect(retainedHeap() - before).toBeLessThan(MEMORY_BUDGET);
  }, 120_000);
});

/**
 * The shapes of YAML that were slow (seconds at 1 MiB: one Error per bad token, two parses, 10-20 µs per entry) or
 * were refused as "nested deeper" by a stack overflow: at HOSTILE_SIZE each is read or refused with the place named.
 * bench/yaml-hostile.js prints their times at 1 MiB.
 */
const YAML_SHAPES: [string, string, string][] = [
  ['a: {', ',', '}'],
  ['a: [', ',', ']'],
  ['a: [[0]', ',[0]', ']'],
  ['a: [0', ', 0', ']'],
  ['a: [{}', ',{}', ']'],
  ['a: {k: {}', ', k: {}', '}'],
  ['{{ ', '? ', ''],
  ['a: [', '? ', ']'],
  ['a: [', 'a:,', ']'],
  ['a: [', '?x,', ']'],
  ['a: &x [0', ', 0', ']'],
  ['a: [&a 0', ', *a', ']'],
  ['a:\n', '- 0\n', ''],
  ['a:\n', '- - - 0\n', ''],
  ['a:\n', '- [a:]\n', ''],
  ['a:\n', '- {?x}\n', ''],
  ['a:\n', '- k: 0\n', ''],
  ['a: 1\n', '#\n', ''],
  ['a: ', '&a ', ''],
];

describe(`YAML values text of the slow shapes, ${SIZE} characters`, () => {
  it.each(YAML_SHAPES.map(([p, u, x]) => [JSON.stringify(`${p}${u}${u}…${x}`), p, u, x]))(
    '%s is read or refused with its place, never as a stack overflow',
    (_, prefix, unit, suffix) => {
      const text = prefix + unit.repeat(Math.max(1, Math.floor(SIZE / unit.length))) + suffix;
      for (const read of [
        () => loadValues({ texts: [text] }),
        () => parseValuesYaml(text, { source: 'v.yaml' }),
        () => parseYamlDocuments(text),
      ]) {
        let value: unknown;
        try {
          value = read();
        } catch (e) {
          expect(e instanceof YamlError || e instanceof ValuesError).toBe(true);
          expect((e as Error).message).toMatch(/(?:\d+:\d+|line \d+, column \d+): \S/);
          expect((e as Error).message).not.toMatch(/\n\s+at |call stack|nested deeper than this reader follows/);
          continue;
        }
        expect(value).toEqual(expect.any(Object));
      }
    },
    120_000,
  );
});
