/** What every rule gets: the resolved model, and where to report. */
import type { ValidationIssue } from '../../errors';
import type { Model } from '../../model';
import type { PackageManagerWarning, WarningId } from '../../warnings';

export interface RuleContext {
  readonly model: Model;
  error(path: string, message: string): void;
  warn(id: WarningId, path: string, message: string): void;
}

/** A rule: checks one concern of the model and reports through the context. */
export type Rule = (ctx: RuleContext) => void;

/** Runs rules and collects what they report (warnings the instance acknowledged are left out). */
export function runRules(rules: readonly Rule[], model: Model) {
  const errors: ValidationIssue[] = [];
  const warnings: PackageManagerWarning[] = [];
  const ctx: RuleContext = {
    model,
    error: (path, message) => errors.push({ path, message }),
    warn: (id, path, message) => {
      if (!model.acknowledged.has(id)) warnings.push({ id, path, message });
    },
  };
  for (const rule of rules) rule(ctx);
  return { errors, warnings };
}
