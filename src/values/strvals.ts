/**
 * Helm 3.16.4's `--set` family (its pkg/strvals), reimplemented rule for rule:
 *
 * - `--set` types values: `true`/`false`/`null` in any case, `0`, and
 *   integers that fit int64 and do not start with `0` (`+1` is 1, `007` stays
 *   "007", `1.5` and `1e3` stay strings, 9223372036854775808 stays a string);
 *   `null` sets a null, which later deletes the chart's default.
 * - `--set-string`: every value is a string. `--set-file`: every value is a
 *   path whose file's content becomes the string (`-` is stdin).
 * - `--set-json`: every value is JSON (an empty value is null).
 * - `--set-literal`: one key; the value is everything after the first `=`.
 * - Commas separate `key=value` items; `\` escapes the next character in
 *   keys and values (`\,`, `\.`, `\\`); `a.b` nests maps; `a[0]` indexes a
 *   list (at most index 65536; gaps are null); `a[0].b`, `a[0][1]` nest;
 *   `{x,y}` is a list; `a=` is the empty string; keys nest at most 30 deep.
 * - Like Helm, an expression fails when it treats a value of another type as
 *   a map or list (`a=1,a.b=2`), and `=b` or `.a=1` silently set nothing.
 *
 * Maps are plain objects; a key such as `__proto__` is stored as an own
 * property (never the prototype), as Helm stores any key.
 */
import { isStackOverflow } from './intake';
import { withoutCredentials } from '../config/secrets';
import { goEqualFold, goParseInt } from './go-text';
import { isPlainObject, setOwn } from '../leaf/objects';

/** The `--set` flags, in the order Helm applies them after the values files. */
export const SET_FLAGS = ['--set-json', '--set', '--set-string', '--set-file', '--set-literal'] as const;
export type SetFlag = (typeof SET_FLAGS)[number];

/** Largest list index a `--set` may use. */
export const MAX_INDEX = 65536;
/** Deepest nesting of a `--set` key. */
export const MAX_NESTED_NAME_LEVEL = 30;

/** A `--set` expression Helm would refuse. The message names the flag and the expression (its values elided). */
export class SetValueError extends Error {
  constructor(
    readonly flag: SetFlag,
    /** The expression with its values replaced by `…` (they may be secrets); `--set-file` paths are kept. */
    readonly expression: string,
    readonly reason: string,
  ) {
    super(`${flag} ${JSON.stringify(expression)}: ${reason}`);
    this.name = 'SetValueError';
  }
}

/** Options of {@link applySetFlag}. */
export interface SetOptions {
  /** Reads a `--set-file` path (`-` means stdin); must throw an Error naming the problem if it cannot. */
  readonly readFile?: (path: string) => string;
}

const EOF = Symbol('EOF');
type Stop = string | typeof EOF;

/** Thrown inside the parser; turned into a SetValueError by applySetFlag. */
class Fail extends Error {}
/** Go's io.EOF returned as an error value: ends the parse without error. */
class EndOfInput extends Error {}

function describeType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isPlainObject(v)) return 'a map';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  return 'a boolean';
}

/** Helm's `set`: an empty key sets nothing. */
function set(data: Record<string, unknown>, key: string, value: unknown): void {
  if (key.length === 0) return;
  setOwn(data, key, value);
}

/** `--set` typing (Helm's typedVal). */
export function typedSetValue(text: string): unknown {
  if (goEqualFold(text, 'true')) return true;
  if (goEqualFold(text, 'false')) return false;
  if (goEqualFold(text, 'null')) return null;
  if (text === '0') return 0;
  if (text.length > 0 && text[0] !== '0') {
    const n = goParseInt(text, 10);
    if (n !== undefined) return Number(n);
  }
  return text;
}

function setIndex(list: unknown[], index: number, value: unknown): unknown[] {
  if (index < 0) throw new Fail(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) throw new Fail(`index ${index} is greater than the maximum supported index of ${MAX_INDEX}`);
  while (list.length <= index) list.push(null);
  list[index] = value;
  return list;
}

/** `strconv.Atoi` of a list index. */
function atoi(text: string): number {
  const n = goParseInt(text, 10);
  if (n === undefined) throw new Fail(`list index ${JSON.stringify(text)} is not an integer`);
  return Number(n);
}

type Mode = 'typed' | 'string' | 'json' | 'file' | 'literal';

/** A `--set` integer, as its int64 text: what {@link setIntegers} finds in the parse. */
class SetInteger {
  constructor(readonly text: string) {}
}

class Parser {
  private pos = 0;
  /** Rune ranges holding values, elided in error messages. */
  readonly valueSpans: [number, number][] = [];
  /** Key path of the item being parsed, for error messages. */
  private path: string[] = [];
  /** Where the item being parsed starts. */
  itemStart = 0;

  constructor(
    private readonly runes: string[],
    private readonly data: Record<string, unknown>,
    private readonly mode: Mode,
    private readonly readFile: (path: string) => string,
    private readonly boxIntegers = false,
  ) {}

  get where(): string {
    return this.path.join('').replace(/^\./, '');
  }

  private read(): Stop {
    return this.pos < this.runes.length ? this.runes[this.pos++] : EOF;
  }

  private unread(): void {
    this.pos--;
  }

  /** Reads up to a stop rune (consumed); `\` escapes the next rune unless literal. */
  private until(stop: string, escapes = this.mode !== 'literal'): { text: string; last: Stop } {
    let text = '';
    for (;;) {
      const r = this.read();
      if (r === EOF) return { text, last: EOF };
      if (stop.includes(r)) return { text, last: r };
      if (r === '\\' && escapes) {
        const next = this.read();
        if (next === EOF) return { text, last: EOF };
        text += next;
      } else text += r;
    }
  }

  parse(): void {
    for (;;) {
      try {
        this.path = [];
        this.itemStart = this.pos;
        this.key(this.data, 0);
      } catch (e) {
        if (e instanceof EndOfInput) return;
        throw e;
      }
    }
  }

  private value(text: string): unknown {
    switch (this.mode) {
      case 'typed': {
        const v = typedSetValue(text);
        return this.boxIntegers && typeof v === 'number' ? new SetInteger(String(goParseInt(text, 10))) : v;
      }
      case 'file':
        return this.readFile(text);
      default:
        return text;
    }
  }

  /** A plain value up to the next comma (consumed). */
  private val(): string {
    const start = this.pos;
    const { text, last } = this.until(',');
    this.valueSpans.push([start, last === EOF ? this.pos : this.pos - 1]);
    return text;
  }

  /** `{a,b}`, or undefined when the value is not a list; EndOfInput when nothing follows `=`. */
  private valList(): unknown[] | undefined {
    const r = this.read();
    if (r === EOF) throw new EndOfInput();
    if (r !== '{') {
      this.unread();
      return undefined;
    }
    const start = this.pos - 1;
    const list: unknown[] = [];
    for (;;) {
      const { text, last } = this.until(',}');
      if (last === EOF) {
        this.valueSpans.push([start, this.pos]);
        throw new Fail("list must terminate with '}'");
      }
      if (last === '}') {
        this.valueSpans.push([start, this.pos]);
        const next = this.read();
        if (next !== EOF && next !== ',') this.unread();
        list.push(this.value(text));
        return list;
      }
      list.push(this.value(text));
    }
  }

  /** For --set-json: skips spaces; true (and consumes it) at a comma or the end. */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.read();
      if (r === EOF || r === ',') return true;
      // Go's unicode.IsSpace
      if (!((/^\s$/u.test(r) && r !== '\ufeff') || r === '\u0085')) {
        this.unread();
        return false;
      }
    }
  }

  /** One JSON value, as Go's json.Decoder reads the first value of the rest of the line. */
  private jsonValue(): unknown {
    const reader = new JsonReader(this.runes, this.pos);
    try {
      const value = reader.value();
      this.valueSpans.push([this.pos, reader.pos]);
      this.pos = reader.pos;
      return value;
    } catch (e) {
      this.valueSpans.push([this.pos, this.runes.length]);
      throw e;
    }
  }

  /**
   * The `=` of a key: reads and sets its value, then returns to go on with
   * the next item. Nothing after `=` sets "" and, for a map key (not a list
   * item), ends the parse, as in Helm.
   */
  private assign(apply: (value: unknown) => void, endsAtEof: boolean): void {
    if (this.mode === 'json') {
      if (this.emptyVal()) return apply(null);
      apply(this.jsonValue());
      this.emptyVal();
      return;
    }
    if (this.mode === 'literal') {
      const start = this.pos;
      const text = this.runes.slice(this.pos).join('');
      this.pos = this.runes.length;
      this.valueSpans.push([start, this.pos]);
      return apply(text);
    }
    let list: unknown[] | undefined;
    try {
      list = this.valList();
    } catch (e) {
      if (e instanceof EndOfInput) {
        apply('');
        if (endsAtEof) throw e;
        return;
      }
      throw e;
    }
    if (list !== undefined) return apply(list);
    apply(this.value(this.val()));
  }

  private key(data: Record<string, unknown>, nestedNameLevel: number): void {
    const stops = this.mode === 'literal' ? '=[.' : '=[,.';
    const { text: k, last } = this.until(stops);
    if (last === EOF) {
      if (k.length === 0) throw new EndOfInput();
      this.path.push(`.${k}`);
      throw new Fail(`key "${this.where}" has no value`);
    }
    this.path.push(`.${k}`);
    const here = this.where;
    if (last === '[') {
      const i = this.keyIndex();
      let list: unknown[] = [];
      if (Object.hasOwn(data, k)) {
        const existing = data[k];
        if (!Array.isArray(existing)) throw new Fail(`"${here}" holds ${describeType(existing)}, not a list`);
        list = existing;
      }
      this.path.push(`[${i}]`);
      try {
        list = this.listItem(list, i, nestedNameLevel);
      } finally {
        set(data, k, list);
      }
      return;
    }
    if (last === '=') return this.assign((v) => set(data, k, v), true);
    if (last === ',') {
      set(data, k, '');
      throw new Fail(`key "${here}" has no value (cannot end with ,)`);
    }
    // '.'
    nestedNameLevel++;
    if (nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
      throw new Fail(`the key is nested deeper than the maximum of ${MAX_NESTED_NAME_LEVEL} levels`);
    }
    let inner: Record<string, unknown> = {};
    if (Object.hasOwn(data, k)) {
      const existing = data[k];
      if (!isPlainObject(existing)) throw new Fail(`"${here}" holds ${describeType(existing)}, not a map`);
      inner = existing;
    }
    let ended = false;
    try {
      this.key(inner, nestedNameLevel);
    } catch (e) {
      if (!(e instanceof EndOfInput)) throw e;
      ended = true;
    }
    if (!ended && Object.keys(inner).length === 0) throw new Fail(`key map "${here}" has no value`);
    if (Object.keys(inner).length !== 0) set(data, k, inner);
    if (ended) throw new EndOfInput();
  }

  private keyIndex(): number {
    const { text, last } = this.until(']');
    if (last === EOF) throw new Fail(`list index of "${this.where}" is not closed with ]`);
    return atoi(text);
  }

  private listItem(list: unknown[], i: number, nestedNameLevel: number): unknown[] {
    if (i < 0) throw new Fail(`negative ${i} index not allowed`);
    const { text: k, last } = this.until('[.=');
    if (k.length > 0) throw new Fail(`unexpected ${JSON.stringify(k)} after the list index of "${this.where}"`);
    if (last === EOF) throw new EndOfInput();
    if (last === '=') {
      let result = list;
      this.assign((v) => {
        result = setIndex(list, i, v);
      }, false);
      return result;
    }
    if (last === '[') {
      const nextI = this.keyIndex();
      let current: unknown[] = [];
      if (list.length > i && list[i] !== null && list[i] !== undefined) {
        const existing = list[i];
        if (!Array.isArray(existing)) throw new Fail(`"${this.where}" holds ${describeType(existing)}, not a list`);
        current = existing;
      }
      this.path.push(`[${nextI}]`);
      const list2 = this.listItem(current, nextI, nestedNameLevel);
      return setIndex(list, i, list2);
    }
    // '.': a map in the list
    let inner: Record<string, unknown> = {};
    if (list.length > i) {
      if (isPlainObject(list[i])) inner = list[i] as Record<string, unknown>;
      else list[i] = inner; // Helm replaces a non-map item
    }
    this.key(inner, nestedNameLevel);
    return setIndex(list, i, inner);
  }
}

/** Go's json.Decoder reading one value from a position; numbers become float64. */
class JsonReader {
  constructor(
    private readonly runes: string[],
    public pos: number,
  ) {}

  private fail(what: string): never {
    throw new Fail(`not valid JSON: ${what}`);
  }

  private peek(): string | undefined {
    return this.runes[this.pos];
  }

  private skipSpace(): void {
    while (this.pos < this.runes.length && ' \t\r\n'.includes(this.runes[this.pos])) this.pos++;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.peek();
    if (c === undefined) this.fail('unexpected end of value');
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (c === word[0]) {
        for (const ch of word) {
          if (this.runes[this.pos] !== ch) this.fail(`invalid literal (expected ${word})`);
          this.pos++;
        }
        return v;
      }
    }
    return this.fail(`invalid character ${JSON.stringify(c)} looking for beginning of value`);
  }

  private object(): Record<string, unknown> {
    this.pos++;
    const out: Record<string, unknown> = {};
    this.skipSpace();
    if (this.peek() === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.peek() !== '"') this.fail('object key must be a string');
      const key = this.string();
      this.skipSpace();
      if (this.peek() !== ':') this.fail('expected : after object key');
      this.pos++;
      setOwn(out, key, this.value());
      this.skipSpace();
      const c = this.peek();
      this.pos++;
      if (c === '}') return out;
      if (c !== ',') this.fail('expected , or } after object value');
    }
  }

  private array(): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    this.skipSpace();
    if (this.peek() === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipSpace();
      const c = this.peek();
      this.pos++;
      if (c === ']') return out;
      if (c !== ',') this.fail('expected , or ] after array element');
    }
  }

  private string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.runes[this.pos++];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') return out;
      if (c < ' ') this.fail('control character in string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.runes[this.pos++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        continue;
      }
      if (e !== 'u') this.fail('invalid escape in string');
      const hex = () => {
        const h = this.runes.slice(this.pos, this.pos + 4).join('');
        if (!/^[0-9a-fA-F]{4}$/.test(h)) this.fail('invalid \\u escape in string');
        this.pos += 4;
        return parseInt(h, 16);
      };
      const u = hex();
      if (u >= 0xd800 && u < 0xdc00 && this.runes[this.pos] === '\\' && this.runes[this.pos + 1] === 'u') {
        const save = this.pos;
        this.pos += 2;
        const lo = hex();
        if (lo >= 0xdc00 && lo < 0xe000) {
          out += String.fromCharCode(u, lo);
          continue;
        }
        this.pos = save;
      }
      // Go replaces a lone surrogate with U+FFFD.
      out += u >= 0xd800 && u < 0xe000 ? '\ufffd' : String.fromCharCode(u);
    }
  }

  private number(): number {
    const rest = this.runes.slice(this.pos, this.pos + 400).join('');
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(rest);
    if (!m) this.fail('invalid number');
    // Go reports a malformed number ("1." or "1e") instead of stopping before it.
    const after = rest[m[0].length];
    if ((after === '.' && !m[0].includes('.') && !/[eE]/.test(m[0])) || ((after === 'e' || after === 'E') && !/[eE]/.test(m[0]))) {
      this.fail('invalid number');
    }
    this.pos += m[0].length;
    const v = Number(m[0]);
    if (!Number.isFinite(v)) this.fail(`number ${m[0]} is out of range`);
    return v;
  }
}

/**
 * The expression for an error message: the items before the failing one with
 * their values replaced by `…`, then the failing item's key and `=…`
 * (anything after the `=` of the failing item is left out).
 */
function elide(runes: string[], spans: [number, number][], itemStart: number, literal: boolean): string {
  const hidden = new Array<boolean>(runes.length).fill(false);
  for (const [a, b] of spans) for (let i = a; i < b && i < runes.length; i++) hidden[i] = true;
  let out = '';
  for (let i = 0; i < itemStart; i++) {
    if (!hidden[i]) out += runes[i];
    else if (i === 0 || !hidden[i - 1]) out += '…';
  }
  for (let i = itemStart; i < runes.length; i++) {
    if (runes[i] === '\\' && !literal) {
      out += runes[i] + (runes[i + 1] ?? '');
      i++;
    } else if (runes[i] === '=') return `${out}=…`;
    else out += runes[i];
  }
  return out;
}

/** Why an item after a "," with no "=" fails, without showing it. */
const AFTER_COMMA =
  'the text after a "," (not shown: it may be the rest of a value) has no "=": Helm reads "," as the start of the next key=value; write a comma in a value as "\\,", or use --set-literal';

/** Why text right after a value with no "=" fails (`--set-json a=01`: the JSON value ends after 0), without showing it. */
const AFTER_VALUE =
  'the text after the value (not shown: it may be the rest of it) has no "=": it is read as the next key, which has no value';

/** Whether the item starting at `start` has an unescaped `=`. */
function hasAssignment(runes: readonly string[], start: number, literal: boolean): boolean {
  for (let i = start; i < runes.length; i++) {
    if (runes[i] === '\\' && !literal) i++;
    else if (runes[i] === '=') return true;
  }
  return false;
}

const MODES: Record<SetFlag, Mode> = {
  '--set': 'typed',
  '--set-string': 'string',
  '--set-json': 'json',
  '--set-file': 'file',
  '--set-literal': 'literal',
};

/**
 * Applies one `--set…` flag's expression to `dest` (changed in place), as
 * Helm's strvals.ParseInto and its siblings do.
 * @throws SetValueError naming the flag, the expression (values elided) and the problem
 */
export function applySetFlag(dest: Record<string, unknown>, flag: SetFlag, expression: string, options: SetOptions = {}): void {
  const runes = Array.from(expression);
  const readFile =
    options.readFile ??
    (() => {
      throw new Error('reading files is not available here');
    });
  const parser = new Parser(runes, dest, MODES[flag], (path) => {
    try {
      return readFile(path);
    } catch (e) {
      throw new Fail((e as Error).message);
    }
  });
  try {
    try {
      parser.parse();
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      throw new Fail('the value is nested deeper than this reader follows (a few thousand levels): flatten it');
    }
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    // Values may be secrets (not so for --set-file, whose values are paths).
    const shown =
      flag === '--set-file' ? withoutCredentials(expression) : elide(runes, parser.valueSpans, parser.itemStart, flag === '--set-literal');
    // An item after a "," with no "=" is most likely the rest of the value before it (`key=abc,S3cret`): not shown.
    if (flag !== '--set-file' && parser.itemStart > 0 && !hasAssignment(runes, parser.itemStart, flag === '--set-literal')) {
      const reason = runes[parser.itemStart - 1] === ',' ? AFTER_COMMA : AFTER_VALUE;
      throw new SetValueError(
        flag,
        `${Array.from(shown)
          .slice(0, parser.itemStart - runes.length)
          .join('')}…`,
        reason,
      );
    }
    throw new SetValueError(flag, shown, e.message);
  }
}

/** Parses one `--set…` expression into a new map. */
export function parseSetFlag(flag: SetFlag, expression: string, options: SetOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  applySetFlag(out, flag, expression, options);
  return out;
}

/**
 * The integers one `--set` expression sets, by key path, each as its int64 text: Helm keeps them as int64, which
 * templates print in full (`1000000`, where a values file's float64 prints `1e+06`). Call it on an expression that
 * `applySetFlag` has taken.
 */
export function setIntegers(expression: string): { path: (string | number)[]; text: string }[] {
  const out: Record<string, unknown> = {};
  const parser = new Parser(Array.from(expression), out, 'typed', () => '', true);
  try {
    parser.parse();
  } catch {
    return [];
  }
  const found: { path: (string | number)[]; text: string }[] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (v instanceof SetInteger) found.push({ path, text: v.text });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(out, []);
  return found;
}
