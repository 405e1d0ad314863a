/**
 * The issues of the PackageManagerValidationError a function throws; fails when it throws none, another error, or
 * a message carrying a stack trace.
 */
import { PackageManagerValidationError } from '../../src';
import { thrown } from './thrown';

export function issuesOf(fn: () => unknown): PackageManagerValidationError['issues'] {
  const e = thrown(fn, PackageManagerValidationError);
  expect(e.message).not.toMatch(/\n\s+at /); // a message, not a stack trace
  return e.issues;
}
