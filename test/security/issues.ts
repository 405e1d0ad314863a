/** The issues of the PackageManagerValidationError a function throws (fails when it throws none, or another error). */
import { PackageManagerValidationError } from '../../src';

export function issuesOf(fn: () => unknown): PackageManagerValidationError['issues'] {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof PackageManagerValidationError)) throw e;
    return e.issues;
  }
  throw new Error('expected PackageManagerValidationError, but it succeeded');
}
