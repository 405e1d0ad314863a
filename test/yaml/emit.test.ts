/**
 * toYamlDocuments writes the same bytes as cdk8s's Yaml.stringify (what `cdk8s synth` writes for a chart):
 * rule by rule on chosen examples, on every parity fixture, on real charts, and on random JSON-like data
 * built from YAML-significant pieces. The property runs YAML_PROPERTY_RUNS times (default below; `npm run
 * test:slow` runs 10,000) with seed YAML_PROPERTY_SEED (default fixed).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart, Yaml } from 'cdk8s';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { PackageManager } from '../../src';
import { toYamlDocument, toYamlDocuments, YamlEmitError } from '../../src/yaml/emit';
import { parseYaml } from '../../src/values/yaml';

const RUNS = Number(process.env.YAML_PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.YAML_PROPERTY_SEED ?? 20240601);

/** A deep copy without shared references (cdk8s's toJson() output never shares), keeping undefined and -0. */
function fresh(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value, fresh);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value))
      Object.defineProperty(out, k, { value: fresh((value as any)[k]), enumerable: true, writable: true });
    return out;
  }
  return value;
}

function cdk8s(docs: readonly unknown[]): string {
  return Yaml.stringify(...docs.map(fresh));
}

function expectSame(docs: readonly unknown[]): void {
  expect(toYamlDocuments(docs)).toBe(cdk8s(docs));
}

describe('chosen examples: the expected text, and cdk8s writes the same', () => {
  const examples: [string, unknown, string][] = [
    [
      'plain words and paths',
      { a: 'posit/ppm:2024.08.0', b: 'x y', c: 'a:b', d: 'a#b' },
      'a: posit/ppm:2024.08.0\nb: x y\nc: a:b\nd: a#b\n',
    ],
    [
      'YAML 1.1 non-strings are double-quoted',
      [
        'yes',
        'on',
        'Off',
        'y',
        'N',
        '~',
        'null',
        '',
        '1e3',
        '0x1F',
        '0755',
        '0b11',
        '1_000',
        '12:30',
        '.inf',
        '.NaN',
        '.',
        '2024-06-01',
        '-1.5',
      ],
      '- "yes"\n- "on"\n- "Off"\n- "y"\n- "N"\n- "~"\n- "null"\n- ""\n- "1e3"\n- "0x1F"\n- "0755"\n- "0b11"\n- "1_000"\n- "12:30"\n- ".inf"\n- ".NaN"\n- "."\n- "2024-06-01"\n- "-1.5"\n',
    ],
    [
      'look-alikes stay plain',
      ['yess', 'onn', '1e', '0x1G', '0789', '12:60', '2024-6-1x', '<<', '1.2.3', 'e'],
      '- yess\n- onn\n- 1e\n- 0x1G\n- "0789"\n- 12:60\n- 2024-6-1x\n- <<\n- 1.2.3\n- e\n',
    ],
    [
      'indicators, ": ", " #", edge spaces',
      ['-', '- a', '-a', '?', ': x', 'a: b', 'a #b', 'a:', ' a', 'a ', '#', '&a', '*a', '!a', '|', '>', '%', '@', '`', '[a]', ',', '{}'],
      '- "-"\n- "- a"\n- -a\n- "?"\n- ": x"\n- "a: b"\n- "a #b"\n- "a:"\n- " a"\n- "a "\n- "#"\n- "&a"\n- "*a"\n- "!a"\n- "|"\n- ">"\n- "%"\n- "@"\n- "`"\n- "[a]"\n- ","\n- "{}"\n',
    ],
    [
      'quotes: single only for a " without \'',
      ['"a"', "'a'", '"it\'s"', "'", 'it\'s "x"'],
      '- \'"a"\'\n- "\'a\'"\n- "\\"it\'s\\""\n- "\'"\n- it\'s "x"\n',
    ],
    [
      'keys are quoted by the same rules',
      { '8080': 2, true: 1, n: 0, 'a b': 3, 'a: b': 4, '': 5 },
      '"8080": 2\n"true": 1\n"n": 0\na b: 3\n"a: b": 4\n"": 5\n',
    ],
    [
      'multi-line: literal block, chomping and indentation indicators',
      { clip: 'a\nb\n', strip: 'a\nb', keep: 'a\n\n', lead: ' a\nb', blank: 'a\n\nb\n' },
      'clip: |\n  a\n  b\nstrip: |-\n  a\n  b\nkeep: |+\n  a\n\nlead: |2-\n   a\n  b\nblank: |\n  a\n\n  b\n',
    ],
    ['multi-line in a list and nested', { l: ['x\ny'], m: { o: 'p\nq\n' } }, 'l:\n  - |-\n    x\n    y\nm:\n  o: |\n    p\n    q\n'],
    ['a last line of blanks is quoted instead', ['a\n  '], '- "a\\n  "\n'],
    ['a multi-line key is quoted', { 'a\nb': 1 }, '"a\\nb": 1\n'],
    [
      'a long double-quoted value folds its line breaks',
      ['a long value with a line\nbreak\tand a last line of blanks\n\n  ', ' short\n  '],
      '- "a long value with a line\n\n  break\\tand a last line of blanks\n\n\n  \\  "\n- " short\\n  "\n',
    ],
    ['a space before a line break is escaped', ['a \n\t'], '- "a\\ \\n\\t"\n'],
    [
      'control characters force double quotes',
      ['\u0000\u0007\u000b\u001b\u0001\u007f', '\u0085x'],
      '- "\\0\\a\\v\\e\\x01\u007f"\n- "\u0085x"\n',
    ],
    ['unicode is written as is', ['日本語', 'é', '😀', '\u2028', '\u00a0'], '- 日本語\n- é\n- 😀\n- \u2028\n- \u00a0\n'],
    ['a lone surrogate is escaped', ['\ud800'], '- "\\ud800"\n'],
    ['lineWidth 0: no folding', ['word '.repeat(40).trim()], `- ${'word '.repeat(40).trim()}\n`],
    ['document markers at the start of a line', { '--- k': '--- v', o: { '--- k': '...' } }, '"--- k": --- v\no:\n  --- k: ...\n'],
    [
      'numbers',
      [0, -0, 1.5, -2, 1e21, 1e-7, 2 ** 53, NaN, Infinity, -Infinity],
      '- 0\n- -0\n- 1.5\n- -2\n- 1e+21\n- 1e-7\n- 9007199254740992\n- .nan\n- .inf\n- -.inf\n',
    ],
    ['booleans and null', { t: true, f: false, z: null }, 't: true\nf: false\nz: null\n'],
    [
      'collections: empty ones in flow style, lists indented under keys, maps in lists compact',
      { e: {}, l: [], s: [[], {}, [1, [2]], { a: 1, b: [{ c: {} }] }] },
      'e: {}\nl: []\ns:\n  - []\n  - {}\n  - - 1\n    - - 2\n  - a: 1\n    b:\n      - c: {}\n',
    ],
    ['undefined is null in a map and in a list', { a: undefined, b: [undefined, null] }, 'a: null\nb:\n  - null\n  - null\n'],
    ['a key over 1024 characters is explicit', { ['k'.repeat(1025)]: { a: 1 } }, `? ${'k'.repeat(1025)}\n: a: 1\n`],
  ];
  it.each(examples)('%s', (_name, value, expected) => {
    expect(toYamlDocuments([value])).toBe(expected);
    expect(cdk8s([value])).toBe(expected);
  });
});

describe('the writer', () => {
  it('imports nothing (no cdk8s, no yaml at run time)', () => {
    const source = readFileSync(join(__dirname, '..', '..', 'src', 'yaml', 'emit.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s|require\(/m);
  });
});

describe('documents', () => {
  it('are joined by ---, an undefined document is an empty line', () => {
    const docs = [{ a: 1 }, undefined, null, 'x', [1]];
    expect(toYamlDocuments(docs)).toBe('a: 1\n---\n\n---\nnull\n---\nx\n---\n- 1\n');
    expectSame(docs);
  });
  it('no documents is the empty string', () => {
    expectSame([]);
    expect(toYamlDocuments([])).toBe('');
  });
  it('a document that is a bare string: block scalars at column 0, markers indented', () => {
    const docs = ['a\nb', ' a\nb', '--- x', '...\n', '%x', '', 'it is'];
    expect(toYamlDocuments(docs)).toBe('|-\na\nb\n---\n|1-\n a\nb\n---\n|-\n  --- x\n---\n|\n  ...\n---\n"%x"\n---\n""\n---\nit is\n');
    expectSame(docs);
  });
  it('toYamlDocument writes one document', () => {
    expect(toYamlDocument({ a: [1] })).toBe('a:\n  - 1\n');
    expect(toYamlDocument(undefined)).toBe('\n');
  });
});

describe('what cdk8s synth writes, not what Yaml.stringify does with shared objects', () => {
  it('an object used twice is written twice in full (synth copies; Yaml.stringify would write &a1/*a1)', () => {
    const labels = { app: 'ppm' };
    const doc = { metadata: { labels }, spec: { selector: { matchLabels: labels } } };
    expect(Yaml.stringify(doc)).toContain('&a1');
    expect(toYamlDocuments([doc])).toBe(cdk8s([doc]));
    expect(toYamlDocuments([doc])).not.toContain('&');
  });
});

describe('refuses what is not JSON-like data, naming the manifest and the path', () => {
  it.each([
    ['a Date', { spec: { at: new Date(0) } }, 'manifest 0 at spec.at: a Date object; manifests must be plain JSON-like data'],
    ['a Map', { 'a.b': [1, new Map()] }, 'manifest 0 at ["a.b"][1]: a Map object;'],
    ['a function', [() => 1], 'manifest 0 at [0]: a function;'],
    ['a bigint', { n: 1n }, 'manifest 0 at n: a bigint;'],
    ['a symbol', Symbol('s'), 'manifest 0: a symbol;'],
  ])('%s', (_name, value, message) => {
    expect(() => toYamlDocuments([value])).toThrow(YamlEmitError);
    expect(() => toYamlDocuments([value])).toThrow(message);
  });
  it('a cycle', () => {
    const a: Record<string, unknown> = { b: 1, c: {} };
    (a.c as any).back = a;
    expect(() => toYamlDocuments([{}, a])).toThrow('manifest 1 at c.back: a cycle (the object contains itself)');
  });
  it('nesting deeper than any manifest', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 600; i++) deep = [deep];
    expect(() => toYamlDocuments([deep])).toThrow(/manifest 0 at (\[0\]){500}: nested more than 500 levels deep/);
  });
  it('objects with a null prototype are maps', () => {
    const o = Object.assign(Object.create(null), { a: 1 });
    expect(toYamlDocuments([o])).toBe('a: 1\n');
  });
});

describe('the parity fixtures, parsed, are written byte for byte as cdk8s writes them', () => {
  const dirs = ['parity', 'parity-extra'].map((d) => join(__dirname, '..', 'fixtures', d, 'expected'));
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(dir, f)),
  );
  it('finds all 34 fixtures (2 cases are refusals)', () => {
    expect(files).toHaveLength(34);
  });
  it.each(files.map((f) => [f.split('/fixtures/')[1], f]))('%s', (_name, file) => {
    const docs = parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' }).map((d) => (Array.isArray(d) ? d : d.toJS()));
    expect(docs.length).toBeGreaterThan(0);
    expectSame(docs);
  });
});

describe('charts synthesized by PackageManager', () => {
  const cases = join(__dirname, '..', 'fixtures', 'parity', 'cases');
  it.each(['chart-ci-all', 'chart-ci-empty', 'extra-objects', 'config-multivalue'])('%s: equals app.synthYaml()', (name) => {
    const app = new App({ outdir: '/dev/null' });
    const chart = new Chart(app, 'template', { disableResourceNameHashes: true });
    const values = parseYaml(readFileSync(join(cases, `${name}.values.yaml`), 'utf8'));
    PackageManager.fromValues(chart, 'my-release', values, { releaseName: 'my-release', namespace: 'posit' });
    expect(toYamlDocuments(chart.toJson())).toBe(app.synthYaml());
  });
});

// --- property ---------------------------------------------------------------------------------------------

const PIECES = [
  ...['yes', 'Yes', 'on', 'ON', 'off', 'y', 'n', 'N', 'true', 'False', 'no', '~', 'null', 'NULL', '<<'],
  ...['1e3', '-1E+3', '0x1F', '0755', '0b101', '1_000', '12:30', '1:20:30.5', '.inf', '-.Inf', '.nan', '2024-06-01', '2024-06-01 12:00:00'],
  ...['0', '7', '1.5', '.', '-', '+', '_', 'e', 'E', 'x', 'T', 'Z', 'a', 'b', 'port', 'ppm', '/', '='],
  ...['?', ':', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ',', '[', ']', '{', '}', '\\'],
  ...[': ', ' #', ' ', '  ', '\t', '\n', '\n\n', '\r', '---', '...', '- ', '? '],
  ...[
    'é',
    '日本',
    '😀',
    '\u00a0',
    '\u0085',
    '\u2028',
    '\u2029',
    '\ufeff',
    '\u0000',
    '\u0007',
    '\u000b',
    '\u001b',
    '\u007f',
    '\ud800',
    '\udc00',
  ],
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 4 }) },
);
const shortString = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
/** Words and names: the writer's fast path (letters, digits, `_./=+-@:`) and the YAML 1.1 words near it. */
const wordString = fc.string({ unit: fc.constantFrom(...'aeEyYnNoOfFtTuUlLrRsS0159_./=+-@: '), maxLength: 6 });
const trickyString = fc.oneof(
  { weight: 8, arbitrary: shortString },
  { weight: 4, arbitrary: wordString },
  // long enough for double-quoted folding (40+), or an explicit key (over 1024)
  { weight: 2, arbitrary: fc.tuple(shortString, fc.integer({ min: 2, max: 12 })).map(([s, n]) => (s + 'word ').repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('k', '"', 'a b', 'x\n'), fc.integer({ min: 1020, max: 1030 })).map(([s, n]) => s.repeat(n)),
  },
);
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e21, 1e-7, 2 ** 53, -1e300, 0.1));
const scalar = fc.oneof(
  { weight: 6, arbitrary: trickyString },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('json'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(trickyString, tie('json'), { maxKeys: 5 }) },
  ),
}));
const manifests = fc.array(fc.oneof({ weight: 8, arbitrary: json }, { weight: 1, arbitrary: fc.constant(undefined) }), { maxLength: 4 });

describe('property: random JSON-like data with YAML-significant strings', () => {
  it(`ours === cdk8s Yaml.stringify for ${RUNS} manifest lists`, () => {
    fc.assert(
      fc.property(manifests, (docs) => {
        expect(toYamlDocuments(docs)).toBe(cdk8s(docs));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 3_600_000);
  it('every string piece alone, as a value, a key and a document', () => {
    for (const p of PIECES) expectSame([{ [p]: p, l: [p, { [p]: [p] }] }, p]);
  });
});
