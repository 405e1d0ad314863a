/**
 * The issues of the PackageManagerValidationError a function throws; fails when it throws none, another error, or
 * a message carrying a stack trace.
 */
import { PackageManagerValidationError } from '../../src';

export function issuesOf(fn: () => unknown): PackageManagerValidationError['issues'] {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof PackageManagerValidationError)) throw e;
    expect(e.message).not.toMatch(/\n\s+at /); // a message, not a stack trace
    return e.issues;
  }
  throw new Error('expected PackageManagerValidationError, but it succeeded');
}
