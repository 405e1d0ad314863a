/**
 * `cdk8s-ppm template [NAME] [CHART] [flags]`: the command line of
 * `helm template` (helm 3.16.4), parsed as helm's flag library does:
 * `--flag value`, `--flag=value`, `-f value`, `-fvalue`, `-f=value`, bool
 * flags without a value (or `--flag=true|false`), `--` ends the flags, flags
 * and arguments in any order.
 *
 * Positional arguments, as in helm: `NAME CHART`, or just `CHART` (the
 * release is then "release-name"). As an extension (and for older
 * cdk8s-ppm command lines), a single argument that is not a reference to
 * the rstudio-pm chart is the release NAME.
 */
import { CHART_VERSIONS } from '../chart-versions/record';
import { flagsHelp } from './flag-docs';

/** The value flags, as `loadValues` takes them. */
export interface ValueFlags {
  readonly files: string[];
  readonly set: string[];
  readonly setString: string[];
  readonly setFile: string[];
  readonly setJson: string[];
  readonly setLiteral: string[];
}

/** What the command line asked for. */
export interface TemplateArgs {
  /** Release name ("release-name" when only the chart is given, as helm). */
  readonly release: string;
  /** The chart as given (only its name is checked), if given. */
  readonly chart?: string;
  /** `-n/--namespace`. @default 'default' */
  readonly namespace: string;
  /** `--version`, or the version in a `rstudio-pm-X.Y.Z.tgz` chart file name. */
  readonly chartVersion?: string;
  readonly values: ValueFlags;
  /** `-s/--show-only` patterns (`templates/NAME.yaml`, globs as in helm). */
  readonly showOnly: string[];
  /** `--output-dir`. */
  readonly outputDir?: string;
  /** `--release-name`: put the files under OUTPUT-DIR/RELEASE. */
  readonly releaseNameDir: boolean;
  /** `--no-hooks`: leave out hook objects (the chown Job). */
  readonly noHooks: boolean;
  /** `--kube-version` (checked, otherwise unused: the chart does not read it). */
  readonly kubeVersion?: string;
  /** `--debug`. */
  readonly debug: boolean;
  /** `--acknowledge-warning ID,…`: warnings not to print (ours; helm has no such flag). */
  readonly acknowledgeWarnings: string[];
  /** `--subchart NAME`: the values are an umbrella's; Package Manager's are under NAME (ours; helm has no such flag). */
  readonly subchart?: string;
}

/** A command line that cannot be run (exit code 2). */
export class UsageError extends Error {}

export const USAGE = `usage: cdk8s-ppm template [NAME] [CHART] [flags]

Prints the manifests PackageManager synthesizes for chart values, like
\`helm template NAME rstudio/rstudio-pm -n NAMESPACE -f values.yaml\`.

CHART is rstudio-pm as helm takes it (rstudio/rstudio-pm, ./rstudio-pm,
rstudio-pm-0.5.29.tgz, oci://REGISTRY/rstudio-pm; only its name is checked).
NAME defaults to "release-name". A single argument that is not the chart is NAME.

${flagsHelp('template')}
Other helm template flags that change nothing for this chart are accepted and ignored
(e.g. --include-crds, --skip-crds, --skip-tests, --is-upgrade, --debug, -a/--api-versions,
--dry-run, --repo, --devel, --timeout, --kube-context, --kubeconfig).`;

type Kind = 'string' | 'bool' | 'optional';

interface FlagSpec {
  readonly kind: Kind;
  readonly short?: string;
  /** Where the value goes; undefined: accepted and ignored. */
  readonly apply?: (state: State, value: string) => void;
}

interface State {
  namespace: string;
  version?: string;
  values: ValueFlags;
  showOnly: string[];
  outputDir?: string;
  releaseNameDir: boolean;
  noHooks: boolean;
  kubeVersion?: string;
  debug: boolean;
  acknowledgeWarnings: string[];
  subchart?: string;
  generateName: boolean;
  nameTemplate?: string;
}

function boolValue(flag: string, value: string): boolean {
  const v = value.toLowerCase();
  if (['1', 't', 'true'].includes(v)) return true;
  if (['0', 'f', 'false'].includes(v)) return false;
  throw new UsageError(`invalid argument "${value}" for "${flag}" flag: expected true or false`);
}

/** One CSV record, as helm's string-slice flags read `-f a.yaml,b.yaml`. */
export function csvFields(value: string, flag: string): string[] {
  if (value === '') return [];
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (value[i] === '"') {
      i++;
      for (;;) {
        if (i >= value.length) throw new UsageError(`invalid argument for ${flag}: a quoted field is not closed`);
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i++];
      }
      if (i < value.length && value[i] !== ',') throw new UsageError(`invalid argument for ${flag}: extraneous " in a quoted field`);
    } else {
      while (i < value.length && value[i] !== ',') {
        if (value[i] === '"') throw new UsageError(`invalid argument for ${flag}: bare " in a non-quoted field`);
        field += value[i++];
      }
    }
    out.push(field);
    if (i >= value.length) return out;
    i++; // the comma
  }
}

const ignore = (kind: Kind, short?: string): FlagSpec => ({ kind, short });

/** Every flag of `helm template` (helm 3.16.4, with its global flags). */
export const FLAGS: Readonly<Record<string, FlagSpec>> = {
  values: { kind: 'string', short: 'f', apply: (s, v) => s.values.files.push(...csvFields(v, '-f, --values')) },
  set: { kind: 'string', apply: (s, v) => s.values.set.push(v) },
  'set-string': { kind: 'string', apply: (s, v) => s.values.setString.push(v) },
  'set-file': { kind: 'string', apply: (s, v) => s.values.setFile.push(v) },
  'set-json': { kind: 'string', apply: (s, v) => s.values.setJson.push(v) },
  'set-literal': { kind: 'string', apply: (s, v) => s.values.setLiteral.push(v) },
  namespace: { kind: 'string', short: 'n', apply: (s, v) => (s.namespace = v) },
  version: { kind: 'string', apply: (s, v) => (s.version = v) },
  'show-only': { kind: 'string', short: 's', apply: (s, v) => s.showOnly.push(v) },
  'output-dir': { kind: 'string', apply: (s, v) => (s.outputDir = v) },
  'release-name': { kind: 'bool', apply: (s, v) => (s.releaseNameDir = boolValue('--release-name', v)) },
  'no-hooks': { kind: 'bool', apply: (s, v) => (s.noHooks = boolValue('--no-hooks', v)) },
  'kube-version': { kind: 'string', apply: (s, v) => (s.kubeVersion = v) },
  debug: { kind: 'bool', apply: (s, v) => (s.debug = boolValue('--debug', v)) },
  'acknowledge-warning': { kind: 'string', apply: (s, v) => s.acknowledgeWarnings.push(...csvFields(v, '--acknowledge-warning')) },
  subchart: { kind: 'string', apply: (s, v) => (s.subchart = v) },
  'generate-name': { kind: 'bool', short: 'g', apply: (s, v) => (s.generateName = boolValue('--generate-name', v)) },
  'name-template': { kind: 'string', apply: (s, v) => (s.nameTemplate = v) },
  validate: {
    kind: 'bool',
    apply: (_s, v) => {
      if (boolValue('--validate', v)) throw new UsageError('--validate needs a Kubernetes cluster; cdk8s-ppm renders offline');
    },
  },
  'post-renderer': {
    kind: 'string',
    apply: () => {
      throw new UsageError('--post-renderer is not supported: pipe the output through the post-renderer instead');
    },
  },
  'post-renderer-args': ignore('string'),
  // Accepted, no effect on what this chart renders:
  'include-crds': ignore('bool'),
  'skip-crds': ignore('bool'),
  'skip-tests': ignore('bool'),
  'is-upgrade': ignore('bool'),
  'api-versions': ignore('string', 'a'),
  'skip-schema-validation': ignore('bool'),
  'disable-openapi-validation': ignore('bool'),
  'dry-run': ignore('optional'),
  'create-namespace': ignore('bool'),
  force: ignore('bool'),
  replace: ignore('bool'),
  timeout: ignore('string'),
  wait: ignore('bool'),
  'wait-for-jobs': ignore('bool'),
  description: ignore('string'),
  devel: ignore('bool'),
  'dependency-update': ignore('bool'),
  atomic: ignore('bool'),
  'render-subchart-notes': ignore('bool'),
  labels: ignore('string', 'l'),
  'enable-dns': ignore('bool'),
  'hide-notes': ignore('bool'),
  'hide-secret': ignore('bool'),
  verify: ignore('bool'),
  keyring: ignore('string'),
  repo: ignore('string'),
  username: ignore('string'),
  password: ignore('string'),
  'cert-file': ignore('string'),
  'key-file': ignore('string'),
  'ca-file': ignore('string'),
  'insecure-skip-tls-verify': ignore('bool'),
  'plain-http': ignore('bool'),
  'pass-credentials': ignore('bool'),
  'burst-limit': ignore('string'),
  qps: ignore('string'),
  'kube-apiserver': ignore('string'),
  'kube-as-group': ignore('string'),
  'kube-as-user': ignore('string'),
  'kube-ca-file': ignore('string'),
  'kube-context': ignore('string'),
  'kube-insecure-skip-tls-verify': ignore('bool'),
  'kube-tls-server-name': ignore('string'),
  'kube-token': ignore('string'),
  kubeconfig: ignore('string'),
  'registry-config': ignore('string'),
  'repository-cache': ignore('string'),
  'repository-config': ignore('string'),
};

const SHORT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FLAGS)
    .filter(([, spec]) => spec.short)
    .map(([name, spec]) => [spec.short!, name]),
);

/** A chart reference as helm takes it, if it names rstudio-pm: its version when the reference has one. */
export function parseChartRef(ref: string): { version?: string } | undefined {
  let rest = ref.replace(/[?#].*$/, '');
  let tagVersion: string | undefined;
  const oci = /^oci:\/\//i.test(rest);
  rest = rest.replace(/\/+$/, '');
  const last = rest.slice(rest.lastIndexOf('/') + 1);
  let name = last;
  if (oci && last.includes(':')) {
    name = last.slice(0, last.indexOf(':'));
    tagVersion = last.slice(last.indexOf(':') + 1);
  }
  if (name === 'rstudio-pm') return { version: tagVersion };
  const tgz = /^rstudio-pm-(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)\.tgz$/.exec(name);
  return tgz ? { version: tgz[1] } : undefined;
}

/** `--kube-version`: a semantic version, optionally with a leading "v" (as helm checks it). */
function checkKubeVersion(v: string): void {
  if (!/^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(v)) {
    throw new UsageError(`invalid kube version '${v}': not a semantic version (e.g. 1.28.0)`);
  }
}

/** Parses `template …` (argv[0] is `template`); `defaultNamespace` is the namespace without `-n` (`HELM_NAMESPACE`). */
export function parseArgs(argv: readonly string[], defaultNamespace = 'default'): TemplateArgs {
  const [command, ...rest] = argv;
  if (command !== 'template') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const state: State = {
    namespace: defaultNamespace,
    values: { files: [], set: [], setString: [], setFile: [], setJson: [], setLiteral: [] },
    showOnly: [],
    releaseNameDir: false,
    noHooks: false,
    debug: false,
    acknowledgeWarnings: [],
    generateName: false,
  };
  const positional: string[] = [];
  const take = (name: string, shown: string, inline: string | undefined, i: number): [string, number] => {
    const spec = FLAGS[name];
    if (spec.kind === 'bool') return [inline ?? 'true', i];
    if (spec.kind === 'optional') return [inline ?? '', i];
    if (inline !== undefined) return [inline, i];
    if (i + 1 >= rest.length) throw new UsageError(`flag needs an argument: ${shown}`);
    return [rest[i + 1], i + 1];
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (name === 'help') throw new HelpRequested();
      const spec = FLAGS[name];
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      const [value, next] = take(name, `--${name}`, inline, i);
      i = next;
      spec.apply?.(state, value);
    } else if (arg.startsWith('-') && arg.length > 1) {
      // Shorthands: -f x, -fx, -f=x, and bool shorthands combined (-gf x).
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j];
        if (c === 'h') throw new HelpRequested();
        const name = SHORT[c];
        if (!name) throw new UsageError(`unknown shorthand flag: '${c}' in ${arg}`);
        const spec = FLAGS[name];
        if (spec.kind === 'bool') {
          if (arg[j + 1] === '=') {
            spec.apply?.(state, arg.slice(j + 2));
            break;
          }
          spec.apply?.(state, 'true');
          continue;
        }
        const attached = arg.slice(j + 1);
        const [value, next] = take(name, `'${c}' in ${arg}`, attached === '' ? undefined : attached.replace(/^=/, ''), i);
        i = next;
        spec.apply?.(state, value);
        break;
      }
    } else positional.push(arg);
  }

  if (positional.length === 0) throw new UsageError('"cdk8s-ppm template" requires at least 1 argument: [NAME] [CHART]');
  if (positional.length > 2)
    throw new UsageError(`expected at most two arguments, unexpected arguments: ${positional.slice(2).join(', ')}`);
  let release: string;
  let chart: string | undefined;
  if (positional.length === 2) {
    if (state.generateName) throw new UsageError('cannot set --generate-name and also specify a name');
    if (state.nameTemplate !== undefined) throw new UsageError('cannot set --name-template and also specify a name');
    [release, chart] = positional;
  } else if (parseChartRef(positional[0])) {
    chart = positional[0];
    release = 'release-name';
    if (state.nameTemplate !== undefined) {
      if (state.nameTemplate.includes('{{'))
        throw new UsageError('--name-template with template actions is not supported: give the name instead');
      release = state.nameTemplate;
    }
  } else {
    release = positional[0];
    if (state.generateName) throw new UsageError('cannot set --generate-name and also specify a name');
  }
  if (!release) throw new UsageError('the release name is empty');

  let chartVersion = state.version;
  if (chart !== undefined) {
    const ref = parseChartRef(chart);
    if (!ref)
      throw new UsageError(`chart "${chart}" is not rstudio-pm: cdk8s-ppm renders only the rstudio-pm chart (e.g. rstudio/rstudio-pm)`);
    if (ref.version !== undefined) {
      if (chartVersion !== undefined && chartVersion.replace(/^v/, '') !== ref.version) {
        throw new UsageError(`--version ${chartVersion} conflicts with the chart ${chart}`);
      }
      chartVersion = ref.version;
    }
  }
  if (chartVersion !== undefined) {
    const v = chartVersion.replace(/^v/, '');
    if (!(CHART_VERSIONS as readonly string[]).includes(v)) {
      throw new UsageError(`chart version "${chartVersion}" is not supported: use ${CHART_VERSIONS.join(' or ')}`);
    }
    chartVersion = v;
  }
  if (state.kubeVersion !== undefined) checkKubeVersion(state.kubeVersion);
  return {
    release,
    chart,
    namespace: state.namespace,
    chartVersion,
    values: state.values,
    showOnly: state.showOnly,
    outputDir: state.outputDir,
    releaseNameDir: state.releaseNameDir,
    noHooks: state.noHooks,
    kubeVersion: state.kubeVersion,
    debug: state.debug,
    acknowledgeWarnings: state.acknowledgeWarnings,
    ...(state.subchart !== undefined ? { subchart: state.subchart } : {}),
  };
}

/** `-h`/`--help` on the command line. */
export class HelpRequested extends Error {}
