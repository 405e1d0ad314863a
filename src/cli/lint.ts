/**
 * `cdk8s-ppm lint -f values.yaml [--version V] [--set …]`: every rule of the
 * library on a values file, without writing any output. Prints each problem
 * with the path of its value and exits 1, or prints nothing and exits 0; a
 * command line it cannot run exits 2. It takes the value flags of `template`.
 */
import { PackageManagerValidationError } from '../errors';
import { parseArgs, UsageError } from './args';
import { loadArgsValues, renderArgs, type ReadIo } from './template';

/** Where lint reads and writes. */
export interface LintIo extends ReadIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Runs `cdk8s-ppm lint ARGS` (ARGS without the word `lint`); returns the exit code. */
export function runLint(args: readonly string[], io: LintIo): number {
  try {
    // No NAME: the release is helm's "release-name" (names derived from it are checked against it).
    const parsed = parseArgs(['template', 'release-name', ...args]);
    // The objects are rendered (the output rules need them) and dropped: lint writes no manifest.
    renderArgs(parsed, loadArgsValues(parsed, io));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`Error: ${e.message}\n`);
      return 2;
    }
    if (!PackageManagerValidationError.isPackageManagerValidationError(e)) throw e;
    for (const issue of e.issues) io.stdout(`${issue.path ? `${issue.path}: ` : ''}${issue.message}\n`);
    return 1;
  }
}
