/**
 * Chart values → props. This is the only place that knows the chart's YAML
 * habits; after it, values files and typed props take one path.
 *
 * Each value is read by its traits (traits.ts, from the tags of props.ts):
 * - `false`, `""`, `0` and `null` mean "unset" for the values the chart
 *   tests with `if`/`with`/`default` (`falsyUnset`), exactly as in the chart.
 * - strings given for `readAsYaml` values are read as YAML (`'["sleep","1000"]'`).
 * - `quotedAsText` map values are quoted to strings, as the chart does; numbers and booleans in `valuesAsText`
 *   maps, and in string or untyped `config` settings, are their text as the chart prints them.
 * - A falsy scalar where the chart's default is a map is off; values only a disabled feature reads are dropped
 *   with a warning (chart-reads.ts).
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
import { otherServiceTypeMessage, STALE_VALUES, traitsOf, VALUE_TRAITS, type TraitsTable, type ValueTraits } from '../traits';
import { redactIssues, secretStringsIn } from '../validation/secrecy';
import type { PackageManagerWarning } from '../warnings';
import { goPrint, isTemplate, renderGoTemplate, GoTemplateError, type TemplateContext } from './template';
import { BOOLEAN_KEYS, INTEGER_KEYS, STRING_KEYS } from '../config/spec';
import { GATED_VALUES, PRINTED_MAPS, RANGED_VALUES, REQUIRED_PRINTED } from './chart-reads';
import { goIntegerKey, goIntegersOf } from './go-integers';
import { coalesceValues, mergeValueLayers } from './coalesce';
import { checkStructure, textOfBytes } from './intake';
import { subchartValues, umbrellaIssue, umbrellaKeys } from './subchart';
import { parseValuesYaml, parseYamlDocuments, parseYamlScalar, parseYaml } from './yaml';

export type { FromValuesOptions } from './options';

/** Keys of the typed props that a values file cannot set (Helm ignores them too): where each goes instead. */
const NOT_CHART_VALUES: Readonly<Record<string, string>> = {
  namespace:
    'is not a chart value (Helm ignores it): give the namespace with -n NAMESPACE (cdk8s-ppm, helm) or the namespace option of fromValues/loadValues',
  releaseName:
    'is not a chart value (Helm ignores it): the release name is the NAME argument (cdk8s-ppm template NAME) or the releaseName option of fromValues',
  chartVersion: 'is not a chart value: give the chart version with --version (cdk8s-ppm) or the chartVersion option of fromValues',
  acknowledgeWarnings:
    'is not a chart value: acknowledge warnings with --acknowledge-warning ID (cdk8s-ppm) or the acknowledgeWarnings option of fromValues',
};
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
  // The `--set` integers (int64 for Helm, printed in full), as loadValues recorded them.
  const integers = goIntegersOf(input);
  const goText = (v: number | boolean, path: readonly (string | number)[]): string =>
    (typeof v === 'number' && integers.get(goIntegerKey(path))) || goPrint(v);
  // YAML text, or layers as several `-f` files (each an object or YAML text), merged as Helm merges them.
  // A Buffer is read as UTF-8 text; an object is checked before anything recurses into it (constructs, functions, cycles, depth).
  const parse = (given: unknown, i: number) => {
    const layer = textOfBytes(given, `values[${i}]`) ?? given;
    if (typeof layer === 'string') return parseValuesYaml(layer, { source: `values[${i}]` });
    checkStructure(layer, true, 'fromValues');
    return layer;
  };
  try {
    input = textOfBytes(input, 'values') ?? input;
    if (typeof input === 'string') input = parse(input, 0);
    else if (Array.isArray(input)) input = mergeValueLayers(input.map((l, i) => (parse(l, i) ?? {}) as Record<string, unknown>));
    else checkStructure(input, true, 'fromValues');
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    throw new PackageManagerValidationError([{ path: '', message: e.message }], 'fromValues');
  }
  if (input === null || input === undefined) input = {};
  if (!isPlainObject(input)) {
    throw new PackageManagerValidationError([{ path: '', message: 'a values file must hold a map of values' }], 'fromValues');
  }
  const notValues = Object.keys(NOT_CHART_VALUES).filter((k) => Object.prototype.hasOwnProperty.call(input, k));
  if (notValues.length > 0) {
    throw new PackageManagerValidationError(
      notValues.map((k) => ({ path: k, message: NOT_CHART_VALUES[k] })),
      'fromValues',
    );
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

  // Values only a feature reads, while it is off: the chart never reads them, so they are neither checked nor used.
  for (const { gate, or = [], reads } of GATED_VALUES) {
    const segs = gate.split('.');
    const parent = valueAt(values, segs.slice(0, -1));
    if (!isPlainObject(parent)) continue;
    const last = segs[segs.length - 1];
    const switches = [last, ...or];
    const on = (s: string) =>
      Object.prototype.hasOwnProperty.call(parent, s) ? parent[s] : valueAt(record.values, [...segs.slice(0, -1), s]);
    if (switches.some((s) => helmTruthy(on(s)))) continue;
    for (const key of reads === '*' ? Object.keys(parent) : reads) {
      if (switches.includes(key) || !Object.prototype.hasOwnProperty.call(parent, key)) continue;
      const given = parent[key];
      delete parent[key];
      const path = [...segs.slice(0, -1), key];
      if (helmTruthy(given) && JSON.stringify(given) !== JSON.stringify(valueAt(record.values, path))) {
        warnings.push({
          id: 'ppm:ignored-value',
          path: path.join('.'),
          message: `is not used: ${switches.map((s) => [...segs.slice(0, -1), s].join('.')).join(' and ')} ${switches.length > 1 ? 'are' : 'is'} off, and only that feature reads it (remove it, or turn ${gate} on)`,
        });
      }
    }
  }

  // A Service setting of another service.type: the chart prints it only with its own type, so it is never read.
  const service = values.service;
  if (isPlainObject(service)) {
    const type = typeof service.type === 'string' ? service.type : valueAt(record.values, ['service', 'type']);
    for (const [path, t] of Object.entries(traits) as [string, ValueTraits][]) {
      const k = path.slice('service.'.length);
      if (!t.onlyWithServiceType || t.onlyWithServiceType === type || !Object.prototype.hasOwnProperty.call(service, k)) continue;
      if (helmTruthy(service[k]))
        warnings.push({ id: 'ppm:ignored-value', path, message: otherServiceTypeMessage(t.onlyWithServiceType, type) });
      delete service[k];
    }
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
    integers,
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
    if ((value === null || value === '') && REQUIRED_PRINTED[key] && chartDefault !== undefined && chartDefault !== null) {
      errors.push({
        path: key,
        message: `is ${value === null ? 'removed (null)' : 'empty'}, which would render ${REQUIRED_PRINTED[key]} (Kubernetes refuses it): remove the line to keep the chart's ${JSON.stringify(chartDefault)}, or give another`,
      });
      return undefined;
    }
    if (value === null) return null;
    const ranged = RANGED_VALUES[key];
    const printedBy = PRINTED_MAPS[key];
    if ((ranged || printedBy) && !isPlainObject(value) && !Array.isArray(value) && !helmTruthy(value)) {
      // A falsy scalar the chart ranges over or prints without testing it: Helm fails, or renders what Kubernetes refuses.
      errors.push({
        path: key,
        message: ranged
          ? `is ${JSON.stringify(value)}, but the chart ranges over it without testing it (Helm fails: "range can't iterate over ${String(value)}"): remove it, or give ${ranged}`
          : `is ${JSON.stringify(value)}, but while ${printedBy} is on the chart prints it as the annotations map without testing it (Helm fails: "cannot unmarshal … into … metadata.annotations"): remove it, or give a map`,
      });
      return undefined;
    }
    if (
      key === 'podDisruptionBudget' &&
      isPlainObject(value) &&
      Object.keys(value).length > 0 &&
      Object.values(value).every((v) => v === null)
    ) {
      // Helm keeps nulls where the chart has no default: the map is not empty, so it renders a PodDisruptionBudget
      // whose limits are all null (`minAvailable: null`), a budget with neither limit.
      errors.push({
        path: key,
        message: `holds only nulls (${Object.keys(value).join(', ')}), which Helm renders as a PodDisruptionBudget with neither minAvailable nor maxUnavailable: set exactly one of them, or remove podDisruptionBudget`,
      });
      return undefined;
    }
    // A falsy scalar (or list) where the chart's default is a map: the chart tests the map with `if`/`with`, so it is off.
    if (isPlainObject(chartDefault) && !isPlainObject(value) && !helmTruthy(value)) return null;
    if (trait.valuesAsText && isPlainObject(value)) {
      // The chart prints these maps with toYaml, numbers and booleans as themselves; Kubernetes needs strings there.
      const text = (v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, text(v)]));
    }
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
    if (trait.usedAsText && (typeof value === 'number' || typeof value === 'boolean')) return goText(value, path);
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
      return value.map((v, i) => (typeof v === 'number' || typeof v === 'boolean' ? goText(v, [...path, i]) : v));
    }
    if (trait.quotedAsText && isPlainObject(value)) {
      // The chart quotes each value as Go prints it (`1000000` is "1e+06").
      const text = (v: unknown, k: string) => (typeof v === 'number' || typeof v === 'boolean' ? goText(v, [...path, k]) : v);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null || typeof v === 'object' ? v : text(v, k)]));
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
          const user = section === 'Launcher' ? keys.ServerUser : undefined;
          if (user !== undefined && user !== null && typeof user !== 'string') {
            // The chart's root check compares it with "root": Helm fails on any other type ("incompatible types").
            errors.push({
              path: 'config.Launcher.ServerUser',
              message: `is ${Array.isArray(user) ? 'a list' : `the ${typeof user} ${JSON.stringify(user)}`}, but the chart compares it with "root" and Helm fails on a value that is not a string: quote the user name`,
            });
          }
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
          // The chart prints each setting as Go does: a number in a string setting or an unknown one is that text
          // (`Password: 12345` is "12345", `1000000` is "1e+06"); known numbers and booleans keep their type.
          const asPrinted = (k: string, v: unknown, at: (string | number)[] = ['config', section, k]): unknown => {
            if (Array.isArray(v)) return v.map((item, i) => asPrinted(k, item, [...at, i]));
            const id = `${section}.${k}`;
            if (typeof v === 'boolean') return STRING_KEYS.has(id) ? String(v) : v;
            if (typeof v !== 'number' || INTEGER_KEYS.has(id) || BOOLEAN_KEYS.has(id)) return v;
            return goText(v, at);
          };
          return [
            section,
            Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, v === null && !(k in known) ? '' : asPrinted(k, v)])),
          ];
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
