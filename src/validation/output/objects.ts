/** Rules on the rendered objects: objects that would replace each other on apply, objects Kubernetes cannot store. */
import { entryOf, extraObjectIndex } from '../../catalogue';
import { formatPath, type ValidationIssue } from '../../errors';
import type { Manifest, RenderedObject } from '../../parts/manifest';

/** Kinds that are not namespaced (the namespace does not tell two of them apart). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'APIService',
  'CSIDriver',
  'RuntimeClass',
]);

/** Where an object comes from, in the words of the props. */
function source(o: RenderedObject): string {
  const extra = extraObjectIndex(o.id);
  return extra !== undefined ? `extraObjects[${extra}]` : `the ${o.id} PackageManager renders`;
}

/** Two rendered objects with the same kind, namespace and name: the second would replace the first on apply. */
export function checkCollisions(objects: readonly RenderedObject[], namespace: string | undefined): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const seen = new Map<string, RenderedObject>();
  objects.forEach((o) => {
    const { kind, metadata } = o.manifest;
    const group = String(o.manifest.apiVersion).includes('/') ? String(o.manifest.apiVersion).split('/')[0] : '';
    const ns = CLUSTER_SCOPED.has(kind) ? '' : (metadata.namespace ?? namespace ?? '');
    const key = `${group}/${kind}/${ns}/${metadata.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, o);
      return;
    }
    const path = extraObjectIndex(o.id) !== undefined ? source(o) : extraObjectIndex(first.id) !== undefined ? source(first) : o.id;
    const other = path === source(o) ? source(first) : source(o);
    errors.push({
      path,
      message: `is ${kind} ${JSON.stringify(metadata.name)}${ns ? ` in namespace ${JSON.stringify(ns)}` : ''}, like ${other}: one would replace the other on apply; rename it`,
    });
  });
  return errors;
}

/** Kubernetes' limit of the annotations of one object (keys and values together), in bytes: 256 KiB. */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;
/** The data of one ConfigMap or Secret, in bytes: 1 MiB. */
export const MAX_DATA_BYTES = 1024 * 1024;
/** About the largest object the API server stores (etcd's default request limit), in bytes: 1.5 MiB. */
export const MAX_OBJECT_BYTES = 1.5 * 1024 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** The member of one of our objects, by construct id (`NetworkPolicy` → `networkPolicy`): the prop it is configured by. */
const propOf = (o: RenderedObject) => entryOf(o.id)?.member ?? o.id;

function annotationIssue(o: RenderedObject, annotations: unknown, where: 'own' | 'template'): ValidationIssue | undefined {
  if (!annotations || typeof annotations !== 'object') return undefined;
  const entries = Object.entries(annotations as Record<string, unknown>).map(([k, v]) => [k, bytes(k) + bytes(String(v ?? ''))] as const);
  const total = entries.reduce((n, [, b]) => n + b, 0);
  if (total <= MAX_ANNOTATIONS_BYTES) return undefined;
  const [largest, size] = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
  const extra = extraObjectIndex(o.id);
  const entry = entryOf(o.id);
  const base =
    extra !== undefined
      ? where === 'own'
        ? ['extraObjects', extra, 'metadata', 'annotations']
        : ['extraObjects', extra, 'spec', 'template', 'metadata', 'annotations']
      : ((where === 'own' ? entry?.annotations : entry?.templateAnnotations)?.split('.') ?? [propOf(o)]);
  const { kind, metadata } = o.manifest;
  return {
    path: formatPath([...base, largest]),
    message: `makes the annotations of ${kind} ${JSON.stringify(metadata.name)}${where === 'template' ? ' (its pod template)' : ''} total ${total} bytes, over the ${MAX_ANNOTATIONS_BYTES} (256 KiB) Kubernetes allows; this one is ${size} bytes: shorten it`,
  };
}

/** The longest string in a value, with its path: what to name when an object is too large. */
function largestString(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; size: number } {
  if (typeof value === 'string') return { path, size: bytes(value) };
  let best = { path, size: 0 };
  const consider = (v: unknown, p: (string | number)[]) => {
    const found = largestString(v, p);
    if (found.size > best.size) best = found;
  };
  if (Array.isArray(value)) value.forEach((v, i) => consider(v, [...path, i]));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) consider(v, [...path, k]);
  return best;
}

/** The data of a ConfigMap or Secret, in bytes, as Kubernetes counts it (keys and decoded values). */
function dataBytes(m: Record<string, unknown>): number {
  const sum = (field: string, decode: boolean) =>
    Object.entries((m[field] ?? {}) as Record<string, unknown>).reduce(
      (n, [k, v]) => n + bytes(k) + (decode ? Buffer.from(String(v ?? ''), 'base64').length : bytes(String(v ?? ''))),
      0,
    );
  return m.kind === 'Secret' ? sum('data', true) + sum('stringData', false) : sum('data', false) + sum('binaryData', true);
}

/**
 * An upper bound of the UTF-8 bytes of `value`'s JSON: 6 a UTF-16 unit of a string or key (`\u0000` is the longest
 * escape; no character takes more), 25 a number or other scalar, 2 the punctuation around each. It stops as soon
 * as it passes `limit` (and then returns more than `limit`).
 */
function jsonBytesBound(value: unknown, limit: number): number {
  let total = 0;
  const add = (v: unknown): boolean => {
    if (typeof v === 'string') total += 6 * v.length + 2;
    else if (v === null || typeof v !== 'object') total += 25;
    else if (Array.isArray(v)) {
      total += 2;
      for (let i = 0; i < v.length; i++) {
        total += 1;
        if (!add(v[i])) return false;
      }
    } else {
      total += 2;
      for (const k in v) {
        total += 6 * k.length + 4;
        if (!add((v as Record<string, unknown>)[k])) return false;
      }
    }
    return total <= limit;
  };
  add(value);
  return total;
}

/**
 * What Kubernetes cannot store: annotations over 256 KiB, ConfigMap or Secret
 * data over 1 MiB, an object over about 1.5 MiB. Each error names the value
 * (never its content) and the object.
 */
export function checkSizes(objects: readonly RenderedObject[]): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  for (const o of objects) {
    const m = o.manifest as Manifest & Record<string, unknown>;
    const template = (m.spec as { template?: { metadata?: { annotations?: unknown } } } | undefined)?.template;
    const annotationIssues = [
      annotationIssue(o, m.metadata.annotations, 'own'),
      annotationIssue(o, template?.metadata?.annotations, 'template'),
    ].filter((issue): issue is ValidationIssue => issue !== undefined);
    errors.push(...annotationIssues);
    // An object whose annotations are too large is too large for that reason: one error is enough.
    if (annotationIssues.length > 0) continue;
    const what = `${m.kind} ${JSON.stringify(m.metadata.name)}`;
    const extra = extraObjectIndex(o.id);
    const name = (inner: (string | number)[]) =>
      extra !== undefined ? formatPath(['extraObjects', extra, ...inner]) : (entryOf(o.id)?.data ?? propOf(o));
    if ((m.kind === 'ConfigMap' || m.kind === 'Secret') && dataBytes(m) > MAX_DATA_BYTES) {
      const largest = largestString({ data: m.data, stringData: m.stringData, binaryData: m.binaryData });
      errors.push({
        path: name(largest.path),
        message: `makes the data of ${what} ${dataBytes(m)} bytes, over the ${MAX_DATA_BYTES} (1 MiB) Kubernetes allows in a ${m.kind} (its largest entry, ${formatPath(largest.path)}, is ${largest.size} bytes): make it smaller`,
      });
      continue;
    }
    // Most objects are far below the limit: a bound read off their strings says so without writing their JSON.
    if (jsonBytesBound(m, MAX_OBJECT_BYTES) <= MAX_OBJECT_BYTES) continue;
    const json = JSON.stringify(m);
    // UTF-8 takes at most 3 bytes per UTF-16 unit: most objects need no byte count.
    const size = json.length * 3 <= MAX_OBJECT_BYTES ? json.length : bytes(json);
    if (size > MAX_OBJECT_BYTES) {
      const largest = largestString(m);
      errors.push({
        path: name(largest.path),
        message: `makes ${what} ${size} bytes, more than Kubernetes can store (about ${MAX_OBJECT_BYTES} bytes, 1.5 MiB); its largest value, ${formatPath(largest.path)}, is ${largest.size} bytes: make it smaller`,
      });
    }
  }
  return errors;
}
