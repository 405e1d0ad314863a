/**
 * cdk8s-posit-package-manager: Posit Package Manager on Kubernetes, at
 * output parity with the rstudio-pm Helm chart. The public surface: the
 * construct and its props, the pure core, the values loader, the chart
 * version records, warnings and the one error class.
 */
export { PackageManager } from './package-manager';
export { render, type RenderOptions } from './render';
export type { Manifest } from './parts/manifest';
export type { FromValuesOptions } from './values/options';
export * from './props';
export * from './k8s/types';
export { PackageManagerValidationError, type ValidationIssue } from './errors';
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
