/**
 * `cdk8s-ppm lint -f values.yaml [--version V] [--set …]`: every rule of the
 * library on a values file, without writing any output. Prints each problem
 * (the first 50, and how many more) with the path of its value and exits 1, or prints nothing and exits 0; a
 * command line it cannot run exits 2. It takes the value flags of `template`.
 */
import { listedIssues, PackageManagerValidationError } from '../errors';
import { parseArgs } from './args';
import { EXIT_CODES, isUsageProblem, usageLine } from './exit-codes';
import { flagsHelp } from './flag-docs';
import { loadArgsValues, renderArgs, type ReadIo } from './template';

/** What `cdk8s-ppm lint --help` prints. */
export const LINT_USAGE = `usage: cdk8s-ppm lint [-f values.yaml ...] [--version V] [--set K=V ...] [flags]

Runs every rule of the library on chart values without writing any manifest: each
problem is printed with the path of its value (the first 50, and how many more;
exit 1), or nothing (exit 0). It takes the value flags of 'cdk8s-ppm template':

${flagsHelp('lint')}`;

/** Where lint reads and writes. */
export interface LintIo extends ReadIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The namespace when no `-n` is given (`HELM_NAMESPACE`, as helm); `default` if not given. */
  readonly defaultNamespace?: string;
}

/** Runs `cdk8s-ppm lint ARGS` (ARGS without the word `lint`); returns the exit code. */
export function runLint(args: readonly string[], io: LintIo): number {
  try {
    // No NAME: the release is helm's "release-name" (names derived from it are checked against it).
    const parsed = parseArgs(['template', 'release-name', ...args], io.defaultNamespace);
    // The objects are rendered (the output rules need them) and dropped: lint writes no manifest.
    renderArgs(parsed, loadArgsValues(parsed, io));
    return EXIT_CODES.ok;
  } catch (e) {
    if (isUsageProblem(e)) {
      io.stderr(usageLine('lint', e.message));
      return EXIT_CODES.usage;
    }
    if (!PackageManagerValidationError.isPackageManagerValidationError(e)) {
      // A template that fails, or a bug: one line, no stack trace.
      io.stderr(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_CODES.failed;
    }
    for (const line of listedIssues(e.issues, '', (left) => `… and ${left} more problems: fix these first`)) io.stdout(`${line}\n`);
    return EXIT_CODES.failed;
  }
}
