/**
 * The commands of `cdk8s-ppm`, one entry each: adding a command is adding an entry here (its name, the one line of
 * the top-level help, its own `--help` text, its long flags for shell completion, and how it runs). `-h`/`--help`
 * after any command prints that command's help and exits 0, before the command sees its arguments.
 */
import { loadValues as loadValueFlags } from '../values/load';
import { FLAGS, USAGE } from './args';
import { completionScript, COMPLETION_HELP, SHELLS, type CompletionCommand } from './completion';
import { EXIT_CODE_MEANINGS, EXIT_CODES, usageLine } from './exit-codes';
import { LINT_USAGE, runLint } from './lint';
import { textOf, type CliContext } from './io';
import { runSchema, SCHEMA_USAGE } from './schema';
import { runTemplate } from './template-command';

export interface CliCommand extends CompletionCommand {
  /** One line for `cdk8s-ppm --help`. */
  readonly summary: string;
  /** What `cdk8s-ppm NAME --help` prints. */
  readonly help: string;
  /** Runs the command with the arguments after its name; returns the exit code. */
  readonly run: (argv: readonly string[], ctx: CliContext) => number;
}

/**
 * The diff command's module, loaded on first use only: `template`, the common command, never reads the comparison
 * and report code (nor does the bundled command line run it).
 */
function diffModule(): typeof import('./diff') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./diff') as typeof import('./diff');
}

/** The package's version, as `--version` prints it. */
export function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

const VERSION_HELP = `usage: cdk8s-ppm version

Prints the version of cdk8s-posit-package-manager (also: cdk8s-ppm --version).`;

const HELP_HELP = `usage: cdk8s-ppm help [COMMAND]

Prints the help of cdk8s-ppm, or of COMMAND (also: cdk8s-ppm COMMAND --help).`;

export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'template',
    summary: 'print the manifests for chart values, like helm template',
    help: USAGE,
    flags: Object.keys(FLAGS),
    run: runTemplate,
  },
  {
    name: 'diff',
    summary: 'the migration report: what switching from the chart changes, object by object',
    get help() {
      return diffModule().DIFF_USAGE;
    },
    get flags() {
      return diffModule().DIFF_FLAGS;
    },
    run: (argv, ctx) =>
      diffModule().runDiff(argv, {
        readFile: (path) => textOf(ctx.readFile(path)),
        readStdin: () => textOf(ctx.readStdin()),
        stdout: ctx.stdout,
        stderr: ctx.stderr,
        // The migration report reads values exactly as `template` does.
        loadValues: (o) => loadValueFlags({ ...o, readFile: ctx.readFile, readStdin: ctx.readStdin }),
        defaultNamespace: ctx.defaultNamespace,
      }),
  },
  {
    name: 'lint',
    summary: 'check chart values with every rule of the library, without rendering output',
    help: LINT_USAGE,
    flags: Object.keys(FLAGS),
    run: (argv, ctx) => runLint(argv, ctx),
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of the chart values of a chart version',
    help: SCHEMA_USAGE,
    flags: ['version'],
    run: runSchema,
  },
  {
    name: 'completion',
    summary: `the shell completion script (${SHELLS.join(', ')})`,
    help: COMPLETION_HELP,
    flags: [],
    args: SHELLS,
    run: (argv, ctx) => {
      if (argv.length !== 1 || !(SHELLS as readonly string[]).includes(argv[0])) {
        ctx.stderr(usageLine('completion', `give one shell: ${SHELLS.join(', ')}`));
        return EXIT_CODES.usage;
      }
      ctx.stdout(completionScript(argv[0] as (typeof SHELLS)[number], COMMANDS));
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'version',
    summary: 'print the version',
    help: VERSION_HELP,
    flags: [],
    run: (argv, ctx) => {
      if (argv.length > 0) {
        ctx.stderr(usageLine('version', `unexpected argument "${argv[0]}"`));
        return EXIT_CODES.usage;
      }
      ctx.stdout(`${packageVersion()}\n`);
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'help',
    summary: 'the help of cdk8s-ppm or of a command',
    help: HELP_HELP,
    flags: [],
    run: (argv, ctx) => {
      if (argv.length === 0) {
        ctx.stdout(`${topHelp()}\n`);
        return EXIT_CODES.ok;
      }
      const command = COMMANDS.find((c) => c.name === argv[0]);
      if (!command || argv.length > 1) {
        ctx.stderr(usageLine(undefined, `unknown command "${argv.join(' ')}"`));
        return EXIT_CODES.usage;
      }
      ctx.stdout(`${command.help}\n`);
      return EXIT_CODES.ok;
    },
  },
];

/** What `cdk8s-ppm --help` prints: the commands, the exit codes. */
export function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'usage: cdk8s-ppm COMMAND [ARGS] [flags]',
    '',
    'Renders Posit Package Manager as the rstudio-pm Helm chart would, from its values,',
    'with cdk8s-posit-package-manager.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Flags:',
    "  -h, --help     this help (after a command: that command's help)",
    '      --version  print the version',
    '',
    'Exit codes:',
    ...Object.entries(EXIT_CODES).map(([k, code]) => `  ${code}  ${EXIT_CODE_MEANINGS[k as keyof typeof EXIT_CODES].replace(/`/g, '')}`),
    '',
    "Run 'cdk8s-ppm COMMAND --help' for more.",
  ].join('\n');
}
