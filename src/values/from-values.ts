/**
 * Chart values → props. This is the only place that knows the chart's YAML
 * habits; after it, values files and typed props take one path.
 *
 * - `false`, `""`, `0` and `null` mean "unset" for the values the chart
 *   tests with `if`/`with`/`default` (list below), exactly as in the chart.
 * - `command`/`args` given as strings are read as YAML (`'["sleep","1000"]'`).
 * - `pod.annotations` values are quoted to strings, as the chart does.
 * - Templated strings in `extraObjects` and `pod.containerSecurityContext`
 *   are evaluated (see template.ts).
 * - Keys that older chart versions used and 0.5.29 ignores are dropped with
 *   a warning; any other unknown key is an error (reported by validation).
 */
import { CHART } from '../defaults';
import { PackageManagerValidationError, formatPath, type ValidationIssue } from '../errors';
import { deepMerge, isPlainObject } from '../merge';
import { chartName, commonLabels, fullName, selectorLabels, serviceAccountName } from '../names';
import type { PackageManagerProps } from '../props';
import { CHART_VALUES } from './chart-values';
import { goPrint, isTemplate, renderTemplate, TemplateError, type TemplateContext } from './template';
import { parseYamlDocuments, parseYamlScalar, parseYaml } from './yaml';

/** Options of `PackageManager.fromValues`. */
export interface FromValuesOptions {
  /**
   * Release name.
   * @default - the construct id
   */
  readonly releaseName?: string;
  /**
   * Release namespace.
   * @default - the enclosing cdk8s Chart's namespace, else 'default'
   */
  readonly namespace?: string;
}

/**
 * Keys that earlier chart versions (or the chart's own CI files) carry and
 * 0.5.29 ignores: dropped with a warning, so old values files still work.
 */
export const STALE_KEYS: Readonly<Record<string, string>> = {
  storageClaim: 'not used since chart 0.2: use sharedStorage',
  nodePort: 'not used by chart 0.5.29: use service.nodePort',
  metricsNodePort: 'not used by chart 0.5.29: the metrics port is not exposed as a NodePort',
  'image.pullPolicy': 'removed in chart 0.2.7: use image.imagePullPolicy',
};

/** Values the chart tests for truthiness: `false`, `""`, `0` and `null` there mean "unset". */
const UNSET_WHEN_FALSY = new Set([
  'nameOverride',
  'fullnameOverride',
  'versionOverride',
  'sharedStorage.name',
  'sharedStorage.storageClassName',
  'sharedStorage.volumeName',
  'sharedStorage.selector',
  'sharedStorage.annotations',
  'image.tag',
  'image.imagePullSecrets',
  'license.key',
  'license.server',
  'license.file.contents',
  'license.file.secret',
  'service.clusterIP',
  'service.loadBalancerIP',
  'service.nodePort',
  'service.annotations',
  'awsAccessKeyId',
  'awsSecretAccessKey',
  'rstudioPMKey',
  'command',
  'args',
  'initContainers',
  'pod.env',
  'pod.volumes',
  'pod.volumeMounts',
  'pod.serviceAccountName',
  'pod.annotations',
  'pod.labels',
  'pod.lifecycle',
  'pod.securityContext',
  'pod.hostAliases',
  'extraObjects',
  'extraContainers',
  'affinity',
  'nodeSelector',
  'topologySpreadConstraints',
  'tolerations',
  'priorityClassName',
  'podDisruptionBudget',
  'ingress.ingressClassName',
  'ingress.annotations',
  'ingress.hosts',
  'ingress.tls',
  'serviceAccount.name',
  'serviceAccount.annotations',
  'serviceAccount.labels',
  'serviceMonitor.namespace',
  'serviceMonitor.additionalLabels',
]);

/**
 * Values the chart prints unquoted into a manifest: a string that reads as a
 * number there becomes that number (`replicas: "2"` renders `replicas: 2`).
 */
const PRINTED_AS_YAML = new Set([
  'replicas',
  'service.port',
  'service.nodePort',
  'pod.terminationGracePeriodSeconds',
  'strategy.rollingUpdate.maxSurge',
  'strategy.rollingUpdate.maxUnavailable',
]);

/**
 * Values the chart only ever uses as text (quoted, or inside a larger string):
 * a number or boolean there is that text (`tag: 2024.04` is the tag "2024.04").
 */
const USED_AS_TEXT = new Set([
  'nameOverride',
  'fullnameOverride',
  'versionOverride',
  'image.repository',
  'image.tagPrefix',
  'image.tag',
  'license.key',
  'license.server',
  'license.file.mountPath',
  'license.file.secretKey',
  'license.file.contents',
  'awsAccessKeyId',
  'awsSecretAccessKey',
  'rstudioPMKey',
  'sharedStorage.path',
  'sharedStorage.requests.storage',
  'resources.requests.memory',
  'resources.requests.cpu',
  'resources.requests.ephemeralStorage',
  'resources.limits.memory',
  'resources.limits.cpu',
  'resources.limits.ephemeralStorage',
]);

function falsy(v: unknown): boolean {
  return v === false || v === '' || v === 0 || v === null || v === undefined;
}

function includes(values: Record<string, unknown>, release: string): Record<string, string> {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const name = chartName(str(values.nameOverride));
  const full = fullName(release, str(values.nameOverride), str(values.fullnameOverride));
  const sa = isPlainObject(values.serviceAccount) ? values.serviceAccount : {};
  // Label maps as the chart's named templates print them: `key: value` lines, values quoted where YAML needs it.
  const text = (labels: Record<string, string>) =>
    Object.entries(labels)
      .map(([k, v]) => `${k}: ${/^[\d.]+$/.test(v) ? JSON.stringify(v) : v}`)
      .join('\n');
  return {
    'rstudio-pm.name': name,
    'rstudio-pm.fullname': full,
    'rstudio-pm.chart': `${CHART.name}-${CHART.version}`,
    'rstudio-pm.selectorLabels': text(selectorLabels(name, release)),
    'rstudio-pm.labels': text(commonLabels(name, release)),
    'rstudio-pm.serviceAccountName': serviceAccountName(sa.create, str(sa.name), full),
  };
}

/** Evaluates templated strings inside a structure, re-reading plain scalars as YAML would. */
function renderStrings(value: unknown, ctx: TemplateContext): unknown {
  if (typeof value === 'string') {
    if (!isTemplate(value)) return value;
    const text = renderTemplate(value, ctx);
    // toYaml quotes a string that starts with "{" (so it stays a string after tpl); others are plain scalars.
    return value.trimStart().startsWith('{') ? text : parseYamlScalar(text);
  }
  if (Array.isArray(value)) return value.map((v) => renderStrings(v, ctx));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[isTemplate(k) ? renderTemplate(k, ctx) : k] = renderStrings(v, ctx);
    return out;
  }
  return value;
}

/**
 * Translates the parsed content of a chart values file into props.
 * @throws PackageManagerValidationError for values that cannot be translated
 */
export function valuesToProps(
  input: unknown,
  release: { releaseName: string; namespace: string },
): { props: PackageManagerProps; warnings: ValidationIssue[] } {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  if (input === null || input === undefined) input = {};
  if (!isPlainObject(input)) {
    throw new PackageManagerValidationError([{ path: '', message: 'a values file must hold a map of values' }], 'fromValues');
  }
  const values = structuredClone(input);

  for (const [path, why] of Object.entries(STALE_KEYS)) {
    const segs = path.split('.');
    const parent = segs.slice(0, -1).reduce<unknown>((o, s) => (isPlainObject(o) ? o[s] : undefined), values);
    const last = segs[segs.length - 1];
    if (isPlainObject(parent) && last in parent) {
      delete parent[last];
      warnings.push({ path, message: `is ignored: ${why}` });
    }
  }

  const merged = deepMerge(CHART_VALUES, values, { nullDeletes: true });
  const ctx: TemplateContext = {
    release: { name: release.releaseName, namespace: release.namespace },
    chart: { name: CHART.name, version: CHART.version, appVersion: CHART.appVersion },
    values: merged,
    includes: includes(merged, release.releaseName),
  };

  const translate = (value: unknown, path: string[]): unknown => {
    const key = path.join('.');
    if (value === null) return undefined;
    if (UNSET_WHEN_FALSY.has(key) && falsy(value)) return undefined;
    if (PRINTED_AS_YAML.has(key) && typeof value === 'string') {
      const n = parseYamlScalar(value);
      return typeof n === 'number' ? n : value;
    }
    if (USED_AS_TEXT.has(key) && (typeof value === 'number' || typeof value === 'boolean')) return goPrint(value);
    if ((key === 'command' || key === 'args') && typeof value === 'string') {
      try {
        return parseYaml(value);
      } catch (e) {
        errors.push({
          path: key,
          message: `is a string that is not valid YAML (${(e as Error).message.split('\n')[0]}); give a list such as ["sleep", "1000"]`,
        });
        return undefined;
      }
    }
    if (key === 'pod.annotations' && isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null || typeof v === 'object' ? v : String(v)]));
    }
    if (key === 'pod.containerSecurityContext') {
      // The chart evaluates the merged value (its default holds a template) as a template.
      try {
        return renderStrings((merged.pod as Record<string, unknown>).containerSecurityContext, ctx);
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        errors.push({ path: key, message: `template not supported: ${e.message}` });
        return undefined;
      }
    }
    if (key === 'extraObjects' && Array.isArray(value)) {
      return value.flatMap((item, i) => {
        try {
          if (typeof item === 'string') return parseYamlDocuments(renderTemplate(item, ctx));
          return [renderStrings(item, ctx)];
        } catch (e) {
          if (!(e instanceof TemplateError) && !(e instanceof SyntaxError)) throw e;
          errors.push({
            path: formatPath(['extraObjects', i]),
            message: `${e instanceof TemplateError ? 'template not supported' : 'not valid YAML after templating'}: ${e.message}`,
          });
          return [];
        }
      });
    }
    if (key === 'config' && isPlainObject(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([s, keys]) => [
          s,
          isPlainObject(keys) ? Object.fromEntries(Object.entries(keys).filter(([, v]) => v !== null)) : (keys ?? undefined),
        ]),
      );
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const t = translate(v, [...path, k]);
        if (t !== undefined) out[k] = t;
      }
      return out;
    }
    return value;
  };

  const props = translate(values, []) as PackageManagerProps;
  if (!props.pod?.containerSecurityContext) {
    // The default security context is a template too: evaluate it with these values.
    const csc = translate(undefined, ['pod', 'containerSecurityContext']);
    (props as Record<string, unknown>).pod = { ...props.pod, containerSecurityContext: csc };
  }
  if (errors.length > 0) throw new PackageManagerValidationError(errors, 'fromValues');
  return { props, warnings };
}
