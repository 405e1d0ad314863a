/** Rules on the Service, the Ingress, the PodDisruptionBudget and extra objects. */
import { DEFAULT_PATH_TYPE } from '../../constants';
import { isDns1123Subdomain, isIp, SUBDOMAIN_RULE } from '../../k8s/names';
import { otherServiceTypeMessage, pathsWith, traitsOf } from '../../traits';
import type { Rule } from './context';

/** Addresses of the Service. */
export const serviceAddresses: Rule = ({ model, invalid, warn }) => {
  const s = model.values.service ?? {};
  if (s.clusterIP && s.clusterIP !== 'None' && !isIp(s.clusterIP))
    invalid('service.clusterIP', 'must be an IP address or "None"', s.clusterIP);
  // The settings of one Service type (their `@onlyWithServiceType` tag in props.ts), given with another.
  for (const path of pathsWith('onlyWithServiceType')) {
    const type = traitsOf(path).onlyWithServiceType;
    const value = path.startsWith('service.') ? s[path.slice('service.'.length) as keyof typeof s] : undefined;
    if (type && value && s.type !== type) warn('ppm:ignored-value', path, otherServiceTypeMessage(type, s.type));
  }
};

/** Ingress hosts and paths. */
export const ingress: Rule = ({ model, error, invalid }) => {
  const ing = model.values.ingress ?? {};
  if (!model.objects.ingress) return;
  const hosts = ing.hosts ?? [];
  if (hosts.length === 0) error('ingress.hosts', 'ingress.enabled is true but no hosts are given: add at least one { host, paths }');
  hosts.forEach((h, i) => {
    if (h.host !== undefined && h.host !== '') {
      const bare = h.host.startsWith('*.') ? h.host.slice(2) : h.host;
      if (!isDns1123Subdomain(bare) || isIp(h.host))
        invalid(['ingress', 'hosts', i, 'host'], 'must be a DNS name (optionally "*." first), not an IP address', h.host);
    }
    const paths = h.paths ?? [];
    if (paths.length === 0) error(`ingress.hosts[${i}].paths`, 'an Ingress rule needs at least one path, e.g. ["/"]');
    paths.forEach((p, j) => {
      const path = typeof p === 'string' ? p : p.path;
      const type = typeof p === 'string' ? DEFAULT_PATH_TYPE : p.pathType || DEFAULT_PATH_TYPE;
      if ((type !== 'ImplementationSpecific' || path !== '') && !path.startsWith('/')) {
        invalid(['ingress', 'hosts', i, 'paths', j], `a ${type} path must start with "/"`, path);
      }
    });
  });
  (ing.tls ?? []).forEach((t, i) =>
    (t.hosts ?? []).forEach((h, j) => {
      if (!isDns1123Subdomain(h.startsWith('*.') ? h.slice(2) : h)) invalid(['ingress', 'tls', i, 'hosts', j], 'must be a DNS name', h);
    }),
  );
};

/** A PodDisruptionBudget sets exactly one of its two limits. */
export const podDisruptionBudget: Rule = ({ model, error, warn }) => {
  const pdb = model.values.podDisruptionBudget;
  if (!pdb || !model.objects.podDisruptionBudget) return;
  if ((pdb.minAvailable === undefined) === (pdb.maxUnavailable === undefined)) {
    error('podDisruptionBudget', 'set exactly one of minAvailable and maxUnavailable');
  }
  const blocks =
    (pdb.minAvailable !== undefined && pdb.minAvailable === model.values.replicas) ||
    pdb.maxUnavailable === 0 ||
    pdb.maxUnavailable === '0%';
  if (blocks)
    warn(
      'ppm:pdb-blocks-drain',
      'podDisruptionBudget',
      `allows no pod to be evicted with replicas: ${model.values.replicas}, which blocks node drains: raise replicas or allow one disruption`,
    );
};

/** Extra objects are named like Kubernetes objects (collisions are checked on the rendered output: see validation/output/objects.ts). */
export const extraObjects: Rule = ({ model, invalid }) => {
  (model.values.extraObjects ?? []).forEach((o, i) => {
    const name = o.metadata.name;
    if (!isDns1123Subdomain(name)) invalid(['extraObjects', i, 'metadata', 'name'], SUBDOMAIN_RULE, name);
  });
};

/** A ServiceMonitor in another namespace must name ours to find the Service. */
export const serviceMonitorNamespace: Rule = ({ model, error }) => {
  const sm = model.objects.serviceMonitor;
  if (sm && !model.namespace && model.values.serviceMonitor?.namespace) {
    error(
      'serviceMonitor.namespace',
      `puts the ServiceMonitor in ${JSON.stringify(sm.namespace)}, but the release has no namespace for it to select the Service in: set the namespace prop (or create PackageManager inside a Chart with a namespace)`,
    );
  }
};
/** The Service targets a port some container of the pod has. */
export const serviceTarget: Rule = ({ model, error }) => {
  const { serviceTarget: target, serviceTargetPort } = model.ports;
  if (typeof target === 'string' && serviceTargetPort === undefined) {
    const names = [
      ...model.ports.containerPorts.map((p) => p.name),
      ...(model.values.extraContainers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.name)),
    ].filter((n): n is string => n !== undefined);
    error(
      'service.targetPort',
      `names the port ${JSON.stringify(target)}, which no container of the pod has (named ports: ${names.join(', ') || 'none'}): the Service would send traffic nowhere; give a port number or the name of a container port`,
    );
  }
};

/** The NetworkPolicy admits exactly its peers: an empty list would admit everyone. */
export const networkPolicyPeers: Rule = ({ model, error }) => {
  if (!model.objects.networkPolicy) return;
  const np = model.values.networkPolicy ?? {};
  for (const key of ['ingressFrom', 'metricsFrom'] as const) {
    const peers = np[key];
    if (!peers) continue;
    if (peers.length === 0)
      error(
        `networkPolicy.${key}`,
        `is an empty list, which Kubernetes reads as "from anywhere": list the peers allowed${key === 'ingressFrom' ? ', or leave it out to allow everyone' : ''}`,
      );
    peers.forEach((peer, i) => {
      const set = Object.entries(peer ?? {}).filter(([, v]) => v !== undefined && v !== null);
      if (set.length === 0)
        error(`networkPolicy.${key}[${i}]`, 'is an empty peer, which Kubernetes refuses: give podSelector, namespaceSelector or ipBlock');
    });
  }
};
