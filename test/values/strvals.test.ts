/** Helm's --set grammar (pkg/strvals of helm 3.16.4); expected values were observed with real helm. */
import { applySetFlag, MAX_INDEX, parseSetFlag, SetValueError, typedSetValue, type SetFlag } from '../../src/values/strvals';

const set = (expr: string) => parseSetFlag('--set', expr);
const errorOf = (flag: SetFlag, expr: string, base: Record<string, unknown> = {}): SetValueError => {
  try {
    applySetFlag(base, flag, expr, { readFile: () => 'content' });
  } catch (e) {
    if (e instanceof SetValueError) return e;
    throw e;
  }
  throw new Error(`expected ${flag} ${expr} to fail`);
};

describe('--set value typing', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['falſe', false],
    ['ſalse', 'ſalse'],
    ['null', null],
    ['NULL', null],
    ['0', 0],
    ['-0', 0],
    ['+1', 1],
    ['-007', -7],
    ['007', '007'],
    ['00', '00'],
    ['42', 42],
    // int64 max, as the nearest double (JavaScript numbers)
    ['9223372036854775807', Number('9223372036854775807')],
    ['9223372036854775808', '9223372036854775808'],
    ['1.5', '1.5'],
    ['1e3', '1e3'],
    ['yes', 'yes'],
    ['', ''],
    [' 1', ' 1'],
  ])('%j → %j', (text, expected) => {
    expect(typedSetValue(text)).toStrictEqual(expected);
    expect(set(`a=${text}`)).toStrictEqual({ a: expected });
  });
});

describe('--set grammar', () => {
  it.each([
    ['a=1,b=2', { a: 1, b: 2 }],
    ['a.b.c=x', { a: { b: { c: 'x' } } }],
    ['a\\.b=1', { 'a.b': 1 }],
    ['a=x\\,y', { a: 'x,y' }],
    ['a=b=c', { a: 'b=c' }],
    ['a=x\\', { a: 'x' }],
    ['a b=1', { 'a b': 1 }],
    ['a={x,2,null}', { a: ['x', 2, null] }],
    ['a={}', { a: [''] }],
    ['a={x,2},b=3', { a: ['x', 2], b: 3 }],
    ['a=\\{x}', { a: '{x}' }],
    ['a=', { a: '' }],
    ['a=1,', { a: 1 }],
    ['a[1]=x', { a: [null, 'x'] }],
    ['a[+1]=x', { a: [null, 'x'] }],
    ['a[0].b=1,a[0].c=2', { a: [{ b: 1, c: 2 }] }],
    ['a[0][1]=x', { a: [[null, 'x']] }],
    ['a[0][1]=', { a: [[null, '']] }],
    ['a[0]', { a: [] }],
    ['a[0].b=', { a: [] }],
    ['a.b=1,a=2', { a: 2 }],
    ['=b', {}],
    ['.a=1', {}],
    ['a.', {}],
    ['', {}],
  ])('%j → %j', (expr, expected) => {
    expect(set(expr)).toStrictEqual(expected);
  });

  it(`allows list index ${MAX_INDEX} and no more`, () => {
    expect((set(`a[${MAX_INDEX}]=1`).a as unknown[]).length).toBe(MAX_INDEX + 1);
    expect(errorOf('--set', `a[${MAX_INDEX + 1}]=1`).reason).toMatch(/greater than the maximum supported index of 65536/);
  });

  it('nests keys 30 levels deep and no more', () => {
    const path = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`).join('.');
    expect(() => set(`${path(31)}=1`)).not.toThrow();
    expect(errorOf('--set', `${path(32)}=1`).reason).toMatch(/maximum of 30 levels/);
  });

  it('sets into the values of earlier layers, and replaces a non-map list item', () => {
    const base: Record<string, unknown> = { list: [{ a: 1 }, 'x'], m: { k: 1 } };
    applySetFlag(base, '--set', 'list[0].b=2,list[1].c=3,m.j=2');
    expect(base).toEqual({ list: [{ a: 1, b: 2 }, { c: 3 }], m: { k: 1, j: 2 } });
  });

  it.each([
    ['a', /key "a" has no value/],
    ['a.b', /key "a.b" has no value/],
    [',a=1', /key "" has no value \(cannot end with ,\)/],
    ['a[x]=1', /list index "x" is not an integer/],
    ['a[-1]=1', /negative -1 index not allowed/],
    ['a[0', /not closed/],
    ['a[0]x=1', /unexpected "x" after the list index of "a\[0\]"/],
    ['a={1,2', /list must terminate with '}'/],
    ['a={x,2}x', /the text after the value \(not shown: it may be the rest of it\) has no "="/],
    ['a.=1', /key map "a" has no value/],
    ['a..b=1', /key map "a" has no value/],
    ['a=2,a.b=1', /"a" holds a number, not a map/],
    ['a=null,a.b=1', /"a" holds null, not a map/],
    ['a.b=1,a[0]=2', /"a" holds a map, not a list/],
    ['a[0]=1,a[0][0]=2', /"a\[0\]" holds a number, not a list/],
  ])('refuses %j', (expr, reason) => {
    expect(errorOf('--set', expr).reason).toMatch(reason);
  });
});

describe('the other flavours', () => {
  it('--set-string keeps every value a string', () => {
    expect(parseSetFlag('--set-string', 'a=true,b=1,c=null,d={1,null}')).toStrictEqual({ a: 'true', b: '1', c: 'null', d: ['1', 'null'] });
  });

  it('--set-json reads JSON values, an empty one as null', () => {
    expect(parseSetFlag('--set-json', 'a={"b":[1,2.5,null]},c= ,d="x,y"')).toStrictEqual({ a: { b: [1, 2.5, null] }, c: null, d: 'x,y' });
    expect(parseSetFlag('--set-json', 'a=1b=2')).toStrictEqual({ a: 1, b: 2 });
    // Go's decoder stops after the number 0; "1" is then read as the next key, which has no value.
    expect(() => parseSetFlag('--set-json', 'a=01')).toThrow(/the text after the value \(not shown: it may be the rest of it\) has no "="/);
    expect(Object.is(parseSetFlag('--set-json', 'a=-0').a, -0)).toBe(true);
    expect(parseSetFlag('--set-json', 'a="\\ud800",b="\\ud83d\\ude00"')).toStrictEqual({ a: '\ufffd', b: '😀' });
    expect(parseSetFlag('--set-json', 'a[0]={"x":1},a[2]=[]')).toStrictEqual({ a: [{ x: 1 }, null, []] });
  });

  it.each(['a=1e400', 'a={bad', 'a=[1] x', 'a=tru', 'a=1.', 'a=-', 'a'])('--set-json refuses %j', (expr) => {
    expect(() => parseSetFlag('--set-json', expr)).toThrow(SetValueError);
  });

  it('--set-literal takes everything after the first = as it is', () => {
    expect(parseSetFlag('--set-literal', 'a=1,b=2')).toStrictEqual({ a: '1,b=2' });
    expect(parseSetFlag('--set-literal', 'a.b[0]=x=y\\,z')).toStrictEqual({ a: { b: ['x=y\\,z'] } });
    expect(parseSetFlag('--set-literal', 'a,b=c')).toStrictEqual({ 'a,b': 'c' });
    expect(parseSetFlag('--set-literal', 'a\\.b=c')).toStrictEqual({ 'a\\': { b: 'c' } });
    expect(() => parseSetFlag('--set-literal', 'a')).toThrow(/key "a" has no value/);
  });

  it('--set-file reads each path, lists too, and an empty value without reading', () => {
    const read: string[] = [];
    const out = parseSetFlag('--set-file', 'a=one.txt,b={one.txt,two.txt},c=', { readFile: (p) => (read.push(p), `<${p}>`) });
    expect(out).toStrictEqual({ a: '<one.txt>', b: ['<one.txt>', '<two.txt>'], c: '' });
    expect(read).toEqual(['one.txt', 'one.txt', 'two.txt']);
  });
});

describe('errors', () => {
  it('name the flag and the expression, with its values elided', () => {
    const e = errorOf('--set', 'image.tag=v1,license.key={s3cret');
    expect(e.message).toBe(`--set "image.tag=…,license.key=…": list must terminate with '}'`);
    expect(e.message).not.toContain('s3cret');
    const json = errorOf('--set-json', 'a={"password":"s3cret"');
    expect(json.message).toMatch(/^--set-json "a=…": not valid JSON/);
    const literal = errorOf('--set-literal', 'a.b', { a: 'x' });
    expect(literal.message).toMatch(/^--set-literal "a.b": "a" holds a string, not a map$/);
  });

  it('keep --set-file paths and name the file that cannot be read', () => {
    expect(() =>
      parseSetFlag('--set-file', 'a=missing.txt', {
        readFile: (p) => {
          throw new Error(`cannot read file "${p}": no such file or directory`);
        },
      }),
    ).toThrow('--set-file "a=missing.txt": cannot read file "missing.txt": no such file or directory');
  });
});

describe('prototype keys', () => {
  it.each(['__proto__.polluted=1', 'constructor.prototype.polluted=1', '__proto__[0]=1'])(
    '%s sets a plain key and pollutes nothing',
    (expr) => {
      const out = set(expr);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(Object.keys(out)).toEqual([expr.split(/[.[]/)[0]]);
    },
  );

  it('--set-json keeps a __proto__ key as a key', () => {
    const out = parseSetFlag('--set-json', 'a={"__proto__":{"p":1}}');
    expect(Object.keys(out.a as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });
});
