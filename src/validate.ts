/**
 * Validation of the props: the schema (types, enums, ranges, unknown keys)
 * and the rules that span several props. Every problem is collected; the
 * caller throws them together.
 */
import { z } from 'zod';
import { closest, describeValue, formatPath, type ValidationIssue } from './errors';
import { gcfgNameProblem, gcfgValueProblem, parseSectionName } from './gcfg/serialize';
import { CHART_DEFAULTS } from './defaults';
import { deepMerge } from './merge';
import { configValue, gcfgTruthy, type ResolvedValues } from './model';
import { releaseNameProblem } from './names';
import type { PackageManagerProps } from './props';
import { propsSchema } from './schema';

/** What validation found: errors stop synthesis, warnings are reported. */
export interface ValidationResult {
  readonly errors: ValidationIssue[];
  readonly warnings: ValidationIssue[];
}

/** Known keys of the schema object at `path`, for "did you mean" hints. */
function knownKeysAt(path: readonly (string | number)[]): string[] {
  let schema: z.ZodTypeAny = propsSchema;
  for (const seg of path) {
    while (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) schema = schema.unwrap();
    if (schema instanceof z.ZodArray) schema = schema.element;
    else if (schema instanceof z.ZodObject) {
      const next: z.ZodTypeAny | undefined = schema.shape[seg];
      if (!next) return [];
      schema = next;
    } else return [];
  }
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) schema = schema.unwrap();
  if (schema instanceof z.ZodArray) schema = schema.element;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const SECRET_PATHS = new Set(['license.key', 'awsAccessKeyId', 'awsSecretAccessKey', 'rstudioPMKey', 'license.file.contents']);

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Turns zod's issues into ours: path, bad value (secrets masked), what is allowed, the fix. */
function schemaIssues(error: z.ZodError, input: unknown): ValidationIssue[] {
  return error.issues.flatMap((issue) => formatIssue(issue, input));
}

function formatIssue(issue: z.ZodIssue, input: unknown): ValidationIssue[] {
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const known = knownKeysAt(issue.path);
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      const parent = formatPath(issue.path);
      return {
        path: formatPath([...issue.path, key]),
        message: guess
          ? `unknown key; did you mean ${parent ? `${parent}.` : ''}${guess}?`
          : `unknown key; known keys here: ${known.join(', ')}`,
      };
    });
  }
  if (issue.code === z.ZodIssueCode.invalid_union) {
    // Report the branch that got furthest: the deepest path, else one that is not a plain type mismatch.
    const branches = issue.unionErrors.flatMap((e) => e.issues);
    const depth = Math.max(...branches.map((b) => b.path.length));
    const deepest = branches.filter((b) => b.path.length === depth);
    const pick = deepest.find((b) => b.code !== z.ZodIssueCode.invalid_type) ?? deepest[0];
    if (pick && depth > issue.path.length) return formatIssue(pick, input);
    const messages = [...new Set(branches.map((b) => describeExpectation(b)))];
    const path = formatPath(issue.path);
    return [{ path, message: `${messages.join(', or ')}; got ${shown(path, valueAt(input, issue.path))}` }];
  }
  const path = formatPath(issue.path);
  return [{ path, message: `${describeExpectation(issue)}; got ${shown(path, valueAt(input, issue.path))}` }];
}

/** zod's own wording ("Number must be greater than…"), as opposed to ours. */
function isZodDefault(message: string): boolean {
  return /^(Number|String|Array|Set|Date|BigInt) must /.test(message);
}

/** What the schema wanted, in words. */
function describeExpectation(issue: z.ZodIssue): string {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return `must be ${article(issue.expected)}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `must be one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}`;
    case z.ZodIssueCode.too_small:
      if (!isZodDefault(issue.message)) return issue.message;
      return issue.type === 'string' ? `must be at least ${issue.minimum} characters long` : `must be at least ${issue.minimum}`;
    case z.ZodIssueCode.too_big:
      if (!isZodDefault(issue.message)) return issue.message;
      return issue.type === 'string' ? `must be at most ${issue.maximum} characters long` : `must be at most ${issue.maximum}`;
    case z.ZodIssueCode.invalid_literal:
      return `must be ${JSON.stringify(issue.expected)}`;
    default:
      return issue.message;
  }
}

function shown(path: string, value: unknown): string {
  return SECRET_PATHS.has(path) && typeof value === 'string' ? '"****" (hidden)' : describeValue(value);
}

function article(type: string): string {
  const map: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    object: 'a map',
    array: 'a list',
    integer: 'a whole number',
  };
  return map[type] ?? type;
}

/** Rules that span several props, on props that passed the schema. */
function crossRules(props: PackageManagerProps, release: string): ValidationResult {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const v = deepMerge(CHART_DEFAULTS, props) as ResolvedValues;

  const releaseProblem = releaseNameProblem(release);
  if (releaseProblem) errors.push({ path: 'releaseName', message: releaseProblem });

  const config = v.config;
  for (const [section, keys] of Object.entries(props.config ?? {})) {
    const sectionProblem = gcfgNameProblem(parseSectionName(section).name);
    if (sectionProblem) errors.push({ path: `config[${JSON.stringify(section)}]`, message: `section ${sectionProblem}` });
    const seen = new Map<string, string>();
    for (const [key, value] of Object.entries(keys ?? {})) {
      const keyPath = `config.${section}.${key}`;
      const keyProblem = gcfgNameProblem(key);
      if (keyProblem) errors.push({ path: keyPath, message: `key ${keyProblem}` });
      const twin = seen.get(key.toLowerCase());
      if (twin !== undefined) {
        errors.push({ path: keyPath, message: `gcfg names are case-insensitive: ${key} and ${twin} are the same key; keep one` });
      }
      seen.set(key.toLowerCase(), key);
      const list = Array.isArray(value) ? value : [value];
      list.forEach((item, i) => {
        const problem = typeof item === 'string' ? gcfgValueProblem(item) : undefined;
        if (problem) errors.push({ path: Array.isArray(value) ? `${keyPath}[${i}]` : keyPath, message: `the value ${problem}` });
      });
    }
  }
  const sectionsSeen = new Map<string, string>();
  for (const section of Object.keys(props.config ?? {})) {
    const lower = section.toLowerCase();
    const twin = sectionsSeen.get(lower);
    if (twin !== undefined) {
      errors.push({ path: `config.${section}`, message: `gcfg names are case-insensitive: ${section} and ${twin} are the same section; merge them` });
    }
    sectionsSeen.set(lower, section);
  }

  if (String(configValue(config, 'Launcher', 'ServerUser')) === 'root' && v.rootCheckIsFatal) {
    errors.push({
      path: 'config.Launcher.ServerUser',
      message:
        'is "root", but the Package Manager image runs as non-root: remove config.Launcher.ServerUser (or, to bypass this check at your own risk, set rootCheckIsFatal: false)',
    });
  }
  if (configValue(props.config, 'Licensing', 'LicenseType') !== undefined) {
    warnings.push({
      path: 'config.Licensing.LicenseType',
      message:
        'is set by hand; it is normally derived: "remote" when license.server is set, else Package Manager\'s default "local". Consider removing it.',
    });
  }
  if (props.pod?.serviceAccountName) {
    warnings.push({ path: 'pod.serviceAccountName', message: 'is deprecated; use serviceAccount.name instead' });
  }

  if (v.awsAccessKeyId && !v.awsSecretAccessKey) {
    errors.push({ path: 'awsSecretAccessKey', message: 'is required when awsAccessKeyId is set' });
  }
  if (v.license.file.contents && v.license.file.secret) {
    errors.push({
      path: 'license.file',
      message: 'set either license.file.contents (an inline license file) or license.file.secret (an existing Secret), not both',
    });
  }
  if (v.ingress.enabled && (v.ingress.hosts ?? []).length === 0) {
    errors.push({ path: 'ingress.hosts', message: 'ingress.enabled is true but no hosts are given: add at least one { host, paths }' });
  }
  (v.ingress.hosts ?? []).forEach((h, i) => {
    if (v.ingress.enabled && (h.paths ?? []).length === 0) {
      errors.push({ path: `ingress.hosts[${i}].paths`, message: 'an Ingress rule needs at least one path, e.g. ["/"]' });
    }
  });
  const pdb = props.podDisruptionBudget;
  if (pdb && Object.keys(pdb).length > 0 && (pdb.minAvailable === undefined) === (pdb.maxUnavailable === undefined)) {
    errors.push({ path: 'podDisruptionBudget', message: 'set exactly one of minAvailable and maxUnavailable' });
  }
  if (props.serviceMonitor?.enabled && !gcfgTruthy(configValue(config, 'Metrics', 'Enabled'))) {
    warnings.push({
      path: 'serviceMonitor.enabled',
      message: 'is true but config.Metrics.Enabled is off, so no ServiceMonitor is created: turn metrics on or drop serviceMonitor',
    });
  }
  if ((v.replicas ?? 1) > 1) {
    const shared = (v.sharedStorage.create || v.sharedStorage.mount) && (v.sharedStorage.accessModes ?? []).includes('ReadWriteMany');
    const s3 = String(configValue(config, 'Storage', 'Default') ?? '').toLowerCase() === 's3';
    if (!shared && !s3) {
      errors.push({
        path: 'replicas',
        message: `is ${v.replicas}, but the pods would not share their data: mount shared storage with ReadWriteMany (sharedStorage.create or sharedStorage.mount) or use S3 (config.Storage.Default: "s3"), or set replicas: 1`,
      });
    }
  }
  return { errors, warnings };
}

/** Validates props and returns every problem found. */
export function validateProps(props: unknown, release: string): ValidationResult {
  const parsed = propsSchema.safeParse(props);
  if (!parsed.success) return { errors: schemaIssues(parsed.error, props), warnings: [] };
  return crossRules(props as PackageManagerProps, release);
}
