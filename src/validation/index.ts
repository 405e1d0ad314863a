/**
 * Validation of the props: the schema (types, enums, ranges, unknown keys,
 * Kubernetes shapes), then the rules that span several props, on the
 * resolved model. Every problem is collected; the caller throws them together.
 */
import { normalizeConfig } from '../config/normalize';
import type { ValidationIssue } from '../errors';
import { resolveModel, type Model } from '../model';
import type { PackageManagerProps } from '../props';
import { propsSchema } from '../schema';
import { crossRules } from './rules';
import { schemaIssues } from './schema-issues';

/** What validation found: errors stop synthesis, warnings are reported; the model when there are no errors. */
export interface ValidationResult {
  readonly errors: ValidationIssue[];
  readonly warnings: ValidationIssue[];
  readonly model?: Model;
}

/** Validates props for a release and returns every problem found (and the model when there is none). */
export function validateProps(props: unknown, release: string, namespace: string): ValidationResult {
  const given = (props ?? {}) as Record<string, unknown>;
  const config = normalizeConfig(given.config, given.extraConfig);
  const normalized = { ...given, config: config.config, extraConfig: config.extra };
  const parsed = propsSchema.safeParse(normalized);
  const schemaErrors = parsed.success ? [] : schemaIssues(parsed.error, normalized);
  if (config.errors.length > 0 || schemaErrors.length > 0) {
    return { errors: [...config.errors, ...schemaErrors], warnings: config.warnings };
  }
  const typed = normalized as PackageManagerProps;
  const model = resolveModel(typed, release, namespace);
  const rules = crossRules(typed, model);
  const warnings = [...config.warnings, ...rules.warnings];
  return rules.errors.length > 0 ? { errors: rules.errors, warnings } : { errors: [], warnings, model };
}
