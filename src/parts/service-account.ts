/** ServiceAccount (when `serviceAccount.create`). */
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderServiceAccount(model: Model): Manifest | undefined {
  const sa = model.values.serviceAccount;
  if (!sa.create) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: compact({
      name: model.serviceAccountName,
      namespace: model.namespace,
      labels: { ...model.labels, ...sa.labels },
      annotations: nonEmpty(sa.annotations),
    }),
  };
}
