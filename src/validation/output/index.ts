/** The output stage: rules on the rendered objects (with the model they came from); errors and warnings. */
import type { ValidationIssue } from '../../errors';
import type { Model } from '../../model';
import type { RenderedObject } from '../../parts/manifest';
import type { PackageManagerWarning } from '../../warnings';
import { checkCollisions, checkSizes } from './objects';
import { needsRedaction, redactIssues, secretStringsIn } from '../secrecy';
import { hardenedPodSecurity } from './pod-security';

/** Every problem of the rendered output (collisions, then sizes) and its warnings (no warning holds a value that may be a secret). */
export function checkOutput(
  model: Model,
  objects: readonly RenderedObject[],
): { errors: ValidationIssue[]; warnings: PackageManagerWarning[] } {
  const errors = [...checkCollisions(objects, model.namespace), ...checkSizes(objects)];
  const warnings = hardenedPodSecurity(model, objects);
  return { errors, warnings: needsRedaction([], warnings) ? redactIssues(warnings, secretStringsIn(model.values)) : warnings };
}
