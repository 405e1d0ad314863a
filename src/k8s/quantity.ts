/** Kubernetes quantities as numbers, to compare requests with limits. */
import { QUANTITY_PATTERN } from './validate';

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a quantity (`'500m'` → 0.5, `'1Gi'` → 1073741824), or undefined when it is not one. */
export function quantityValue(q: string | number | undefined): number | undefined {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string' || !QUANTITY_PATTERN.test(q)) return undefined;
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+)|([KMGTPE]i|[numkMGTPE]))?$/.exec(q)!;
  const base = Number(m[1]);
  if (m[2] !== undefined) return base * 10 ** Number(m[2]);
  return base * SUFFIX[m[3] ?? ''];
}

/** `[resource, request, limit]` for every resource whose request exceeds its limit. */
export function requestsOverLimits(
  requests: Record<string, string | number> | undefined,
  limits: Record<string, string | number> | undefined,
): [string, string | number, string | number][] {
  const out: [string, string | number, string | number][] = [];
  for (const [resource, request] of Object.entries(requests ?? {})) {
    const limit = limits?.[resource];
    if (limit === undefined) continue;
    const r = quantityValue(request);
    const l = quantityValue(limit);
    if (r !== undefined && l !== undefined && r > l) out.push([resource, request, limit]);
  }
  return out;
}
