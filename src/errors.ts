/**
 * The one error family of this library, and the pieces of its messages.
 *
 * Every error a caller sees for bad input is a `PackageManagerValidationError`
 * (or a subclass: the values loader's `ValuesError`, the CLI's
 * `ShowOnlyError`), recognized across copies of the library by its brand,
 * each with its `issues`. Other error classes are internal and never reach a
 * caller: the gcfg writer's `GcfgError` and the YAML writer's
 * `YamlEmitError` guard against input the rules already refused; the template
 * engine's `GoTemplateError` and the values reader's syntax errors become
 * issues of a `PackageManagerValidationError`; the CLI's `UsageError` becomes
 * its exit code 2 and a message.
 */
import type { PathSegment } from './leaf/objects';

/** One problem found in the props or values. */
export interface ValidationIssue {
  /** Dotted path of the prop, e.g. `license.file.mountPath` (empty for the whole input). */
  readonly path: string;
  /** What is wrong, what is allowed, and how to fix it. */
  readonly message: string;
  /**
   * Whether `message` shows the bad value: `'shown'` (it ends with `; got <value>`), `'hidden'` (the value may
   * be a secret, so the message says `(hidden: a secret)` instead). Absent when the message is about no single
   * value (it may still name things the input names: a volume, a container, a key). `issueAbout` sets it, and is
   * how every check writes a bad value into a message.
   */
  readonly value?: 'shown' | 'hidden';
}

/** What a message says instead of a value that may be a secret. */
export const HIDDEN_VALUE = '(hidden: a secret)';

/**
 * An issue about a bad value: `expectation` (what is allowed), then the
 * value, unless `secret` says it may be a secret. The one place that writes
 * a value of the input into a message.
 */
export function issueAbout(path: string, expectation: string, value: unknown, secret: boolean): ValidationIssue {
  const hidden = secret && value !== undefined && value !== null;
  return { path, message: `${expectation}; got ${hidden ? HIDDEN_VALUE : describeValue(value)}`, value: hidden ? 'hidden' : 'shown' };
}

const ERROR_BRAND = Symbol.for('cdk8s-posit-package-manager.PackageManagerValidationError');

/** The message lists this many issues at most (`issues` holds every one): the first ones are the ones to fix first. */
export const MAX_LISTED_ISSUES = 50;

/** A path longer than this (a hostile key) is shown by its start. */
const MAX_SHOWN_PATH = 200;

/** An issue's path as messages show it: its start, when very long (a hostile key). */
function shownPath(path: string): string {
  return path.length > MAX_SHOWN_PATH ? `${path.slice(0, MAX_SHOWN_PATH)}… (${path.length} characters)` : path;
}

/**
 * The lines that list `issues` (an error's message, `cdk8s-ppm lint`'s output): the first MAX_LISTED_ISSUES, each
 * `prefix`, the path as shown and the message, then `more(n)` for the n left out.
 */
export function listedIssues(issues: readonly ValidationIssue[], prefix: string, more: (left: number) => string): string[] {
  const lines = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `${prefix}${i.path ? `${shownPath(i.path)}: ` : ''}${i.message}`);
  if (issues.length > MAX_LISTED_ISSUES) lines.push(more(issues.length - MAX_LISTED_ISSUES));
  return lines;
}

/**
 * The one error this library throws for bad input: props or values that
 * would render a broken or wrong manifest, a values file or command line it
 * cannot read, or an unsupported chart version. It is thrown when the
 * construct is created (or by `render`/`fromValues`/`loadValues`) and lists
 * every problem found, each with the path of the prop, what is allowed and
 * the fix; secret values are never part of it.
 */
export class PackageManagerValidationError extends Error {
  /**
   * True for an error of this class, also one thrown by another copy of this
   * library (another realm or a second install), where `instanceof` fails.
   */
  public static isPackageManagerValidationError(x: unknown): x is PackageManagerValidationError {
    return typeof x === 'object' && x !== null && ERROR_BRAND in x;
  }

  /** Every problem found. */
  public readonly issues: readonly ValidationIssue[];

  /**
   * @param issues every problem found
   * @param context what was checked, the start of the message
   * @param options `message` replaces the list of issues (a subclass with one problem of its own), `cause` the error behind it
   */
  constructor(issues: readonly ValidationIssue[], context = 'PackageManager', options: { message?: string; cause?: unknown } = {}) {
    const lines = listedIssues(issues, '  - ', (left) => `  … and ${left} more (the error's issues list them all)`);
    super(options.message ?? `${context}: ${issues.length} invalid value${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`, {
      cause: options.cause,
    });
    Object.defineProperty(this, ERROR_BRAND, { value: true });
    this.name = new.target.name;
    this.issues = issues;
  }
}

/**
 * A values file or `--set` that cannot be used: a `PackageManagerValidationError` whose one issue's path is the
 * file or flag at fault. The message names the file or flag, never the file's content.
 */
export class ValuesError extends PackageManagerValidationError {
  constructor(
    message: string,
    /** The file or flag at fault. */
    readonly source: string,
    options?: { cause?: unknown },
  ) {
    super([{ path: source, message }], 'values', { message, cause: options?.cause });
  }
}

/** Joins path segments the way users write them: `pod.env[0].name`, `containers[rspm].env`, `labels["helm.sh/chart"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'object') out += `[${seg.name}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Splits a path written by `formatPath` back into its segments: `pod.env[0]["a.b"]` → `['pod', 'env', 0, 'a.b']`. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[]+)/g;
  for (const m of path.matchAll(re)) out.push(m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? (JSON.parse(m[2]) as string) : m[3]);
  return out;
}

/** A short, safe rendering of a value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const s = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(s);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a map';
}

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  // Three rows of the table (the swap looks two rows back), not the whole table.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length];
}

/** Names longer than this get no guess: no known name is near that long, and the work stays bounded. */
const MAX_GUESSED_NAME = 64;

/** The known name closest to `name` (case-insensitive, a few edits at most), if any. */
export function closest(name: string, known: readonly string[]): string | undefined {
  if (name.length > MAX_GUESSED_NAME) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  const limit = name.length <= 3 ? 1 : name.length <= 8 ? 2 : 3;
  for (const k of known) {
    // The distance is at least the difference in length: such a name cannot be within the limit.
    if (Math.abs(k.length - name.length) > limit) continue;
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
