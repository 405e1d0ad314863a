/** Values YAML as helm 3.16.4 reads it (go-yaml v2, then JSON). Expected values were observed with real helm. */
import { parseValuesYaml, parseYaml, parseYamlDocuments, parseYamlScalar, YamlError } from '../../src/values/yaml';
import { thrown } from '../helpers/thrown';

const errorOf = (f: () => unknown): YamlError => thrown(f, YamlError);

const value = (text: string) => (parseValuesYaml(`v: ${text}\n`) as { v: unknown }).v;
const keys = (text: string) => Object.keys(parseValuesYaml(text));

describe('scalars: go-yaml v2 typing, then float64 through JSON', () => {
  it.each([
    ['yes', true],
    ['Yes', true],
    ['YES', true],
    ['on', true],
    ['y', true],
    ['Y', true],
    ['off', false],
    ['n', false],
    ['NO', false],
    ['yES', 'yES'],
    ['True', true],
    ['~', null],
    ['Null', null],
    ['NULL', null],
    ['nUll', 'nUll'],
    ['', null],
    ['12:30', '12:30'],
    ['190:20:30', '190:20:30'],
    ['2024-06-01', '2024-06-01'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['0755', 493],
    ['-0755', -493],
    ['08', 8],
    ['0o17', 15],
    ['0x1F', 31],
    ['-0x1F', -31],
    ['0b101', 5],
    ['1_000', 1000],
    ['1__0', 10],
    ['_1', '_1'],
    ['+1', 1],
    ['-0', 0],
    ['1e3', 1000],
    ['1.', 1],
    ['.5', 0.5],
    ['.5_5', 0.55],
    ['1e400', '1e400'],
    ['1e-400', 0],
    ['9223372036854775807', Number('9223372036854775807')],
    ['18446744073709551615', Number('18446744073709551615')],
    ['0777777777777777777777777', 7.777777777777778e23],
    ['0xFFFFFFFFFFFFFFFFFF', '0xFFFFFFFFFFFFFFFFFF'],
    ['"yes"', 'yes'],
    ["'0755'", '0755'],
    ['!!str 12', '12'],
    ['!!int "0x10"', 16],
    ['!!float 3', 3],
    ['!custom 12', '12'],
    ['! 12', '12'],
    ['!!binary aGVsbG8=', 'hello'],
    ['!!binary /w==', '\ufffd'],
    ['!!timestamp 2024-01-01', '2024-01-01'],
    ['!!timestamp 2001-1-1', '2001-1-1'], // the shortest timestamp
  ])('%s → %j', (text, expected) => {
    expect(value(text)).toStrictEqual(expected);
  });

  it('keeps the sign of -0.0 (a float) but not of -0 (an integer)', () => {
    expect(Object.is(value('-0.0'), -0)).toBe(true);
    expect(Object.is(value('-0'), 0)).toBe(true);
  });

  it('reads block scalars and multi-line plain scalars as text', () => {
    expect(parseValuesYaml('a: |\n  yes\n  0755\nb: >-\n  folded\n  text\nc: plain\n  multi\n')).toEqual({
      a: 'yes\n0755\n',
      b: 'folded text',
      c: 'plain multi',
    });
  });
});

describe('map keys become JSON strings', () => {
  it('prints booleans, integers and floats (floats with float32 precision) as helm does', () => {
    expect(
      keys('y: 1\n007: 2\n0x1F: 3\n1.5: 4\n1e3: 5\n1000000.0: 6\n3.14159265358979: 7\n0.1: 8\n-0.0: 9\n1e39: 10\n12:30: 11\n'),
    ).toEqual(expect.arrayContaining(['true', '7', '31', '1.5', '1000', '1e+06', '3.1415927', '0.1', '-0', '.inf', '12:30']));
  });

  it('lets later keys win, also between spellings of the same boolean', () => {
    expect(parseValuesYaml('a: 1\na: 2\ny: x\nyes: y\nTrue: z\n')).toEqual({ a: 2, true: 'z' });
  });

  it('stores __proto__ and constructor as plain keys without touching Object.prototype', () => {
    const v = parseValuesYaml('__proto__: {polluted: 1}\nconstructor: x\n');
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toEqual({ polluted: 1 });
  });

  it.each([
    ['~: 1\n', /null map key/],
    ['? [a]\n: 1\n', /map or list cannot be a map key/],
    ['18446744073709551615: x\n', /integer map key/],
  ])('refuses %j', (text, reason) => {
    expect(() => parseValuesYaml(text)).toThrow(reason);
  });
});

describe('anchors, aliases and merge keys as go-yaml v2', () => {
  it('copies anchored values, the last anchor of a name before the alias winning', () => {
    expect(parseValuesYaml('a: &x 1\nb: *x\nc: &x [2]\nd: *x\n')).toEqual({ a: 1, b: 1, c: [2], d: [2] });
  });

  it('lets a merged map override keys written before <<, and later keys override it', () => {
    const v = parseValuesYaml('base: &b {x: 1, z: 2}\nm:\n  x: 0\n  <<: *b\n  z: 3\n');
    expect(v.m).toEqual({ x: 1, z: 3 });
  });

  it('merges a list of maps with the first map winning', () => {
    const v = parseValuesYaml('b: &b {x: 1}\nc: &c {x: 2, z: 3}\nm: {<<: [*b, *c]}\n');
    expect(v.m).toEqual({ x: 1, z: 3 });
  });

  it('keeps a quoted "<<" as a key', () => {
    expect(parseValuesYaml('b: &b {x: 1}\nm: {"<<": *b}\n').m).toEqual({ '<<': { x: 1 } });
  });

  it.each([
    ['a: *nope\n', /unknown anchor referenced/],
    ['a: &x [*x]\n', /contains the alias itself/],
    ['<<: 1\n', /map merge requires map or sequence of maps/],
    ['x: &n [1]\n<<: [*n]\n', /map merge requires map or sequence of maps/],
    ['a: &a.b x\n', /alphabetic or numeric/],
  ])('refuses %j', (text, reason) => {
    expect(() => parseValuesYaml(text)).toThrow(reason);
  });
});

describe('documents', () => {
  it('reads only the first document of a values file, ignoring errors in later ones', () => {
    expect(parseValuesYaml('a: 1\n---\nb: 2\n')).toEqual({ a: 1 });
    expect(parseValuesYaml('a: 1\n---\nb: [\n')).toEqual({ a: 1 });
    expect(parseValuesYaml('---\n---\na: 1\n')).toEqual({});
  });

  it('a later document is not composed: thousands of unexpected tokens there are not read', () => {
    expect(parseValuesYaml(`a: 1\n---\n${'[0]'.repeat(20_000)}\n`)).toEqual({ a: 1 });
  });

  it('more than 100 unexpected tokens are refused with the first, in any document of a stream', () => {
    const few = errorOf(() => parseValuesYaml('[0][0]\n'));
    expect(few.message).toMatch(/^line 1, column \d+: /);
    const many = `a: 1\n---\n${'[0]'.repeat(20_000)}\n`;
    expect(errorOf(() => parseValuesYaml('[0]'.repeat(20_000))).message).toBe(
      'line 1, column 6: Unexpected flow-seq-end token in YAML stream',
    );
    expect(errorOf(() => parseYamlDocuments(many)).message).toBe('line 3, column 6: Unexpected flow-seq-end token in YAML stream');
    // 100 of them are still composed, and give the composer's own first error.
    expect(errorOf(() => parseValuesYaml('[0]'.repeat(34))).message).toBe(few.message);
  });

  it.each(['', '# only\n# comments\n', '---\n', '~\n', '{}\n', '\uFEFF'])('reads %j as no values', (text) => {
    expect(parseValuesYaml(text)).toEqual({});
  });

  it('parses every document of a manifest stream, skipping empty ones', () => {
    expect(parseYamlDocuments('a: yes\n---\n---\nb: 0755\n')).toEqual([{ a: true }, { b: 493 }]);
  });

  it('gives the first document of any type with parseYaml', () => {
    expect(parseYaml('[1, yes]\n')).toEqual([1, true]);
    expect(parseYaml('')).toBeNull();
  });
});

describe("go-yaml's syntax where it differs from YAML 1.2", () => {
  it.each([
    ['a: [?x]\n', { a: [{ x: null }] }],
    ['a: {?x: 1}\n', { a: { x: 1 } }],
    ['a: [a:,b]\n', { a: ['a:', 'b'] }],
    ['a: {a:}\n', { a: { 'a:': null } }],
    ['a: [a:b, "q":c]\n', { a: ['a:b', { q: 'c' }] }],
    ['a:\tb\n', { a: 'b' }],
    ['a:\n  b: x\n    \t\n  c: 1\n', { a: { b: 'x', c: 1 } }],
    ['a: "\\x41\\N\\_\\e\\0"\n', { a: 'A\u0085\u00a0\u001b\u0000' }],
  ])('reads %j as helm', (text, expected) => {
    expect(parseValuesYaml(text)).toEqual(expected);
  });

  it.each([
    ['a: [a?b]\n', /"\?"/],
    ['a: x\n\t\nb: 1\n', /tab/],
    ['a: "x"\n\t\nb: 1\n', /tab/],
    ['a:\n  b: x\n  \t\n  c: 1\n', /tab/],
    ['a: "\\/"\n', /unknown escape character \\\//],
    ['a: x\u2028y\n', /U\+2028/],
    ['a: x\u0085y\n', /U\+0085/],
  ])('refuses %j as helm does', (text, reason) => {
    expect(() => parseValuesYaml(text)).toThrow(reason);
  });
});

describe('errors', () => {
  it('name the file, line and column, never the text of the line', () => {
    const e = errorOf(() => parseValuesYaml('ok: 1\npassword: s3cret: x\n', { source: 'values.yaml' }));
    expect(e.message).toMatch(/^values\.yaml:2:\d+: /);
    expect(e.message).not.toContain('s3cret');
    expect([e.source, e.line]).toEqual(['values.yaml', 2]);
    const unclosed = errorOf(() => parseValuesYaml('ok: 1\npassword: "s3cret\n', { source: 'values.yaml' }));
    expect(unclosed.message).toMatch(/^values\.yaml:\d+:\d+: /);
    expect(unclosed.message).not.toContain('s3cret');
  });

  it('point at an infinite value', () => {
    const e = errorOf(() => parseValuesYaml('a:\n  b: .inf\n', { source: 'f.yaml' }));
    expect(e.message).toMatch(/^f\.yaml:2:6: .*\.inf and \.nan/);
  });

  it('refuse a top-level list or scalar, naming the file', () => {
    expect(() => parseValuesYaml('- a\n', { source: 'list.yaml' })).toThrow(
      /^list\.yaml: a values file must hold a map of values at the top level, not a list/,
    );
    expect(() => parseValuesYaml('secret-token\n', { source: 's.yaml' })).toThrow(/not a string$/);
    expect(() => parseValuesYaml('secret-token\n', { source: 's.yaml' })).not.toThrow(/secret-token/);
  });

  it('refuse control characters (binary files)', () => {
    expect(() => parseValuesYaml('a: \u0000\n', { source: 'bin' })).toThrow(/^bin:1:4: control characters are not allowed \(U\+0000\)/);
  });

  it('refuse tags that do not fit their text', () => {
    expect(() => parseValuesYaml('a: !!int 1.5\n')).toThrow(/cannot decode !!float as a !!int/);
    expect(() => parseValuesYaml('a: !!binary nope!\n')).toThrow(/invalid base64/);
  });

  it('stop documents that expand aliases beyond reason', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    expect(() => parseValuesYaml(lines.join('\n'))).toThrow(/excessive aliasing/);
  });
});

describe('parseYamlScalar', () => {
  it.each([
    ['2', 2],
    ['yes', true],
    ['0755', 493],
    ['12:30', '12:30'],
    ['null', 'null'],
    ['.inf', '.inf'],
    ['[1]', '[1]'],
    ['a\nb', 'a\nb'],
  ])('%j → %j', (text, expected) => {
    expect(parseYamlScalar(text)).toStrictEqual(expected);
  });
});
