/** What every rule gets: the resolved model, and where to report. */
import { formatPath, issueAbout, parsePath, type ValidationIssue } from '../../errors';
import type { Model } from '../../model';
import { mayBeSecret } from '../secrecy';
import type { PackageManagerWarning, WarningId } from '../../warnings';

export interface RuleContext {
  readonly model: Model;
  /** An error whose message shows no value of the input (or only names: of the props, of containers…). */
  error(path: string, message: string): void;
  /** An error about the value at `path`: `expectation`, then the value, unless it may be a secret (errors.ts `issueAbout`). */
  invalid(path: string | readonly (string | number)[], expectation: string, value: unknown): void;
  warn(id: WarningId, path: string, message: string): void;
}

/** A rule: checks one concern of the model and reports through the context. */
export type Rule = (ctx: RuleContext) => void;

/** Runs rules and collects what they report (the core leaves out the warnings the instance acknowledged). */
export function runRules(rules: readonly Rule[], model: Model) {
  const errors: ValidationIssue[] = [];
  const warnings: PackageManagerWarning[] = [];
  const ctx: RuleContext = {
    model,
    error: (path, message) => errors.push({ path, message }),
    invalid: (path, expectation, value) => {
      const segments = typeof path === 'string' ? parsePath(path) : path;
      errors.push(issueAbout(formatPath(segments), expectation, value, mayBeSecret(segments, value)));
    },
    warn: (id, path, message) => warnings.push({ id, path, message }),
  };
  for (const rule of rules) rule(ctx);
  return { errors, warnings };
}
