/**
 * Seeded random cases for the comparison with real helm: layered values
 * files (random maps, lists and scalars in every YAML style, YAML 1.1
 * booleans, octal, `12:30`, dates, anchors, merge keys, nulls, keys of the
 * chart's defaults) and `--set`/`--set-string`/`--set-json`/`--set-literal`/
 * `--set-file` lines.
 *
 * A "batchable" case is built from structures only, so that it can be nested
 * under a key (`c17:` in the files, `c17.` before every `--set` key) and run
 * with many others in one helm process; the other cases (raw texts, odd or
 * broken expressions, several documents, errors) run alone.
 */
import type { SetFlag } from '../../src/values/strvals';
import type { YNode, YPair } from './yaml-writer';

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** One key segment of a --set path. */
export type Seg = { name: string } | { index: number };

export interface SetItem {
  readonly path: Seg[];
  /** The text after `=`, already escaped for the flag. */
  readonly value: string;
}

/** An expression given structurally (batchable) or as raw text. */
export type SetExpr = { items: SetItem[] } | { raw: string };

export type FileLayer = { tree: YNode } | { raw: string | Uint8Array };

export interface Case {
  id: number;
  version: string;
  files: FileLayer[];
  flags: Partial<Record<SetFlag, SetExpr[]>>;
  /** Files for --set-file, by name (relative to the run directory). */
  extraFiles: Record<string, string>;
  batchable: boolean;
}

/** Plain scalars that go-yaml types in every interesting way (all safe in block and flow context). */
const PLAIN = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'N',
  'Yes',
  'NO',
  'On',
  'OFF',
  'True',
  'TRUE',
  'false',
  'FALSE',
  'yES',
  'oN',
  '~',
  'null',
  'Null',
  'NULL',
  'nUll',
  '0',
  '-0',
  '+1',
  '-1',
  '42',
  '0755',
  '-0755',
  '08',
  '09.5',
  '0x1F',
  '0X1f',
  '-0x1F',
  '+0x10',
  '0o17',
  '0b101',
  '-0b11',
  '1_000',
  '1__0',
  '_1',
  '1_0.5',
  '.5_5',
  '._5',
  '1e3',
  '1E3',
  '1.5',
  '-1.5e-3',
  '.5',
  '+.5',
  '-.5',
  '1.',
  '1e400',
  '1e-400',
  '-0.0',
  '0.1',
  '3.14159265358979',
  '6.02e23',
  '1.7976931348623157e308',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  '18446744073709551615',
  '18446744073709551616',
  '0777777777777777777777777',
  '0xFFFFFFFFFFFFFFFF',
  '0xFFFFFFFFFFFFFFFFFF',
  '12345678901234567890',
  '12:30',
  '1:2:3',
  '190:20:30',
  '2024-06-01',
  '2024-1-2',
  '2001-12-14t21:59:43.10-05:00',
  '2002-12-14',
  '2024-13-45',
  'hello',
  'hello world',
  'a:b',
  'a#b',
  'http://x.y/z',
  'ünïcödé',
  '🙂',
  '.',
  '..',
  '+',
  '=',
  '<<x',
  'x<<',
  'ns/name',
  '1.2.3',
  'v1',
  '0.5.29',
  '2024.04.4',
  '-x',
  'x-',
  'TRUE1',
  'nan',
  '.nan1',
  'inf',
  'Infinity',
  '0x',
  '0b',
  '0o',
  '0x_1F',
] as const;

/** Text for quoted scalars (any content). */
const QUOTED = [
  'yes',
  '0755',
  '12:30',
  '',
  ' ',
  'with "quotes"',
  "it's",
  'back\\slash',
  'tab\there',
  'line\nbreak',
  '~',
  'null',
  '1e3',
  '#not a comment',
  'a: b',
  '- x',
  '[x]',
  '{y}',
  '🙂',
  '\u00e9',
  '& *',
  '!tag',
  '%',
  '@',
  '`',
  '<<',
] as const;

const TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!custom', '!'] as const;

/** Keys, each always written the same way (so that no two keys of different Go types print alike). */
const KEYS: readonly YNode[] = [
  ...['a', 'b', 'c', 'x', 'name', 'value', 'enabled', 'port', 'list', 'map', 'Key', 'deep', 'k8s.io/name', 'a b', 'é', 'z9'].map(plainKey),
  ...[
    'y',
    'yes',
    'on',
    'n',
    'off',
    'No',
    '1',
    '007',
    '0x1F',
    '1.5',
    '1e3',
    '0.1',
    '12:30',
    '2024-06-01',
    '__proto__',
    'constructor',
    'toString',
  ].map(plainKey),
  { t: 'scalar', text: 'quoted key', style: 'double' },
  { t: 'scalar', text: "single's", style: 'single' },
];

function plainKey(text: string): YNode {
  return { t: 'scalar', text, style: 'plain' };
}

/** Chart values as a tree of keys, to write overlapping keys. */
export type ChartShape = { [key: string]: ChartShape | 'leaf' | 'list' };

export function shapeOf(values: unknown): ChartShape {
  const out: ChartShape = {};
  if (values && typeof values === 'object' && !Array.isArray(values)) {
    for (const [k, v] of Object.entries(values)) {
      out[k] = Array.isArray(v) ? 'list' : v && typeof v === 'object' ? shapeOf(v) : 'leaf';
    }
  }
  return out;
}

/** Whether a chart key can be written as a plain YAML key that reads back as itself. */
function plainSafeKey(k: string): boolean {
  return (
    /^[A-Za-z][A-Za-z0-9_/.-]*$/.test(k) &&
    !/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/.test(k)
  );
}

class TreeGen {
  private anchors: { name: string; isMap: boolean }[] = [];
  private anchorCount = 0;

  constructor(
    private readonly r: Random,
    private readonly prefix: string,
    private readonly flowOnly = false,
  ) {}

  private newAnchor(): string {
    return `${this.prefix}${this.anchorCount++}`;
  }

  scalar(): YNode {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.55) return { t: 'scalar', text: r.pick(PLAIN), style: 'plain' };
    if (roll < 0.75) return { t: 'scalar', text: r.pick(QUOTED), style: r.chance(0.5) ? 'double' : 'single' };
    if (roll < 0.85 && !this.flowOnly) {
      const lines = Array.from({ length: r.int(1, 3) }, () => r.pick(['alpha', 'beta gamma', 'yes', '0755', 'x: y', '# hash', 'end.']));
      if (r.chance(0.3)) lines.splice(1, 0, '');
      return {
        t: 'scalar',
        text: lines.join('\n') + (r.chance(0.5) ? '\n' : ''),
        style: r.chance(0.6) ? 'literal' : 'folded',
        chomp: r.pick(['', '-', '+'] as const),
      };
    }
    const tag = r.pick(TAGS);
    // Tagged values that fit their tag (go-yaml fails on others: those are error cases).
    const fitting: Record<string, readonly string[]> = {
      '!!str': ['0755', 'yes', '12', 'null'],
      '!!int': ['0755', '0x1F', '42', '-1_000'],
      '!!float': ['1', '1.5', '0x10', '.5'],
      '!!bool': ['yes', 'off', 'true'],
      '!!null': ['~', 'null', ''],
      '!custom': ['12', 'yes', 'text'],
      '!': ['12', 'yes'],
    };
    const text = r.pick(fitting[tag]);
    return { t: 'scalar', text, style: text === '' ? 'double' : r.chance(0.7) ? 'plain' : 'double', tag };
  }

  nullNode(): YNode {
    return { t: 'scalar', text: this.r.pick(['~', 'null', 'Null', 'NULL']), style: 'plain' };
  }

  value(depth: number, shape?: ChartShape | 'leaf' | 'list'): YNode {
    const r = this.r;
    if (this.anchors.length > 0 && r.chance(0.08)) return { t: 'alias', name: r.pick(this.anchors).name };
    const roll = r.next();
    let node: YNode;
    if (roll < 0.15) node = this.nullNode();
    else if (depth > 0 && (roll < 0.45 || (shape && typeof shape === 'object' && roll < 0.7))) {
      node = this.map(depth - 1, shape && typeof shape === 'object' ? shape : undefined);
    } else if (depth > 0 && roll < 0.6) node = this.seq(depth - 1);
    else node = this.scalar();
    if (node.t !== 'alias' && r.chance(0.12)) {
      const name = this.newAnchor();
      (node as { anchor?: string }).anchor = name;
      this.anchors.push({ name, isMap: node.t === 'map' });
    }
    return node;
  }

  seq(depth: number): YNode {
    const items = Array.from({ length: this.r.int(0, 4) }, () => this.value(depth));
    return { t: 'seq', flow: this.flowOnly || this.r.chance(0.3), items: this.flowOnly ? items.map((i) => this.flatten(i)) : items };
  }

  /** Flow collections cannot hold block scalars: the writer quotes those; nothing else to do. */
  private flatten(node: YNode): YNode {
    return node;
  }

  key(shape?: ChartShape): YNode {
    const chartKeys = shape ? Object.keys(shape).filter(plainSafeKey) : [];
    if (chartKeys.length > 0 && this.r.chance(0.65)) return plainKey(this.r.pick(chartKeys));
    return this.r.pick(KEYS);
  }

  map(depth: number, shape?: ChartShape): YNode {
    const r = this.r;
    const flow = this.flowOnly || r.chance(0.2);
    const sub = new TreeGen(r, this.prefix, flow);
    sub.anchors = this.anchors;
    sub.anchorCount = this.anchorCount;
    const pairs: YPair[] = [];
    const used = new Set<string>();
    const n = r.int(0, 5);
    for (let i = 0; i < n; i++) {
      if (r.chance(0.1) && sub.anchors.some((a) => a.isMap)) {
        const maps = sub.anchors.filter((a) => a.isMap);
        const value: YNode = r.chance(0.5)
          ? { t: 'alias', name: r.pick(maps).name }
          : { t: 'seq', flow: true, items: Array.from({ length: r.int(1, 3) }, () => ({ t: 'alias', name: r.pick(maps).name }) as YNode) };
        pairs.push({ key: plainKey('<<'), value });
        continue;
      }
      const key = sub.key(shape);
      const keyText = key.t === 'scalar' ? key.text : '';
      if (used.has(keyText)) continue;
      used.add(keyText);
      const childShape = shape && key.t === 'scalar' ? shape[key.text] : undefined;
      const pair: YPair = { key, value: sub.value(depth, childShape) };
      if (!flow && r.chance(0.1)) pair.comment = r.pick(['a comment', 'key: value', '---']);
      if (!flow && r.chance(0.1)) pair.trailing = 'trailing';
      pairs.push(pair);
    }
    if (r.chance(0.05) && !flow && sub.anchors.some((a) => a.isMap)) {
      pairs.push({ key: plainKey('<<'), value: { t: 'map', flow: true, pairs: [{ key: plainKey('merged'), value: sub.scalar() }] } });
    }
    this.anchorCount = sub.anchorCount;
    return { t: 'map', flow, pairs };
  }
}

/** A top-level values file tree (a block map). */
export function genFileTree(r: Random, shape: ChartShape, anchorPrefix: string): YNode {
  const g = new TreeGen(r, anchorPrefix);
  const pairs: YPair[] = [];
  const used = new Set<string>();
  for (let i = r.int(0, 7); i > 0; i--) {
    const key = r.chance(0.8) ? plainKey(r.pick(Object.keys(shape).filter(plainSafeKey))) : g.key();
    const text = key.t === 'scalar' ? key.text : '';
    if (used.has(text) || text === '<<' || text === 'global') continue;
    used.add(text);
    pairs.push({ key, value: g.value(3, shape[text]) });
  }
  return { t: 'map', flow: false, pairs };
}

// ---- --set expressions ----

const SET_NAMES = ['a', 'b', 'x', 'name', 'value', 'Enabled', 'yes', 'true', '1', '007', 'a b', 'é', '__proto__', 'constructor'];
const ESCAPED_NAMES = ['a.b', 'x,y', 'k=v', 'br[0]', 'back\\slash'];

/** Escapes a key name for the typed/string/json/file grammar. */
function escapeName(name: string): string {
  return name.replace(/[\\.,=[]/g, (c) => `\\${c}`);
}

function keyText(path: Seg[], literal: boolean): string {
  let out = '';
  path.forEach((seg, i) => {
    if ('index' in seg) out += `[${seg.index}]`;
    else out += (i > 0 ? '.' : '') + (literal ? seg.name : escapeName(seg.name));
  });
  return out;
}

/** A random key path, mostly along the chart's keys. */
function genPath(r: Random, shape: ChartShape, literal: boolean): Seg[] {
  const path: Seg[] = [];
  let node: ChartShape | 'leaf' | 'list' | undefined = shape;
  const depth = r.int(1, 4);
  for (let i = 0; i < depth; i++) {
    if (node === 'list' || (i > 0 && r.chance(0.12))) {
      path.push({ index: r.chance(0.8) ? r.int(0, 2) : r.int(3, 6) });
      if (r.chance(0.2)) path.push({ index: r.int(0, 1) });
      node = undefined;
      if (i === depth - 1) break;
    }
    const chartKeys = node && typeof node === 'object' ? Object.keys(node).filter((k) => k !== 'global') : [];
    let name: string;
    if (chartKeys.length > 0 && r.chance(0.7)) name = r.pick(chartKeys);
    else if (!literal && r.chance(0.15)) name = r.pick(ESCAPED_NAMES);
    else name = r.pick(SET_NAMES);
    if (literal && /[.=[]/.test(name)) name = 'a';
    path.push({ name });
    node = node && typeof node === 'object' ? node[name] : undefined;
  }
  return path;
}

export const SET_VALUES = [
  'true',
  'TRUE',
  'False',
  'null',
  'NULL',
  'nul',
  '0',
  '00',
  '007',
  '-0',
  '+0',
  '+1',
  '-1',
  '42',
  '-007',
  '1.5',
  '1e3',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  '12:30',
  '2024-06-01',
  'yes',
  'on',
  '',
  'hello world',
  'a=b',
  'x\\,y',
  'back\\\\slash',
  'dot.ted',
  '🙂',
  ' spaced ',
  '{a,b}',
  '{}',
  '{x}',
  '{1,null,true,text}',
  '{a\\,b,c}',
  '\\{notalist}',
  'fa\\lse',
  'ſalse',
  'tab\tin',
];

function genTypedValue(r: Random): string {
  return r.pick(SET_VALUES);
}

function jsonValue(r: Random, depth: number): unknown {
  const roll = r.next();
  if (depth > 0 && roll < 0.2)
    return Object.fromEntries(
      Array.from({ length: r.int(0, 3) }, () => [r.pick(['a', 'b', '1', 'k y', '__proto__', 'yes']), jsonValue(r, depth - 1)]),
    );
  if (depth > 0 && roll < 0.35) return Array.from({ length: r.int(0, 3) }, () => jsonValue(r, depth - 1));
  return r.pick([
    null,
    true,
    false,
    0,
    -0,
    1,
    -1.5,
    1e21,
    1e-7,
    1.2345678901234567e19,
    0.1,
    'text',
    '',
    'a,b',
    'x=y',
    '🙂',
    'quote"d',
    'back\\slash',
    'new\nline',
    '\u2028',
  ]);
}

function genJsonText(r: Random): string {
  if (r.chance(0.08)) return '';
  const text = JSON.stringify(jsonValue(r, 2));
  return r.chance(0.15) ? ` ${text.replace(/,/g, ', ')} ` : text;
}

const FILE_CONTENTS = ['plain text', 'line1\nline2\n', '', 'yes', '{"json": true}', 'ünï\ncode\n', 'a,b=c'];

/** One random case. */
export function genCase(r: Random, id: number, versions: readonly { version: string; shape: ChartShape }[]): Case {
  const { version, shape } = r.pick(versions);
  const files: FileLayer[] = [];
  for (let i = r.int(0, 3); i > 0; i--) files.push({ tree: genFileTree(r, shape, `a${id}x${i}x`) });
  const flags: Partial<Record<SetFlag, SetExpr[]>> = {};
  const extraFiles: Record<string, string> = {};
  const exprs = (flag: SetFlag, count: number, item: () => SetItem) => {
    if (count === 0) return;
    flags[flag] = Array.from({ length: count }, () => ({
      items: Array.from({ length: flag === '--set-literal' ? 1 : r.int(1, 3) }, item),
    }));
  };
  exprs('--set', r.chance(0.6) ? r.int(1, 3) : 0, () => ({ path: genPath(r, shape, false), value: genTypedValue(r) }));
  exprs('--set-string', r.chance(0.3) ? r.int(1, 2) : 0, () => ({ path: genPath(r, shape, false), value: genTypedValue(r) }));
  exprs('--set-json', r.chance(0.3) ? r.int(1, 2) : 0, () => ({ path: genPath(r, shape, false), value: genJsonText(r) }));
  exprs('--set-literal', r.chance(0.25) ? r.int(1, 2) : 0, () => ({
    path: genPath(r, shape, true),
    value: r.pick(['a,b=c', '{x,y}', 'back\\slash', 'true', '', '1', 'x]y', 'spaced out ']),
  }));
  exprs('--set-file', r.chance(0.1) ? 1 : 0, () => {
    const name = `f${id}-${Object.keys(extraFiles).length}.txt`;
    extraFiles[name] = r.pick(FILE_CONTENTS);
    return { path: genPath(r, shape, false), value: name };
  });
  return { id, version, files, flags, extraFiles, batchable: true };
}

/** Serializes a structural expression, with a key prefix for batching. */
export function exprText(flag: SetFlag, expr: SetExpr, prefix = ''): string {
  if ('raw' in expr) return expr.raw;
  const literal = flag === '--set-literal';
  return expr.items.map((item) => `${prefix}${keyText(item.path, literal)}=${item.value}`).join(',');
}

// ---- cases that run alone ----

/** Raw values-file texts: documents, directives, comments, errors. */
export const RAW_FILES: readonly string[] = [
  '',
  '# only a comment\n',
  '---\n',
  '~\n',
  'null\n',
  '{}\n',
  'a: 1\n---\nb: 2\n',
  '---\n---\na: 1\n',
  'a: 1\n---\nb: [\n',
  '%YAML 1.1\n---\na: yes\n',
  '--- !!map\na: 1\n',
  'a: 1\n...\nb: 2\n',
  '- a\n- b\n',
  'hello\n',
  '42\n',
  'true\n',
  'a: [1, 2\n',
  'a: {b: 1\n',
  'a:\n  b: 1\n c: 2\n',
  'a: b: c\n',
  'a: *nope\n',
  'a: &x [*x]\n',
  'a: .inf\n',
  'a: -.Inf\n',
  'a: [1, .nan]\n',
  'x: &i .inf\ny: {*i : 1}\n',
  '~: 1\n',
  'null: 1\n',
  '? [a]\n: 1\n',
  '18446744073709551615: x\n',
  '9223372036854775807: x\n',
  // Float keys print with float32 precision (1e39 overflows to .inf: not in the same map as .inf, whose order would decide).
  '1e39: big\n3.4028235e38: max\n1e-50: tiny\n-0.0: z\n0.1: a\n1000000.0: m\n123456789.0: p\n',
  '.inf: i\n-.inf: m\n.nan: n\n',
  'a: !!int x\n',
  'a: !!float yes\n',
  'a: !!bool 1\n',
  'a: !!null x\n',
  'a: !!timestamp 2024-01-01\n',
  'a: !!timestamp nope\n',
  'a: !!binary aGVsbG8gd29ybGQ=\n',
  'a: !!binary "aGVs\\nbG8="\n',
  'a: !!binary not-base64\n',
  'a: !!binary /w==\n',
  'a: !!str\n',
  'a: !!map {b: 1}\n',
  'a: !!seq [1]\n',
  'a: !!set {b}\n',
  '<<: {a: 1}\nb: 2\n',
  '<<: 1\n',
  '<<: [1]\n',
  'x: &s hi\n<<: *s\n',
  'x: &m {a: 1}\ny: &n [1]\nz:\n  <<: [*m, *n]\n',
  'b: &b {x: 1}\nm:\n  x: 0\n  <<: *b\n  y: 2\n',
  'b: &b {x: 1}\nc: &c {x: 2, y: 3}\nm:\n  <<: [*b, *c]\n',
  'a: &x 1\nb: *x\nc: &x 2\nd: *x\n',
  'a: "\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\e\\a\\v\\0"\n',
  'a: "\\/"\n',
  'a: "tab\\\there"\n',
  "a: 'it''s'\n",
  'a: "multi\n  line\n\n  folded"\n',
  'a: plain\n  multi\n  line\n',
  'a: |2\n   indented\n  text\n',
  'a: >-\n  folded\n  text\n\n  para\n',
  'a: |+\n  keep\n\n',
  'a:\tb\n',
  'a: x\n\t\nb: 1\n',
  '\ta: 1\n',
  'a: [a?b]\n',
  'a: [?x]\n',
  'a: {a:,b}\n',
  'a: [a:b]\n',
  'a: {url: http://x}\n',
  'a: &a.b x\n',
  'a: x\u2028y\n',
  'a: 1\nb: 2\na: 3\n',
  'y: 1\nyes: 2\nTrue: 3\n',
  'a:\n  - b: 1\n    c: 2\n  - [x, y]\n  -\n    - nested\n',
  'key with spaces: v\n"quoted": v\n\'single\': v\n? complex\n: v\n',
  'a: {b: {c: {d: {e: [1, {f: g}]}}}}\n',
  'a: 0o17\nb: 0b1010\nc: 0x_1F\nd: 1_0\ne: 0_7\n',
  '\uFEFFa: bom\n',
  'a: 1\r\nb: 2\r\n',
  'a: x # comment\nb: "y" # comment\n# end\n',
  'a: @x\n',
  'a: `x\n',
  'a: %x\n',
  '"a":b\n',
  'a: {"b":c}\n',
  'a: [-x, - x]\n',
  'a: !<tag:yaml.org,2002:int> 12\n',
  '%TAG !e! tag:example.com,2000:\n---\na: !e!foo 1\n',
];

/** Raw --set expressions: odd, broken and edge-case ones. */
export const RAW_SETS: readonly [SetFlag, string][] = [
  ['--set', 'a'],
  ['--set', '=b'],
  ['--set', 'a[x]=1'],
  ['--set', 'a={1,2'],
  ['--set', 'a[65536]=1'],
  ['--set', 'a[65537]=1'],
  ['--set', 'a[-1]=1'],
  ['--set', 'a[+1]=x'],
  ['--set', 'a[01]=y'],
  ['--set', 'a[0]x=1'],
  ['--set', 'a[0]'],
  ['--set', 'a[0'],
  ['--set', 'a[0]['],
  ['--set', 'a=1,a.b=2'],
  ['--set', 'a=null,a.b=1'],
  ['--set', 'a.b=1,a[0]=2'],
  ['--set', 'a[0]=1,a[0].b=2'],
  ['--set', 'a[0]=1,a[0][0]=2'],
  ['--set', 'a[1].b=1,a[0][1]=2'],
  ['--set', 'a[0].b='],
  ['--set', 'a[0].b'],
  ['--set', ',a=1'],
  ['--set', 'a=1,'],
  ['--set', 'a=1,,b=2'],
  ['--set', 'a.=1'],
  ['--set', '.a=1'],
  ['--set', 'a..b=1'],
  ['--set', 'a.'],
  ['--set', 'a,b=1'],
  ['--set', 'a=x\\'],
  ['--set', 'a\\'],
  ['--set', 'a={x,2}x'],
  ['--set', 'a={x,2},b=3'],
  ['--set', 'a={},b={,}'],
  ['--set', 'a=b=c'],
  ['--set', ''],
  ['--set', 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd.ee=1'],
  ['--set', 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd=1'],
  ['--set', 'a[0][1][2]=x'],
  ['--set', 'a[99999999999999999999]=1'],
  ['--set', 'global.x=1'],
  ['--set', '__proto__.polluted=1'],
  ['--set', 'constructor.prototype.x=1'],
  ['--set', 'replicas=null,image=null'],
  ['--set', 'image.tag=null,config.HTTP.Listen=null'],
  ['--set', 'service=5'],
  ['--set', 'image.tag.x=1'],
  ['--set', 'pod.env[0].name=A,pod.env[0].value=1'],
  ['--set', 'extraObjects[1]=x'],
  ['--set-string', 'a=true,b=1,c=null,d={1,null}'],
  ['--set-string', 'a'],
  ['--set-json', 'a={"b":[1,2.5,null]}'],
  ['--set-json', 'a=1b=2'],
  ['--set-json', 'a= ,b=2'],
  ['--set-json', 'a=1e400'],
  ['--set-json', 'a=1e-400'],
  ['--set-json', 'a={bad'],
  ['--set-json', 'a=[1] x'],
  ['--set-json', 'a=tru'],
  ['--set-json', 'a=truex=1'],
  ['--set-json', 'a=01'],
  ['--set-json', 'a=1.'],
  ['--set-json', 'a=-'],
  ['--set-json', 'a="\\ud800"'],
  ['--set-json', 'a="\\ud83d\\ude00"'],
  ['--set-json', 'a={"x":1,"x":2}'],
  ['--set-json', 'a[0]={"x":1},a[2]=[]'],
  ['--set-json', ' a=1'],
  ['--set-json', 'a=\t"x"'],
  ['--set-json', 'a=\u00a0"x"'],
  ['--set-json', 'a={"__proto__":{"p":1}}'],
  ['--set-json', 'a'],
  ['--set-literal', 'a=1,b=2'],
  ['--set-literal', 'a.b[0]=x=y'],
  ['--set-literal', 'a\\.b=c'],
  ['--set-literal', 'a,b=c'],
  ['--set-literal', 'a'],
  ['--set-literal', '=x'],
  ['--set-literal', 'a.=x'],
  ['--set-literal', 'a[0]'],
  ['--set-literal', 'a[0].b=1'],
  ['--set-literal', 'a[1][0]=deep'],
  ['--set-literal', 'a[x]=1'],
];

/** Cases that each run in a helm process of their own. */
export function loneCases(r: Random, firstId: number, versions: readonly { version: string; shape: ChartShape }[]): Case[] {
  const out: Case[] = [];
  let id = firstId;
  const base = () => ({ id: id++, version: r.pick(versions).version, flags: {}, extraFiles: {}, batchable: false });
  for (const raw of RAW_FILES) out.push({ ...base(), files: [{ raw }] });
  for (const [flag, raw] of RAW_SETS) {
    const c: Case = { ...base(), files: [] };
    if (r.chance(0.5)) c.files.push({ raw: 'a: {b: 1}\nreplicas: 2\nimage: {tag: x}\nlist: [1, 2]\nn: ~\n' });
    c.flags[flag] = [{ raw }];
    out.push(c);
  }
  // --set-file: missing file, stdin-less dash, list of files
  out.push({ ...base(), files: [], flags: { '--set-file': [{ raw: 'a=missing.txt' }] } });
  out.push({ ...base(), files: [], flags: { '--set-file': [{ raw: 'a=' }] } });
  const withFiles = base();
  out.push({
    ...withFiles,
    files: [],
    flags: { '--set-file': [{ raw: `a={f${withFiles.id}a.txt,f${withFiles.id}b.txt},b=f${withFiles.id}a.txt` }] },
    extraFiles: { [`f${withFiles.id}a.txt`]: 'one\n', [`f${withFiles.id}b.txt`]: 'two' },
  });
  // Binary and non-UTF-8 values files
  out.push({ ...base(), files: [{ raw: Uint8Array.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) }] });
  out.push({ ...base(), files: [{ raw: Uint8Array.from([0x61, 0x3a, 0x20, 0x00, 0x0a]) }] });
  out.push({ ...base(), files: [{ raw: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }] });
  out.push({ ...base(), files: [{ raw: Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00, 0x20, 0x00, 0x31, 0x00, 0x0a, 0x00]) }] });
  // Mutated random expressions: broken in random ways.
  for (let i = 0; i < 120; i++) {
    const flag = r.pick(['--set', '--set-string', '--set-json', '--set-literal'] as const);
    const c = genCase(r, id++, versions);
    const expr = c.flags[flag]?.[0] ?? { items: [{ path: [{ name: 'a' }, { index: 0 }, { name: 'b' }], value: '{x,y}' }] };
    let text = exprText(flag, expr);
    const chars = ['=', ',', '.', '[', ']', '{', '}', '\\', '"', ' ', 'x', '0', '-'];
    for (let m = r.int(1, 2); m > 0; m--) {
      const at = r.int(0, text.length);
      const roll = r.next();
      if (roll < 0.4) text = text.slice(0, at) + r.pick(chars) + text.slice(at);
      else if (roll < 0.8) text = text.slice(0, at) + text.slice(at + 1);
      else text = text.slice(0, at);
    }
    out.push({ ...c, flags: { [flag]: [{ raw: text }] }, batchable: false, extraFiles: {} });
  }
  return out;
}
