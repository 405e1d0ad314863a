/**
 * The one table of the documented flags of `cdk8s-ppm`: each flag's name, shorthand, argument, one-line meaning and
 * the commands that take it. The `Flags:` block of each command's `--help`, the long flags of `diff` (for shell
 * completion) and the flags table of the README (`npm run docs`) are all generated from it; a test checks that the
 * parsers take every flag listed here and that every flag they act on is listed.
 */
import { CHART_VERSIONS, DEFAULT_CHART_VERSION } from '../chart-versions';

/** The commands that take flags. */
export type FlagCommand = 'template' | 'lint' | 'diff' | 'schema';

/** One documented flag. */
export interface FlagDoc {
  /** The long name, without `--`. */
  readonly name: string;
  /** The one-letter shorthand, without `-`. */
  readonly short?: string;
  /** The argument, as the help shows it; none for a bool flag. */
  readonly arg?: string;
  /** What it does, on one line. */
  readonly help: string;
  /** The commands that take it, in the order of the commands table. */
  readonly commands: readonly FlagCommand[];
}

const VALUES: readonly FlagCommand[] = ['template', 'lint', 'diff'];

export const FLAG_DOCS: readonly FlagDoc[] = [
  { name: 'values', short: 'f', arg: 'FILE,...', help: 'values files (repeatable; "-" reads stdin)', commands: VALUES },
  { name: 'set', arg: 'KEY=VAL,...', help: 'set values (typed: true, false, null, integers)', commands: VALUES },
  { name: 'set-string', arg: 'KEY=VAL,...', help: 'set string values', commands: VALUES },
  { name: 'set-file', arg: 'KEY=PATH,...', help: 'set values to the content of files', commands: VALUES },
  { name: 'set-json', arg: 'KEY=JSON,...', help: 'set JSON values', commands: VALUES },
  { name: 'set-literal', arg: 'KEY=VAL', help: 'set one literal string value', commands: VALUES },
  { name: 'namespace', short: 'n', arg: 'NS', help: 'release namespace (default $HELM_NAMESPACE, or "default")', commands: VALUES },
  {
    name: 'version',
    arg: 'VERSION',
    help: `chart version: ${CHART_VERSIONS.join(' or ')} (default ${DEFAULT_CHART_VERSION}; diff: the render's helm.sh/chart labels)`,
    commands: [...VALUES, 'schema'],
  },
  { name: 'from', arg: 'FILE', help: 'the chart\'s render to compare with ("-" reads stdin); required', commands: ['diff'] },
  { name: 'output', short: 'o', arg: 'FORMAT', help: 'the report as text (default) or json', commands: ['diff'] },
  { name: 'accept-fix', arg: 'ID', help: 'a deliberate fix (or all) that does not fail the diff (repeatable)', commands: ['diff'] },
  {
    name: 'show-only',
    short: 's',
    arg: 'TEMPLATE',
    help: 'only the objects of templates/NAME.yaml (repeatable, globs)',
    commands: ['template'],
  },
  { name: 'output-dir', arg: 'DIR', help: 'write DIR/rstudio-pm/templates/NAME.yaml instead of printing', commands: ['template'] },
  { name: 'release-name', help: 'with --output-dir: write under DIR/NAME/', commands: ['template'] },
  { name: 'no-hooks', help: 'leave out hooks (the shared-storage chown Job)', commands: ['template'] },
  { name: 'kube-version', arg: 'VERSION', help: 'accepted and checked (the chart does not use it)', commands: ['template'] },
  {
    name: 'acknowledge-warning',
    arg: 'ID',
    help: "don't print this warning (repeatable, e.g. ppm:sandboxing)",
    commands: ['template'],
  },
  {
    name: 'subchart',
    arg: 'NAME',
    help: "the values are an umbrella chart's: Package Manager's are under NAME, with global: merged in",
    commands: VALUES,
  },
];

/** The flags a command takes, in table order. */
export function flagsOf(command: FlagCommand): readonly FlagDoc[] {
  return FLAG_DOCS.filter((f) => f.commands.includes(command));
}

/** How a flag is written in the help: `-f, --values FILE,...`. */
export function flagSpelling(f: FlagDoc): string {
  return `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.arg ? ` ${f.arg}` : ''}`;
}

/** The `Flags:` block of a command's help: one aligned line per flag, then `-h, --help`. */
export function flagsHelp(command: FlagCommand): string {
  const lines = [...flagsOf(command).map((f) => [flagSpelling(f), f.help]), ['-h, --help', 'this help']];
  const width = Math.max(...lines.map(([s]) => s.length)) + 2;
  return ['Flags:', ...lines.map(([s, h]) => `  ${s.padEnd(width)}${h}`)].join('\n');
}
