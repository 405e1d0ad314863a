/**
 * Parse: the props as given → the values the model is resolved from.
 * Config names are normalized the way gcfg reads them; the props are merged
 * over the chart version's defaults the way Helm coalesces values (`null`
 * removes a default, at any depth); then the schema checks the result:
 * types, enums, ranges, unknown keys and Kubernetes shapes. Every problem is
 * collected; the caller throws them together.
 */
import { CHART_VERSIONS, isChartVersion, unsupportedChartVersion, type ChartVersion } from '../chart-versions';
import { normalizeConfig } from '../config/normalize';
import type { ValidationIssue } from '../errors';
import { deepMerge } from '../merge';
import { defaultsOf, evaluateDefaultTemplates, type ResolvedValues } from '../model';
import type { PackageManagerProps } from '../props';
import { isWarningId, WARNINGS, type PackageManagerWarning, type WarningId } from '../warnings';
import { propsCheck } from './fast-check';

/** The props, parsed. */
export interface ParsedProps {
  /** The chart version to render. */
  readonly chartVersion: ChartVersion;
  /** The props as given (config names normalized; `null` kept). */
  readonly given: Readonly<Record<string, unknown>>;
  /** The props merged over the chart version's defaults. */
  readonly values: ResolvedValues;
  /** Warnings acknowledged for this instance. */
  readonly acknowledgeWarnings: readonly WarningId[];
}

/** What parsing found: the parsed props when there is no error. */
export interface ParseResult {
  readonly parsed?: ParsedProps;
  readonly errors: ValidationIssue[];
  readonly warnings: PackageManagerWarning[];
}

const IDENTITY = ['releaseName', 'namespace', 'chartVersion', 'acknowledgeWarnings'] as const;

/** The props as given (config normalized), and merged over the chart version's defaults. */
export function mergeOverDefaults(props: PackageManagerProps) {
  // A copy without the identity keys (built key by key: deleting keys would slow every later read of it).
  const given: Record<string, unknown> = {};
  for (const k in props) {
    if (Object.prototype.hasOwnProperty.call(props, k) && !(IDENTITY as readonly string[]).includes(k))
      given[k] = props[k as keyof PackageManagerProps];
  }
  const config = normalizeConfig(given.config, given.extraConfig);
  if (given.config !== undefined && given.config !== null) given.config = config.config;
  if (given.extraConfig !== undefined && given.extraConfig !== null) given.extraConfig = config.extra;
  else if (Object.keys(config.extra).length > 0) given.extraConfig = config.extra;
  const version = isChartVersion(props.chartVersion) ? props.chartVersion : CHART_VERSIONS[0];
  const values = evaluateDefaultTemplates(deepMerge(defaultsOf(version), given, { nullDeletes: true }) as ResolvedValues);
  return { given, values, config, version };
}

export function parseProps(props: PackageManagerProps): ParseResult {
  const errors: ValidationIssue[] = [];
  const { chartVersion, acknowledgeWarnings } = props;
  if (chartVersion !== undefined && !isChartVersion(chartVersion)) {
    errors.push({ path: 'chartVersion', message: unsupportedChartVersion(chartVersion) });
  }
  const acks = acknowledgeWarnings ?? [];
  if (!Array.isArray(acks)) errors.push({ path: 'acknowledgeWarnings', message: 'must be a list of warning ids, e.g. ["ppm:sandboxing"]' });
  else
    acks.forEach((id, i) => {
      if (!isWarningId(id))
        errors.push({
          path: `acknowledgeWarnings[${i}]`,
          message: `unknown warning id ${JSON.stringify(id)}; known ids: ${Object.keys(WARNINGS).join(', ')}`,
        });
    });

  const { given, values, config, version } = mergeOverDefaults(props);
  errors.push(...config.errors);
  errors.push(...schemaErrors(values, props));
  if (errors.length > 0) return { errors, warnings: config.warnings };
  return {
    parsed: { chartVersion: version, given, values, acknowledgeWarnings: acks as WarningId[] },
    errors,
    warnings: config.warnings,
  };
}

const { releaseName: releaseNameCheck, namespace: namespaceCheck } = propsCheck.shape!;

/** True when the schema accepts the merged values with the release name and namespace given (the fast check: no zod). */
export function passesFastCheck(values: ResolvedValues, props: PackageManagerProps): boolean {
  const { releaseName, namespace } = props;
  return (
    propsCheck(values) &&
    (releaseName === undefined || releaseNameCheck(releaseName)) &&
    (namespace === undefined || namespaceCheck(namespace))
  );
}

/** What the zod schema checks: the merged values with the release name and namespace given. */
export function schemaInput(values: ResolvedValues, props: PackageManagerProps): Record<string, unknown> {
  const identity = Object.fromEntries(
    IDENTITY.filter((k) => k !== 'chartVersion' && k !== 'acknowledgeWarnings' && props[k] !== undefined).map((k) => [k, props[k]]),
  );
  return { ...values, ...identity };
}

/**
 * What the schema finds wrong in the merged values: nothing, found by the
 * fast check on the valid path; the zod schema is loaded only to explain a
 * failure (and is the judge, should the two ever disagree).
 */
function schemaErrors(values: ResolvedValues, props: PackageManagerProps): ValidationIssue[] {
  if (passesFastCheck(values, props)) return [];
  const input = schemaInput(values, props);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { propsSchema } = require('../schema') as typeof import('../schema');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { schemaIssues } = require('./schema-issues') as typeof import('./schema-issues');
  const checked = propsSchema.safeParse(input);
  return checked.success ? [] : schemaIssues(checked.error, input);
}
