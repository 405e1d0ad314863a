/** ServiceMonitor `FULL` (when metrics are on and `serviceMonitor.enabled`). */
import { METRICS_PORT_NAME } from '../constants';
import type { Model } from '../model';
import type { Manifest } from './manifest';

export function renderServiceMonitor(model: Model): Manifest | undefined {
  const own = model.objects.serviceMonitor;
  if (!own) return undefined;
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: {
      name: own.name,
      namespace: own.namespace,
      labels: { ...model.labels, ...model.values.serviceMonitor?.additionalLabels },
    },
    spec: {
      endpoints: [{ port: METRICS_PORT_NAME }],
      // Without a namespace of our own, the ServiceMonitor lives beside the Service and selects its own namespace.
      ...(model.namespace ? { namespaceSelector: { matchNames: [model.namespace] } } : {}),
      selector: { matchLabels: model.selectorLabels },
    },
  };
}
