/** PersistentVolumeClaim for shared storage (when `sharedStorage.create`). */
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderPersistentVolumeClaim(model: Model): Manifest | undefined {
  const pvc = model.objects.persistentVolumeClaim;
  if (!pvc) return undefined;
  const s = model.values.sharedStorage ?? {};
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: compact({
      name: pvc.name,
      namespace: model.namespace,
      labels: { ...model.labels, ...s.labels },
      annotations: nonEmpty(s.annotations),
    }),
    spec: compact({
      accessModes: s.accessModes,
      volumeMode: 'Filesystem',
      storageClassName: s.storageClassName,
      volumeName: s.volumeName || undefined,
      resources: { requests: compact({ storage: s.requests?.storage }) },
      selector: nonEmpty(s.selector),
    }),
  };
}
