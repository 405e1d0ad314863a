/**
 * Validation of the props: the schema (types, enums, ranges, unknown keys,
 * Kubernetes shapes), then the rules that span several props, on the
 * resolved model. Every problem is collected; the caller throws them together.
 */
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
  const parsed = propsSchema.safeParse(props);
  if (!parsed.success) return { errors: schemaIssues(parsed.error, props), warnings: [] };
  const typed = props as PackageManagerProps;
  const model = resolveModel(typed, release, namespace);
  const { errors, warnings } = crossRules(typed, model);
  return errors.length > 0 ? { errors, warnings } : { errors, warnings, model };
}
