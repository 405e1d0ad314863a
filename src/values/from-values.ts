/**
 * Chart values → props. This is the only place that knows the chart's YAML
 * habits; after it, values files and typed props take one path.
 *
 * Each value is read by its traits (traits.ts, from the tags of props.ts):
 * - `false`, `""`, `0` and `null` mean "unset" for the values the chart
 *   tests with `if`/`with`/`default` (`falsyUnset`), exactly as in the chart.
 * - strings given for `readAsYaml` values are read as YAML (`'["sleep","1000"]'`).
 * - `quotedAsText` map values are quoted to strings, as the chart does.
 * - Templated strings in `templated` values are evaluated (see template.ts).
 * - Keys that older chart versions used and 0.5.29 ignores are dropped with
 *   a warning; any other unknown key is an error (reported by validation).
 */
import { chartRecord, isChartVersion, unsupportedChartVersion, type ChartVersion, type ChartVersionRecord } from '../chart-versions';
import { PackageManagerValidationError, ValuesError, formatPath, type ValidationIssue } from '../errors';
import { isPlainObject, setOwn, valueAt } from '../leaf/objects';
import { helmTruthy } from '../model/defaults';
import { chartName, commonLabels, fullName, selectorLabels, serviceAccountName } from '../names';
import type { PackageManagerProps } from '../props';
import { STALE_VALUES, traitsOf, VALUE_TRAITS, type TraitsTable } from '../traits';
import { redactIssues, secretStringsIn } from '../validation/secrecy';
import type { PackageManagerWarning } from '../warnings';
import { goPrint, isTemplate, renderGoTemplate, GoTemplateError, type TemplateContext } from './template';
import { coalesceValues, mergeValueLayers } from './coalesce';
import { subchartValues, umbrellaIssue, umbrellaKeys } from './subchart';
import { parseValuesYaml, parseYamlDocuments, parseYamlScalar, parseYaml } from './yaml';

export type { FromValuesOptions } from './options';

/** Whether `key` is a top-level prop (loads the schema: asked only of values that may be an umbrella's). */
function isPropKey(key: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { knownKeysAt } = require('../validation/input/schema-issues') as typeof import('../validation/input/schema-issues');
  return knownKeysAt([]).includes(key);
}

function includes(values: Record<string, unknown>, release: string, record: ChartVersionRecord): Record<string, string> {
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
    'rstudio-pm.chart': `${record.name}-${record.version}`,
    'rstudio-pm.selectorLabels': text(selectorLabels(name, release)),
    'rstudio-pm.labels': text(commonLabels(name, release, record.appVersion)),
    'rstudio-pm.serviceAccountName': serviceAccountName(sa.create, str(sa.name), full),
  };
}

/** Evaluates templated strings inside a structure, re-reading plain scalars as YAML would. */
function renderStrings(value: unknown, ctx: TemplateContext): unknown {
  if (typeof value === 'string') {
    if (!isTemplate(value)) return value;
    const text = renderGoTemplate(value, ctx);
    // toYaml quotes a string that starts with "{" (so it stays a string after tpl); others are plain scalars.
    return value.trimStart().startsWith('{') ? text : parseYamlScalar(text);
  }
  if (Array.isArray(value)) return value.map((v) => renderStrings(v, ctx));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, isTemplate(k) ? renderGoTemplate(k, ctx) : k, renderStrings(v, ctx));
    return out;
  }
  return value;
}

/** Drops `null` members of the maps inside a list item: the chart prints them as nothing. */
function dropNullsInItems(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNullsInItems);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) setOwn(out, k, dropNullsInItems(v));
    return out;
  }
  return value;
}

/**
 * Translates the content of a chart values file (merged layers, before the
 * chart's defaults) into props. A `null`, or a falsy value where the chart
 * reads falsy as "none", becomes `null` in the props: it removes the default.
 * @throws PackageManagerValidationError for values that cannot be translated
 */
export function valuesToProps(
  input: unknown,
  release: { releaseName: string; namespace: string; chartVersion?: ChartVersion; subchart?: string },
  traits: TraitsTable<unknown> = VALUE_TRAITS,
): { props: PackageManagerProps; warnings: PackageManagerWarning[] } {
  const errors: ValidationIssue[] = [];
  const warnings: PackageManagerWarning[] = [];
  if (release.chartVersion !== undefined && !isChartVersion(release.chartVersion)) {
    throw new PackageManagerValidationError(
      [{ path: 'chartVersion', message: unsupportedChartVersion(release.chartVersion) }],
      'fromValues',
    );
  }
  const record = chartRecord(release.chartVersion);
  // YAML text, or layers as several `-f` files (each an object or YAML text), merged as Helm merges them.
  const parse = (layer: unknown, i: number) => (typeof layer === 'string' ? parseValuesYaml(layer, { source: `values[${i}]` }) : layer);
  try {
    if (typeof input === 'string') input = parse(input, 0);
    else if (Array.isArray(input)) input = mergeValueLayers(input.map((l, i) => (parse(l, i) ?? {}) as Record<string, unknown>));
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    throw new PackageManagerValidationError([{ path: '', message: e.message }], 'fromValues');
  }
  if (input === null || input === undefined) input = {};
  if (!isPlainObject(input)) {
    throw new PackageManagerValidationError([{ path: '', message: 'a values file must hold a map of values' }], 'fromValues');
  }
  let values = structuredClone(input);
  if (release.subchart !== undefined) {
    try {
      values = subchartValues(values, release.subchart, record.values as Record<string, unknown>);
    } catch (e) {
      if (e instanceof ValuesError) throw new PackageManagerValidationError(e.issues, 'fromValues');
      throw e;
    }
  } else {
    const umbrella = umbrellaKeys(values, (k) => k in record.values || isPropKey(k));
    if (umbrella.length > 0)
      throw new PackageManagerValidationError(
        umbrella.map((k) => umbrellaIssue(k, umbrella)),
        'fromValues',
      );
  }

  for (const [path, why] of Object.entries(STALE_VALUES)) {
    const segs = path.split('.');
    const parent = valueAt(values, segs.slice(0, -1));
    const last = segs[segs.length - 1];
    if (isPlainObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
      delete parent[last];
      warnings.push({ id: 'ppm:stale-value', path, message: `is ignored: ${why}` });
    }
  }

  // A value the chart only tests in a guard (`if .Values.x` then fail) is read as the guard reads it.
  for (const guard of record.guards) {
    const segs = guard.path.split('.');
    const parent = valueAt(values, segs.slice(0, -1));
    const last = segs[segs.length - 1];
    if (isPlainObject(parent) && Object.prototype.hasOwnProperty.call(parent, last) && !helmTruthy(parent[last])) delete parent[last];
  }

  // `.Values` as the chart's templates see it.
  const merged = coalesceValues(record.values as Record<string, unknown>, values);
  // Helm reserves `global` for values shared with subcharts: templates in values may read it, the chart reads none of it.
  delete values.global;
  const ctx: TemplateContext = {
    release: { name: release.releaseName, namespace: release.namespace },
    chart: { name: record.name, version: record.version, appVersion: record.appVersion },
    values: merged,
    includes: includes(merged, release.releaseName, record),
  };

  const translate = (value: unknown, path: string[]): unknown => {
    const key = path.join('.');
    const trait = traitsOf(key, traits);
    const chartDefault = valueAt(record.values, path);
    if (trait.dereferenced && !isPlainObject(value)) {
      errors.push({
        path: key,
        message: `is ${value === null ? 'null' : 'not a map'}, but the chart reads its fields (Helm fails to render it): remove it to keep the defaults, or set the fields you want`,
      });
      return undefined;
    }
    if (value === null) return null;
    // Off where the chart tests it with if/with; `{}` too, unless it is a map the chart merges with its default map.
    if (trait.falsyUnset && !helmTruthy(value) && !(isPlainObject(value) && isPlainObject(chartDefault))) return null;
    if (trait.printedAsYaml && value === '') return null; // printed as nothing: Kubernetes' default
    if (typeof chartDefault === 'boolean' && !trait.falsyUnset && typeof value !== 'boolean') {
      // The chart tests it with `if`: read it as Helm does, and refuse only what Helm silently misreads.
      if (typeof value === 'string' && /^\s*(false|no|off|n|f|0)\s*$/i.test(value)) {
        errors.push({
          path: key,
          message: `is the string ${JSON.stringify(value)}, which Helm reads as true (any non-empty string is): write false without quotes`,
        });
        return undefined;
      }
      return helmTruthy(value);
    }
    if (trait.printedAsYaml && typeof value === 'string') {
      const n = parseYamlScalar(value);
      return typeof n === 'number' ? n : value;
    }
    if (trait.usedAsText && (typeof value === 'number' || typeof value === 'boolean')) return goPrint(value);
    if (trait.readAsYaml && typeof value === 'string') {
      try {
        return parseYaml(value);
      } catch (e) {
        // The reader's message gives the line, the column and what is wrong, never the text (it may hold secrets).
        errors.push({
          path: key,
          message: `is a string that is not valid YAML (${(e as Error).message}); give a list such as ["sleep", "1000"]`,
        });
        return undefined;
      }
    }
    if (trait.readAsYaml && Array.isArray(value)) {
      // The chart prints each item as text: `[sleep, 1000]` runs `sleep 1000`.
      return value.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? goPrint(v) : v));
    }
    if (trait.quotedAsText && isPlainObject(value)) {
      // The chart quotes each value as Go prints it (`1000000` is "1e+06").
      const text = (v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? goPrint(v) : v);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null || typeof v === 'object' ? v : text(v)]));
    }
    if (trait.templated && isPlainObject(value)) {
      // The chart evaluates the merged value as a template.
      try {
        return renderStrings(value, ctx);
      } catch (e) {
        if (!(e instanceof GoTemplateError)) throw e;
        errors.push({ path: key, message: `template not supported: ${e.message}` });
        return undefined;
      }
    }
    if (trait.templated && Array.isArray(value)) {
      return value.flatMap((item, i) => {
        const itemPath = formatPath([...path, i]);
        try {
          if (typeof item !== 'string') return [renderStrings(dropNullsInItems(item), ctx)];
          const text = renderGoTemplate(item, ctx);
          try {
            return parseYamlDocuments(text);
          } catch (e) {
            if (!(e instanceof SyntaxError)) throw e;
            // The reader's message gives the line, the column and what is wrong, never the rendered text.
            errors.push({ path: itemPath, message: `not valid YAML after templating: ${e.message}` });
            return [];
          }
        } catch (e) {
          if (!(e instanceof GoTemplateError)) throw e;
          errors.push({ path: itemPath, message: `template not supported: ${e.message}` });
          return [];
        }
      });
    }
    if (key === 'config' && isPlainObject(value)) {
      // A null setting without a chart default is printed as nothing: `Key =`, an empty value.
      const defaults = isPlainObject(chartDefault) ? chartDefault : {};
      return Object.fromEntries(
        Object.entries(value).map(([section, keys]) => {
          if (traitsOf(`config.${section}`, traits).dereferenced && !isPlainObject(keys)) {
            errors.push({
              path: `config.${section}`,
              message: `is ${keys === null ? 'null' : 'not a map'}, but the chart reads its fields (Helm fails to render it): remove it to keep the defaults, or set the fields you want`,
            });
          }
          if (!isPlainObject(keys)) return [section, keys];
          const known = isPlainObject(defaults[section]) ? (defaults[section] as Record<string, unknown>) : {};
          for (const [k, v] of Object.entries(keys)) {
            // A setting the chart tests with `if` (a boolean default, e.g. Metrics.Enabled) is a boolean for Helm
            // (any non-empty string is true) and for Package Manager (true/yes/on/1, false/no/off/0): refuse any
            // string but "true" (which both read, and print, alike) instead of objects for a feature that is off.
            if (typeof known[k] === 'boolean' && typeof v === 'string' && v !== 'true') {
              errors.push({
                path: `config.${section}.${k}`,
                message: `is the string ${JSON.stringify(v)}: Helm reads any non-empty string as true and "" as false, Package Manager reads gcfg words (false, no, off, 0 are false); write true or false without quotes`,
              });
            }
          }
          return [section, Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, v === null && !(k in known) ? '' : v]))];
        }),
      );
    }
    if (Array.isArray(value)) return dropNullsInItems(value);
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const t = translate(v, [...path, k]);
        if (t !== undefined) setOwn(out, k, t);
      }
      return out;
    }
    return value;
  };

  const props = translate(values, []) as PackageManagerProps;
  // No message may show a value that may be a secret (a template's error can quote what it rendered).
  if (errors.length > 0) throw new PackageManagerValidationError(redactIssues(errors, secretStringsIn(merged)), 'fromValues');
  return { props, warnings };
}
