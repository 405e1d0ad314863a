/** Ingress `FULL` (networking.k8s.io/v1, when `ingress.enabled`). */
import { DEFAULT_PATH_TYPE } from '../constants';
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderIngress(model: Model): Manifest | undefined {
  const own = model.objects.ingress;
  if (!own) return undefined;
  const ing = model.values.ingress ?? {};
  const backend = { service: { name: model.objects.service.name, port: { number: model.values.service?.port } } };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: compact({
      name: own.name,
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
            typeof p === 'string'
              ? { path: p, pathType: DEFAULT_PATH_TYPE, backend }
              : { path: p.path, pathType: p.pathType || DEFAULT_PATH_TYPE, backend },
          ),
        },
      })),
    }),
  };
}
