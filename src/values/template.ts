/**
 * The subset of Helm's Go templates that chart users write in `extraObjects`
 * and `pod.containerSecurityContext`:
 *
 * - `{{ .Release.Name }}`, `{{ .Release.Namespace }}`, `{{ .Chart.Name }}` (`.Version`, `.AppVersion`),
 *   `{{ .Values.a.b }}`, `$` for the root;
 * - `{{ include "rstudio-pm.fullname" . }}` and `rstudio-pm.name`, `.labels`,
 *   `.selectorLabels`, `.chart`, `.serviceAccountName`;
 * - `{{ if X }}…{{ else if Y }}…{{ else }}…{{ end }}`, with `not`, `and`, `or`, `eq`, `ne`, `empty`;
 * - pipelines with `printf`, `quote`, `squote`, `default`, `required`, `upper`, `lower`,
 *   `trim`, `trimPrefix`, `trimSuffix`, `trunc`, `replace`, `toString`, `indent`, `nindent`,
 *   `toYaml`, `b64enc`, `b64dec`; `{{-`/`-}}` trimming; comments.
 *
 * Anything else is a `GoTemplateError` naming what is not supported, never text
 * passed through.
 */

import { goIntegerKey } from './go-integers';
import { isStackOverflow } from './intake';
import { stringify } from 'yaml';

/**
 * The longest text a template may produce, in characters: Kubernetes stores
 * no object over about 1.5 MiB, so a longer value can only be a mistake (or
 * an attack: a few nested `replace` calls multiply a value's size).
 */
export const MAX_TEMPLATE_OUTPUT = 1.5 * 1024 * 1024;

/** A template this library cannot evaluate. */
export class GoTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoTemplateError';
  }
}

/**
 * An action as an error message shows it: `{{ … }}` with its string literals
 * replaced by `"…"` (a literal may be a secret: `{{ "S3cret" | nope }}`).
 */
function shownAction(src: string): string {
  return `{{ ${src.replace(/"(?:[^"\\]|\\.)*"?|`[^`]*`?/g, '"…"')} }}`;
}

/** A token as an error message shows it: a string literal is not shown. */
const shownToken = (t: string) => (t.startsWith('"') || t.startsWith('`') ? 'a string' : `"${t}"`);

/** What templates can read. */
export interface TemplateContext {
  readonly release: { readonly name: string; readonly namespace: string };
  readonly chart: { readonly name: string; readonly version: string; readonly appVersion: string };
  readonly values: unknown;
  /** The chart's named templates, already computed (`rstudio-pm.fullname` → text). */
  readonly includes: Readonly<Record<string, string>>;
  /** The `--set` integers of the values (int64 for Helm, printed in full), by key path (see go-integers.ts). */
  readonly integers?: ReadonlyMap<string, string>;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: string }
  | { kind: 'if'; branches: { cond: string | undefined; body: Node[] }[] };

interface RawToken {
  kind: 'text' | 'action';
  text: string;
}

/** Splits into text and `{{ … }}` actions, applying `{{-` and `-}}` trimming. */
function lex(src: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      tokens.push({ kind: 'text', text: src.slice(i) });
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src[start] === '-' && /\s/.test(src[start + 1] ?? '')) {
      text = text.trimEnd(); // linear (a /\s+$/ backtracks quadratically on long blank runs)
      start++;
    }
    tokens.push({ kind: 'text', text });
    const close = findClose(src, start);
    if (close < 0) throw new GoTemplateError('unclosed action: "{{" without "}}"');
    let end = close;
    let trimAfter = false;
    if (src[close - 1] === '-' && /\s/.test(src[close - 2] ?? '')) {
      end = close - 1;
      trimAfter = true;
    }
    tokens.push({ kind: 'action', text: src.slice(start, end).trim() });
    i = close + 2;
    if (trimAfter) while (i < src.length && /\s/.test(src[i])) i++;
  }
  return tokens;
}

function findClose(src: string, from: number): number {
  let inString = false;
  for (let i = from; i < src.length - 1; i++) {
    const c = src[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '}' && src[i + 1] === '}') return i;
  }
  return -1;
}

/** Builds the tree of text, actions and if/else blocks. */
function parseTokens(tokens: RawToken[]): Node[] {
  let pos = 0;
  const block = (terminators: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos++];
      if (t.kind === 'text') {
        if (t.text) nodes.push({ kind: 'text', text: t.text });
        continue;
      }
      const a = t.text;
      if (a.startsWith('/*')) {
        if (!a.endsWith('*/')) throw new GoTemplateError(`malformed comment ${shownAction(a)}`);
        continue;
      }
      const word = /^(\w+)\b/.exec(a)?.[1];
      if (word === 'end' || word === 'else') {
        if (!terminators.includes(word)) throw new GoTemplateError(`unexpected ${shownAction(a)}`);
        return { nodes, end: a };
      }
      if (word === 'if') {
        const branches: { cond: string | undefined; body: Node[] }[] = [];
        let cond: string | undefined = a.slice(2).trim();
        for (;;) {
          const inner = block(['else', 'end']);
          branches.push({ cond, body: inner.nodes });
          if (inner.end === 'end') break;
          const rest = inner.end.slice(4).trim();
          if (rest === '') cond = undefined;
          else if (rest.startsWith('if ')) cond = rest.slice(3).trim();
          else throw new GoTemplateError(`unsupported ${shownAction(inner.end)}`);
          if (cond === undefined) {
            const last = block(['end']);
            branches.push({ cond: undefined, body: last.nodes });
            break;
          }
        }
        nodes.push({ kind: 'if', branches });
        continue;
      }
      if (word && ['range', 'with', 'define', 'template', 'block', 'break', 'continue'].includes(word)) {
        throw new GoTemplateError(
          `"{{ ${word} }}" is not supported; supported: values, include, if/else, printf, quote and the functions listed in the docs`,
        );
      }
      nodes.push({ kind: 'action', pipe: a });
    }
    if (terminators.length > 0) throw new GoTemplateError('missing {{ end }}');
    return { nodes, end: '' };
  };
  return block([]).nodes;
}

type Value = unknown;

/** Tokens of one pipeline: strings, numbers, names, `|`, parentheses. */
function tokenizePipe(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new GoTemplateError(`unterminated string in ${shownAction(src)}`);
      out.push(src.slice(i, j + 1));
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw new GoTemplateError(`unterminated string in ${shownAction(src)}`);
      out.push(JSON.stringify(src.slice(i + 1, j)));
      i = j + 1;
    } else if (c === '|' || c === '(' || c === ')') {
      out.push(c);
      i++;
    } else {
      let j = i;
      while (j < src.length && !/[\s|()"]/.test(src[j])) j++;
      out.push(src.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** Go's template truth: false, 0, nil and empty strings, maps and lists are false. */
export function truthy(v: Value): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** How Go prints a value with `{{ }}` / `%v`. */
function print(v: Value, where: string): string {
  // Go prints "<no value>"; Helm removes that text from what a template renders.
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  throw new GoTemplateError(
    `${where} prints a ${Array.isArray(v) ? 'list' : 'map'}, which Go would write as "map[…]"/"[…]" text; pick a single value`,
  );
}

/**
 * Helm reads YAML numbers as float64, and templates print them as Go's `%v` does (strconv's shortest `%g`): the
 * exponent form below 1e-4 and from 1e6 on, with at least two exponent digits (`1e+06`, `2.5e-07`, `1.5e+10`).
 */
function goNumber(n: number): string {
  if (n === 0 || !Number.isFinite(n)) return String(n);
  const [mantissa, e] = n.toExponential().split('e');
  const exp = Number(e);
  if (exp >= -4 && exp < 6) return String(n);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** How Go's templates print a number or boolean. */
export function goPrint(v: number | boolean): string {
  return typeof v === 'number' ? goNumber(v) : String(v);
}

/** Helm's `toYaml`: sorted keys, no trailing newline; nil is `null`. */
function toYaml(v: Value): string {
  if (v === ROOT) throw new GoTemplateError('toYaml of the whole context is not supported');
  if (v === undefined || v === null) return 'null';
  return stringify(v, { sortMapEntries: true, lineWidth: 0 }).replace(/\n$/, '');
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

function sprintf(format: string, args: Value[], where: string): string {
  let n = 0;
  let length = format.length;
  return format.replace(/%([%sdvq])/g, (_, verb: string) => {
    const text = ((): string => {
      if (verb === '%') return '%';
      const arg = args[n++];
      if (verb === 'q') return goQuote(print(arg, where));
      if (verb === 'd') {
        if (typeof arg !== 'number') return `%!d(${typeof arg}=${print(arg, where)})`;
        return String(Math.trunc(arg));
      }
      return print(arg, where);
    })();
    length += text.length;
    checkLength(length, where);
    return text;
  });
}

// prettier-ignore
const FUNCTIONS = [
  'include', 'printf', 'quote', 'squote', 'default', 'required', 'upper', 'lower', 'trim', 'trimPrefix', 'trimSuffix', 'trunc',
  'replace', 'toString', 'indent', 'nindent', 'toYaml', 'b64enc', 'b64dec', 'not', 'and', 'or', 'eq', 'ne', 'empty',
];

/** Throws when a text of `length` characters would be longer than a template may produce. */
function checkLength(length: number, what: string): void {
  if (length > MAX_TEMPLATE_OUTPUT)
    throw new GoTemplateError(
      `${what} would produce more than ${MAX_TEMPLATE_OUTPUT} characters, more than Kubernetes stores in an object`,
    );
}

class Evaluator {
  constructor(private readonly ctx: TemplateContext) {}

  /** Evaluates one pipeline to a value. */
  pipeline(src: string): Value {
    const tokens = tokenizePipe(src);
    let pos = 0;
    const parsePipeline = (): Value => {
      let value = parseCommand(undefined, false);
      while (tokens[pos] === '|') {
        pos++;
        value = parseCommand(value, true);
      }
      return value;
    };
    const parseOperand = (): Value => {
      const t = tokens[pos++];
      if (t === undefined) throw new GoTemplateError(`incomplete ${shownAction(src)}`);
      if (t === '(') {
        const v = parsePipeline();
        if (tokens[pos++] !== ')') throw new GoTemplateError(`missing ")" in ${shownAction(src)}`);
        return v;
      }
      return this.operand(t, src);
    };
    const parseCommand = (piped: Value, hasPiped: boolean): Value => {
      const head = tokens[pos];
      if (head !== undefined && FUNCTIONS.includes(head)) {
        pos++;
        const args: Value[] = [];
        while (pos < tokens.length && tokens[pos] !== '|' && tokens[pos] !== ')') args.push(parseOperand());
        if (hasPiped) args.push(piped);
        return this.call(head, args, src);
      }
      if (head !== undefined && /^[a-zA-Z]\w*$/.test(head) && !['true', 'false', 'nil'].includes(head)) {
        throw new GoTemplateError(`the function "${head}" is not supported (supported: ${FUNCTIONS.join(', ')})`);
      }
      if (hasPiped)
        throw new GoTemplateError(`cannot pipe into ${head === undefined ? 'nothing' : shownToken(head)} in ${shownAction(src)}`);
      const v = parseOperand();
      if (pos < tokens.length && tokens[pos] !== '|' && tokens[pos] !== ')') {
        throw new GoTemplateError(`unexpected ${shownToken(tokens[pos])} in ${shownAction(src)}`);
      }
      return v;
    };
    const v = parsePipeline();
    if (pos < tokens.length) throw new GoTemplateError(`unexpected ${shownToken(tokens[pos])} in ${shownAction(src)}`);
    return v;
  }

  private operand(t: string, src: string): Value {
    if (t.startsWith('"')) {
      try {
        return JSON.parse(t);
      } catch {
        throw new GoTemplateError(`unsupported escape in a string literal in ${shownAction(src)}`);
      }
    }
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'nil') return null;
    if (t === '.' || t === '$') return ROOT;
    const path = t.startsWith('$.') ? t.slice(1) : t;
    if (!path.startsWith('.'))
      throw new GoTemplateError(`${shownToken(t)} is not supported in ${shownAction(src)} (variables other than $ are not)`);
    const parts = path.slice(1).split('.');
    const [head, ...rest] = parts;
    if (head === 'Values') {
      let cur: Value = this.ctx.values;
      for (const [i, p] of rest.entries()) {
        if (cur === null || cur === undefined) {
          // Go's templates fail on a field of nothing: "nil pointer evaluating interface {}.p".
          const at = ['.Values', ...rest.slice(0, i)].join('.');
          throw new GoTemplateError(
            `${at} is ${cur === null ? 'null' : 'not set'}, so .${p} of it cannot be read (Helm fails too): set ${at}, or test it with if first`,
          );
        }
        if (typeof cur !== 'object' || Array.isArray(cur)) {
          throw new GoTemplateError(`.Values.${rest.join('.')}: cannot read "${p}" of a ${Array.isArray(cur) ? 'list' : typeof cur}`);
        }
        // Own keys only: `.Values.toString` is nothing in Helm, not Object.prototype's function.
        cur = Object.prototype.hasOwnProperty.call(cur, p) ? (cur as Record<string, Value>)[p] : undefined;
      }
      return cur;
    }
    if (head === 'Release' && rest.length === 1) {
      if (rest[0] === 'Name') return this.ctx.release.name;
      if (rest[0] === 'Namespace') return this.ctx.release.namespace;
      if (rest[0] === 'Service') return 'Helm';
    }
    if (head === 'Chart' && rest.length === 1) {
      if (rest[0] === 'Name') return this.ctx.chart.name;
      if (rest[0] === 'Version') return this.ctx.chart.version;
      if (rest[0] === 'AppVersion') return this.ctx.chart.appVersion;
    }
    throw new GoTemplateError(
      `"${t}" is not supported (supported: .Values.*, .Release.Name, .Release.Namespace, .Chart.Name, .Chart.Version, .Chart.AppVersion)`,
    );
  }

  private call(fn: string, args: Value[], src: string): Value {
    const result = this.apply(fn, args, src);
    if (typeof result === 'string') checkLength(result.length, shownAction(src));
    return result;
  }

  private apply(fn: string, args: Value[], src: string): Value {
    const where = shownAction(src);
    const str = (v: Value) => (typeof v === 'string' ? v : print(v, where));
    const arity = (n: number) => {
      if (args.length !== n) throw new GoTemplateError(`${fn} takes ${n} argument${n === 1 ? '' : 's'} in ${where}`);
    };
    switch (fn) {
      case 'include': {
        arity(2);
        const name = args[0];
        if (typeof name !== 'string' || !(name in this.ctx.includes)) {
          throw new GoTemplateError(
            `include of ${typeof name === 'string' ? 'a template not defined here' : 'something other than a template name'} is not supported (supported: ${Object.keys(
              this.ctx.includes,
            )
              .map((k) => `"${k}"`)
              .join(', ')})`,
          );
        }
        if (args[1] !== ROOT) throw new GoTemplateError(`include must be given the root context "." in ${where}`);
        return this.ctx.includes[name];
      }
      case 'printf':
        if (typeof args[0] !== 'string') throw new GoTemplateError(`printf needs a format string in ${where}`);
        return sprintf(args[0], args.slice(1), where);
      case 'quote':
        // Sprig's quote skips nil arguments.
        return args
          .filter((a) => a !== undefined && a !== null)
          .map((a) => goQuote(str(a)))
          .join(' ');
      case 'squote':
        return args
          .filter((a) => a !== undefined && a !== null)
          .map((a) => `'${str(a)}'`)
          .join(' ');
      case 'default':
        arity(2);
        return truthy(args[1]) ? args[1] : args[0];
      case 'upper':
        arity(1);
        return str(args[0]).toUpperCase();
      case 'lower':
        arity(1);
        return str(args[0]).toLowerCase();
      case 'trim':
        arity(1);
        return str(args[0]).trim();
      case 'trunc': {
        arity(2);
        const n = Number(args[0]);
        const s = str(args[1]);
        return n >= 0 ? s.slice(0, n) : s.slice(n);
      }
      case 'required':
        arity(2);
        if (!truthy(args[1]) && args[1] !== false && args[1] !== 0) throw new GoTemplateError(String(args[0]));
        return args[1];
      case 'trimPrefix': {
        arity(2);
        const prefix = str(args[0]);
        const s = str(args[1]);
        return prefix && s.startsWith(prefix) ? s.slice(prefix.length) : s;
      }
      case 'replace': {
        arity(3);
        const parts = str(args[2]).split(str(args[0]));
        // Checked before joining: nested replace calls grow a value exponentially.
        checkLength(str(args[2]).length + (parts.length - 1) * (str(args[1]).length - str(args[0]).length), where);
        return parts.join(str(args[1]));
      }
      case 'toString':
        arity(1);
        return args[0] === undefined || args[0] === null ? '<nil>' : typeof args[0] === 'object' ? JSON.stringify(args[0]) : str(args[0]);
      case 'toYaml':
        arity(1);
        return toYaml(args[0]);
      case 'b64enc':
        arity(1);
        return Buffer.from(str(args[0]), 'utf8').toString('base64');
      case 'b64dec':
        arity(1);
        return Buffer.from(str(args[0]), 'base64').toString('utf8');
      case 'trimSuffix': {
        arity(2);
        const suffix = str(args[0]);
        const s = str(args[1]);
        return suffix && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s;
      }
      case 'indent':
      case 'nindent': {
        arity(2);
        const n = Number(args[0]);
        if (!Number.isInteger(n) || n < 0) throw new GoTemplateError(`${fn} needs a whole number of spaces of 0 or more in ${where}`);
        const lines = str(args[1]).split('\n').length;
        checkLength(str(args[1]).length + lines * n + 1, where);
        const pad = ' '.repeat(n);
        const body = str(args[1])
          .split('\n')
          .map((l) => pad + l)
          .join('\n');
        return fn === 'nindent' ? `\n${body}` : body;
      }
      case 'not':
        arity(1);
        return !truthy(args[0]);
      case 'empty':
        arity(1);
        return !truthy(args[0]);
      case 'and':
        return args.find((a) => !truthy(a)) ?? args[args.length - 1];
      case 'or':
        return args.find((a) => truthy(a)) ?? args[args.length - 1];
      case 'eq':
      case 'ne': {
        if (args.length < 2) throw new GoTemplateError(`${fn} takes 2 arguments in ${where}`);
        const equal = args.slice(1).some((a) => a === args[0]);
        return fn === 'eq' ? equal : !equal;
      }
      default:
        throw new GoTemplateError(`the function "${fn}" is not supported`);
    }
  }

  render(nodes: Node[]): string {
    let out = '';
    for (const n of nodes) {
      if (n.kind === 'text') out += n.text;
      else if (n.kind === 'action') {
        const v = this.pipeline(n.pipe);
        if (v === ROOT) throw new GoTemplateError(`${shownAction(n.pipe)} prints the whole context`);
        // `{{ .Values.x }}` of a --set integer: Helm's int64, printed in full.
        const field = /^\s*\$?\.Values((?:\.[\w-]+)+)\s*$/.exec(n.pipe);
        const int = typeof v === 'number' && field ? this.ctx.integers?.get(goIntegerKey(field[1].slice(1).split('.'))) : undefined;
        out += int ?? print(v, shownAction(n.pipe));
      } else {
        const branch = n.branches.find((b) => b.cond === undefined || truthy(this.pipeline(b.cond)));
        if (branch) out += this.render(branch.body);
      }
      checkLength(out.length, 'the template');
    }
    return out;
  }
}

const ROOT = Symbol('root context');

/** True when a string holds template actions. */
export function isTemplate(s: string): boolean {
  return s.includes('{{');
}

/** Evaluates a template string. @throws GoTemplateError for what is not supported */
export function renderGoTemplate(template: string, ctx: TemplateContext): string {
  try {
    return new Evaluator(ctx).render(parseTokens(lex(template)));
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    throw new GoTemplateError('actions are nested deeper than this reader follows (a few thousand levels): flatten the template');
  }
}
