/**
 * NetworkPolicy `FULL` (opt-in, `networkPolicy.enabled`): ingress to the HTTP
 * port (from everyone, or the peers given) and to the metrics port (from the
 * monitoring namespace); egress as given, all of it by default, since Package
 * Manager fetches packages from the internet.
 */
import type { Model } from '../model';
import type { Manifest } from './manifest';

/** Peers allowed to scrape metrics when `networkPolicy.metricsFrom` is not given. */
export const DEFAULT_METRICS_PEERS = [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }];

export function renderNetworkPolicy(model: Model): Manifest | undefined {
  const np = model.values.networkPolicy;
  if (!np?.enabled) return undefined;
  const http = { ports: [{ protocol: 'TCP', port: model.httpPort }], ...(np.ingressFrom?.length ? { from: np.ingressFrom } : {}) };
  const metrics = { ports: [{ protocol: 'TCP', port: model.metricsPort }], from: np.metricsFrom ?? DEFAULT_METRICS_PEERS };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: model.fullName, namespace: model.namespace, labels: model.labels },
    spec: {
      podSelector: { matchLabels: model.selectorLabels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: model.metricsEnabled ? [http, metrics] : [http],
      egress: np.egress ?? [{}],
    },
  };
}
