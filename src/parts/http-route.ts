/**
 * HTTPRoute `FULL` (gateway.networking.k8s.io/v1, when `httpRoute.enabled`), as `helm create`'s
 * template writes it: the parent Gateways, the host names, and each rule's matches and filters
 * sending to the Package Manager Service on `service.port`. Beside the Ingress or instead of it.
 */
import type { Model } from '../model';
import { compact, nonEmpty, type Manifest } from './manifest';

export function renderHttpRoute(model: Model): Manifest | undefined {
  const own = model.objects.httpRoute;
  if (!own) return undefined;
  const route = model.values.httpRoute ?? {};
  const backendRefs = [{ name: model.objects.service.name, port: model.values.service?.port }];
  // No rules at all (`rules: null` or `[]`): one rule without matches, which Gateway API reads as `PathPrefix /`.
  const rules = nonEmpty(route.rules) ?? [{}];
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: compact({
      name: own.name,
      namespace: model.namespace,
      labels: { ...model.labels, ...route.labels },
      annotations: nonEmpty(route.annotations),
    }),
    spec: compact({
      parentRefs: route.parentRefs,
      hostnames: nonEmpty(route.hostnames),
      rules: rules.map((r) => compact({ matches: nonEmpty(r.matches), filters: nonEmpty(r.filters), backendRefs })),
    }),
  };
}
