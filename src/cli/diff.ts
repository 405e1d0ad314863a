/**
 * `cdk8s-ppm diff`: the migration report. Given what the chart renders today
 * (`helm get manifest RELEASE` or `helm template` output) and the same values
 * and flags as `cdk8s-ppm template`, it prints what switching to this library
 * changes, object by object, each difference classified, and exits 0 when
 * nothing but labels, annotations and checksums differ, 1 otherwise, 2 when
 * the diff cannot be made.
 */
import { CHART_VERSIONS, DEFAULT_CHART_VERSION, isChartVersion, type ChartVersion } from '../chart-versions';
import { withoutCredentials } from '../config/secrets';
import { DELIBERATE_FIXES } from '../diff/classify';
import type { Obj } from '../leaf/objects';
import { diffRelease } from '../diff/release';
import { EXIT, exitCodeOf, formatReport, reportJson } from '../diff/report';
import { PackageManagerValidationError } from '../errors';
import { formatWarning } from '../warnings';
import { parseYamlDocuments } from '../values/yaml';
import { parseChartRef } from './args';
import { selectSubchart, splitDocuments } from './diff-subchart';
import { usageLine } from './exit-codes';
import { flagsHelp, flagsOf } from './flag-docs';

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
  /** `--subchart NAME`: the values and the render are an umbrella's; Package Manager is its subchart NAME. */
  readonly subchart?: string;
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
  /** The namespace without `-n`: `HELM_NAMESPACE`, or `default`. */
  readonly defaultNamespace?: string;
}

/** The command line of `cdk8s-ppm diff`. */
export interface DiffArgs extends ValuesOptions {
  /** The chart as given after RELEASE (`rstudio/rstudio-pm`, as `helm diff upgrade RELEASE CHART` takes it), if given. */
  readonly chart?: string;
  /** `--from`: the chart's render (a file, or `-` for stdin). */
  readonly from: string;
  readonly output: 'text' | 'json';
  /** `--accept-fix`: deliberate fixes that do not fail the diff (ids, or `all`). */
  readonly accept: readonly string[];
}

export const DIFF_USAGE = `usage: cdk8s-ppm diff RELEASE [CHART] --from FILE|- [flags]

Compares what the chart renders today with what cdk8s-posit-package-manager
renders from the same values, object by object:

  helm get manifest RELEASE -n NAMESPACE > current.yaml      (or: helm template …)
  cdk8s-ppm diff RELEASE -n NAMESPACE -f values.yaml --from current.yaml

CHART is rstudio-pm as helm takes it (rstudio/rstudio-pm, rstudio-pm-0.20.4.tgz…),
as in \`helm diff upgrade RELEASE CHART\`. Without --version, the chart version is
the one the render's helm.sh/chart labels name; a --version that disagrees with
them is a warning.

Each difference is one of: label/annotation only, checksum only (the pods roll
once), a deliberate fix (named), or a real change (with the path and both values).
Exit status: 0 when nothing but labels, annotations and checksums differ (and the
deliberate fixes given with --accept-fix); 1 otherwise; 2 when the diff cannot be made.
--subchart NAME: the values are an umbrella chart's (Package Manager's under NAME:,
its chart name or alias, with global: merged in as helm does) and the render is the
umbrella's: only the objects whose "# Source:" is UMBRELLA/charts/NAME/templates/…
are compared; the report says how many others it left out.
Deliberate fixes: ${Object.keys(DELIBERATE_FIXES).join(', ')}.

${flagsHelp('diff')}`;

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

/** The long flags of `cdk8s-ppm diff` (for shell completion). */
export const DIFF_FLAGS: readonly string[] = flagsOf('diff').map((f) => f.name);

/** Parses the arguments after `diff`; `defaultNamespace` is the namespace without `-n`. @throws DiffUsageError */
export function parseDiffArgs(argv: readonly string[], defaultNamespace = 'default'): DiffArgs {
  const lists = { files: [], set: [], setString: [], setFile: [], setJson: [], setLiteral: [], accept: [] } as Record<
    (typeof VALUE_FLAGS)[string],
    string[]
  >;
  let release: string | undefined;
  let from: string | undefined;
  let chart: string | undefined;
  let namespace = defaultNamespace;
  let chartVersion: string | undefined;
  let output: string = 'text';
  let subchart: string | undefined;
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
    else if (flag === '--subchart') subchart = next();
    else if (flag.startsWith('-') && flag !== '-') throw new DiffUsageError(`unknown option "${flag}"`);
    else if (release === undefined) release = arg;
    else if (chart === undefined) chart = arg;
    else throw new DiffUsageError(`unexpected argument "${arg}"`);
  }
  if (!release) throw new DiffUsageError('missing RELEASE');
  if (from === undefined)
    throw new DiffUsageError('missing --from FILE (the output of `helm get manifest RELEASE` or `helm template`; - for stdin)');
  if (chart !== undefined) {
    const ref = parseChartRef(chart);
    if (!ref) throw new DiffUsageError(`chart "${chart}" is not rstudio-pm (e.g. rstudio/rstudio-pm)`);
    if (ref.version !== undefined) {
      if (chartVersion !== undefined && chartVersion.replace(/^v/, '') !== ref.version)
        throw new DiffUsageError(`--version ${chartVersion} conflicts with the chart ${chart}`);
      chartVersion = ref.version;
    }
  }
  if (chartVersion !== undefined) chartVersion = chartVersion.replace(/^v/, '');
  if (output !== 'text' && output !== 'json') throw new DiffUsageError(`--output ${JSON.stringify(output)}: use text or json`);
  if (chartVersion !== undefined && !isChartVersion(chartVersion))
    throw new DiffUsageError(`--version ${JSON.stringify(chartVersion)}: use one of ${CHART_VERSIONS.join(', ')}`);
  const unknownFix = lists.accept.find((f) => f !== 'all' && !(f in DELIBERATE_FIXES));
  if (unknownFix !== undefined)
    throw new DiffUsageError(`--accept-fix ${JSON.stringify(unknownFix)}: use all or one of ${Object.keys(DELIBERATE_FIXES).join(', ')}`);
  if (from === '-' && lists.files.includes('-')) throw new DiffUsageError('--from - and -f - both read stdin: give one of them a file');
  return {
    release,
    ...(chart !== undefined ? { chart } : {}),
    ...(subchart !== undefined ? { subchart } : {}),
    from,
    namespace,
    chartVersion,
    output,
    ...lists,
  };
}

/** What `--subchart` kept of the umbrella's render, and what it left out. */
interface Selection {
  readonly name: string;
  readonly compared: number;
  readonly leftOut: number;
  readonly others: readonly string[];
}

/** The chart's render, read and checked: a list of Kubernetes objects. Messages name the file, never its content. */
function readChartRender(args: DiffArgs, io: DiffIO): { objects: Obj[]; selection?: Selection } {
  const label = args.from === '-' ? 'stdin' : withoutCredentials(args.from);
  let text: string;
  try {
    text = args.from === '-' ? io.readStdin() : io.readFile(args.from);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'E2BIG' || code === 'ENOTREG') throw new Error(`--from ${label}: ${(e as Error).message}`);
    throw new Error(`--from ${label}: cannot read it${code ? ` (${code})` : ''}`);
  }
  const parse = (yaml: string) => {
    try {
      return parseYamlDocuments(yaml);
    } catch (e) {
      // The parser's message quotes the text; keep only its first line (the cause and position).
      const first = (e as Error).message.split('\n')[0].replace(/:$/, '');
      throw new Error(`--from ${label}: not valid YAML: ${first}`);
    }
  };
  if (args.subchart === undefined) return { objects: kubernetesObjects(parse(text), label) };
  const { kept, leftOut, others } = selectSubchart(splitDocuments(text), args.subchart, label);
  const objects = kubernetesObjects(
    kept.flatMap((d) => parse(d.text)),
    label,
  );
  return { objects, selection: { name: args.subchart, compared: objects.length, leftOut, others } };
}

/** The documents as Kubernetes objects (a `List` gives its items). */
function kubernetesObjects(docs: readonly unknown[], label: string): Obj[] {
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

/** The line that says what `--subchart` left out. */
function selectionLine(s: Selection): string {
  const others = s.leftOut === 0 ? 'none left out' : `left out ${s.leftOut} of other charts (${s.others.join(', ')})`;
  return `--subchart ${s.name}: compared the ${s.compared} objects of charts/${s.name}/templates/; ${others}`;
}

/** The chart versions the render's `helm.sh/chart: rstudio-pm-X.Y.Z` labels name. */
export function chartVersionsOfLabels(objects: readonly Obj[], alias?: string): string[] {
  const versions = new Set<string>();
  // A subchart under an alias is named after it: `helm.sh/chart: ALIAS-X.Y.Z`.
  const names = ['rstudio-pm', ...(alias !== undefined ? [alias] : [])];
  for (const o of objects) {
    const label: unknown = o.metadata?.labels?.['helm.sh/chart'];
    const name = typeof label === 'string' ? names.find((n) => label.startsWith(`${n}-`)) : undefined;
    const m = name !== undefined ? /^(\d+\.\d+\.\d+\S*)$/.exec((label as string).slice(name.length + 1)) : null;
    if (m) versions.add(m[1]);
  }
  return [...versions].sort();
}

/** The chart version to render: `--version`, else the one the labels name; a disagreement is a warning. */
function chartVersionFor(args: DiffArgs, chartManifests: readonly Obj[], io: DiffIO): ChartVersion | undefined {
  const labelled = chartVersionsOfLabels(chartManifests, args.subchart);
  const given = args.chartVersion as ChartVersion | undefined;
  if (given !== undefined) {
    if (labelled.length > 0 && !labelled.includes(given))
      io.stderr(`WARNING --version ${given}, but the render's helm.sh/chart labels name rstudio-pm-${labelled.join(', rstudio-pm-')}\n`);
    return given;
  }
  if (labelled.length === 1 && isChartVersion(labelled[0])) {
    if (labelled[0] !== DEFAULT_CHART_VERSION)
      io.stderr(`chart version ${labelled[0]}, read from the render's helm.sh/chart labels (--version to choose)\n`);
    return labelled[0];
  }
  if (labelled.length > 0)
    io.stderr(
      `WARNING the render's helm.sh/chart labels name rstudio-pm-${labelled.join(', rstudio-pm-')}; rendering the default chart version (use --version ${CHART_VERSIONS.join(' or ')})\n`,
    );
  return undefined;
}

/** Runs `cdk8s-ppm diff` with the arguments after `diff`; returns the exit code. */
export function runDiff(argv: readonly string[], io: DiffIO): number {
  const flags = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (flags.includes('-h') || flags.includes('--help')) {
    io.stdout(`${DIFF_USAGE}\n`);
    return 0;
  }
  let args: DiffArgs;
  try {
    args = parseDiffArgs(argv, io.defaultNamespace);
  } catch (e) {
    io.stderr(usageLine('diff', (e as Error).message));
    return EXIT.trouble;
  }
  try {
    const { objects: chartManifests, selection } = readChartRender(args, io);
    if (selection) io.stderr(`${selectionLine(selection)}\n`);
    const chartVersion = chartVersionFor(args, chartManifests, io);
    // The values of a subchart depend on its values.yaml: the version rendered.
    const values = io.loadValues({ ...args, chartVersion });
    const result = diffRelease({ chartManifests, values, releaseName: args.release, namespace: args.namespace, chartVersion });
    if (args.output === 'json') {
      const json = { ...(reportJson(result, args.accept) as object), ...(selection ? { subchart: selection } : {}) };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
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
