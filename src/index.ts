/**
 * cdk8s-posit-package-manager: Posit Package Manager on Kubernetes, at
 * output parity with the rstudio-pm Helm chart. The public surface: the
 * construct and its props, the pure core, the values loader, the chart
 * version records, warnings and the one error class.
 */
export { PackageManager } from './package-manager';
export { render, type RenderedManifests, type RenderOptions } from './render';
export type { Manifest } from './parts/manifest';
export type { FromValuesOptions } from './values/options';
import type { LoadValuesOptions } from './values/load';
export type { LoadValuesOptions } from './values/load';

/**
 * Reads and merges values files and `--set`-style flags exactly as `helm template` does (and `cdk8s-ppm`): the
 * user's values, `null`s kept, ready for `PackageManager.fromValues` or `render`. The loader is loaded on first use;
 * `cdk8s-posit-package-manager/values` has the rest of it (coalescing, the YAML reader, the `--set` parser).
 * @throws ValuesError (a PackageManagerValidationError) naming the file or flag at fault (never its content)
 */
export function loadValues(options: LoadValuesOptions): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./values/load') as typeof import('./values/load')).loadValues(options);
}
export * from './props';
export * from './k8s/types';
export type * from './k8s/gateway-types';
export { PackageManagerValidationError, ValuesError, type ValidationIssue } from './errors';
export {
  CHART_RECORDS,
  CHART_VERSIONS,
  DEFAULT_CHART_VERSION,
  type ChartGuard,
  type ChartVersion,
  type ChartVersionRecord,
  type ImageTagScheme,
} from './chart-versions';
export { WARNINGS, type PackageManagerWarning, type WarningId } from './warnings';
export { acknowledgeWarning, collectWarnings, reportWarnings, type FoundWarning } from './report-warnings';
