/**
 * The defaults a chart version applies to props: its `values.yaml` read the
 * way the chart reads it (a `false`, `""` or `null` that means "unset" is
 * absent), plus the defaults of what this library adds. Computed once per
 * chart version from the record; nothing else holds a chart default.
 */
import { chartRecord, type ChartVersion } from '../chart-versions';
import { OUR_DEFAULTS } from '../chart-versions/ours';
import { deepMerge, fastCopy, isPlainObject } from '../leaf/objects';
import { traitsOf } from '../traits';
import { isKnownValid, markKnownValid } from '../leaf/known-valid';

/** Helm's truthiness: `false`, `0`, `""`, `null`, empty maps and lists are false. */
export function helmTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isPlainObject(v)) return Object.keys(v).length > 0;
  return true;
}

function propsDefaults(values: Readonly<Record<string, unknown>>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const traits = traitsOf(path);
    if (value === null || traits.derivedFrom) continue;
    if (traits.falsyUnset && !helmTruthy(value)) continue;
    // Config holds Package Manager's settings: written as given, never read as chart values.
    out[key] = isPlainObject(value) && path !== 'config' ? propsDefaults(value, path) : value;
  }
  return out;
}

const cache = new Map<ChartVersion, Record<string, unknown>>();

/** Every default of a chart version, as props (frozen: callers merge over it, never into it). */
export function defaultsOf(version: ChartVersion | undefined): Readonly<Record<string, unknown>> {
  const record = chartRecord(version);
  let defaults = cache.get(record.version);
  if (!defaults) {
    defaults = deepFreeze(deepMerge(propsDefaults(record.values, ''), OUR_DEFAULTS as unknown as Record<string, unknown>));
    markKnownValid(defaults);
    cache.set(record.version, defaults);
  }
  return defaults;
}

/** Frozen, every map rebuilt in V8's fast mode first (each render copies the defaults' top level). */
function deepFreeze<T>(v: T): T {
  if (isPlainObject(v)) {
    const fast: Record<string, unknown> = fastCopy(v);
    for (const k of Object.keys(fast)) fast[k] = deepFreeze(fast[k]);
    return Object.freeze(fast) as T;
  }
  if (Array.isArray(v)) return Object.freeze(v.map(deepFreeze)) as T;
  return v;
}

/** `{{ if .Values.enableSandboxing }}A{{ else }}B{{ end }}`: the template in the chart's default container security context. */
const SANDBOXING_TEMPLATE =
  /^\{\{-?\s*if\s+\.Values\.enableSandboxing\s*-?\}\}([^{}]*)\{\{-?\s*else\s*-?\}\}([^{}]*)\{\{-?\s*end\s*-?\}\}$/;

/**
 * Evaluates the one template of the chart's defaults (the seccomp profile
 * type, which follows `enableSandboxing`) in values merged over the defaults.
 */
export function evaluateDefaultTemplates<T extends { enableSandboxing?: boolean; pod?: { containerSecurityContext?: unknown } }>(
  values: T,
): T {
  const csc = values.pod?.containerSecurityContext as { seccompProfile?: { type?: unknown } } | undefined;
  const type = csc?.seccompProfile?.type;
  const m = typeof type === 'string' ? SANDBOXING_TEMPLATE.exec(type) : null;
  if (!m) return values;
  const sandboxing = Boolean(values.enableSandboxing);
  return { ...values, pod: { ...values.pod, containerSecurityContext: evaluatedContext(csc!, sandboxing ? m[1] : m[2], sandboxing) } };
}

/** The default container security context, evaluated: made once per default and choice, frozen and known valid like it. */
const evaluatedDefaults = new WeakMap<object, Map<boolean, object>>();

function evaluatedContext(csc: { seccompProfile?: { type?: unknown } }, branch: string, sandboxing: boolean): object {
  const make = () => ({ ...csc, seccompProfile: { ...csc.seccompProfile, type: branch.trim() } });
  if (!isKnownValid(csc)) return make();
  let byChoice = evaluatedDefaults.get(csc);
  if (!byChoice) evaluatedDefaults.set(csc, (byChoice = new Map()));
  let evaluated = byChoice.get(sandboxing);
  if (!evaluated) {
    evaluated = deepFreeze(make());
    markKnownValid(evaluated);
    byChoice.set(sandboxing, evaluated);
  }
  return evaluated;
}
