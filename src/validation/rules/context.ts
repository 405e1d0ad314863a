/** What every rule gets: the props as given, the resolved model, and where to report. */
import type { ValidationIssue } from '../../errors';
import type { Model } from '../../model';
import type { PackageManagerProps } from '../../props';

export interface RuleContext {
  readonly props: PackageManagerProps;
  readonly model: Model;
  error(path: string, message: string): void;
  warn(path: string, message: string): void;
}

/** A rule: checks one concern and reports through the context. */
export type Rule = (ctx: RuleContext) => void;

/** Runs rules and collects what they report. */
export function runRules(rules: readonly Rule[], props: PackageManagerProps, model: Model) {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const ctx: RuleContext = {
    props,
    model,
    error: (path, message) => errors.push({ path, message }),
    warn: (path, message) => warnings.push({ path, message }),
  };
  for (const rule of rules) rule(ctx);
  return { errors, warnings };
}
