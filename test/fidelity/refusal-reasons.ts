/**
 * Why values that Helm renders are refused here: each error line of a refusal, matched to the reason the README or
 * docs/errors.md gives (quoted, so a test checks the docs still say it). The first match counts: specific reasons
 * come before the general ones. The fidelity tests and the differential
 * harness against real Helm classify every refusal with `explain`; a line it does not match is an unexplained one.
 */
export type Doc = 'README.md' | 'docs/errors.md';

export interface RefusalReason {
  /** A short name, for reports. */
  readonly id: string;
  /** Matches one error line (`  - path: message`). */
  readonly line: RegExp;
  /** Where the reason is written, and a phrase of it (whitespace aside, as it stands there). */
  readonly doc: Doc;
  readonly says: string;
  /**
   * The reason is that Kubernetes refuses what Helm renders: a harness that has Helm's render can check it (with a
   * Kubernetes validator) before it counts the refusal as explained.
   */
  readonly kubernetesRefuses?: true;
}

export const REFUSAL_REASONS: readonly RefusalReason[] = [
  {
    id: 'quoted-boolean',
    line: /: is the string ".*", which Helm reads as true/,
    doc: 'README.md',
    says: 'A quoted `"false"` (or `"no"`, `"0"`) where the chart tests a boolean is an error',
  },
  {
    id: 'metrics-enabled-string',
    line: /config\.Metrics\.Enabled: is the string .*: Helm reads any non-empty string as true/,
    doc: 'README.md',
    says: 'In `config.Metrics.Enabled` (the one setting the chart tests) every string but `"true"` is an error',
  },
  {
    id: 'pdb-only-nulls',
    line: /podDisruptionBudget: holds only nulls/,
    doc: 'README.md',
    says: '`podDisruptionBudget` with only null limits is an error: helm renders a budget with neither limit.',
  },
  {
    id: 'removed-default',
    line: /: is (removed \(null\)|empty), (which would render|so the image would have no repository)/,
    doc: 'docs/errors.md',
    says: '`is removed (null), which would render …`, `is empty, which would render …` | the chart prints the field empty',
  },
  {
    id: 'removed-required',
    line: /: is removed \(null\) (while|when)/,
    doc: 'README.md',
    says: '`license.file.mountPath: null`, `resources.limits.cpu: null` with limits on',
  },
  {
    id: 'ranged-scalar',
    line: /: is .*, but the chart ranges over it without testing it/,
    doc: 'docs/errors.md',
    says: '`pod.annotations` or `extraObjects` given `false`, `0` or `""`: Helm fails',
  },
  {
    id: 'printed-map-scalar',
    line: /: is .*, but while .* is on the chart prints it as the annotations map/,
    doc: 'docs/errors.md',
    says: '`sharedStorage.annotations` given `false`, `0` or `""` while the claim is created',
  },
  {
    id: 'gcfg-typed-key',
    line: /^ {2}- config\.\w+\.\w+: must be (a cron schedule|one of |a Go duration|a whole number|true or false)/,
    doc: 'README.md',
    says: 'Typed keys have types: booleans, whole numbers, durations (`5m`), cron schedules (5 fields), `[host]:port` addresses, enums.',
  },
  {
    id: 'image-tag-printf',
    line: /^ {2}- (versionOverride|image\.tagPrefix|image\.os): must be a string; got/,
    doc: 'docs/errors.md',
    says: 'the chart builds the image tag with `printf "%s"`, which writes a number as `%!s(float64=12345)` into it',
  },
  {
    id: 'kubernetes-type',
    line: /: (must be (a string|a whole number|a number|true or false|a list|a map|one of |a whole number or a string|a number, or must be a string)|is required$)/,
    doc: 'docs/errors.md',
    says: 'Helm prints it as given and Kubernetes refuses the object',
    kubernetesRefuses: true,
  },
  {
    id: 'kubernetes-enum',
    line: /: must be '[A-Za-z]+'( \| '[A-Za-z]+')+; got/,
    doc: 'README.md',
    says: 'enums: `service.type`, `strategy.type`, `image.imagePullPolicy`',
    kubernetesRefuses: true,
  },
  {
    id: 'range',
    line: /: (ports are \d+-\d+|node ports are \d+-\d+|must be at least -?\d+|must be a port of \d+-\d+ or a port name|must be an absolute path)/,
    doc: 'README.md',
    says: 'Ports 1–65535 (`service.port`, container and probe ports, `pod.port`); `service.nodePort` 30000–32767',
  },
  {
    id: 'object-name',
    line: /: must be a DNS-1123 (name|subdomain|label)/,
    doc: 'README.md',
    says: 'are DNS-1123 names; namespaces are DNS-1123 labels',
  },
  {
    id: 'service-ip',
    line: /^ {2}- service\.(clusterIP|loadBalancerIP): must be an IP address/,
    doc: 'docs/errors.md',
    says: '`service.clusterIP` (an IP or `"None"`) and `service.loadBalancerIP`, with their `service.type`: the API server refuses anything else there',
  },
  {
    id: 'probe-port',
    line: /Probe\.(httpGet|tcpSocket|grpc)\.port: is .*, (but nothing in the pod listens on it|which is not a port of the Package Manager container)/,
    doc: 'docs/errors.md',
    says: 'a named port the Package Manager container does not have; a number nothing in the pod listens on',
  },
  {
    id: 'probe-handler',
    line: /: a probe needs a handler/,
    doc: 'README.md',
    says: 'Probes: exactly one handler',
  },
  {
    id: 'replicas-shared-data',
    line: /^ {2}- replicas: is \d+, but the pods would not share their data directory/,
    doc: 'README.md',
    says: '`replicas > 1` needs data all pods share',
  },
  {
    id: 'aws-pair',
    line: /^ {2}- aws(SecretAccessKey|AccessKeyId): is required when aws(AccessKeyId|SecretAccessKey) is set/,
    doc: 'README.md',
    says: '`awsSecretAccessKey` with `awsAccessKeyId` (and the reverse)',
  },
  {
    id: 'license-file-both',
    line: /^ {2}- license\.file: set either license\.file\.contents .* not both/,
    doc: 'README.md',
    says: '`license.file.contents` or `license.file.secret`, not both',
  },
  {
    id: 'ingress-hosts',
    line: /ingress\.enabled is true but no hosts are given|an Ingress rule needs at least one path/,
    doc: 'README.md',
    says: '`ingress.enabled` needs hosts, each with paths',
  },
  {
    id: 'rolling-update-zero',
    line: /maxSurge and maxUnavailable are both 0/,
    doc: 'README.md',
    says: 'Rolling updates: `maxSurge` and `maxUnavailable` not both 0.',
  },
  {
    id: 'listen-address',
    line: /config\.HTTPS?\.Listen: (must be "\[host\]:port"|has no ":" before the port)/,
    doc: 'docs/errors.md',
    says: 'Go\'s `net.Listen("tcp", …)` needs `host:port`, `:port` or `[v6]:port`',
  },
  {
    id: 'root-check',
    line: /config\.Launcher\.ServerUser: is "root"/,
    doc: 'README.md',
    says: '`config.Launcher.ServerUser = root` fails unless `rootCheckIsFatal: false`',
  },
  {
    id: 'server-user-type',
    line: /config\.Launcher\.ServerUser: is .*, but the chart compares it with "root"/,
    doc: 'README.md',
    says: 'a `ServerUser` that is not a string is an error',
  },
  {
    id: 'template-field-of-missing',
    line: /is not set, so \.\S+ of it cannot be read \(Helm fails too\)/,
    doc: 'README.md',
    says: 'a field of a missing value (`{{ .Values.nope.deeper }}`) is an error (Helm fails too)',
  },
  {
    id: 'template-unsupported',
    line: /: template not supported: /,
    doc: 'README.md',
    says: 'Any other template construct (`range`, `with`, variables, other functions) is an error naming',
  },
  {
    id: 'dereferenced',
    line: /but the chart reads its fields \(Helm fails to render it\)/,
    doc: 'README.md',
    says: 'A null (or a scalar) where the chart reads fields of a map (`config.Metrics: ~`, `livenessProbe: ~`) is an error',
  },
  {
    id: 'unknown-key',
    line: /: unknown key/,
    doc: 'README.md',
    says: 'Any other unknown key is an error that names the',
  },
];

/** The reason for one error line, or undefined when the docs give none. */
export function explain(line: string): RefusalReason | undefined {
  return REFUSAL_REASONS.find((r) => r.line.test(line));
}

/** The error lines of a refusal (stderr of `cdk8s-ppm template`): `  - path: message`. */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('  - '));
}
