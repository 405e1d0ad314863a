/**
 * `cdk8s-posit-package-manager/diff`: the migration diff as a library, for
 * tools that gate a move from the Helm chart (what `cdk8s-ppm diff` prints).
 *
 *   import { diffRelease, exitCodeOf, formatReport } from 'cdk8s-posit-package-manager/diff';
 *
 * Loaded only by those who import it (it brings the values loader along).
 */
export { diffRelease, type DiffInput } from './release';
export { countKinds, exitCodeOf, fixesFound, formatReport, reportJson, HIDDEN, type DiffResult } from './report';
export {
  classify,
  worstKind,
  DELIBERATE_FIXES,
  DIFF_KINDS,
  KIND_TITLES,
  type ClassifiedDifference,
  type ClassifiedObject,
  type ClassifyContext,
  type DiffKind,
  type FixId,
} from './classify';
export { compareManifests, refKey, sameData, type Difference, type DifferenceTag, type ObjectComparison, type ObjectRef } from './compare';
export { formatPath } from '../errors';
export type { PathSegment } from '../leaf/objects';
