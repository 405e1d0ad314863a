import { ValuesError } from '../errors';
import { UsageError } from './args';

/** The exit codes of `cdk8s-ppm`, one place; what each means is `EXIT_CODE_MEANINGS`. */
export const EXIT_CODES = {
  ok: 0,
  failed: 1,
  usage: 2,
} as const;

/** What each exit code means: `cdk8s-ppm --help` and the README's exit codes table (`npm run docs`) print it. */
export const EXIT_CODE_MEANINGS: Readonly<Record<keyof typeof EXIT_CODES, string>> = {
  ok: 'done (rendered, printed, no problem found); `diff`: nothing but labels, annotations and checksums differ',
  failed: '`template`, `lint`: the values are refused or cannot be rendered; `diff`: real changes, or deliberate fixes not accepted',
  usage:
    'usage error: an unknown command or flag, a bad flag value, a `--set` that does not parse; `diff`: the diff cannot be made (a file that cannot be read, refused values)',
};

/** The one line a usage error prints: the problem and where the help is. */
export function usageLine(command: string | undefined, message: string): string {
  return `Error: ${message} (see 'cdk8s-ppm${command ? ` ${command}` : ''} --help')\n`;
}

/** Whether an error is the command line's fault (exit 2): a bad flag, or a `--set` that does not parse. */
export function isUsageProblem(e: unknown): e is Error {
  return e instanceof UsageError || (e instanceof ValuesError && e.source.startsWith('--set'));
}
