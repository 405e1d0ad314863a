/**
 * `cdk8s-ppm diff`: the migration report. Given what the chart renders today
 * (`helm get manifest RELEASE` or `helm template` output) and the same values
 * and flags as `cdk8s-ppm template`, it prints what switching to this library
 * changes, object by object, each difference classified, and exits 0 when
 * nothing but labels, annotations and checksums differ, 1 otherwise, 2 when
 * the diff cannot be made.
 */
import { CHART_VERSIONS, isChartVersion, type ChartVersion } from '../chart-versions';
import { withoutCredentials } from '../config/secrets';
import { DELIBERATE_FIXES } from '../diff/classify';
import type { Obj } from '../diff/compare';
import { diffRelease } from '../diff/release';
import { EXIT, exitCodeOf, formatReport, reportJson } from '../diff/report';
import { PackageManagerValidationError } from '../errors';
import { formatWarning } from '../warnings';
import { parseYamlDocuments } from '../values/yaml';

/** What the values loader is given: the values flags of the command line, as `cdk8s-ppm template` takes them. */
export interface ValuesOptions {
  /** `-f`/`--values` files, in order (`-` is stdin). */
  readonly files: readonly string[];
  readonly set: readonly string[];
  readonly setString: readonly string[];
  readonly setFile: readonly string[];
  readonly setJson: readonly string[];
  readonly setLiteral: readonly string[];
  readonly namespace: string;
  readonly release: string;
  /** `--version`, when given. */
  readonly chartVersion?: string;
}

/** Reads and merges the values of a command line (the same loader `cdk8s-ppm template` uses). */
export type LoadValues = (opts: ValuesOptions) => unknown;

/** What the command reads and writes: real files and streams in `cdk8s-ppm`, fakes in tests. */
export interface DiffIO {
  readFile(path: string): string;
  readStdin(): string;
  stdout(text: string): void;
  stderr(text: string): void;
  readonly loadValues: LoadValues;
}

/** The command line of `cdk8s-ppm diff`. */
export interface DiffArgs extends ValuesOptions {
  /** `--from`: the chart's render (a file, or `-` for stdin). */
  readonly from: string;
  readonly output: 'text' | 'json';
  /** `--accept-fix`: deliberate fixes that do not fail the diff (ids, or `all`). */
  readonly accept: readonly string[];
}

export const DIFF_USAGE = `usage: cdk8s-ppm diff RELEASE --from FILE|- [-n NAMESPACE] [--version CHART_VERSION]
                      [-f values.yaml]... [--set key=value]... [--set-string key=value]...
                      [--set-file key=path]... [--set-json key=json]... [--set-literal key=value]...
                      [-o text|json] [--accept-fix ID|all]...

Compares what the chart renders today with what cdk8s-posit-package-manager
renders from the same values, object by object:

  helm get manifest RELEASE -n NAMESPACE > current.yaml      (or: helm template …)
  cdk8s-ppm diff RELEASE -n NAMESPACE -f values.yaml --from current.yaml

Each difference is one of: label/annotation only, checksum only (the pods roll
once), a deliberate fix (named), or a real change (with the path and both values).
Exit status: 0 when nothing but labels, annotations and checksums differ (and the
deliberate fixes given with --accept-fix); 1 otherwise; 2 when the diff cannot be made.
Deliberate fixes: ${Object.keys(DELIBERATE_FIXES).join(', ')}.`;

/** A command line that cannot be run. */
export class DiffUsageError extends Error {}

const VALUE_FLAGS: Record<string, keyof Pick<DiffArgs, 'files' | 'set' | 'setString' | 'setFile' | 'setJson' | 'setLiteral' | 'accept'>> = {
  '-f': 'files',
  '--values': 'files',
  '--set': 'set',
  '--set-string': 'setString',
  '--set-file': 'setFile',
  '--set-json': 'setJson',
  '--set-literal': 'setLiteral',
  '--accept-fix': 'accept',
};

/** Parses the arguments after `diff`. @throws DiffUsageError */
export function parseDiffArgs(argv: readonly string[]): DiffArgs {
  const lists = { files: [], set: [], setString: [], setFile: [], setJson: [], setLiteral: [], accept: [] } as Record<
    (typeof VALUE_FLAGS)[string],
    string[]
  >;
  let release: string | undefined;
  let from: string | undefined;
  let namespace = 'default';
  let chartVersion: string | undefined;
  let output: string = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const next = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new DiffUsageError(`${flag} needs a value`);
      return v;
    };
    if (flag in VALUE_FLAGS) lists[VALUE_FLAGS[flag]].push(next());
    else if (flag === '--from') from = next();
    else if (flag === '-n' || flag === '--namespace') namespace = next();
    else if (flag === '--version') chartVersion = next();
    else if (flag === '-o' || flag === '--output') output = next();
    else if (flag.startsWith('-') && flag !== '-') throw new DiffUsageError(`unknown option "${flag}"`);
    else if (release === undefined) release = arg;
    else throw new DiffUsageError(`unexpected argument "${arg}"`);
  }
  if (!release) throw new DiffUsageError('missing RELEASE');
  if (from === undefined)
    throw new DiffUsageError('missing --from FILE (the output of `helm get manifest RELEASE` or `helm template`; - for stdin)');
  if (output !== 'text' && output !== 'json') throw new DiffUsageError(`--output ${JSON.stringify(output)}: use text or json`);
  if (chartVersion !== undefined && !isChartVersion(chartVersion))
    throw new DiffUsageError(`--version ${JSON.stringify(chartVersion)}: use one of ${CHART_VERSIONS.join(', ')}`);
  const unknownFix = lists.accept.find((f) => f !== 'all' && !(f in DELIBERATE_FIXES));
  if (unknownFix !== undefined)
    throw new DiffUsageError(`--accept-fix ${JSON.stringify(unknownFix)}: use all or one of ${Object.keys(DELIBERATE_FIXES).join(', ')}`);
  if (from === '-' && lists.files.includes('-')) throw new DiffUsageError('--from - and -f - both read stdin: give one of them a file');
  return { release, from, namespace, chartVersion, output, ...lists };
}

/** The chart's render, read and checked: a list of Kubernetes objects. Messages name the file, never its content. */
function readChartRender(args: DiffArgs, io: DiffIO): Obj[] {
  const label = args.from === '-' ? 'stdin' : withoutCredentials(args.from);
  let text: string;
  try {
    text = args.from === '-' ? io.readStdin() : io.readFile(args.from);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`--from ${label}: cannot read it${code ? ` (${code})` : ''}`);
  }
  let docs: unknown[];
  try {
    docs = parseYamlDocuments(text);
  } catch (e) {
    // The parser's message quotes the text; keep only its first line (the cause and position).
    const first = (e as Error).message.split('\n')[0].replace(/:$/, '');
    throw new Error(`--from ${label}: not valid YAML: ${first}`);
  }
  const objects: Obj[] = [];
  docs.forEach((d, i) => {
    // `kubectl get -o yaml` of several objects is a List.
    const items =
      typeof d === 'object' && d !== null && (d as Obj).kind === 'List' && Array.isArray((d as Obj).items) ? (d as Obj).items : [d];
    for (const o of items) {
      if (
        typeof o !== 'object' ||
        o === null ||
        Array.isArray(o) ||
        !(o as Obj).kind ||
        !(o as Obj).apiVersion ||
        !(o as Obj).metadata?.name
      )
        throw new Error(`--from ${label}: document ${i + 1} is not a Kubernetes object (apiVersion, kind and metadata.name)`);
      objects.push(o as Obj);
    }
  });
  if (objects.length === 0) throw new Error(`--from ${label}: no Kubernetes object in it`);
  return objects;
}

/** Runs `cdk8s-ppm diff` with the arguments after `diff`; returns the exit code. */
export function runDiff(argv: readonly string[], io: DiffIO): number {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(`${DIFF_USAGE}\n`);
    return 0;
  }
  let args: DiffArgs;
  try {
    args = parseDiffArgs(argv);
  } catch (e) {
    io.stderr(`Error: ${(e as Error).message}\n${DIFF_USAGE}\n`);
    return EXIT.trouble;
  }
  try {
    const chartManifests = readChartRender(args, io);
    const values = io.loadValues(args);
    const result = diffRelease({
      chartManifests,
      values,
      releaseName: args.release,
      namespace: args.namespace,
      chartVersion: args.chartVersion as ChartVersion | undefined,
    });
    if (args.output === 'json') io.stdout(`${JSON.stringify(reportJson(result, args.accept), null, 2)}\n`);
    else {
      // The sandboxing notice is about the chart's own default, the same before and after: not news in a migration report.
      for (const w of result.warnings.filter((x) => x.id !== 'ppm:sandboxing')) io.stderr(`${formatWarning(w)}\n`);
      io.stdout(formatReport(result, { source: args.from === '-' ? 'stdin' : withoutCredentials(args.from), accept: args.accept }));
    }
    return exitCodeOf(result, args.accept);
  } catch (e) {
    const message = PackageManagerValidationError.isPackageManagerValidationError(e) || e instanceof Error ? e.message : String(e);
    io.stderr(`Error: ${message}\n`);
    return EXIT.trouble;
  }
}
