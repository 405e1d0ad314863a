/**
 * Parse: the props as given → the values the model is resolved from.
 * Config names are normalized the way gcfg reads them; the props are merged
 * over the chart version's defaults the way Helm coalesces values (`null`
 * removes a default, at any depth); then the schema checks the result:
 * types, enums, ranges, unknown keys and Kubernetes shapes. Every problem is
 * collected; the caller throws them together.
 */
import { CHART_VERSIONS, isChartVersion, unsupportedChartVersion, type ChartVersion } from '../../chart-versions';
import { normalizeConfig, normalizeConfigFromSecrets } from '../../config/normalize';
import { formatPath, type ValidationIssue } from '../../errors';
import { deepMerge, isPlainObject } from '../../leaf/objects';
import { defaultsOf, evaluateDefaultTemplates, type ResolvedValues } from '../../model';
import type { PackageManagerProps } from '../../props';
import { isWarningId, WARNINGS, type PackageManagerWarning, type WarningId } from '../../warnings';
import { propsCheck } from '../fast-check';
import { needsRedaction, redactIssues, secretStringsIn } from '../secrecy';

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
  // One path, extended and shortened in place: the walk allocates only for the keys it reports.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      reservedKeyIssues(value[i], path, out);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    const inGcfgNames = path.length <= 2 && GCFG_DOCS.has(String(path[0]));
    for (const k of Object.keys(value)) {
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
      else {
        path.push(k);
        reservedKeyIssues((value as Record<string, unknown>)[k], path, out);
        path.pop();
      }
    }
  }
  return out;
}

/** The props as given (config names normalized), and merged over the chart version's defaults. */
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
  const refs = normalizeConfigFromSecrets(given.configFromSecrets);
  if (isPlainObject(given.configFromSecrets)) given.configFromSecrets = refs.refs;
  const version = isChartVersion(props.chartVersion) ? props.chartVersion : CHART_VERSIONS[0];
  const values = evaluateDefaultTemplates(deepMerge(defaultsOf(version), given, { nullDeletes: true }) as ResolvedValues);
  return {
    given,
    values,
    version,
    errors: [...config.errors, ...refs.errors],
    warnings: [...config.warnings, ...refs.warnings],
  };
}

const EXTRA_SECTION = /^extraConfig(?:\.([^.[]+)|\[("(?:[^"\\]|\\.)*")\])/;

/** An issue of a section `config` holds and `extraConfig` does not (an untyped one, moved there): named as in `config`. */
function configOrigin(issue: ValidationIssue, props: PackageManagerProps): ValidationIssue {
  const m = EXTRA_SECTION.exec(issue.path);
  if (!m) return issue;
  const section = (m[1] ?? (JSON.parse(m[2]) as string)).toLowerCase();
  const has = (doc: unknown) => isPlainObject(doc) && Object.keys(doc).some((s) => s.toLowerCase() === section);
  return has(props.config) && !has(props.extraConfig) ? { ...issue, path: `config${issue.path.slice('extraConfig'.length)}` } : issue;
}

export function parseProps(props: PackageManagerProps): ParseResult {
  const reserved = reservedKeyIssues(props);
  if (reserved.length > 0) return { errors: reserved, warnings: [] };
  const result = parse(props);
  if (!needsRedaction(result.errors, result.warnings)) return result;
  // The last net: no message may hold a secret of the input, whatever produced it.
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

  const merged = mergeOverDefaults(props);
  const { given, values, version, warnings } = merged;
  errors.push(...merged.errors);
  errors.push(...schemaErrors(values, props).map((issue) => configOrigin(issue, props)));
  if (errors.length > 0) return { errors, warnings };
  return {
    parsed: { chartVersion: version, given, values, acknowledgeWarnings: acks as WarningId[] },
    errors,
    warnings,
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
  const { propsSchema } = require('../../schema') as typeof import('../../schema');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { schemaIssues } = require('./schema-issues') as typeof import('./schema-issues');
  const checked = propsSchema.safeParse(input);
  return checked.success ? [] : schemaIssues(checked.error, input);
}
