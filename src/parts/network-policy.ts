/**
 * NetworkPolicy `FULL` (opt-in, `networkPolicy.enabled`): ingress to the HTTP
 * port (from everyone, or the peers given) and to the metrics port (from the
 * monitoring namespace); egress as given, all of it by default, since Package
 * Manager fetches packages from the internet.
 */
import type { Model } from '../model';
import type { Manifest } from './manifest';

export function renderNetworkPolicy(model: Model): Manifest | undefined {
  const own = model.objects.networkPolicy;
  if (!own) return undefined;
  const np = model.values.networkPolicy ?? {};
  const http = { ports: [{ protocol: 'TCP', port: model.ports.http }], ...(np.ingressFrom?.length ? { from: np.ingressFrom } : {}) };
  const metrics = { ports: [{ protocol: 'TCP', port: model.ports.metrics }], ...(np.metricsFrom ? { from: np.metricsFrom } : {}) };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: own.name, namespace: model.namespace, labels: model.labels },
    spec: {
      podSelector: { matchLabels: model.selectorLabels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: model.ports.metricsEnabled ? [http, metrics] : [http],
      egress: np.egress ?? [],
    },
  };
}
