/**
 * Defaults of what this library adds to the chart's values (the same for
 * every chart version): with these, the output is the chart's.
 */
/** Peers allowed to scrape metrics through the NetworkPolicy when `networkPolicy.metricsFrom` is not given. */
export const DEFAULT_METRICS_PEERS = [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }];

export const OUR_DEFAULTS = {
  restartOnLicenseChange: false,
  deployment: { labels: {}, annotations: {} },
  migrationJob: {
    image: 'busybox',
    containerSecurityContext: { capabilities: { add: ['CHOWN', 'DAC_OVERRIDE'], drop: ['ALL'] } },
  },
  networkPolicy: { enabled: false, metricsFrom: DEFAULT_METRICS_PEERS, egress: [{}] },
  httpRoute: { enabled: false, rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }] },
} as const;
