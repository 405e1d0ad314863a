/**
 * Parse: the props as given → the values the model is resolved from.
 * Config names are normalized the way gcfg reads them; the props are merged
 * over the chart version's defaults the way Helm coalesces values (`null`
 * removes a default, at any depth); then the schema checks the result:
 * types, enums, ranges, unknown keys and Kubernetes shapes. Every problem is
 * collected; the caller throws them together.
 */
import { CHART_VERSIONS, isChartVersion, unsupportedChartVersion, type ChartVersion } from '../chart-versions';
import { normalizeConfig, normalizeConfigFromSecrets } from '../config/normalize';
import { formatPath, type ValidationIssue } from '../errors';
import { deepMerge, isPlainObject } from '../merge';
import { defaultsOf, evaluateDefaultTemplates, type ResolvedValues } from '../model';
import type { PackageManagerProps } from '../props';
import { propsSchema } from '../schema';
import { isWarningId, WARNINGS, type PackageManagerWarning, type WarningId } from '../warnings';
import { schemaIssues } from './schema-issues';
import { needsRedaction, redactIssues, secretStringsIn } from './secrecy';

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

/** Docs whose sections and keys become gcfg text or variable names, never a manifest's keys. */
const GCFG_DOCS = new Set(['config', 'extraConfig', 'configFromSecrets']);

/**
 * Keys that cannot be carried: `__proto__` (JavaScript's object internals;
 * no setting has that name) anywhere, and `constructor` in whatever becomes
 * part of a manifest (cdk8s reads every object's `constructor` to serialize
 * it, and fails). Config sections and keys of those names are carried: they
 * become gcfg text. Every such key is reported with its path.
 */
export function reservedKeyIssues(value: unknown, path: (string | number)[] = [], out: ValidationIssue[] = []): ValidationIssue[] {
  if (Array.isArray(value)) value.forEach((v, i) => reservedKeyIssues(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const inGcfgNames = GCFG_DOCS.has(String(path[0])) && path.length <= 2;
      if (k === '__proto__')
        out.push({
          path: formatPath([...path, k]),
          message: '"__proto__" is a name JavaScript reserves for object internals, and no setting has it: remove it',
        });
      else if (k === 'constructor' && !inGcfgNames)
        out.push({
          path: formatPath([...path, k]),
          message:
            '"constructor" cannot be a key here: cdk8s reads every object\'s "constructor" when it writes a manifest, and would fail: remove it',
        });
      else reservedKeyIssues((value as Record<string, unknown>)[k], [...path, k], out);
    }
  }
  return out;
}

export function parseProps(props: PackageManagerProps): ParseResult {
  const reserved = reservedKeyIssues(props);
  if (reserved.length > 0) return { errors: reserved, warnings: [] };
  const result = parse(props);
  if (!needsRedaction(result.errors, result.warnings)) return result;
  const secrets = secretStringsIn(props);
  return { ...result, errors: redactIssues(result.errors, secrets), warnings: redactIssues(result.warnings, secrets) };
}

function parse(props: PackageManagerProps): ParseResult {
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
  const refs = normalizeConfigFromSecrets(given.configFromSecrets);
  if (isPlainObject(given.configFromSecrets)) given.configFromSecrets = refs.refs;
  errors.push(...refs.errors);
  const warnings = [...config.warnings, ...refs.warnings];

  const version = isChartVersion(chartVersion) ? chartVersion : CHART_VERSIONS[0];
  const values = evaluateDefaultTemplates(deepMerge(defaultsOf(version), given, { nullDeletes: true }) as ResolvedValues);
  const identity = Object.fromEntries(
    IDENTITY.filter((k) => k !== 'chartVersion' && k !== 'acknowledgeWarnings' && props[k] !== undefined).map((k) => [k, props[k]]),
  );
  const checked = propsSchema.safeParse({ ...values, ...identity });
  if (!checked.success) errors.push(...schemaIssues(checked.error, { ...values, ...identity }));
  if (errors.length > 0) return { errors, warnings };
  return {
    parsed: { chartVersion: version, given, values, acknowledgeWarnings: acks as WarningId[] },
    errors,
    warnings,
  };
}
