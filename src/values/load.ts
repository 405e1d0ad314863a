/**
 * The user values of a command line, merged exactly as Helm 3.16.4's
 * `helm template` merges them (pkg/cli/values/options.go): the `-f` files in
 * order, then every `--set-json`, every `--set`, every `--set-string`, every
 * `--set-file`, every `--set-literal` (each flavour in the order given).
 * The result still holds the user's nulls; coalesce it over the chart's
 * values with `coalesceValues` to get `.Values`.
 */
import { structureProblem } from './intake';
import { readInputFile, readInputStdin } from './read-input';
import { mergeValueLayers } from './coalesce';
import { applySetFlag, setIntegers, SetValueError, type SetFlag } from './strvals';
import { GO_INTEGERS, goIntegerKey } from './go-integers';
import { valueAt } from '../leaf/objects';
import { decodeUtf8LikeGo, invalidUtf8Offset } from './go-text';
import { withoutCredentials } from '../config/secrets';
import { ValuesError } from '../errors';
import { subchartValues } from './subchart';
import { chartRecord, isChartVersion, unsupportedChartVersion } from '../chart-versions';

export { ValuesError } from '../errors';
import { parseValuesYaml, YamlError } from './yaml';

/** A values file given by content rather than by path. */
export interface ValuesText {
  /** Named in error messages. */
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** Options of {@link loadValues}: the value flags of `helm template`, plus how to read files. */
export interface LoadValuesOptions {
  /** `-f/--values`: paths (`-` is stdin) or named contents, merged in order. */
  readonly files?: readonly (string | ValuesText)[];
  /** Values files given as text, merged after `files` (named "values text 1", …). */
  readonly texts?: readonly string[];
  /** `--set key=value,…` (typed values). */
  readonly set?: readonly string[];
  /** `--set-string key=value,…` (string values). */
  readonly setString?: readonly string[];
  /** `--set-file key=path,…` (the file's content as a string). */
  readonly setFile?: readonly string[];
  /** `--set-json key=json,…` (JSON values). */
  readonly setJson?: readonly string[];
  /** `--set-literal key=value` (one key; the value is taken as is). */
  readonly setLiteral?: readonly string[];
  /**
   * `--subchart`: the values are an umbrella chart's; return the ones Helm gives its subchart under this key (the
   * chart name, `rstudio-pm`, or the dependency's alias), with the umbrella's `global` merged in.
   * @default - the values are Package Manager's own
   */
  readonly subchart?: string;
  /**
   * With `subchart`: the chart version whose values.yaml the subchart has (helm 3.16.4 keeps a subchart's default
   * where the umbrella's values have `null`): 0.5.29 or 0.20.4.
   * @default '0.5.29'
   */
  readonly chartVersion?: string;
  /**
   * Reads a file (values files and `--set-file`); throws if it cannot.
   * @default a regular file of at most 4 MiB
   */
  readonly readFile?: (path: string) => string | Uint8Array;
  /**
   * Reads standard input (for `-`).
   * @default standard input, at most 4 MiB
   */
  readonly readStdin?: () => string | Uint8Array;
}

/** Why a file could not be read, without a stack or the content. */
function readProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'E2BIG':
    case 'ENOTREG':
      return err.message;
    default:
      return err?.code ? `cannot be read (${err.code})` : err instanceof Error ? err.message : 'cannot be read';
  }
}

const defaultReadFile = readInputFile;

/** Text of a values file as go-yaml reads it: UTF-8 (BOM allowed) or UTF-16 with a BOM. */
function decodeValuesFile(content: string | Uint8Array, name: string): string {
  if (typeof content === 'string') return content;
  const b = content;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  const bad = invalidUtf8Offset(b);
  if (bad >= 0) throw new ValuesError(`values file ${name}: not UTF-8 text (invalid byte at offset ${bad}); is it a binary file?`, name);
  return Buffer.from(b).toString('utf8');
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Reads and parses one values file (a path, `-`, or named content) as Helm does. */
export function readValuesFile(
  file: string | ValuesText,
  options: Pick<LoadValuesOptions, 'readFile' | 'readStdin'> = {},
): Record<string, unknown> {
  let name: string;
  let content: string | Uint8Array;
  if (typeof file === 'string') {
    name = withoutCredentials(file);
    if (file.trim() === '-') {
      name = '<stdin>';
      content = (options.readStdin ?? readInputStdin)();
    } else if (REMOTE.test(file)) {
      throw new ValuesError(`values file ${name}: remote values files are not supported; download it and give the local path`, name);
    } else {
      try {
        content = (options.readFile ?? defaultReadFile)(file);
      } catch (e) {
        throw new ValuesError(`values file ${name}: ${readProblem(e)}`, name);
      }
    }
  } else {
    name = file.name;
    content = file.content;
  }
  const text = decodeValuesFile(content, name);
  try {
    return parseValuesYaml(text, { source: name });
  } catch (e) {
    if (e instanceof YamlError) throw new ValuesError(`values file ${e.message}`, name, { cause: e });
    throw e;
  }
}

/**
 * Merges the values of a command line as `helm template` does, before the
 * chart's defaults: files, then --set-json, --set, --set-string, --set-file,
 * --set-literal; with `subchart`, then the values Helm gives that subchart of an umbrella.
 * @throws ValuesError naming the file or flag at fault
 */
export function loadValues(options: LoadValuesOptions = {}): Record<string, unknown> {
  const layers = [
    ...(options.files ?? []).map((f) => readValuesFile(f, options)),
    ...(options.texts ?? []).map((content, i) => readValuesFile({ name: `values text ${i + 1}`, content }, options)),
  ];
  const base = mergeValueLayers(layers);
  const readSetFile = (path: string): string => {
    let content: string | Uint8Array;
    try {
      content = path.trim() === '-' ? (options.readStdin ?? readInputStdin)() : (options.readFile ?? defaultReadFile)(path);
    } catch (e) {
      throw new Error(`cannot read file ${JSON.stringify(withoutCredentials(path))}: ${readProblem(e)}`);
    }
    return typeof content === 'string' ? content : decodeUtf8LikeGo(content);
  };
  const flags: [SetFlag, readonly string[] | undefined][] = [
    ['--set-json', options.setJson],
    ['--set', options.set],
    ['--set-string', options.setString],
    ['--set-file', options.setFile],
    ['--set-literal', options.setLiteral],
  ];
  const integers: { path: (string | number)[]; text: string }[] = [];
  for (const [flag, expressions] of flags) {
    for (const expression of expressions ?? []) {
      try {
        applySetFlag(base, flag, expression, { readFile: readSetFile });
      } catch (e) {
        if (e instanceof SetValueError) throw new ValuesError(e.message, flag, { cause: e });
        throw e;
      }
      const problem = structureProblem(base, true);
      if (problem) throw new ValuesError(`${flag}: ${problem.path}: ${problem.message}`, flag);
      if (flag === '--set') integers.push(...setIntegers(expression));
    }
  }
  // The --set integers still in place (a later flag may have replaced them), for the values reader to print in full.
  const kept = new Map<string, string>();
  for (const { path, text } of integers) {
    const v = valueAt(base, path);
    if (typeof v === 'number' && v === Number(text)) kept.set(goIntegerKey(path), text);
  }
  if (kept.size > 0) Object.defineProperty(base, GO_INTEGERS, { value: kept, enumerable: false });
  if (options.subchart === undefined) return base;
  if (options.chartVersion !== undefined && !isChartVersion(options.chartVersion))
    throw new ValuesError(unsupportedChartVersion(options.chartVersion), 'chartVersion');
  return subchartValues(base, options.subchart, chartRecord(options.chartVersion).values as Record<string, unknown>);
}
