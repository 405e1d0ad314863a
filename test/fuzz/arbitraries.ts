/**
 * Random props for the property-based test: valid props covering every chart
 * value, and valid props with one field broken (a random value at a random
 * path, or an unknown key). Shared by test/fuzz/fuzz.test.ts and scripts/fuzz.ts.
 */
import fc from 'fast-check';
import { App, Chart } from 'cdk8s';
import { PackageManager, PackageManagerValidationError } from '../../src';
import type { PackageManagerProps } from '../../src';
import { validateManifests } from '../helpers/k8s-validate';
import { assertNoSecretsOutsideSecrets } from '../helpers/no-secrets';

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
const labelValue = fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9._-]{0,10}[A-Za-z0-9])?$/);
const text = fc.string({ maxLength: 12 });
const gcfgText = fc.string({ maxLength: 16 }).filter((s) => !/[\r\0]/.test(s) && !/[\uD800-\uDFFF]/.test(s));
const absPath = label.map((s) => `/${s}`);
const quantity = fc.constantFrom('100m', '1', '2Gi', '512Mi', '1.5', 1, 2);
const percentOrInt = fc.oneof(fc.nat({ max: 5 }), fc.constantFrom('0%', '25%', '100%'));
const labels = fc.dictionary(label, labelValue, { maxKeys: 3 });
const annotations = fc.dictionary(label, text, { maxKeys: 3 });

const probe = fc.record(
  {
    enabled: fc.boolean(),
    periodSeconds: fc.integer({ min: 1, max: 60 }),
    failureThreshold: fc.integer({ min: 1, max: 30 }),
    // Mostly the default port (HTTP.Listen's); a port the pod may not listen on is refused (test/validation/package-manager-reads.test.ts).
    httpGet: fc.oneof(
      { arbitrary: fc.record({ path: absPath }), weight: 8 },
      { arbitrary: fc.record({ path: absPath, port: fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant('metrics')) }), weight: 1 },
    ),
  },
  { requiredKeys: [] },
);

const container = fc.record({
  name: label.map((n) => `x-${n}`),
  image: fc.constantFrom('busybox', 'registry.example.com/tools/agent:1.0'),
  command: fc.array(text, { maxLength: 3 }),
  env: fc.array(fc.record({ name: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), value: text }), { maxLength: 2 }),
  resources: fc.record({ limits: fc.record({ cpu: quantity, memory: fc.constantFrom('64Mi', '1Gi') }) }),
});

const config = fc.record(
  {
    Server: fc.record(
      { Address: fc.constantFrom('https://packages.example.com', 'http://p'), RVersion: fc.array(absPath, { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    HTTP: fc.record({
      Listen: fc
        .integer({ min: 1024, max: 9999 })
        .filter((p) => p !== 2112)
        .map((p) => `:${p}`),
    }),
    Metrics: fc.record({ Enabled: fc.boolean() }, { requiredKeys: [] }),
    CRAN: fc.record({ SyncSchedule: fc.constantFrom('0 0 * * *', '*/5 * * * *', '@daily') }),
    Git: fc.record({ PollInterval: fc.constantFrom('5m', '1h30m', 1000), BuildRetries: fc.nat({ max: 5 }) }, { requiredKeys: [] }),
    Debug: fc.record({ Log: gcfgText }),
    Postgres: fc.record(
      {
        URL: fc.constantFrom('postgres://ppm@db.example.com/ppm', 'postgres://ppm:pw-in-url-123@db.example.com/ppm?sslmode=require'),
        Password: gcfgText.filter((s) => s.trim().length >= 8),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Props that pass validation in most runs (cross-prop rules may still refuse some combinations). */
export const validProps: fc.Arbitrary<PackageManagerProps> = fc
  .record(
    {
      nameOverride: fc.constantFrom('ppm', 'package-manager'),
      fullnameOverride: label,
      versionOverride: fc.constantFrom('2024.08.0', '2024.04.4'),
      sharedStorage: fc.record(
        {
          create: fc.boolean(),
          mount: fc.boolean(),
          storageClassName: label,
          requests: fc.record({ storage: fc.constantFrom('10Gi', '500Mi') }),
          annotations: annotations,
          selector: fc.record({ matchLabels: labels }),
          volumeName: label,
        },
        { requiredKeys: [] },
      ),
      image: fc.record(
        {
          repository: fc.constantFrom('rstudio/rstudio-package-manager', 'registry.example.com/posit/ppm'),
          tag: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,8}$/),
          imagePullPolicy: fc.constantFrom('Always', 'IfNotPresent', 'Never'),
          imagePullSecrets: fc.array(fc.record({ name: label }), { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
      strategy: fc.oneof(
        fc.record({ type: fc.constant('Recreate' as const) }),
        fc.record({
          type: fc.constant('RollingUpdate' as const),
          rollingUpdate: fc.record({ maxSurge: percentOrInt, maxUnavailable: percentOrInt }),
        }),
      ),
      license: fc.oneof(
        fc.record({ key: text }),
        fc.record({ server: fc.constant('lic.example.com:8989') }),
        fc.record({ file: fc.record({ contents: text.filter((s) => s.length > 0), mountSubPath: fc.boolean() }) }),
        fc.record({ file: fc.record({ secret: label, secretKey: fc.constantFrom('license.lic', 'ppm.lic'), mountPath: absPath }) }),
      ),
      service: fc.record(
        {
          type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
          port: fc.integer({ min: 1, max: 65535 }),
          nodePort: fc.integer({ min: 30000, max: 32767 }),
          annotations: annotations,
        },
        { requiredKeys: [] },
      ),
      aws: fc.record({ awsAccessKeyId: text.filter((s) => s.length > 0), awsSecretAccessKey: text.filter((s) => s.length > 0) }),
      rstudioPMKey: text.filter((s) => s.length > 0),
      command: fc.array(text, { maxLength: 3 }),
      args: fc.array(text, { maxLength: 3 }),
      enableSandboxing: fc.boolean(),
      enableMigration: fc.boolean(),
      pod: fc
        .record(
          {
            env: fc.array(fc.record({ name: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), value: text }), { maxLength: 3 }),
            annotations: annotations,
            labels: labels,
            lifecycle: fc.constant({ preStop: { exec: { command: ['sleep', '5'] } } }),
            securityContext: fc.record({ fsGroup: fc.integer({ min: 1, max: 65535 }) }),
            containerSecurityContext: fc.record({ runAsUser: fc.integer({ min: 1, max: 65535 }) }, { requiredKeys: [] }),
            terminationGracePeriodSeconds: fc.nat({ max: 600 }),
            hostAliases: fc.array(
              fc.record({ ip: fc.constantFrom('10.0.0.1', '192.168.1.5'), hostnames: fc.array(label, { minLength: 1, maxLength: 2 }) }),
              { maxLength: 2 },
            ),
            volumes: fc.constant([{ name: 'extra-ca', configMap: { name: 'ca' } }]),
            volumeMounts: fc.constant([{ name: 'extra-ca', mountPath: '/etc/ssl/extra', readOnly: true }]),
          },
          { requiredKeys: [] },
        )
        .map((p) => (p.volumeMounts && !p.volumes ? { ...p, volumes: [{ name: 'extra-ca', configMap: { name: 'ca' } }] } : p)),
      resources: fc.record(
        {
          requests: fc.record({ enabled: fc.boolean(), cpu: quantity, memory: fc.constantFrom('1Gi', '2Gi') }, { requiredKeys: [] }),
          limits: fc.record({ enabled: fc.boolean(), memory: fc.constantFrom('4Gi', '8Gi') }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      livenessProbe: probe,
      startupProbe: probe,
      readinessProbe: probe,
      initContainers: fc.array(container, { maxLength: 2 }),
      ingress: fc.record(
        {
          enabled: fc.boolean(),
          ingressClassName: label,
          annotations: annotations,
          hosts: fc.array(
            fc.record({
              host: label.map((l) => `${l}.example.com`),
              paths: fc.array(
                fc.oneof(absPath, fc.record({ path: absPath, pathType: fc.constantFrom('Exact', 'Prefix', 'ImplementationSpecific') })),
                { minLength: 1, maxLength: 2 },
              ),
            }),
            { minLength: 1, maxLength: 2 },
          ),
          tls: fc.array(
            fc.record({
              secretName: label,
              hosts: fc.array(
                label.map((l) => `${l}.example.com`),
                { maxLength: 2 },
              ),
            }),
            { maxLength: 1 },
          ),
        },
        { requiredKeys: ['enabled', 'hosts'] },
      ),
      serviceAccount: fc.record({ create: fc.boolean(), name: label, annotations: annotations, labels: labels }, { requiredKeys: [] }),
      serviceMonitor: fc.record({ enabled: fc.boolean(), namespace: label, additionalLabels: labels }, { requiredKeys: [] }),
      config: config,
      extraConfig: fc.dictionary(
        fc.stringMatching(/^[A-Z][a-zA-Z]{0,6}$/).map((s) => `X${s}`),
        fc.dictionary(
          fc.stringMatching(/^[A-Z][a-zA-Z0-9-]{0,6}$/),
          fc.oneof(gcfgText, fc.integer(), fc.boolean(), fc.array(gcfgText, { maxLength: 2 })),
          { maxKeys: 2 },
        ),
        { maxKeys: 2 },
      ),
      extraContainers: fc.array(container, { maxLength: 2 }),
      affinity: fc.constant({
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 1, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'ppm' } } } },
          ],
        },
      }),
      nodeSelector: labels,
      topologySpreadConstraints: fc.constant([
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' as const },
      ]),
      tolerations: fc.array(
        fc.record({ key: label, operator: fc.constantFrom('Exists' as const), effect: fc.constantFrom('NoSchedule' as const) }),
        { maxLength: 2 },
      ),
      priorityClassName: label,
      podDisruptionBudget: fc.oneof(fc.record({ minAvailable: percentOrInt }), fc.record({ maxUnavailable: percentOrInt })),
      extraObjects: fc.array(
        fc.record({
          apiVersion: fc.constant('v1'),
          kind: fc.constant('ConfigMap'),
          metadata: fc.record({ name: label.map((l) => `extra-${l}`) }),
          data: fc.dictionary(label, text, { maxKeys: 2 }),
        }),
        { maxLength: 2 },
      ),
      httpRoute: fc.record(
        {
          enabled: fc.boolean(),
          annotations: annotations,
          labels: labels,
          parentRefs: fc.array(fc.record({ name: label, namespace: label, sectionName: label }, { requiredKeys: ['name'] }), {
            minLength: 1,
            maxLength: 2,
          }),
          hostnames: fc.array(
            label.map((l) => `${l}.example.com`),
            { maxLength: 2 },
          ),
          rules: fc.array(
            fc.record(
              {
                matches: fc.array(
                  fc.record({ path: fc.record({ type: fc.constantFrom('Exact' as const, 'PathPrefix' as const), value: absPath }) }),
                  {
                    maxLength: 2,
                  },
                ),
                filters: fc.constant([
                  { type: 'RequestHeaderModifier' as const, requestHeaderModifier: { set: [{ name: 'X-Via', value: 'gateway' }] } },
                ]),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: ['enabled', 'parentRefs'] },
      ),
      sources: fc.array(fc.record({ name: label.map((l) => `src-${l}`), type: fc.constantFrom('local' as const, 'git' as const) }), {
        maxLength: 2,
      }),
      repositories: fc.array(
        fc.oneof(
          fc.record(
            {
              name: label,
              type: fc.constant('r' as const),
              description: label,
              authenticated: fc.boolean(),
              sources: fc.constant(['cran']),
            },
            { requiredKeys: ['name'] },
          ),
          fc.record({ name: label.map((l) => `py-${l}`), type: fc.constant('python' as const), sources: fc.constant(['pypi']) }),
        ),
        { maxLength: 2 },
      ),
      replicas: fc.integer({ min: 0, max: 3 }),
    },
    { requiredKeys: [] },
  )
  .map(({ aws, replicas, ...rest }) => {
    const props: Record<string, unknown> = { ...rest, ...aws };
    // More than one replica only with shared storage or S3, as the validation requires.
    if (replicas !== undefined) {
      props.replicas = replicas;
      if (replicas > 1) props.config = { ...(rest.config ?? {}), Storage: { Default: 's3' }, S3Storage: { Bucket: 'ppm' } };
    }
    return props as PackageManagerProps;
  });

/** Every path (object keys and list indexes) of a value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
  return copy;
}

const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    '-',
    'UPPER',
    'a'.repeat(300),
    '../x',
    'a\rb',
    'a\0b',
    '0',
    -1,
    0,
    1.5,
    70000,
    2 ** 53,
    true,
    null,
    [],
    {},
    { x: 1 },
  ),
);

/** Valid props with one field broken: a random value at a random path, or an unknown key. */
export const brokenProps: fc.Arbitrary<PackageManagerProps> = validProps.chain((props) => {
  const all = paths(props);
  const objects = [[], ...all].filter((p) => {
    let cur: unknown = props;
    for (const seg of p) cur = (cur as Record<string | number, unknown>)[seg];
    return cur !== null && typeof cur === 'object' && !Array.isArray(cur);
  });
  const replaceValue = all.length > 0 ? fc.tuple(fc.constantFrom(...all), nasty).map(([p, v]) => setAt(props, p, v)) : fc.constant(props);
  const addUnknownKey = fc
    .tuple(fc.constantFrom(...objects), fc.stringMatching(/^[a-zA-Z]{1,8}$/), nasty)
    .map(([p, k, v]) => setAt(props, [...p, `zz${k}`], v));
  return fc.oneof({ weight: 4, arbitrary: replaceValue }, { weight: 1, arbitrary: addUnknownKey }) as fc.Arbitrary<PackageManagerProps>;
});

/** What one run gave. */
export type Outcome =
  | { kind: 'valid'; objects: number }
  | { kind: 'rejected'; paths: string[] }
  | { kind: 'invalid-manifest'; problems: string[] }
  | { kind: 'crash'; error: string }
  | { kind: 'bad-error'; error: string };

/** Synthesizes props and classifies the result. */
export function runOnce(props: PackageManagerProps): Outcome {
  let objects: Record<string, unknown>[];
  try {
    const chart = new Chart(new App({ outdir: '/dev/null' }), 'fuzz', { disableResourceNameHashes: true });
    new PackageManager(chart, 'fuzz', props);
    objects = chart.toJson();
  } catch (e) {
    if (e instanceof PackageManagerValidationError) {
      const paths = e.issues.map((i) => i.path);
      if (paths.length === 0 || paths.some((p) => p === '')) return { kind: 'bad-error', error: e.message };
      return { kind: 'rejected', paths };
    }
    return { kind: 'crash', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  try {
    assertNoSecretsOutsideSecrets(props, objects);
  } catch (e) {
    return { kind: 'invalid-manifest', problems: [(e as Error).message] };
  }
  const problems = validateManifests(objects);
  return problems.length > 0 ? { kind: 'invalid-manifest', problems } : { kind: 'valid', objects: objects.length };
}
