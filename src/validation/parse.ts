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
import { propsSchema } from '../schema';
import { isWarningId, WARNINGS, type PackageManagerWarning, type WarningId } from '../warnings';
import { schemaIssues } from './schema-issues';

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

  const given: Record<string, unknown> = { ...props };
  for (const k of IDENTITY) delete given[k];
  const config = normalizeConfig(given.config, given.extraConfig);
  if (given.config !== undefined && given.config !== null) given.config = config.config;
  if (given.extraConfig !== undefined && given.extraConfig !== null) given.extraConfig = config.extra;
  else if (Object.keys(config.extra).length > 0) given.extraConfig = config.extra;
  errors.push(...config.errors);

  const version = isChartVersion(chartVersion) ? chartVersion : CHART_VERSIONS[0];
  const values = evaluateDefaultTemplates(deepMerge(defaultsOf(version), given, { nullDeletes: true }) as ResolvedValues);
  const identity = Object.fromEntries(
    IDENTITY.filter((k) => k !== 'chartVersion' && k !== 'acknowledgeWarnings' && props[k] !== undefined).map((k) => [k, props[k]]),
  );
  const checked = propsSchema.safeParse({ ...values, ...identity });
  if (!checked.success) errors.push(...schemaIssues(checked.error, { ...values, ...identity }));
  if (errors.length > 0) return { errors, warnings: config.warnings };
  return {
    parsed: { chartVersion: version, given, values, acknowledgeWarnings: acks as WarningId[] },
    errors,
    warnings: config.warnings,
  };
}
