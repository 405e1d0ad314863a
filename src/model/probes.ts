/** The Package Manager container's probes: each merged over its default the way the chart's merge does. */
import type { K8sProbe } from '../k8s/types';
import { deepMerge, isPlainObject } from '../leaf/objects';
import type { ProbeProps } from '../props';

const OWN_HANDLERS = ['exec', 'tcpSocket', 'grpc'] as const;

/**
 * Merges a probe over its default (`null` removes a field). A handler of its
 * own replaces the default `httpGet` (the merge would give two handlers).
 * The default `httpGet` probes the HTTP port unless the probe names its own port.
 */
export function resolveProbe(
  defaults: ProbeProps | undefined,
  given: ProbeProps | null | undefined,
  httpPort: number,
): K8sProbe | undefined {
  if (given === null) return undefined;
  const base: Record<string, unknown> = { ...defaults };
  const ownHandler = given && OWN_HANDLERS.some((h) => given[h] !== undefined && given[h] !== null) && given.httpGet === undefined;
  if (ownHandler) delete base.httpGet;
  else if (isPlainObject(base.httpGet)) base.httpGet = { ...base.httpGet, port: httpPort };
  const merged = deepMerge<Record<string, unknown>>(base, given ?? undefined, { nullDeletes: true });
  if (!merged.enabled) return undefined;
  const probe: Record<string, unknown> = {};
  let empty = true;
  for (const k of Object.keys(merged)) {
    const v = merged[k];
    if (k === 'enabled' || v === undefined || v === null) continue;
    probe[k] = v;
    empty = false;
  }
  return empty ? undefined : (probe as K8sProbe);
}
