/**
 * A YAML writer for JSON-like manifests that produces exactly the bytes `cdk8s synth` writes for a chart,
 * i.e. what cdk8s's `Yaml.stringify(...docs)` returns: each document through yaml@2 `stringify(doc,
 * { keepUndefined: true, lineWidth: 0, version: '1.1' })`, joined by `---\n`. No document model, no
 * dependency: strings are built directly, with yaml@2's choice of scalar style reproduced rule for rule.
 *
 * Style rules (yaml@2.9 with those options):
 * - Maps and lists are block style, lists indented under their key (`key:\n  - a`), maps inside lists in the
 *   compact form (`- a: 1\n  b: 2`); an empty map or list is `{}` / `[]`.
 * - `null` and `undefined` (in a map or a list) are `null`; an `undefined` document is an empty line.
 * - Numbers: `JSON.stringify` form (`1e+21`), `-0`, `.nan`, `.inf`, `-.inf`.
 * - A string is plain unless it is `-` or `?`, starts with `- `, `? `, one of `,[]{}#&*!|>'"%@`, a backquote, a
 *   space, tab or line break, contains `: ` or ` #`, ends with a space or `:`, would read as another YAML 1.1
 *   type (null `~` and the empty string, bool `y` `yes` `on` `off`…, int `0x1F` `0755` `0b1` `1_0` `12:30`, float `1e3` `.inf`
 *   `.`, timestamps; but not `<<`, which yaml@2 writes plain as the merge key), or is a top-level key that starts
 *   with `---` or `...` (a bare-string document starting so becomes a block scalar).
 *   Quoted strings use double quotes (JSON escapes plus `\0 \a \v \e \xNN`, a space before a newline as `\ `)
 *   unless they contain `"` and no `'`: then single quotes. Control characters force double quotes.
 * - A multi-line string that is not a key is a literal block scalar (`|`, `|-`, `|+`, with an indentation
 *   indicator when it starts with a space) unless its last line is only spaces or tabs: then it is quoted, and a
 *   long enough double-quoted value turns its line breaks into folded lines. Keys are never block scalars.
 * - lineWidth 0: nothing is ever folded for width. A key longer than 1024 characters becomes `? key\n: value`.
 *
 * Shared references: yaml@2 writes an object met twice in one document as an anchor and aliases (`&a1`/`*a1`);
 * `cdk8s synth` never has them (`chart.toJson()` copies every object). This writer writes every occurrence in
 * full, as synth does.
 */

/** A value that is not a JSON-like object, array or scalar, or a cycle. */
export class YamlEmitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEmitError';
  }
}

/** The bytes `cdk8s synth` writes for a chart whose `toJson()` is `manifests`: one YAML document each. */
export function toYamlDocuments(manifests: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < manifests.length; i++) {
    if (i > 0) out += '---\n';
    out += toYamlDocument(manifests[i], i);
  }
  return out;
}

/**
 * One document, as cdk8s's `Yaml.stringify(value)`; `undefined` is an empty document (`\n`).
 * @throws YamlEmitError naming the manifest (`index`) and the path of a value that is not JSON-like data
 */
export function toYamlDocument(value: unknown, index = 0): string {
  if (value === undefined) return '\n';
  try {
    return node(value, '', false, 0) + '\n';
  } catch (e) {
    if (e instanceof YamlEmitError) throw new YamlEmitError(`manifest ${index}${explain(value, '', []) ?? `: ${e.message}`}`);
    throw e;
  }
}

const MAX_DEPTH = 500;

function node(value: unknown, indent: string, implicitKey: boolean, depth: number): string {
  switch (typeof value) {
    case 'string':
      return str(value, indent, implicitKey);
    case 'number':
      return num(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'object':
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) throw new YamlEmitError(`nested more than ${MAX_DEPTH} levels deep`);
      if (Array.isArray(value)) return seq(value, indent, depth + 1);
      if (hasPlainPrototype(value)) return map(value as Record<string, unknown>, indent, depth + 1);
      throw new YamlEmitError(kindOf(value));
    default:
      throw new YamlEmitError(kindOf(value));
  }
}

function hasPlainPrototype(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function seq(items: readonly unknown[], indent: string, depth: number): string {
  const n = items.length;
  if (n === 0) return '[]';
  const itemIndent = indent + '  ';
  const sep = '\n' + indent + '- ';
  let out = '- ' + node(items[0], itemIndent, false, depth);
  for (let i = 1; i < n; i++) out += sep + node(items[i], itemIndent, false, depth);
  return out;
}

function map(obj: Record<string, unknown>, indent: string, depth: number): string {
  const keys = Object.keys(obj);
  const n = keys.length;
  if (n === 0) return '{}';
  const inner = indent + '  ';
  let out = '';
  for (let i = 0; i < n; i++) {
    if (i > 0) out += '\n' + indent;
    const key = keys[i];
    const v = obj[key];
    const k = str(key, inner, true);
    if (k.length > 1024) {
      // yaml@2 switches to an explicit key; the key keeps its implicit-key form.
      out += '? ' + k + '\n' + indent + ': ' + node(v, inner, false, depth);
    } else if (typeof v === 'object' && v !== null) {
      const body = node(v, inner, false, depth);
      out += (Array.isArray(v) ? v.length === 0 : body === '{}') ? k + ': ' + body : k + ':\n' + inner + body;
    } else {
      out += k + ': ' + node(v, inner, false, depth);
    }
  }
  return out;
}

function num(n: number): string {
  if (!isFinite(n)) return n !== n ? '.nan' : n < 0 ? '-.inf' : '.inf';
  if (n === 0 && 1 / n < 0) return '-0';
  return String(n);
}

// --- strings ---------------------------------------------------------------------------------------------

/** Characters yaml@2 never writes plain: C0/C1 controls except tab and LF, DEL, unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Not a valid (or not a faithful) plain scalar: indicator first, `: `, ` #`, trailing space or `:`… */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
/** A plain scalar YAML 1.1 (yaml@2's yaml-1.1 schema) would read as something other than a string. */
const OTHER_TYPE = new RegExp(
  [
    /^(?:~|[Nn]ull|NULL)?$/, // null
    /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, // true
    /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, // false
    /^[-+]?0b[0-1_]+$/, // int, binary
    /^[-+]?0[0-7_]+$/, // int, octal
    /^[-+]?[0-9][0-9_]*$/, // int
    /^[-+]?0x[0-9a-fA-F_]+$/, // int, hex
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, // float, special
    /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, // float, exponent
    /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, // float
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/, // int, sexagesimal
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/, // float, sexagesimal
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/, // timestamp
  ]
    .map((r) => `(?:${r.source})`)
    .join('|'),
);
/** The words among the strings `isSimplePlain` accepts that YAML 1.1 reads as null or a bool. */
const OTHER_TYPE_WORDS = new Set(
  'Null NULL null Y y Yes yes YES True true TRUE On on ON N n No no NO False false FALSE Off off OFF'.split(' '),
);

/**
 * The common case, without regular expressions: a letter or `/` first, then letters, digits and `_./=+-@`, or
 * `:` before another of those. Such a string is plain in any position unless YAML 1.1 reads it as another type;
 * starting with a letter, that can only be a null/bool word or an exponent float like `e5`.
 */
function isSimplePlain(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const c0 = s.charCodeAt(0);
  if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 47)) return false;
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 64 && c <= 90) || (c >= 45 && c <= 57) || c === 95 || c === 61 || c === 43) continue;
    if (c === 58 && i + 1 < n) continue; // ':' not last: the loop checks that what follows is no blank
    return false;
  }
  if (n <= 5 && OTHER_TYPE_WORDS.has(s)) return false;
  return !((c0 === 101 || c0 === 69) && EXPONENT_ONLY.test(s));
}
const EXPONENT_ONLY = /^[eE][-+]?[0-9]+$/;

/**
 * `indent` is the indentation of the lines a multi-line form would continue on (yaml@2's ctx.indent): '' only
 * for a document that is a bare string.
 */
function str(value: string, indent: string, implicitKey: boolean): string {
  if (isSimplePlain(value)) return value;
  if (FORCE_DOUBLE.test(value)) return doubleQuoted(value, indent, implicitKey);
  const multiLine = value.includes('\n');
  if (implicitKey && multiLine) return quoted(value, indent, implicitKey);
  if (NOT_PLAIN.test(value)) return implicitKey || !multiLine ? quoted(value, indent, implicitKey) : block(value, indent, false);
  if (multiLine) return block(value, indent, false);
  if (DOCUMENT_MARKER.test(value)) {
    if (indent === '') return block(value, indent, true);
    if (implicitKey && indent === '  ') return quoted(value, indent, implicitKey);
  }
  if (OTHER_TYPE.test(value)) return quoted(value, indent, implicitKey);
  return value;
}

function quoted(value: string, indent: string, implicitKey: boolean): string {
  return value.includes('"') && !value.includes("'") ? singleQuoted(value, indent, implicitKey) : doubleQuoted(value, indent, implicitKey);
}

function singleQuoted(value: string, indent: string, implicitKey: boolean): string {
  if ((implicitKey && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value, indent, implicitKey);
  const ind = indent || (DOCUMENT_MARKER.test(value) ? '  ' : '');
  return "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${ind}`) + "'";
}

const SHORT_ESCAPES: Record<string, string> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e' };

function doubleQuoted(value: string, indent: string, implicitKey: boolean): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\')) return json;
  const ind = indent || (DOCUMENT_MARKER.test(value) ? '  ' : '');
  // A value of 40+ characters (as JSON) writes each inner line break as a folded line break.
  const fold = !implicitKey && json.length >= 40;
  let out = '';
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    let ch = json[i];
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // a space before a line break is escaped so that it survives folding
      out += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const next = json[i + 1];
    if (next === 'u') {
      out += json.slice(start, i);
      const code = json.substr(i + 2, 4);
      const short = SHORT_ESCAPES[code];
      if (short !== undefined) out += short;
      else if (code.startsWith('00')) out += '\\x' + code.substr(2);
      else out += json.substr(i, 6);
      i += 5;
      start = i + 1;
    } else if (next === 'n') {
      if (!fold || json[i + 2] === '"') {
        i += 1;
      } else {
        out += json.slice(start, i) + '\n\n';
        while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
          out += '\n';
          i += 2;
        }
        out += ind;
        if (json[i + 2] === ' ') out += '\\';
        i += 1;
        start = i + 1;
      }
    } else {
      i += 1;
    }
  }
  return start ? out + json.slice(start) : json;
}

/** Runs of line breaks followed by more content at the end of a block scalar's trailing whitespace. */
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

function block(value: string, indent: string, forceBlockIndent: boolean): string {
  // A last line of only blanks cannot be written as a block scalar.
  if (/\n[\t ]+$/.test(value)) return quoted(value, indent, false);
  const ind = indent || (forceBlockIndent || DOCUMENT_MARKER.test(value) ? '  ' : '');
  if (!value) return '|\n';
  // chomping indicator from the trailing whitespace
  let endStart = value.length;
  while (endStart > 0) {
    const ch = value[endStart - 1];
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
    endStart--;
  }
  let end = value.substring(endStart);
  const endNl = end.indexOf('\n');
  const chomp = endNl === -1 ? '-' : value === end || endNl !== end.length - 1 ? '+' : '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === '\n') end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${ind}`);
  }
  // indentation indicator from the leading whitespace
  let startWithSpace = false;
  let startEnd = 0;
  let startNl = -1;
  for (; startEnd < value.length; startEnd++) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNl = startEnd;
    else break;
  }
  let start = value.substring(0, startNl + 1);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${ind}`);
  }
  const header = (startWithSpace ? (ind ? '2' : '1') : '') + chomp;
  return `|${header}\n${ind}${start}${value.replace(/\n+/g, `$&${ind}`)}${end}`;
}

// --- errors ------------------------------------------------------------------------------------------------

const FIX = 'manifests must be plain JSON-like data (objects, arrays, strings, finite numbers, booleans, null)';

function kindOf(value: unknown): string {
  if (typeof value === 'object' && value !== null) return `a ${value.constructor?.name ?? 'non-plain'} object`;
  return `a ${typeof value}`;
}

/** Where the first value that cannot be written is, and why: `" at spec.x[0]: a Date object …"`. */
function explain(value: unknown, path: string, ancestors: object[]): string | undefined {
  const at = path ? ` at ${path}` : '';
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return `${at}: ${kindOf(value)}; ${FIX}`;
  if (typeof value !== 'object' || value === null) return undefined;
  if (ancestors.includes(value)) return `${at}: a cycle (the object contains itself); ${FIX}`;
  if (ancestors.length >= MAX_DEPTH) return `${at}: nested more than ${MAX_DEPTH} levels deep; ${FIX}`;
  if (!Array.isArray(value) && !hasPlainPrototype(value)) return `${at}: ${kindOf(value)}; ${FIX}`;
  ancestors.push(value);
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [`${path}[${i}]`, v])
    : Object.keys(value).map((k) => [
        /^[A-Za-z_$][\w$]*$/.test(k) ? (path ? `${path}.${k}` : k) : `${path}[${JSON.stringify(k)}]`,
        (value as Record<string, unknown>)[k],
      ]);
  for (const [p, v] of entries) {
    const found = explain(v, p, ancestors);
    if (found) return found;
  }
  ancestors.pop();
  return undefined;
}
