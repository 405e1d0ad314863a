/**
 * YAML exactly as Helm 3.16.4 reads a values file: sigs.k8s.io/yaml decodes
 * with its fork of go-yaml v2, then converts the result through JSON.
 *
 * That is neither YAML 1.2 nor full YAML 1.1:
 * - plain `y/Y/yes/Yes/YES/n/N/no/No/NO/on/On/ON/off/Off/OFF` (and
 *   true/false in three spellings) are booleans; `~`, `null`, `Null`, `NULL`
 *   and nothing are null;
 * - integers follow Go's `strconv.ParseInt(s, 0, 64)` after removing `_`
 *   (`0755` is octal 493, `0x1F`, `0o17`, `0b101`, `+1`); floats follow
 *   YAML's float pattern; `12:30` (no base 60) and `2024-06-01` (no
 *   timestamps) stay strings; `1e400` (out of range) stays a string;
 * - every number becomes a float64 after JSON (2^63-1 reads as 9223372036854775807 → 9223372036854776000);
 * - map keys become strings: `yes` → "true", `1` → "1", `1.5` → "1.5" (a
 *   float key is printed with float32 precision); a null key is an error;
 * - merge keys `<<` copy a map's entries in order of appearance, so a key
 *   written before `<<` is overridden by the merged map (go-yaml v2 does so);
 *   in a list of maps to merge, the first map wins;
 * - `.inf`/`.nan` values are an error (JSON has no infinity);
 * - of a file with several documents, only the first is read.
 *
 * The syntax is read with the `yaml` package (failsafe schema: every scalar
 * is text), and the typing above is applied here; where go-yaml's scanner
 * (YAML 1.1, like libyaml) reads the syntax differently, see goYamlSyntax.
 * Errors give the file, line and column and what is wrong, never the text of
 * the line. `npm run test:helm` compares all this with real helm.
 *
 * Known differences, all in broken or unusual files: helm accepts `\'` in
 * double quotes, a continuation line of a quoted value at column 0, and
 * anything after a top-level `{...}`/`[...]`, which we refuse; U+0085,
 * U+2028 and U+2029 are line breaks for helm, which we refuse; keys of
 * different types that print alike (`1` and `"1"`) are in an order Go does
 * not fix for helm, while the later one wins here.
 */
import { isStackOverflow } from './intake';
import { Composer, CST, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Parser, Scalar, visit, type Document, type Node } from 'yaml';
import { setOwn } from '../leaf/objects';
import { decodeUtf8LikeGo, formatFloat32G, goParseFloat, goParseInt, goParseUint } from './go-text';

/** A YAML text that Helm would refuse, with the place and the reason. */
export class YamlError extends SyntaxError {
  constructor(
    /** File name (or description) the text came from, if given. */
    readonly source: string | undefined,
    /** 1-based line, 0 when unknown. */
    readonly line: number,
    /** 1-based column, 0 when unknown. */
    readonly column: number,
    /** What is wrong. */
    readonly reason: string,
  ) {
    const where = line > 0 ? (source ? `${source}:${line}:${column}` : `line ${line}, column ${column}`) : (source ?? 'YAML');
    super(`${where}: ${reason}`);
    this.name = 'YamlError';
  }
}

/** Options of the parse functions. */
export interface YamlOptions {
  /** Named in error messages (e.g. the file path). */
  readonly source?: string;
}

const TAG = 'tag:yaml.org,2002:';
const STR = `${TAG}str`;
const BINARY = `${TAG}binary`;
const BOOL = `${TAG}bool`;
const INT = `${TAG}int`;
const FLOAT = `${TAG}float`;
const NULL = `${TAG}null`;
const TIMESTAMP = `${TAG}timestamp`;
const MERGE = `${TAG}merge`;
const RESOLVABLE = new Set(['', STR, BOOL, INT, FLOAT, NULL, TIMESTAMP]);

const BOOLS_AND_NULLS: Record<string, boolean | null> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS_AND_NULLS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLS_AND_NULLS[s] = false;
for (const s of ['', '~', 'null', 'Null', 'NULL']) BOOLS_AND_NULLS[s] = null;
const NON_FINITE: Record<string, number> = {};
for (const s of ['.nan', '.NaN', '.NAN']) NON_FINITE[s] = NaN;
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) NON_FINITE[s] = Infinity;
for (const s of ['-.inf', '-.Inf', '-.INF']) NON_FINITE[s] = -Infinity;

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** A scalar as go-yaml v2 types it (before JSON). */
type GoScalar =
  | { readonly tag: 'str'; readonly value: string }
  | { readonly tag: 'bool'; readonly value: boolean }
  | { readonly tag: 'null'; readonly value: null }
  | { readonly tag: 'int'; readonly value: bigint }
  | { readonly tag: 'float'; readonly value: number }
  | { readonly tag: 'timestamp'; readonly value: string };

function shortTag(tag: string): string {
  return tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag;
}

/** go-yaml v2's timestamp formats (used only for an explicit `!!timestamp`). */
function isTimestamp(s: string): boolean {
  // The shortest is `2001-1-1`: most numbers are told apart without compiling the pattern (a cold start compiles it).
  if (s.length < 8 || s[4] !== '-') return false;
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})|( )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?)?$/.exec(
      s,
    );
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return false;
  const time = m[4] ? [m[5], m[6], m[7]] : m[8] ? [m[9], m[10], m[11]] : undefined;
  return !time || (Number(time[0]) < 24 && Number(time[1]) < 60 && Number(time[2]) < 60);
}

/**
 * go-yaml says `unknown anchor 'NAME' referenced`; the name is left out here (a
 * file may hold secrets, and `Password: *S3cret` makes one a name).
 */
const UNKNOWN_ANCHOR =
  'unknown anchor referenced: an alias (*name) must name an anchor (&name) defined before it; quote a value that starts with "*"';

/** Fails the way go-yaml's resolve does when an explicit tag does not fit the text. */
class TagMismatch extends Error {}

/**
 * go-yaml v2's `resolve(tag, in)`: the type of a plain scalar (tag '') or of
 * a scalar with an explicit standard tag.
 */
function resolve(tag: string, text: string): GoScalar | { tag: 'other'; value: string } {
  if (!RESOLVABLE.has(tag)) return { tag: 'other', value: text };
  const out = resolveImplicit(tag, text);
  const rtag = `${TAG}${out.tag}`;
  if (tag === '' || tag === rtag || tag === STR) return out;
  if (tag === FLOAT && out.tag === 'int') return { tag: 'float', value: Number(out.value) };
  throw new TagMismatch(`cannot decode ${shortTag(rtag)} as a ${shortTag(tag)}`);
}

function resolveImplicit(tag: string, text: string): GoScalar {
  const hint =
    text === ''
      ? 'N'
      : /[0-9]/.test(text[0])
        ? 'D'
        : '+-'.includes(text[0])
          ? 'S'
          : 'yYnNtTfFoO~'.includes(text[0])
            ? 'M'
            : text[0] === '.'
              ? '.'
              : '';
  if (hint === '' || tag === STR) return { tag: 'str', value: text };
  if (Object.prototype.hasOwnProperty.call(BOOLS_AND_NULLS, text)) {
    const v = BOOLS_AND_NULLS[text];
    return v === null ? { tag: 'null', value: null } : { tag: 'bool', value: v };
  }
  if (Object.prototype.hasOwnProperty.call(NON_FINITE, text)) return { tag: 'float', value: NON_FINITE[text] };
  if (hint === '.') {
    const f = goParseFloat(text);
    if (f !== undefined) return { tag: 'float', value: f };
  } else if (hint === 'D' || hint === 'S') {
    if ((tag === '' || tag === TIMESTAMP) && isTimestamp(text)) return { tag: 'timestamp', value: text };
    const plain = text.replace(/_/g, '');
    const i = goParseInt(plain, 0) ?? goParseUint(plain);
    if (i !== undefined) return { tag: 'int', value: i };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = goParseFloat(plain);
      if (f !== undefined) return { tag: 'float', value: f };
    }
  }
  return { tag: 'str', value: text };
}

/** Strict standard base64 as Go's `base64.StdEncoding` reads it (CR and LF are skipped). */
function decodeBase64(text: string): Uint8Array | undefined {
  const s = text.replace(/[\r\n]/g, '');
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return undefined;
  return Uint8Array.from(Buffer.from(s, 'base64'));
}

/** A float that JSON cannot hold; an error if it is still in the result. */
class NonFinite {
  constructor(readonly offset: number) {}
}

/** Decodes one document's node tree the way go-yaml v2 decodes into interface{}, then through JSON. */
class Decoder {
  private readonly targets = new Map<Node, Node>();
  private readonly aliasesInProgress = new Set<Node>();
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;

  constructor(
    doc: Document,
    private readonly fail: (offset: number, reason: string) => never,
  ) {
    // An alias refers to the last node with its anchor before it, in document order;
    // go-yaml refuses a document with an alias to an unknown anchor while parsing it.
    const seen = new Map<string, Node>();
    let unknown: Node | undefined;
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          const target = seen.get(node.source);
          if (target) this.targets.set(node, target);
          else unknown ??= node;
        } else if (node.anchor) seen.set(node.anchor, node);
      },
    });
    if (unknown && isAlias(unknown)) fail(start(unknown), UNKNOWN_ANCHOR);
  }

  /** Follows an alias to its node (with go-yaml's loop check), calling `then` on it. */
  private viaAlias<T>(node: Node, then: (target: Node) => T): T {
    const target = this.targets.get(node)!;
    if (this.aliasesInProgress.has(node)) this.fail(start(node), 'the anchor of this alias contains the alias itself (an endless value)');
    this.aliasesInProgress.add(node);
    this.aliasDepth++;
    try {
      return then(target);
    } finally {
      this.aliasDepth--;
      this.aliasesInProgress.delete(node);
    }
  }

  decode(node: Node | null | undefined): unknown {
    this.count();
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.viaAlias(node, (target) => this.decode(target));
    if (isScalar(node)) return this.scalar(node);
    if (isSeq(node)) return node.items.map((item) => this.decode(item as Node));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      this.mapping(node, out);
      return out;
    }
    return null;
  }

  /** go-yaml v2 fails on documents that expand aliases far beyond their size ("billion laughs"). */
  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000) {
      const low = 400000;
      const high = 4000000;
      const d = this.decodeCount;
      const allowed = d <= low ? 0.99 : d >= high ? 0.1 : 0.99 - 0.89 * ((d - low) / (high - low));
      if (this.aliasCount / d > allowed) this.fail(-1, 'document contains excessive aliasing');
    }
  }

  private scalarType(node: Scalar): GoScalar | { tag: 'other'; value: string } {
    const text = String(node.value ?? '');
    const tag = node.tag ?? '';
    const implicit = (node.type === Scalar.PLAIN && tag === '') || tag === '!';
    if (tag === '' && !implicit) return { tag: 'str', value: text };
    try {
      return resolve(tag, text);
    } catch (e) {
      if (e instanceof TagMismatch) this.fail(start(node), e.message);
      throw e;
    }
  }

  private scalar(node: Scalar): unknown {
    const typed = this.scalarType(node);
    if (typed.tag === 'other' && node.tag === BINARY) {
      const bytes = decodeBase64(typed.value);
      if (!bytes) this.fail(start(node), '!!binary value contains invalid base64 data');
      return decodeUtf8LikeGo(bytes);
    }
    switch (typed.tag) {
      case 'int':
        return Number(typed.value);
      case 'float':
        return Number.isFinite(typed.value) ? typed.value : new NonFinite(start(node));
      default:
        return typed.value;
    }
  }

  /** A map key as sigs.k8s.io/yaml turns it into a JSON key. */
  private key(node: Node | null | undefined, at: number): string {
    this.count();
    if (node && isAlias(node)) return this.viaAlias(node, (target) => this.key(target, at));
    if (node && (isMap(node) || isSeq(node))) this.fail(at, 'a map or list cannot be a map key');
    const typed = node && isScalar(node) ? this.scalarType(node) : ({ tag: 'null', value: null } as const);
    switch (typed.tag) {
      case 'null':
        return this.fail(at, 'a null map key is not supported (helm cannot convert it to JSON)');
      case 'bool':
        return typed.value ? 'true' : 'false';
      case 'int':
        if (typed.value > 2n ** 63n - 1n) this.fail(at, 'an integer map key above 9223372036854775807 is not supported');
        return typed.value.toString();
      case 'float': {
        const s = formatFloat32G(typed.value);
        return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
      }
      default:
        return node && isScalar(node) && node.tag === BINARY ? (this.scalar(node) as string) : typed.value;
    }
  }

  private isMerge(node: unknown): boolean {
    if (!isScalar(node) || node.value !== '<<') return false;
    const tag = node.tag ?? '';
    return (node.type === Scalar.PLAIN && tag === '') || tag === '!' || tag === MERGE;
  }

  private mapping(node: Node, out: Record<string, unknown>): void {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (this.isMerge(keyNode)) this.merge(valueNode, start(keyNode), out);
      else {
        const key = this.key(keyNode, keyNode ? start(keyNode) : start(valueNode));
        setOwn(out, key, this.decode(valueNode));
      }
    }
  }

  /**
   * go-yaml v2's merge: a map (or alias of one) is copied into `out` key by
   * key; a list of them is copied last first, so that the first wins.
   */
  private merge(node: Node | null, at: number, out: Record<string, unknown>): void {
    const wantMap = (n: Node | null | undefined): never =>
      this.fail(n ? start(n) : at, 'map merge requires map or sequence of maps as the value');
    const into = (n: Node) => {
      this.count();
      if (isAlias(n)) this.viaAlias(n, (target) => this.mapping(target, out));
      else this.mapping(n, out);
    };
    const isMapOrAliasOfMap = (n: Node | null) => !!n && (isMap(n) || (isAlias(n) && isMap(this.targets.get(n))));
    if (node && isSeq(node)) {
      const items = node.items as (Node | null)[];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (!isMapOrAliasOfMap(item)) wantMap(item);
        into(item!);
      }
    } else if (isMapOrAliasOfMap(node)) into(node!);
    else wantMap(node);
  }

  /** JSON cannot hold ±Inf or NaN: Helm fails on them. */
  static checkFinite(value: unknown, fail: (offset: number, reason: string) => never): void {
    if (value instanceof NonFinite) {
      fail(value.offset, '.inf and .nan cannot be values (helm converts values to JSON, which has neither); quote it for a string');
    }
    if (Array.isArray(value)) for (const v of value) Decoder.checkFinite(v, fail);
    else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) Decoder.checkFinite(v, fail);
  }
}

function start(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

/** 1-based line and column of an offset. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}

/** Characters libyaml refuses anywhere in a stream. */
const TOO_DEEP = 'nested deeper than this reader follows (Helm stops at 10,000 levels): flatten the value';

/** The deepest nesting read (Helm's reader stops at 10,000; the `yaml` package's recursion at about 800). */
export const MAX_YAML_NESTING = 500;
const NESTED = `nested more than ${MAX_YAML_NESTING} levels deep, which this reader refuses (Helm stops at 10,000): flatten the value`;

/**
 * The most entries read in one text: the indicators of the `yaml` package's lexer that start an entry or a
 * collection (`-`, `?`, `:`, `,`, `[`, `{`; not inside scalars, comments or block scalars). That package spends
 * 10-20 µs of CPU per entry (its CST, our checks of it, the document, garbage collection), so 1 MiB of nothing but
 * entries (`[[0],[0],…]`, `- - - 0` lines) took 4-7 s; at this bound any text is read in about 2 s. Real values
 * files are far below it: the chart's own (9.5 KB, mostly comments) has about 170 entries; a values file with
 * 100,000 would be well over 1 MB.
 */
export const MAX_YAML_ENTRIES = 100_000;

/**
 * The bound in force (MAX_YAML_ENTRIES). Exported for tests only, which lower it so as not to build and read a text
 * of 100,000 entries for each case; this module never changes it.
 */
export const yamlBounds = { entries: MAX_YAML_ENTRIES };

/**
 * Refuses nesting deeper than MAX_YAML_NESTING before parsing, in one pass: `[`/`{` outside quotes and
 * comments, plus the `- ` and `? ` indicators that open block collections on one line.
 */
function checkNesting(text: string, fail: (offset: number, reason: string) => never): void {
  let flow = 0;
  let quote = '';
  let onLine = 0; // block indicators opened on this line
  let prev = ''; // the last character that is not a space on this line ('' at its start)
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '\n') {
      onLine = 0;
      prev = '';
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    const spaced = i === 0 || ' \t\n'.includes(text[i - 1]);
    if (c === '#' && spaced) {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
      continue;
    }
    // Outside [ ] and { }, a bracket or quote opens something only where a value starts (not inside a plain scalar).
    const valueStart = flow > 0 || (spaced && (prev === '' || prev === ':' || prev === '-' || prev === '?'));
    if (flow === 0 && (c === '-' || c === '?') && (prev === '' || prev === '-' || prev === '?') && ' \t\r\n'.includes(text[i + 1] ?? '\n'))
      onLine++;
    else if (valueStart && (c === '[' || c === '{')) flow++;
    else if (flow > 0 && (c === ']' || c === '}')) flow--;
    else if (valueStart && (c === '"' || c === "'")) quote = c;
    prev = c;
    if (flow + onLine > MAX_YAML_NESTING) fail(i, NESTED);
  }
}

function checkCharacters(text: string, fail: (offset: number, reason: string) => never): void {
  // eslint-disable-next-line no-control-regex
  const bad = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(text);
  const lineBreak = /[\x85\u2028\u2029]/.exec(text);
  if (lineBreak && (!bad || lineBreak.index < bad.index)) {
    const name = { '\x85': 'NEXT LINE', '\u2028': 'LINE SEPARATOR', '\u2029': 'PARAGRAPH SEPARATOR' }[lineBreak[0]];
    fail(
      lineBreak.index,
      `U+${lineBreak[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} (${name}) is a line break for Helm's YAML 1.1 reader; remove it, or write \\N, \\L or \\P in double quotes`,
    );
  }
  if (bad) {
    const cp = bad[0].codePointAt(0)!;
    fail(bad.index, `control characters are not allowed (U+${cp.toString(16).toUpperCase().padStart(4, '0')}); is this a binary file?`);
  }
}

interface CstToken {
  type: string;
  offset: number;
  indent?: number;
  source?: string;
  [key: string]: unknown;
}

/**
 * Where go-yaml v2 (a YAML 1.1 scanner, like libyaml) reads the syntax
 * differently from the `yaml` package, rewrite the text so that the `yaml`
 * package reads what Helm reads, or fail as Helm does:
 * - anchor and alias names hold only letters, digits, `_` and `-`;
 * - inside `[ ]`/`{ }`, `?` is always an indicator (`[?x]` is `[? x]`; a `?`
 *   inside an unquoted value fails), a value cannot start with `:`, and
 *   `a:` directly before `,`, `]`, `}` is the text "a:";
 * - `\/` is not an escape in double quotes;
 * - a tab where a line's indentation ends is an error, on blank lines too
 *   (except blank lines inside a plain value, indented past its parent).
 * Returns the text to parse (rewrites keep every line on its line) and, when that is the text as given, its CST
 * tokens (so that it is not parsed a second time).
 */
function goYamlSyntax(
  text: string,
  fail: (offset: number, reason: string) => never,
  allDocuments: boolean,
  cst?: readonly CstToken[],
): { text: string; tokens?: readonly CstToken[] } {
  const tokens = cst ?? cstTokens(text, fail, allDocuments);
  const docs = tokens.filter((t) => t.type === 'document');
  // Only the first document is read (as by Helm): the rest is not composed at all.
  const readEnd = allDocuments || docs.length < 2 ? text.length : docs[1].offset;
  const edits: Edit[] = [];
  for (let i = 0; i < (allDocuments ? docs.length : Math.min(1, docs.length)); i++) {
    // A loop, not push(...): a spread of 100,000s of edits (one per `a:` in `[a:,a:,…]`) overflows the stack.
    for (const e of checkDocument(text, docs[i], i === 0 ? 0 : docs[i].offset, docs[i + 1] ? docs[i + 1].offset : text.length, fail)) {
      edits.push(e);
    }
  }
  failOnManySyntaxErrors(tokens, readEnd, fail);
  if (edits.length === 0 && readEnd === text.length) return { text, tokens };
  const read = readEnd < text.length ? text.slice(0, readEnd) : text;
  if (edits.length === 0) return { text: read };
  edits.sort((a, b) => a.start - b.start);
  if (edits.some((e, i) => i > 0 && e.start < edits[i - 1].end)) {
    // Overlapping edits (rare): applied last first, as written.
    let out = read;
    for (const e of [...edits].reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return { text: out };
  }
  // Applied in one pass: linear in the text.
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(read.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(read.slice(at));
  return { text: parts.join('') };
}

/** The refusal of a text with more entries than the bound: for a values file, or for a stream of manifests. */
function manyEntries(allDocuments: boolean): string {
  const many = `more than ${yamlBounds.entries.toLocaleString('en-US')} entries (list items, map keys, [ ] and { }) in one text, which this reader refuses`;
  return allDocuments
    ? `${many}: no release's manifests hold so many; give only the manifests of one release`
    : `${many}: no values file holds so many; split it into several files (-f a.yaml -f b.yaml)`;
}

/** The lexemes that start an entry or a collection (see MAX_YAML_ENTRIES). */
const ENTRY_INDICATORS = new Set(['-', '?', ':', ',', '[', '{']);

/**
 * The CST tokens of a text, as `new Parser().parse(text)` gives them (the `yaml` package's parser driven by its
 * lexer, as documented for a lexer of one's own), refusing the text at its (MAX_YAML_ENTRIES + 1)th entry: the
 * entries are counted in the very lexemes the parser reads, so no way of writing them escapes the count, and the
 * rest of a refused text is neither lexed nor parsed.
 */
function cstTokens(text: string, fail: (offset: number, reason: string) => never, allDocuments: boolean): CstToken[] {
  const parser = new Parser();
  const tokens: CstToken[] = [];
  let documents = 0;
  let entries = 0;
  let flow = 0; // open [ and {: checkNesting misses those after an anchor or a tag (`a: &x [[[…`)
  let scalarSource = false; // the lexeme after CST.SCALAR is the text of a scalar (which may be "-" or ",")
  for (const lexeme of new Lexer().lex(text)) {
    if (scalarSource) scalarSource = false;
    else if (lexeme === CST.SCALAR) scalarSource = true;
    else if (lexeme === ']' || lexeme === '}') flow = Math.max(0, flow - 1);
    else if (lexeme === CST.DOCUMENT || lexeme === CST.FLOW_END) flow = 0;
    else if (ENTRY_INDICATORS.has(lexeme)) {
      if (++entries > yamlBounds.entries) {
        // The CST of the text up to this entry's indicator (so that a key keeps its `:`), for the first error in it.
        const at = parser.offset;
        for (const token of parser.next(lexeme)) tokens.push(token as unknown as CstToken);
        for (const token of parser.end()) tokens.push(token as unknown as CstToken);
        throw new TooManyEntries(at, at + lexeme.length, tokens);
      }
      if ((lexeme === '[' || lexeme === '{') && ++flow > MAX_YAML_NESTING) fail(parser.offset, NESTED);
    }
    for (const token of parser.next(lexeme)) {
      tokens.push(token as unknown as CstToken);
      if (token.type === 'document') documents++;
    }
    // Of a values file only the first document is read: once the second one has started, the rest is neither
    // lexed nor parsed (parser.end() gives the second one's start, where goYamlSyntax ends the text read).
    if (!allDocuments && documents > 0 && parser.stack[0]?.type === 'document') break;
  }
  for (const token of parser.end()) tokens.push(token as unknown as CstToken);
  return tokens;
}

/** A text with more than MAX_YAML_ENTRIES entries, the one past it at `offset`; `tokens` are the CST of text[0, end). */
class TooManyEntries extends Error {
  constructor(
    readonly offset: number,
    readonly end: number,
    readonly tokens: readonly CstToken[],
  ) {
    super('too many YAML entries');
  }
}

/** The errors that reading the start of a text (up to an entry) gives because the rest is missing. */
const CUT_SHORT = /^Flow (map|sequence) (in block collection )?must (be sufficiently indented and )?end with a/;

/**
 * Reads `text` with `read`; a text with more than MAX_YAML_ENTRIES entries is refused with the first error of the
 * text up to the entry that passed the count, if it has one (as a smaller text would be: a broken file is told
 * where it is broken, not that it is long), or else with the count and the place where it passed. The text up to
 * there is read from the CST already parsed: not lexed or parsed again. A stack overflow of a recursive reader is
 * refused as nesting deeper than this reader follows.
 */
function readBounded<T>(
  text: string,
  source: string | undefined,
  allDocuments: boolean,
  read: (text: string, cst?: readonly CstToken[]) => T,
): T {
  const fail = failer(text, source);
  const guarded = (part: string, cst?: readonly CstToken[]): T => {
    try {
      return read(part, cst);
    } catch (e) {
      if (isStackOverflow(e)) fail(-1, TOO_DEEP);
      throw e;
    }
  };
  try {
    return guarded(text);
  } catch (e) {
    if (!(e instanceof TooManyEntries)) throw e;
    try {
      guarded(text.slice(0, e.end), e.tokens);
    } catch (first) {
      if (!(first instanceof YamlError) || !CUT_SHORT.test(first.reason)) throw first;
    }
    return fail(e.offset, manyEntries(allDocuments));
  }
}

/** Past this many unexpected tokens, the first one is the answer (composing each as an error costs seconds per 64 KiB). */
const MAX_SYNTAX_ERRORS = 100;

/** Refuses, with the first one, text that holds more than MAX_SYNTAX_ERRORS unexpected tokens before `end`. */
function failOnManySyntaxErrors(tokens: readonly CstToken[], end: number, fail: (offset: number, reason: string) => never): void {
  const errors = tokens.filter((t) => t.type === 'error' && t.offset < end);
  if (errors.length > MAX_SYNTAX_ERRORS) fail(errors[0].offset, reasonOf(String(errors[0].message ?? 'unexpected text')));
}

/** A replacement of text[start, end). */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function checkDocument(
  text: string,
  doc: CstToken,
  docStart: number,
  docEnd: number,
  fail: (offset: number, reason: string) => never,
): Edit[] {
  const edits: Edit[] = [];
  const leaves: { token: CstToken; end: number; inFlow: boolean; blockIndent: number }[] = [];
  const excluded: [number, number][] = [];
  const endOf = (t: CstToken): number => {
    let end = t.offset + (t.source?.length ?? 0);
    for (const key of ['start', 'key', 'sep', 'value', 'items', 'props', 'end']) {
      const v = t[key];
      for (const child of Array.isArray(v) ? v : v ? [v] : []) {
        if (child && typeof child === 'object') {
          const c = child as CstToken;
          end = Math.max(end, typeof c.type === 'string' ? endOf(c) : endOfItem(c));
        }
      }
    }
    return end;
  };
  const endOfItem = (item: Record<string, unknown>): number => endOf({ type: 'item', offset: 0, ...item } as CstToken);
  // blockIndent: the column of the enclosing block collection (go-yaml's parser.indent), -1 at the top.
  const walk = (node: unknown, inFlow: boolean, blockIndent: number): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inFlow, blockIndent));
    if (!node || typeof node !== 'object') return;
    const t = node as CstToken;
    if (typeof t.type !== 'string') {
      for (const key of ['start', 'key', 'sep', 'value']) walk((node as Record<string, unknown>)[key], inFlow, blockIndent);
      return;
    }
    if (t.type === 'flow-collection') {
      // Its closing bracket (and what follows it on the line) ends it: not a walk of the subtree (quadratic in depth).
      const closing = Array.isArray(t.end) ? (t.end as CstToken[]) : [];
      const end = closing.length > 0 ? closing.reduce((m, c) => Math.max(m, c.offset + (c.source?.length ?? 0)), -1) : endOf(t);
      excluded.push([t.offset, end]);
      walk(t.start, true, blockIndent);
      walk(t.items, true, blockIndent);
      walk(t.end, true, blockIndent);
      return;
    }
    if (t.type === 'block-scalar') {
      walk(t.props, inFlow, blockIndent);
      const end = endOf(t);
      excluded.push([t.offset, end]);
      leaves.push({ token: t, end, inFlow, blockIndent });
      return;
    }
    if (t.source !== undefined && !('items' in t)) {
      const end = t.offset + t.source.length;
      leaves.push({ token: t, end, inFlow, blockIndent });
      if (t.type === 'scalar' || t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar') excluded.push([t.offset, end]);
    }
    const inner = t.type === 'block-map' || t.type === 'block-seq' ? (t.indent ?? blockIndent) : blockIndent;
    for (const key of ['start', 'key', 'sep', 'value', 'items', 'props', 'end']) walk(t[key], inFlow, inner);
  };
  walk(doc, false, -1);
  leaves.sort((a, b) => a.token.offset - b.token.offset);

  for (let i = 0; i < leaves.length; i++) {
    const { token: t, inFlow } = leaves[i];
    const src = t.source ?? '';
    if ((t.type === 'anchor' || t.type === 'alias') && !/^[A-Za-z0-9_-]+$/.test(src.slice(1))) {
      fail(
        t.offset,
        'an anchor or alias name may only hold letters, digits, "_" and "-" (did not find expected alphabetic or numeric character)',
      );
    }
    if (t.type === 'double-quoted-scalar') {
      const m = /\\(.)/gs;
      for (let e = m.exec(src); e; e = m.exec(src)) {
        if (e[1] === '/') fail(t.offset + e.index, 'found unknown escape character \\/ (Helm reads YAML 1.1, which has no \\/ escape)');
      }
    }
    if (inFlow && t.type === 'scalar') {
      // go-yaml: "?" starts a key in flow context ("?x" is "? x"), and ends an unquoted value.
      if (src.startsWith('?') && src.length > 1) edits.push({ start: t.offset + 1, end: t.offset + 1, text: ' ' });
      const q = src.indexOf('?', 1);
      if (q >= 0 || src.startsWith(':')) {
        fail(
          t.offset + Math.max(q, 0),
          'Helm reads a "?" or a leading ":" in an unquoted value inside [ ] or { } as YAML syntax; quote the value',
        );
      }
    }
    if (inFlow && t.type === 'map-value-ind' && i > 0) {
      // go-yaml: a ":" not followed by a space is part of an unquoted value ("a:" before "," or "]").
      const prev = leaves[i - 1];
      const after = text[t.offset + 1];
      if (prev.token.type === 'scalar' && prev.end === t.offset && after !== undefined && !' \t\r\n'.includes(after)) {
        const value = `${prev.token.source ?? ''}:`.replace(/[\\"]/g, (c) => `\\${c}`);
        edits.push({ start: prev.token.offset, end: t.offset + 1, text: `"${value}"` });
      }
    }
  }

  // One pass over the lines, with pointers into the (sorted) leaves and excluded ranges: linear, not lines × tokens.
  excluded.sort((a, b) => a[0] - b[0]);
  let ex = 0;
  let exEnd = -1; // the furthest end of the excluded ranges starting at or before the current position
  const inExcluded = (p: number): boolean => {
    while (ex < excluded.length && excluded[ex][0] <= p) exEnd = Math.max(exEnd, excluded[ex++][1]);
    return p < exEnd;
  };
  let li = 0;
  let prev: (typeof leaves)[number] | undefined; // the last token before the current line, not a space or newline
  for (let lineStart = docStart; lineStart < docEnd;) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    let p = lineStart;
    while (p < lineEnd && text[p] === ' ') p++;
    for (; li < leaves.length && leaves[li].token.offset < lineStart; li++) {
      if (!['space', 'newline'].includes(leaves[li].token.type)) prev = leaves[li];
    }
    if (text[p] === '\t' && !inExcluded(p)) {
      const blank = /^[ \t\r]*$/.test(text.slice(lineStart, lineEnd));
      // A plain value (block context) takes blank lines indented past its parent.
      const threshold = prev && prev.token.type === 'scalar' && !prev.inFlow ? prev.blockIndent + 1 : undefined;
      if (!(blank && threshold !== undefined && p - lineStart >= threshold)) {
        fail(p, 'a tab where the indentation of a line ends (even on an empty line) is refused by Helm; use spaces');
      }
    }
    lineStart = lineEnd + 1;
  }
  return edits;
}

/** The `yaml` package's options for reading as go-yaml v2 does (exported for the tests that compare with it). */
export const PARSE_OPTIONS = {
  schema: 'failsafe',
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
  version: '1.1',
  strict: false,
  logLevel: 'silent',
} as const;

function failer(text: string, source: string | undefined): (offset: number, reason: string) => never {
  return (offset, reason) => {
    if (offset < 0) throw new YamlError(source, 0, 0, reason);
    const { line, column } = lineCol(text, offset);
    throw new YamlError(source, line, column, reason);
  };
}

/**
 * Reasons of the `yaml` package that quote the file's text (a token, a tag,
 * a block scalar header): the file may hold secrets, so the quote is replaced
 * by what is wrong there. The position still points at it.
 */
const QUOTING_REASONS: readonly [RegExp, string][] = [
  [/^Not a YAML token\b.*/, 'not a YAML token here (after a block scalar header "|" or ">" only a comment may follow on its line)'],
  [
    /^Block scalar header includes extra characters\b.*/,
    'a block scalar header is "|" or ">" with at most an indentation digit (1-9) and "-" or "+"; put the text on the next lines',
  ],
  [/^(Could not resolve tag|Not a valid tag|Unresolved tag|Verbatim tags aren't resolved)\b.*/, 'a tag here cannot be read'],
  [/^The \S+ tag has no suffix.*/, 'a tag here has no suffix'],
  [/^Ordered maps must not include duplicate keys\b.*/, 'ordered maps must not include duplicate keys'],
  [/^Unresolved plain scalar\b.*/, 'a plain scalar here cannot be read'],
  [/^Invalid escape sequence\b.*/, 'an invalid escape sequence in a double-quoted string (write a backslash as "\\\\")'],
  [/^Unexpected (?!,|\S+ token$|\S+ at node end$)\S.* in (\S+)$/, 'unexpected text in $1'],
];

/** The reason of a `yaml` package error, without the source snippet or the text of the file it may carry. */
function reasonOf(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const known = QUOTING_REASONS.find(([re]) => re.test(first));
  return known ? first.replace(known[0], known[1]) : first.replace(/'[^']*'|"[^"]*"/g, '(…)');
}

function decodeDocument(doc: Document, text: string, source: string | undefined): unknown {
  const fail = failer(text, source);
  const error = doc.errors[0];
  if (error) fail(error.pos?.[0] ?? 0, reasonOf(error.message));
  const value = new Decoder(doc, fail).decode(doc.contents as Node | null);
  Decoder.checkFinite(value, fail);
  return value;
}

/** The parts of the `yaml` package's Composer (2.x) that keepFirstErrors changes: private in its types. */
interface ComposerInternals {
  onError: (source: unknown, code: string, message: string, warning?: boolean) => void;
  errors: unknown[];
  warnings: unknown[];
}

/**
 * Makes a Composer keep only the first error (and the first warning) of each document: only the first is reported
 * (decodeDocument), and composing each of a million bad tokens as an Error with a stack trace costs seconds per
 * 100 KB. The Composer collects a document's errors in `errors` and hands that list to one document as a whole, so
 * the first error of every document stays what it is without this. (If a later `yaml` changes these internals,
 * the Composer is left as it is: slower on broken text, never different.)
 */
function keepFirstErrors(composer: Composer): Composer {
  const c = composer as unknown as Partial<ComposerInternals>;
  const record = c.onError;
  if (typeof record !== 'function' || !Array.isArray(c.errors) || !Array.isArray(c.warnings)) return composer;
  c.onError = (source, code, message, warning) => {
    if ((warning ? c.warnings : c.errors)?.length === 0) record(source, code, message, warning);
  };
  return composer;
}

/**
 * The documents of a text, as `parseAllDocuments(text, PARSE_OPTIONS)` composes them, except that each document
 * holds at most its first error and its first warning. `tokens`, if given, are the text's CST tokens
 * (`new Parser().parse(text)`, which parseAllDocuments composes too): the text is then not parsed again.
 * Exported for tests.
 */
export function documentsOf(text: string, tokens?: Iterable<unknown>): Document[] {
  const cst = (tokens ?? new Parser().parse(text)) as Iterable<CST.Token>;
  return Array.from(keepFirstErrors(new Composer(PARSE_OPTIONS)).compose(cst)) as Document[];
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Parses the first document of a YAML stream as Helm reads a values file
 * (null for an empty stream). Later documents are ignored, as by Helm.
 * @throws YamlError
 */
export function parseYaml(text: string, options: YamlOptions = {}): unknown {
  const body = stripBom(text);
  checkCharacters(body, failer(body, options.source));
  checkNesting(body, failer(body, options.source));
  return readBounded(body, options.source, false, (part, cst) => {
    const read = goYamlSyntax(part, failer(part, options.source), false, cst);
    const [first] = documentsOf(read.text, read.tokens);
    return first ? decodeDocument(first, read.text, options.source) : null;
  });
}

/**
 * Parses every document of a stream (e.g. rendered manifests, which the
 * Kubernetes tools read with the same go-yaml v2 rules), skipping empty ones.
 * @throws YamlError
 */
export function parseYamlDocuments(text: string, options: YamlOptions = {}): unknown[] {
  const body = stripBom(text);
  checkCharacters(body, failer(body, options.source));
  checkNesting(body, failer(body, options.source));
  return readBounded(body, options.source, true, (part, cst) => {
    const read = goYamlSyntax(part, failer(part, options.source), true, cst);
    const out: unknown[] = [];
    for (const doc of documentsOf(read.text, read.tokens)) {
      const value = decodeDocument(doc, read.text, options.source);
      if (value !== null && value !== undefined) out.push(value);
    }
    return out;
  });
}

/**
 * Parses a values file as Helm does: the first document must be a map (or
 * empty: `{}`).
 * @throws YamlError (with `source` as the file name)
 */
export function parseValuesYaml(text: string, options: YamlOptions = {}): Record<string, unknown> {
  if (/^\uFEFF?USER-SUPPLIED VALUES:[ \t]*\r?(\n|$)/.test(text)) {
    throw new YamlError(
      options.source,
      1,
      1,
      '"USER-SUPPLIED VALUES:" is the header `helm get values` prints without -o yaml: save the values with `helm get values RELEASE -o yaml`, or delete that first line',
    );
  }
  const value = parseYaml(text, options);
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value)
      ? 'a list'
      : typeof value === 'string'
        ? 'a string'
        : typeof value === 'number'
          ? 'a number'
          : 'a boolean';
    throw new YamlError(options.source, 0, 0, `a values file must hold a map of values at the top level, not ${what}`);
  }
  return value as Record<string, unknown>;
}

/**
 * Reads a single-line string as the scalar it would be in a YAML file
 * (`"2"` → 2, `"yes"` → true); anything else (and null, .inf, .nan) stays the string.
 */
export function parseYamlScalar(text: string): unknown {
  if (text.includes('\n')) return text;
  try {
    const v = parseYaml(text);
    return v === null || typeof v === 'object' ? text : v;
  } catch {
    return text;
  }
}
