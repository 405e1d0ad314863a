/**
 * The warnings this library gives: each has a stable id that a user can
 * acknowledge (see report-warnings.ts for how they are recorded and printed).
 */
/** Every warning this library gives, by id, with what it is about. */
export const WARNINGS = {
  'ppm:sandboxing': 'sandboxed Git builds need an unconfined container, which fails Pod Security "baseline" and "restricted"',
  'ppm:inline-secret': 'a secret setting written inline in config is moved out of the ConfigMap into a Secret',
  'ppm:inline-secret-prop':
    'a secret (license key or file, AWS keys, encryption key) written inline in typed props ends up in the synthesized YAML; reference a Secret instead',
  'ppm:plain-secret-env': 'a secret given as the plain value of an environment variable (readable by anyone who can read the Deployment)',
  'ppm:secret-in-command': 'a credential in a command line (command, args, lifecycle or exec probe): readable in the manifest and in ps',
  'ppm:secret-in-metadata': 'an annotation or label named like a secret or holding a credential',
  'ppm:secret-in-probe-header': "a credential in a probe's HTTP header (Authorization, an API key…)",
  'ppm:pod-security': 'with enableSandboxing: false, an object or container that does not pass Pod Security "restricted", and why',
  'ppm:config-spelling': "a config section or key is spelled differently from Posit's docs (gcfg reads names case-insensitively)",
  'ppm:config-untyped': 'config settings this library does not type are written as given',
  'ppm:schedule-never-fires': 'a sync schedule names a day no chosen month has, so it never fires',
  'ppm:no-license': 'no license is given (no key, key Secret, server or file): Package Manager does not start without one',
  'ppm:license-type': "config.Licensing.LicenseType is set by hand (the chart's note)",
  'ppm:deprecated-value': 'a value the chart deprecates',
  'ppm:stale-value': 'a key of an older chart version that the chart ignores',
  'ppm:ignored-value': 'a value that has no effect with the other values given',
  'ppm:servicemonitor-without-metrics': 'serviceMonitor.enabled without metrics: no ServiceMonitor is created',
  'ppm:data-dir': "Package Manager's data directory is not on the shared storage",
  'ppm:pdb-blocks-drain': 'the PodDisruptionBudget allows no eviction',
  'ppm:port-mismatch': 'pod.port is not the port Package Manager listens on (config.HTTP.Listen)',
  'ppm:replicas-sqlite': 'several replicas with the default SQLite database (Posit supports several replicas only with PostgreSQL)',
  'ppm:gateway-not-admitted': "the NetworkPolicy's ingressFrom selects no namespace of the HTTPRoute's Gateways",
} as const;

/** The id of a warning, e.g. `ppm:sandboxing`. */
export type WarningId = keyof typeof WARNINGS;

/** One warning about the props or values. */
export interface PackageManagerWarning {
  /** Stable id, to acknowledge it with. */
  readonly id: WarningId;
  /** Dotted path of the value it is about. */
  readonly path: string;
  /** What is the matter, and what to do. */
  readonly message: string;
}

/** True for a known warning id. */
export function isWarningId(id: unknown): id is WarningId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(WARNINGS, id);
}

/** The one way a warning is printed: `WARNING [id] path: message`, after `where` (e.g. the construct's path) when given. */
export function formatWarning(w: PackageManagerWarning, where?: string): string {
  return `WARNING ${where ? `${where}: ` : ''}[${w.id}] ${w.path ? `${w.path}: ` : ''}${w.message}`;
}
