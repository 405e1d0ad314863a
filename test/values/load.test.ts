/** loadValues: the -f files and --set flags of a command line, merged as `helm template` merges them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadValues, readValuesFile, ValuesError } from '../../src/values/load';
import { thrown } from '../helpers/thrown';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'load-values-'));
  writeFileSync(join(dir, 'a.yaml'), 'image: {tag: a, repository: r}\nlist: [1]\nk: file\n');
  writeFileSync(join(dir, 'b.yaml'), 'image: {tag: b}\nlist: [2]\n');
  writeFileSync(join(dir, 'bad.yaml'), 'password: hunter2\n  oops: [\n');
  writeFileSync(join(dir, 'list.yaml'), '- a\n');
  writeFileSync(join(dir, 'binary.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]));
  writeFileSync(join(dir, 'utf16.yaml'), Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00, 0x20, 0x00, 0x31, 0x00, 0x0a, 0x00]));
  writeFileSync(join(dir, 'content.txt'), 'line1\nline2\n');
  mkdirSync(join(dir, 'adir'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const p = (name: string) => join(dir, name);
const errorOf = (f: () => unknown): ValuesError => thrown(f, ValuesError);

describe('loadValues', () => {
  it('merges files in order: maps merge, later files win, lists replace', () => {
    expect(loadValues({ files: [p('a.yaml'), p('b.yaml')] })).toStrictEqual({ image: { tag: 'b', repository: 'r' }, list: [2], k: 'file' });
  });

  it('applies --set-json, --set, --set-string, --set-file, --set-literal in that order, after the files', () => {
    const values = loadValues({
      files: [p('a.yaml')],
      setLiteral: ['k=literal'],
      setFile: [`f=${p('content.txt')}`],
      setString: ['k=string,s=1'],
      set: ['k=set,n=1'],
      setJson: ['k="json"'],
    });
    expect(values).toMatchObject({ k: 'literal', s: '1', n: 1, f: 'line1\nline2\n' });
    expect(loadValues({ set: ['a.b=1'], setJson: ['a={"c":2}'] })).toStrictEqual({ a: { c: 2, b: 1 } });
  });

  it('takes named contents and texts after the files', () => {
    expect(loadValues({ files: [p('a.yaml'), { name: 'inline', content: 'k: inline\n' }], texts: ['k: text\n'] }).k).toBe('text');
  });

  it('reads "-" from stdin', () => {
    expect(loadValues({ files: ['-'], readStdin: () => 'a: yes\n' })).toStrictEqual({ a: true });
    expect(loadValues({ setFile: ['x=-'], readStdin: () => Buffer.from('from stdin') })).toStrictEqual({ x: 'from stdin' });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    expect(loadValues({ files: [p('utf16.yaml')] })).toStrictEqual({ a: 1 });
  });

  it('keeps the user nulls for coalescing', () => {
    expect(loadValues({ texts: ['a: null\n'], set: ['b=null'] })).toStrictEqual({ a: null, b: null });
  });

  it('uses the readFile given', () => {
    expect(loadValues({ files: ['x.yaml'], readFile: (path) => `from: ${path}\n` })).toStrictEqual({ from: 'x.yaml' });
  });
});

describe('values file errors name the file and never show its content', () => {
  it.each([
    ['missing.yaml', /^values file .*missing\.yaml: no such file or directory$/],
    ['adir', /^values file .*adir: is a directory, not a file$/],
    ['binary.png', /^values file .*binary\.png: not UTF-8 text \(invalid byte at offset 0\); is it a binary file\?$/],
    ['list.yaml', /^values file .*list\.yaml: a values file must hold a map of values at the top level, not a list$/],
    ['bad.yaml', /^values file .*bad\.yaml:\d+:\d+: /],
  ])('%s', (name, message) => {
    const e = errorOf(() => loadValues({ files: [p(name)] }));
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('hunter2');
    expect(e.source).toBe(p(name));
  });

  it('refuses remote values files', () => {
    expect(() => loadValues({ files: ['https://example.com/values.yaml'] })).toThrow(/remote values files are not supported/);
  });

  it('names a file given by content', () => {
    expect(() => readValuesFile({ name: 'inline values', content: '[' })).toThrow(/^values file inline values:/);
  });
});

describe('--set errors', () => {
  it('name the flag and the expression', () => {
    const e = errorOf(() => loadValues({ set: ['a=1', 'b[x]=s3cret'] }));
    expect(e.message).toBe('--set "b[x]=…": list index "x" is not an integer');
    expect(e.source).toBe('--set');
  });

  it('fail on a value of an earlier file that is not a map', () => {
    expect(() => loadValues({ texts: ['image: latest\n'], set: ['image.tag=x'] })).toThrow(
      '--set "image.tag=…": "image" holds a string, not a map',
    );
  });

  it('name a --set-file file that cannot be read', () => {
    expect(() => loadValues({ setFile: [`key=${p('nope.txt')}`] })).toThrow(
      /^--set-file "key=.*nope\.txt": cannot read file ".*nope\.txt": no such file or directory$/,
    );
    expect(() => loadValues({ setFile: [`key=${p('adir')}`] })).toThrow(/is a directory/);
  });
});
