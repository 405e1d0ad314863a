/** ServiceMonitor `FULL` (when metrics are on and `serviceMonitor.enabled`). */
import type { Model } from '../model';
import type { Manifest } from './manifest';

export function renderServiceMonitor(model: Model): Manifest | undefined {
  const sm = model.values.serviceMonitor;
  if (!model.metricsEnabled || !sm.enabled) return undefined;
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: {
      name: model.fullName,
      namespace: sm.namespace || model.namespace,
      labels: { ...model.labels, ...sm.additionalLabels },
    },
    spec: {
      endpoints: [{ port: 'metrics' }],
      namespaceSelector: { matchNames: [model.namespace] },
      selector: { matchLabels: model.selectorLabels },
    },
  };
}
