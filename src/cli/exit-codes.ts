import { ValuesError } from '../errors';
import { UsageError } from './args';

/** The exit codes of `cdk8s-ppm`, one place (the README's table is checked against it). */
export const EXIT_CODES = {
  /** Done: rendered, printed; `diff`: nothing but labels, annotations and checksums differ. */
  ok: 0,
  /** `template`: the values are refused or cannot be rendered; `diff`: real changes (or deliberate fixes not accepted). */
  failed: 1,
  /** A command line that cannot be run (unknown command or flag, bad flag value, bad `--set`); `diff`: the diff cannot be made. */
  usage: 2,
} as const;

/** The one line a usage error prints: the problem and where the help is. */
export function usageLine(command: string | undefined, message: string): string {
  return `Error: ${message} (see 'cdk8s-ppm${command ? ` ${command}` : ''} --help')\n`;
}

/** Whether an error is the command line's fault (exit 2): a bad flag, or a `--set` that does not parse. */
export function isUsageProblem(e: unknown): e is Error {
  return e instanceof UsageError || (e instanceof ValuesError && e.source.startsWith('--set'));
}
