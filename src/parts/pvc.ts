/** PersistentVolumeClaim for shared storage (when `sharedStorage.create`). */
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderPersistentVolumeClaim(model: Model): Manifest | undefined {
  const s = model.values.sharedStorage;
  if (!s.create) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: compact({
      name: model.claimName,
      namespace: model.namespace,
      labels: { ...model.labels, ...s.labels },
      annotations: nonEmpty(s.annotations),
    }),
    spec: compact({
      accessModes: s.accessModes,
      volumeMode: 'Filesystem',
      storageClassName: s.storageClassName || undefined,
      volumeName: s.volumeName || undefined,
      resources: { requests: { storage: s.requests.storage } },
      selector: nonEmpty(s.selector),
    }),
  };
}
