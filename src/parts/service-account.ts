/** ServiceAccount (when `serviceAccount.create`). */
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderServiceAccount(model: Model): Manifest | undefined {
  const own = model.objects.serviceAccount;
  if (!own) return undefined;
  const sa = model.values.serviceAccount ?? {};
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: compact({
      name: own.name,
      namespace: model.namespace,
      labels: { ...model.labels, ...sa.labels },
      annotations: nonEmpty(sa.annotations),
    }),
    // Only `false` (opt-in): the chart renders none, and `true` is Kubernetes' default.
    ...(model.values.automountServiceAccountToken === false ? { automountServiceAccountToken: false } : {}),
  };
}
