/** Service `FULL`: the HTTP port, and the metrics port when metrics are on. */
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderService(model: Model): Manifest {
  const svc = model.values.service;
  const ports: Record<string, unknown>[] = [
    compact({
      protocol: 'TCP',
      name: 'rspm',
      port: svc.port,
      nodePort: svc.type === 'NodePort' ? svc.nodePort || undefined : undefined,
      targetPort: svc.targetPort ?? model.httpPort,
    }),
  ];
  if (model.metricsEnabled) ports.push({ name: 'metrics', port: model.metricsPort });
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: compact({
      name: model.fullName,
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
