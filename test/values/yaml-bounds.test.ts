/**
 * Issue 19 ("no input stalls the tool"): the YAML reader's cost on large and broken text. Timings are never checked
 * here (bench/yaml-hostile.js prints them); what is checked is that the shortcuts taken for speed give what the
 * `yaml` package's own parseAllDocuments gives, and that hostile shapes are answered or refused with a reason.
 */
import fc from 'fast-check';
import { parseAllDocuments, Parser, type Document } from 'yaml';
import {
  documentsOf,
  MAX_YAML_ENTRIES,
  PARSE_OPTIONS,
  parseValuesYaml,
  parseYamlDocuments,
  YamlError,
  yamlBounds,
} from '../../src/values/yaml';
import { thrown } from '../helpers/thrown';

const errorOf = (f: () => unknown): YamlError => thrown(f, YamlError);

const RUNS = Number(process.env.YAML_PROPERTY_RUNS ?? 300);

const reference = (text: string): Document[] => {
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  return Array.isArray(docs) ? (docs as Document[]) : [];
};
const firstErrors = (docs: Document[]) =>
  docs.map((d) => d.errors[0] && { code: d.errors[0].code, pos: d.errors[0].pos, message: d.errors[0].message });

const BROKEN = [
  `a: {${','.repeat(500)}}\n`,
  `a: [${','.repeat(500)}]\n`,
  `{{ ${'? '.repeat(300)}`,
  `a: [${'? '.repeat(300)}]\n`,
  'a: 1\nb: [\n',
  'a: b: c\n',
  'a: "x\n',
  'a: !!int 1.5\n- b\n',
  '[0][0]\n',
  '%FOO bar\n%YAML 1.1\n%YAML 1.1\n---\na: {,}\n',
  'a: {,}\n---\nb: [,]\n...\n---\nc: {x: [}\n',
  'a: 1\n...\n{,}\n',
  '  a: 1\nb: 2\n  c: {,,}\n',
  'k: |x\n  text\nl: >9\n',
  '? [a, b]\n: {c: ,,}\n',
  '- a\nb: c\n',
];

describe('documentsOf: composes the first error only', () => {
  it.each(BROKEN.map((t) => [JSON.stringify(t.length > 40 ? `${t.slice(0, 30)}…` : t), t]))(
    'gives the first error of every document as parseAllDocuments does: %s',
    (_, text) => {
      const docs = documentsOf(text);
      const expected = reference(text);
      expect(docs.length).toBe(expected.length);
      expect(firstErrors(docs)).toEqual(firstErrors(expected));
      expect(expected.some((d) => d.errors.length > 0)).toBe(true);
    },
  );

  it('keeps one error of a document with a thousand bad tokens (not a thousand Errors with stack traces)', () => {
    const text = `a: {${','.repeat(1000)}}\n`;
    expect(reference(text)[0].errors.length).toBeGreaterThanOrEqual(1000);
    expect(documentsOf(text)[0].errors).toHaveLength(1);
  });
});

/** Pieces of YAML text, valid and broken: random sequences of them are texts of every kind. */
const PIECES = [
  'a',
  'b: ',
  '- ',
  '? ',
  ': ',
  '\n',
  '  ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"x"',
  "'y'",
  '&n ',
  '*n',
  '!!str ',
  '|\n  ',
  '# c',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '\t',
  '1',
  'yes',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('documentsOf with the CST tokens already parsed', () => {
  const same = (t: string) => {
    const docs = documentsOf(t, [...new Parser().parse(t)]);
    const expected = reference(t);
    expect(docs.length).toBe(expected.length);
    docs.forEach((d, i) => {
      expect(d.contents).toEqual(expected[i].contents);
      expect(d.range).toEqual(expected[i].range);
      expect(d.errors.length > 0).toBe(expected[i].errors.length > 0);
    });
    expect(firstErrors(docs)).toEqual(firstErrors(expected));
  };

  it('composes the documents parseAllDocuments gives (a chart-like values file)', () => {
    same(
      '# values\nimage:\n  repository: rstudio/rstudio-pm # the image\n  tag: ""\nargs: [a, "b", {c: d}]\nconfig: |\n  [Server]\n  Address = x\nanchors: &x {a: 1}\nuse: *x\n---\nsecond: 2\n',
    );
  });

  it(`composes the documents parseAllDocuments gives, for ${RUNS} texts of YAML pieces`, () => {
    fc.assert(fc.property(text, same), { numRuns: RUNS, seed: 19 });
  });
});

const answer = (text: string): unknown => {
  try {
    return parseValuesYaml(text, { source: 'values.yaml' });
  } catch (e) {
    return e;
  }
};
const BOUND = 1000;
const refusal = (bound: string) =>
  new RegExp(
    `^values\\.yaml:(\\d+):(\\d+): more than ${bound} entries \\(list items, map keys, \\[ \\] and \\{ \\}\\) in one text, which this reader refuses: no values file holds so many; split it into several files \\(-f a\\.yaml -f b\\.yaml\\)$`,
  );
const ENTRIES = refusal('1,000');

// The bound is lowered to 1,000 (yamlBounds is there for this): the same code, texts a hundredth as long. The real
// bound's texts take seconds each: test/values/yaml-bounds-real.test.ts (npm run test:slow).
beforeAll(() => {
  yamlBounds.entries = BOUND;
});
afterAll(() => {
  yamlBounds.entries = MAX_YAML_ENTRIES;
});

describe('what counts as an entry', () => {
  it('names the line and column where the count passes, and says what to do with a manifest stream (`--from`)', () => {
    // `kind:` and `items:`, then two entries (`-` and `{`) a line: the 1,001st is the `-` of line 502.
    const e = errorOf(() => parseYamlDocuments(`kind: List\nitems:\n${'- {}\n'.repeat(BOUND / 2)}`));
    expect(e.message).toBe(
      "line 502, column 1: more than 1,000 entries (list items, map keys, [ ] and { }) in one text, which this reader refuses: no release's manifests hold so many; give only the manifests of one release",
    );
  });

  it.each([
    ['flow items', (n: number) => `a: [${'0,'.repeat(n)}]`],
    ['flow maps', (n: number) => `a: [${'{},'.repeat(n)}]`],
    ['map keys', (n: number) => Array.from({ length: n }, (_, i) => `k${i}: 0\n`).join('')],
    ['nested block lists', (n: number) => `a:\n${'- - - 0\n'.repeat(Math.ceil(n / 3))}`],
    ['a: [?x,…]', (n: number) => `a: [${'?x,'.repeat(n)}]`],
    // Where a scan of the text for brackets and quotes would go wrong, the lexer's count does not.
    ['flow items after an anchor', (n: number) => `a: &x [${'0,'.repeat(n)}]`],
    ['flow items after a tag', (n: number) => `a: !!seq [${'0,'.repeat(n)}]`],
    ['flow items after a "}" in a JSON-like value', (n: number) => `a: {"k":"}", ${'0, '.repeat(n)}}`],
    ['flow items after a quote inside a plain value', (n: number) => `a: [x", ${'0, '.repeat(n)}]`],
  ])('counts %s', (_, text) => {
    expect((answer(text(BOUND + 1)) as Error).message).toMatch(ENTRIES);
    expect(answer(text(BOUND / 2 - 2))).toEqual(expect.any(Object));
  });

  it('does not count what is not an entry: quoted, commented or block text, `---`, a colon inside a word', () => {
    const n = BOUND + 1;
    const block = '- k: [v, w]\n'.repeat(n);
    expect(answer(`a: |\n${block.replace(/^(?=.)/gm, '  ')}`)).toEqual({ a: block });
    expect(answer(`a: "${'- [x], '.repeat(n)}"\n`)).toEqual({ a: '- [x], '.repeat(n) });
    expect(answer(`a: 1\n${'# - [x]: y,\n'.repeat(n)}`)).toEqual({ a: 1 });
    expect(answer(`a: 1\n${'---\n'.repeat(n)}`)).toEqual({ a: 1 });
    expect(answer(`a: ${'http://x '.repeat(n)}\n`)).toEqual({ a: 'http://x '.repeat(n).trim() });
  });

  it('does not count a plain value that is a lone "," (text to the lexer, an error to the composer)', () => {
    const e = answer(Array.from({ length: (BOUND * 3) / 5 }, (_, i) => `k${i}: ,\n`).join('')) as YamlError;
    expect(e.message).toBe('values.yaml:1:5: Plain value cannot start with flow indicator character ,');
  });
});

describe('nesting behind an anchor or a tag', () => {
  // The text scan before parsing (checkNesting) does not see a [ after `&x ` or `!!seq `: the lexer's count does.
  it.each([
    ['an anchor', `a: &x ${'['.repeat(600)}`, 7 + 500],
    ['a tag', `a: !!seq ${'['.repeat(600)}${']'.repeat(600)}`, 10 + 500],
    ['anchors on every level', `a: &x ${'[&y '.repeat(600)}`, 7 + 4 * 500],
  ])('is refused past 500 levels behind %s, naming the place', (_, text, column) => {
    const e = answer(text) as YamlError;
    expect(e).toBeInstanceOf(YamlError);
    expect(e.message).toBe(
      `values.yaml:1:${column}: nested more than 500 levels deep, which this reader refuses (Helm stops at 10,000): flatten the value`,
    );
  });

  it('counts only open collections: 400 levels twice, and a closed one between, are read', () => {
    yamlBounds.entries = MAX_YAML_ENTRIES;
    try {
      const deep = `${'[0, '.repeat(400)}${']'.repeat(400)}`;
      expect(Object.keys(answer(`a: &x ${deep}\nb: !!seq ${deep}\n`) as object)).toEqual(['a', 'b']);
    } finally {
      yamlBounds.entries = BOUND;
    }
  });
});

describe('a text past the entry bound that is broken before it', () => {
  const message = (text: string) => (answer(text) as Error).message;

  it.each([
    ['a: {', ',', '}'],
    ['a: [', ',', ']'],
    ['{{ ', '? ', ''],
    ['a: [', '? ', ']'],
    ['a:\n  b: 1\n c: 2\n', '- 0\n', ''],
    ['a: !!int x\nb:\n', '- 0\n', ''],
    ['a: *nothing\nb:\n', '- 0\n', ''],
    ['a:\n\t- 1\nb:\n', '- 0\n', ''],
    ['a: [a?b]\nb:\n', '- 0\n', ''],
  ])('%j… is refused with its first error, as a small text is, not with the count', (prefix, unit, suffix) => {
    const expected = message(prefix + unit.repeat(10) + suffix);
    expect(expected).not.toMatch(/entries/);
    expect(message(prefix + unit.repeat(BOUND + 1) + suffix)).toBe(expected);
  });

  it('is refused with the count when its first error is past the place where the count passed', () => {
    expect(message(`a:\n${'- 0\n'.repeat(BOUND)}b: {,}\n`)).toMatch(ENTRIES);
  });

  it("is refused with the count when the cut through it leaves a collection open (not the cut's error)", () => {
    expect(message(`a: [${'[0, 0], '.repeat(BOUND / 3)}]`)).toMatch(ENTRIES);
    expect(message(`a: {${'k: 0, '.repeat(BOUND)}}`)).toMatch(ENTRIES);
    expect(message(`a:\n  - [${'0, '.repeat(BOUND)}]`)).toMatch(ENTRIES);
  });
});

describe('the documents after the first of a values file', () => {
  it('are not read (as by Helm), so their entries are not counted', () => {
    expect(answer(`a: 1\n---\nb:\n${'- 0\n'.repeat(BOUND + 1)}`)).toEqual({ a: 1 });
    expect(answer(`a: 1\n...\n# c\nb:\n${'- [0]\n'.repeat(BOUND + 1)}`)).toEqual({ a: 1 });
  });

  it('are read in a manifest stream, and counted', () => {
    expect(() => parseYamlDocuments(`a: 1\n---\nb:\n${'- 0\n'.repeat(BOUND + 1)}`)).toThrow(/more than 1,000 entries/);
  });
});
