/**
 * Rules on the HTTPRoute: what the Gateway API v1 CRD refuses beyond its
 * structural schema (which the schema checks: src/k8s/definitions.json) —
 * its list limits and CEL rules — and what would attach the route nowhere.
 */
import { isIp } from '../../k8s/names';
import type { Rule } from './context';

/** Gateway API's host name (`PreciseHostname` or a wildcard `*.` first): lower-case DNS labels, no IP, no port. */
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** What a path of an `Exact` or `PathPrefix` match may hold. */
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/;
/** The CRD's limits. */
const LIMITS = { parentRefs: 32, hostnames: 16, rules: 16, matchesPerRule: 64, matches: 128, filters: 16 };
/** The member each filter type needs (and no other filter member may be set). */
const FILTER_MEMBERS = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
  CORS: 'cors',
} as const;

/** Why a path of an `Exact` or `PathPrefix` match is refused, or undefined. */
function pathProblem(value: string): string | undefined {
  if (!value.startsWith('/')) return 'must start with "/"';
  for (const bad of ['//', '/./', '/../', '%2f', '%2F', '#']) if (value.includes(bad)) return `must not contain ${JSON.stringify(bad)}`;
  if (value.endsWith('/..') || value.endsWith('/.')) return 'must not end with "/." or "/.."';
  if (!PATH_CHARS.test(value)) return 'may hold only letters, digits, "-._~!$&\'()*+,;=:@/" and %-escapes';
  return undefined;
}

/** The HTTPRoute attaches to a Gateway, answers valid host names and holds rules Gateway API accepts. */
export const httpRoute: Rule = ({ model, error, invalid }) => {
  if (!model.objects.httpRoute) return;
  const route = model.values.httpRoute ?? {};
  const parents = route.parentRefs ?? [];
  if (parents.length === 0)
    error(
      'httpRoute.parentRefs',
      'httpRoute.enabled is true but no parentRefs are given: name the Gateway to attach to, e.g. [{ name: "gateway", namespace: "gateway-system", sectionName: "https" }]',
    );
  const tooMany = (path: string, n: number, limit: number) => {
    if (n > limit) error(path, `holds ${n} items; Gateway API allows at most ${limit}`);
  };
  tooMany('httpRoute.parentRefs', parents.length, LIMITS.parentRefs);
  const seen = new Map<string, number>();
  parents.forEach((p, i) => {
    const key = JSON.stringify([p.group ?? '', p.kind ?? 'Gateway', p.namespace ?? '', p.name, p.sectionName ?? '', p.port ?? 0]);
    const first = seen.get(key);
    if (first !== undefined)
      error(
        `httpRoute.parentRefs[${i}]`,
        `repeats httpRoute.parentRefs[${first}]: give each reference to the same Gateway its own sectionName`,
      );
    else seen.set(key, i);
  });

  const hostnames = route.hostnames ?? [];
  tooMany('httpRoute.hostnames', hostnames.length, LIMITS.hostnames);
  hostnames.forEach((h, i) => {
    if (h.length === 0 || h.length > 253 || !HOSTNAME.test(h) || isIp(h))
      invalid(
        ['httpRoute', 'hostnames', i],
        'must be a lower-case DNS name, optionally "*." first (no IP address, no port, no trailing dot), at most 253 characters',
        h,
      );
  });

  const rules = route.rules ?? [];
  tooMany('httpRoute.rules', rules.length, LIMITS.rules);
  const total = rules.reduce((n, r) => n + (r.matches?.length ?? 0), 0);
  if (total > LIMITS.matches) error('httpRoute.rules', `hold ${total} matches together; Gateway API allows at most ${LIMITS.matches}`);
  rules.forEach((rule, i) => {
    const at = `httpRoute.rules[${i}]`;
    tooMany(`${at}.matches`, rule.matches?.length ?? 0, LIMITS.matchesPerRule);
    tooMany(`${at}.filters`, rule.filters?.length ?? 0, LIMITS.filters);
    (rule.matches ?? []).forEach((m, j) => {
      const type = m.path?.type ?? 'PathPrefix';
      const value = m.path?.value ?? '/';
      const problem = type === 'RegularExpression' ? undefined : pathProblem(value);
      if (problem) invalid(['httpRoute', 'rules', i, 'matches', j, 'path', 'value'], `a ${type} path ${problem}`, value);
    });
    const onePrefix = rule.matches?.length === 1 && (rule.matches[0].path?.type ?? 'PathPrefix') === 'PathPrefix';
    (rule.filters ?? []).forEach((f, j) => {
      const fat = `${at}.filters[${j}]`;
      const needed = FILTER_MEMBERS[f.type];
      if (needed && f[needed] === undefined) error(fat, `is a ${f.type} filter: give ${needed}`);
      for (const [type, member] of Object.entries(FILTER_MEMBERS)) {
        if (member !== needed && f[member] !== undefined)
          error(`${fat}.${member}`, `is set, but the filter's type is ${f.type}, not ${type}`);
      }
      if (f.type === 'RequestRedirect')
        error(
          fat,
          'is a RequestRedirect, which Gateway API refuses in a rule that has backends, and every rule here sends to the Package Manager Service: put redirects in an HTTPRoute of their own',
        );
      const rewrite = f.urlRewrite?.path;
      if (rewrite?.type === 'ReplacePrefixMatch' && !onePrefix)
        error(`${fat}.urlRewrite.path`, 'replaces a prefix match, which needs exactly one PathPrefix match in the rule');
    });
  });
};

/**
 * A NetworkPolicy that admits only `networkPolicy.ingressFrom` must admit the Gateway's proxies, or the route
 * leads nowhere. Where the proxies run depends on the implementation (the Gateway's namespace for most, a
 * controller namespace for some), so a peer that selects no Gateway's namespace is a warning, not an error.
 */
export const gatewayAdmitted: Rule = ({ model, warn }) => {
  const from = model.values.networkPolicy?.ingressFrom;
  if (!model.objects.httpRoute || !model.objects.networkPolicy || !from || from.length === 0) return;
  const everyNamespace = from.some((p) => p.namespaceSelector && Object.keys(p.namespaceSelector).length === 0 && !p.podSelector);
  if (everyNamespace) return;
  const admitted = new Set(from.map((p) => p.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']).filter(Boolean));
  (model.values.httpRoute?.parentRefs ?? []).forEach((p, i) => {
    const ns = p.namespace ?? model.namespace;
    if (ns !== undefined && admitted.has(ns)) return;
    const where = ns === undefined ? "the release's namespace" : `namespace ${JSON.stringify(ns)}`;
    warn(
      'ppm:gateway-not-admitted',
      'networkPolicy.ingressFrom',
      `admits only the peers given, and none selects ${where}, where the Gateway of httpRoute.parentRefs[${i}] is: its proxies cannot reach Package Manager unless they run elsewhere and a peer admits them; add { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "<where the proxies run>" } } }`,
    );
  });
};
