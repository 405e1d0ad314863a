/**
 * The comparison of two renders of a release, object by object, field by
 * field: what the chart rendered (`helm template`, `helm get manifest`) and
 * what this library renders. It implements the parity contract
 * (test/fixtures/parity/RULES.md) and is used both by the parity tests and by
 * `cdk8s-ppm diff`:
 *
 * - objects are matched by apiVersion, kind, namespace and name; an object the
 *   chart leaves without a namespace matches ours in the release namespace
 *   (Helm installs it there), tagged `namespace-added`;
 * - a `null` is the same as no key (Kubernetes reads them alike);
 * - `rstudio-pm.gcfg` compares as parsed gcfg (names case-insensitively,
 *   values as the ordered strings a gcfg parser reads), the AWS credentials
 *   file as parsed INI;
 * - lists of items with unique `name`s (containers, env, volumes, ports…)
 *   compare item by item by name, and their order separately;
 * - differences the contract names are tagged: the Helm labels
 *   (`helm.sh/chart`, `app.kubernetes.io/managed-by`) anywhere, the
 *   `app.kubernetes.io/*` labels added to an object's own labels, a changed
 *   `app.kubernetes.io/version` (it moves with the chart version), and the pod
 *   template's `checksum/*` annotations (their values, or their presence).
 *
 * Pure: plain objects in, plain differences out; no cdk8s.
 */
import { AWS_CREDENTIALS_KEY, GCFG_KEY } from '../constants';
import { parseGcfg } from '../gcfg/parse';
import { isPlainObject, valueAt, type Obj, type PathSegment } from '../leaf/objects';
import { parseIni } from './ini';

/** Which object: the fields it is matched by. */
export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  /** Absent for an object without a namespace. */
  readonly namespace?: string;
  readonly name: string;
}

/** A difference the comparison rules name (see the module comment). */
export type DifferenceTag = 'helm-label' | 'app-label' | 'app-version' | 'checksum-value' | 'checksum-key' | 'namespace-added';

/** One difference inside an object (or of the whole object: an empty path). */
export interface Difference {
  /** Where, inside the object (`[]`: the object itself). */
  readonly path: readonly PathSegment[];
  /** The chart's value; `undefined` when the chart has none. */
  readonly chart?: unknown;
  /** Our value; `undefined` when we have none. */
  readonly ours?: unknown;
  /** The rule of the comparison this difference falls under, if any. */
  readonly tag?: DifferenceTag;
  /** What is different when the values alone do not say it (order of items, unreadable gcfg…). */
  readonly note?: string;
}

/** One object of either render and how it differs. */
export interface ObjectComparison {
  readonly ref: ObjectRef;
  /** On both sides, or only in one render. */
  readonly presence: 'both' | 'chart-only' | 'ours-only';
  /** The chart's object (nulls dropped). */
  readonly chart?: Obj;
  /** Our object (nulls dropped). */
  readonly ours?: Obj;
  /** The differences, in a stable order; empty when the two are the same (and for an object on one side only). */
  readonly differences: readonly Difference[];
}

/** The Helm labels the comparison ignores (rule 2a). */
export const HELM_LABELS: readonly string[] = ['helm.sh/chart', 'app.kubernetes.io/managed-by'];
/** The app version label: it changes with the chart version, and counts as a label change. */
const APP_VERSION_LABEL = 'app.kubernetes.io/version';
export { GCFG_KEY, AWS_CREDENTIALS_KEY } from '../constants';
const CHECKSUM_PREFIX = 'checksum/';
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A null is the same as no key (rule 4). */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v && typeof v === 'object') {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = dropNulls(x);
    return out;
  }
  return v;
}

/**
 * Deep equality of JSON data, scalar types included (`4242` is not `"4242"`). Unlike
 * `util.isDeepStrictEqual` it ignores prototypes, so data from another realm compares by content.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData(a[k], b[k]));
}

/** The ref of a manifest. */
export function refOf(o: Obj): ObjectRef {
  const ns = o.metadata?.namespace;
  return {
    apiVersion: String(o.apiVersion ?? ''),
    kind: String(o.kind ?? ''),
    ...(typeof ns === 'string' && ns !== '' ? { namespace: ns } : {}),
    name: String(o.metadata?.name ?? ''),
  };
}

/** `apps/v1 Deployment posit/name`: the key objects are matched by. */
export function refKey(ref: ObjectRef): string {
  return `${ref.apiVersion} ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** True when every item is a map with a string `name`, each name once. */
function namedItems(list: readonly unknown[]): boolean {
  if (list.length === 0) return true;
  const names = new Set<string>();
  for (const x of list) {
    if (!isPlainObject(x) || typeof x.name !== 'string' || names.has(x.name)) return false;
    names.add(x.name);
  }
  return true;
}

/** Deep differences of two values (nulls already dropped). */
function diffValues(chart: unknown, ours: unknown, path: PathSegment[], out: Difference[]): void {
  if (sameData(chart, ours)) return;
  // A labels or annotations map, or a list of named items, present on one side only: compared key by key, item by item.
  const last = path[path.length - 1];
  const granular = (v: unknown) =>
    ((last === 'labels' || last === 'annotations') && isPlainObject(v)) || (Array.isArray(v) && namedItems(v));
  if (chart === undefined && granular(ours)) chart = Array.isArray(ours) ? [] : {};
  if (ours === undefined && granular(chart)) ours = Array.isArray(chart) ? [] : {};
  if (isPlainObject(chart) && isPlainObject(ours)) {
    const keys = [...new Set([...Object.keys(chart), ...Object.keys(ours)])];
    for (const k of keys) diffValues(chart[k], ours[k], [...path, k], out);
    return;
  }
  if (Array.isArray(chart) && Array.isArray(ours)) {
    if (namedItems(chart) && namedItems(ours)) {
      const names = (l: Obj[]) => l.map((x) => x.name as string);
      const cn = names(chart);
      const on = names(ours);
      for (const n of [...cn, ...on.filter((x) => !cn.includes(x))]) {
        diffValues(
          chart.find((x) => x.name === n),
          ours.find((x) => x.name === n),
          [...path, { name: n }],
          out,
        );
      }
      const common = cn.filter((n) => on.includes(n));
      const oursCommon = on.filter((n) => cn.includes(n));
      if (!sameData(common, oursCommon)) out.push({ path, chart: cn, ours: on, note: 'the items are in another order' });
      return;
    }
    if (chart.length === ours.length) {
      chart.forEach((c, i) => diffValues(c, ours[i], [...path, i], out));
      return;
    }
  }
  out.push({ path, chart, ours });
}

/** Top-level `metadata.labels` (rule 2a): the Helm labels, and `app.kubernetes.io/*` labels we add. */
function diffOwnLabels(chart: Obj, ours: Obj, out: Difference[]): void {
  const cl: Obj = isPlainObject(chart.metadata?.labels) ? chart.metadata.labels : {};
  const ol: Obj = isPlainObject(ours.metadata?.labels) ? ours.metadata.labels : {};
  for (const k of [...new Set([...Object.keys(cl), ...Object.keys(ol)])]) {
    if (sameData(cl[k], ol[k])) continue;
    // The app version moves with the chart version: a label change in the report (the parity tests still compare it).
    const tag = HELM_LABELS.includes(k)
      ? 'helm-label'
      : !(k in cl) && k.startsWith('app.kubernetes.io/')
        ? 'app-label'
        : k === APP_VERSION_LABEL
          ? 'app-version'
          : undefined;
    out.push({ path: ['metadata', 'labels', k], chart: cl[k], ours: ol[k], ...(tag ? { tag } : {}) });
  }
}

/** Every other `labels` map: the Helm labels are tagged, the rest compares exactly (rule 2a). */
function diffNestedLabels(chart: unknown, ours: unknown, path: PathSegment[], out: Difference[]): void {
  if (Array.isArray(chart) && Array.isArray(ours) && chart.length === ours.length) {
    chart.forEach((c, i) => diffNestedLabels(c, ours[i], [...path, i], out));
    return;
  }
  if (!isPlainObject(chart) || !isPlainObject(ours)) return;
  for (const k of Object.keys(chart)) {
    if (k === 'labels' && isPlainObject(chart[k]) && path.length > 0) {
      const cl = chart[k];
      const ol: Obj = isPlainObject(ours[k]) ? ours[k] : {};
      for (const h of HELM_LABELS) {
        if (!sameData(cl[h], ol[h]) && (h in cl || h in ol))
          out.push({ path: [...path, k, h], chart: cl[h], ours: ol[h], tag: 'helm-label' });
        delete cl[h];
        delete ol[h];
      }
    } else diffNestedLabels(chart[k], ours[k], [...path, k], out);
  }
  for (const k of Object.keys(ours)) {
    if (k === 'labels' && isPlainObject(ours[k]) && !(k in chart) && path.length > 0) {
      for (const h of HELM_LABELS) {
        if (h in ours[k]) out.push({ path: [...path, k, h], chart: undefined, ours: ours[k][h], tag: 'helm-label' });
        delete ours[k][h];
      }
    }
  }
}

/** Pod template `checksum/*` annotations (rule 2b): values are not compared, presence is. */
function diffChecksums(chart: Obj, ours: Obj, out: Difference[]): void {
  const ca: Obj | undefined = chart.spec?.template?.metadata?.annotations;
  const oa: Obj | undefined = ours.spec?.template?.metadata?.annotations;
  const keys = [...new Set([...Object.keys(ca ?? {}), ...Object.keys(oa ?? {})])].filter((k) => k.startsWith(CHECKSUM_PREFIX));
  for (const k of keys) {
    const c = ca?.[k];
    const o = oa?.[k];
    const path = ['spec', 'template', 'metadata', 'annotations', k];
    if (c === undefined || o === undefined) out.push({ path, chart: c, ours: o, tag: 'checksum-key' });
    else if (!SHA256_HEX.test(String(o)))
      out.push({ path, chart: c, ours: o, note: 'not a SHA-256 checksum (64 lowercase hex characters)' });
    else if (c !== o) out.push({ path, chart: c, ours: o, tag: 'checksum-value' });
    if (ca) delete ca[k];
    if (oa) delete oa[k];
  }
}

/** A text field compared as parsed data (gcfg, INI): section → key → value. */
function diffParsed(
  chart: Obj,
  ours: Obj,
  field: readonly string[],
  parse: (text: string) => Record<string, Record<string, unknown>>,
  what: string,
  out: Difference[],
): void {
  const holder = (o: Obj) => valueAt(o, field.slice(0, -1)) as Obj | undefined;
  const key = field[field.length - 1];
  const ct = holder(chart)?.[key];
  const ot = holder(ours)?.[key];
  if (typeof ct !== 'string' || typeof ot !== 'string') return; // compared as plain values
  let cp: Record<string, Record<string, unknown>>;
  let op: Record<string, Record<string, unknown>>;
  try {
    cp = parse(ct);
    op = parse(ot);
  } catch (e) {
    out.push({ path: [...field], note: `${what} does not parse: ${(e as Error).message}` });
    delete holder(chart)![key];
    delete holder(ours)![key];
    return;
  }
  for (const section of [...new Set([...Object.keys(cp), ...Object.keys(op)])]) {
    const cs = cp[section] ?? {};
    const os = op[section] ?? {};
    for (const k of [...new Set([...Object.keys(cs), ...Object.keys(os)])]) {
      if (!sameData(cs[k], os[k])) out.push({ path: [...field, section, k], chart: cs[k], ours: os[k] });
    }
  }
  delete holder(chart)![key];
  delete holder(ours)![key];
}

/** The differences of two objects matched by their ref (both already copied, nulls dropped). */
function compareObjects(chart: Obj, ours: Obj): Difference[] {
  const out: Difference[] = [];
  diffOwnLabels(chart, ours, out);
  for (const o of [chart, ours]) if (isPlainObject(o.metadata)) delete o.metadata.labels;
  diffNestedLabels(chart, ours, [], out);
  diffChecksums(chart, ours, out);
  if (chart.kind === 'ConfigMap') diffParsed(chart, ours, ['data', GCFG_KEY], parseGcfg, GCFG_KEY, out);
  if (chart.kind === 'Secret') diffParsed(chart, ours, ['stringData', AWS_CREDENTIALS_KEY], parseIni, 'the AWS credentials file', out);
  diffValues(chart, ours, [], out);
  return out;
}

/**
 * Compares what the chart rendered with what we render, object by object.
 * The result lists our objects first, in our order, then those only the
 * chart has, in its order.
 * @param namespace the release namespace, where Helm puts the objects that name none
 */
export function compareManifests(
  chartIn: readonly Obj[],
  oursIn: readonly Obj[],
  options: { readonly namespace: string },
): ObjectComparison[] {
  // dropNulls makes deep copies: the inputs are never changed.
  const prepare = (list: readonly Obj[]) => list.filter(isPlainObject).map((o) => dropNulls(o) as Obj);
  const chart = prepare(chartIn);
  const ours = prepare(oursIn);
  const result: ObjectComparison[] = [];

  const chartByKey = new Map<string, Obj>();
  const duplicates = new Set<string>();
  for (const o of chart) {
    const k = refKey(refOf(o));
    if (chartByKey.has(k)) duplicates.add(k);
    chartByKey.set(k, o);
  }
  const matched = new Set<string>();
  for (const o of ours) {
    const ref = refOf(o);
    const key = refKey(ref);
    let c = chartByKey.get(key);
    let chartKey = key;
    const extra: Difference[] = [];
    if (!c && ref.namespace === options.namespace) {
      // Helm installs an object that names no namespace into the release namespace.
      const { namespace: _ns, ...bare } = ref;
      chartKey = refKey(bare);
      c = chartByKey.get(chartKey);
      if (c) extra.push({ path: ['metadata', 'namespace'], chart: undefined, ours: ref.namespace, tag: 'namespace-added' });
    }
    if (!c || matched.has(chartKey)) {
      result.push({ ref, presence: 'ours-only', ours: o, differences: [] });
      continue;
    }
    matched.add(chartKey);
    const chartCopy = dropNulls(c) as Obj;
    if (extra.length > 0) chartCopy.metadata.namespace = ref.namespace;
    const differences = [...extra, ...compareObjects(chartCopy, dropNulls(o) as Obj)];
    if (duplicates.has(chartKey)) differences.push({ path: [], note: 'the chart render lists this object more than once' });
    result.push({ ref, presence: 'both', chart: c, ours: o, differences });
  }
  for (const [k, c] of chartByKey) {
    if (!matched.has(k)) result.push({ ref: refOf(c), presence: 'chart-only', chart: c, differences: [] });
  }
  return result;
}
