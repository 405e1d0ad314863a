/** Rules on the rendered output: objects that would replace each other on apply. */
import type { ValidationIssue } from '../errors';
import type { RenderedObject } from '../parts/manifest';

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
  const m = /^ExtraObject(\d+)$/.exec(o.id);
  return m ? `extraObjects[${m[1]}]` : `the ${o.id} PackageManager renders`;
}

/** Two rendered objects with the same kind, namespace and name: the second would replace the first on apply. */
export function checkOutput(objects: readonly RenderedObject[], namespace: string | undefined): ValidationIssue[] {
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
    const path = /^ExtraObject\d+$/.test(o.id) ? source(o) : /^ExtraObject\d+$/.test(first.id) ? source(first) : o.id;
    const other = path === source(o) ? source(first) : source(o);
    errors.push({
      path,
      message: `is ${kind} ${JSON.stringify(metadata.name)}${ns ? ` in namespace ${JSON.stringify(ns)}` : ''}, like ${other}: one would replace the other on apply; rename it`,
    });
  });
  return errors;
}
