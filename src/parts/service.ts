/** Service `FULL`: the HTTP port, and the metrics port when metrics are on. */
import { HTTP_PORT_NAME, METRICS_PORT_NAME } from '../constants';
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderService(model: Model): Manifest {
  const svc = model.values.service ?? {};
  const ports: Record<string, unknown>[] = [
    compact({
      protocol: 'TCP',
      name: HTTP_PORT_NAME,
      port: svc.port,
      nodePort: svc.type === 'NodePort' ? svc.nodePort || undefined : undefined,
      targetPort: model.ports.serviceTarget,
    }),
  ];
  if (model.ports.metricsEnabled) ports.push({ name: METRICS_PORT_NAME, port: model.ports.metrics });
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: compact({
      name: model.objects.service.name,
      namespace: model.namespace,
      labels: model.labels,
      annotations: nonEmpty(svc.annotations),
    }),
    spec: compact({
      type: svc.type,
      clusterIP: svc.type === 'ClusterIP' ? svc.clusterIP || undefined : undefined,
      loadBalancerIP: svc.type === 'LoadBalancer' ? svc.loadBalancerIP || undefined : undefined,
      selector: model.selectorLabels,
      ports,
    }),
  };
}
