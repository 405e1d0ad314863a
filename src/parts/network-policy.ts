/**
 * NetworkPolicy `FULL` (opt-in, `networkPolicy.enabled`): ingress only to the
 * ports the Service and the ServiceMonitor use — the port the Service targets
 * (`service.targetPort`, a named port resolved; with an auth sidecar there,
 * Package Manager's own port stays closed) and the HTTPS port when
 * `config.HTTPS.Listen` is set, from everyone or the peers given; the metrics
 * port from `metricsFrom`, else the ServiceMonitor's namespace, else
 * `monitoring`. An HTTPRoute's Gateway reaches the pods through the Service,
 * so the same ports serve it; a restricted `ingressFrom` must admit the
 * Gateway's proxies (the warning `ppm:gateway-not-admitted` says when it
 * selects no Gateway's namespace). Egress as given, all of it by default, since Package Manager
 * fetches packages from the internet.
 */
import { DEFAULT_METRICS_PEERS } from '../chart-versions/ours';
import { valueAt } from '../leaf/objects';
import type { Model } from '../model';
import type { Manifest } from './manifest';

/** Who may scrape metrics: the peers given, else the ServiceMonitor's namespace, else the default. */
export function metricsPeers(model: Model): readonly unknown[] {
  const np = model.values.networkPolicy ?? {};
  if (valueAt(model.given, ['networkPolicy', 'metricsFrom']) !== undefined && np.metricsFrom) return np.metricsFrom;
  const sm = model.values.serviceMonitor;
  if (sm?.enabled && sm.namespace) return [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': sm.namespace } } }];
  return np.metricsFrom ?? DEFAULT_METRICS_PEERS;
}

export function renderNetworkPolicy(model: Model): Manifest | undefined {
  const own = model.objects.networkPolicy;
  if (!own) return undefined;
  const np = model.values.networkPolicy ?? {};
  const { serviceTargetPort, https, metrics, metricsEnabled } = model.ports;
  const served = [...new Set([serviceTargetPort, https].filter((p): p is number => p !== undefined))];
  const from = np.ingressFrom ? { from: np.ingressFrom } : {};
  const ingress: Record<string, unknown>[] = [{ ports: served.map((port) => ({ protocol: 'TCP', port })), ...from }];
  if (metricsEnabled) ingress.push({ ports: [{ protocol: 'TCP', port: metrics }], from: metricsPeers(model) });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: own.name, namespace: model.namespace, labels: model.labels },
    spec: {
      podSelector: { matchLabels: model.selectorLabels },
      policyTypes: ['Ingress', 'Egress'],
      ingress,
      egress: np.egress ?? [],
    },
  };
}
