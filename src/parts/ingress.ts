/** Ingress `FULL` (networking.k8s.io/v1, when `ingress.enabled`). */
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderIngress(model: Model): Manifest | undefined {
  const ing = model.values.ingress;
  if (!ing.enabled) return undefined;
  const backend = { service: { name: model.fullName, port: { number: model.values.service.port } } };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: compact({
      name: model.fullName,
      namespace: model.namespace,
      labels: model.labels,
      annotations: nonEmpty(ing.annotations),
    }),
    spec: compact({
      ingressClassName: ing.ingressClassName || undefined,
      tls: nonEmpty(ing.tls)?.map((t) => compact({ hosts: t.hosts, secretName: t.secretName })),
      rules: nonEmpty(ing.hosts)?.map((h) => ({
        // The chart quotes the host with Sprig's quote, which prints nothing for a missing one.
        host: h.host,
        http: {
          paths: (h.paths ?? []).map((p) =>
            typeof p === 'string' ? { path: p, pathType: 'Prefix', backend } : { path: p.path, pathType: p.pathType || 'Prefix', backend },
          ),
        },
      })),
    }),
  };
}
