/**
 * Compile-time test (run by `tsc --noEmit` in `npm test`): every value of the
 * chart's values.yaml, set through typed props, type-checks; misspelled or
 * mistyped props do not (each `@ts-expect-error` fails the build if the line
 * compiles). all-values.test.ts synthesizes these props too.
 */
import type { PackageManagerProps } from '../../src';

export const allValues: PackageManagerProps = {
  releaseName: 'ppm',
  namespace: 'posit',
  nameOverride: 'ppm',
  fullnameOverride: 'package-manager',
  versionOverride: '2024.08.0',
  sharedStorage: {
    create: true,
    name: 'ppm-data',
    mount: true,
    path: '/var/lib/rstudio-pm',
    storageClassName: 'efs-sc',
    accessModes: ['ReadWriteMany'],
    requests: { storage: '100Gi' },
    annotations: { 'helm.sh/resource-policy': 'keep' },
    selector: { matchLabels: { tier: 'ppm' } },
    volumeName: 'pv-ppm',
  },
  image: {
    repository: 'rstudio/rstudio-package-manager',
    tagPrefix: 'ubuntu2204-',
    tag: 'ubuntu2204-2024.04.4',
    imagePullPolicy: 'IfNotPresent',
    imagePullSecrets: [{ name: 'regcred' }],
  },
  strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 } },
  license: {
    key: 'LICENSE-KEY',
    server: 'licenses.example.com:8989',
    file: {
      contents: 'LICENSE FILE',
      mountPath: '/etc/rstudio-licensing',
      mountSubPath: true,
      secretKey: 'license.lic',
      secret: undefined,
    },
  },
  service: {
    type: 'ClusterIP',
    annotations: { a: 'b' },
    clusterIP: '10.0.0.10',
    loadBalancerIP: '203.0.113.10',
    nodePort: 30080,
    port: 80,
  },
  replicas: 2,
  awsAccessKeyId: 'AKIAEXAMPLE',
  awsSecretAccessKey: 'secret',
  rstudioPMKey: 'a2V5',
  command: ['/usr/local/bin/startup.sh'],
  args: ['--verbose'],
  enableSandboxing: true,
  enableMigration: true,
  rootCheckIsFatal: true,
  pod: {
    env: [{ name: 'HTTPS_PROXY', value: 'http://proxy:3128' }],
    volumes: [{ name: 'ca', configMap: { name: 'ca' } }],
    volumeMounts: [{ name: 'ca', mountPath: '/etc/ssl/ca', readOnly: true }],
    serviceAccountName: undefined,
    annotations: { team: 'platform' },
    labels: { tier: 'backend' },
    lifecycle: { preStop: { exec: { command: ['sleep', '10'] } } },
    securityContext: { fsGroup: 999 },
    containerSecurityContext: { runAsUser: 999, seccompProfile: { type: 'Unconfined' } },
    terminationGracePeriodSeconds: 120,
    hostAliases: [{ ip: '10.0.0.1', hostnames: ['git.internal'] }],
  },
  extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra' }, data: { a: 'b' } }],
  resources: {
    requests: { enabled: true, memory: '2Gi', cpu: '100m', ephemeralStorage: '100Mi' },
    limits: { enabled: true, memory: '4Gi', cpu: 2, ephemeralStorage: '200Mi' },
  },
  livenessProbe: {
    enabled: true,
    httpGet: { path: '/__ping__', port: 4242 },
    initialDelaySeconds: 10,
    periodSeconds: 5,
    timeoutSeconds: 2,
    failureThreshold: 10,
  },
  startupProbe: {
    enabled: true,
    httpGet: { path: '/__ping__', port: 'metrics' },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    timeoutSeconds: 1,
    failureThreshold: 30,
  },
  readinessProbe: {
    enabled: true,
    httpGet: { path: '/__ping__', port: 4242 },
    initialDelaySeconds: 3,
    periodSeconds: 3,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
  },
  initContainers: [{ name: 'init', image: 'busybox', command: ['true'] }],
  ingress: {
    enabled: true,
    ingressClassName: 'nginx',
    annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
    hosts: [{ host: 'packages.example.com', paths: ['/', { path: '/admin', pathType: 'Exact' }] }],
    tls: [{ secretName: 'packages-tls', hosts: ['packages.example.com'] }],
  },
  serviceAccount: {
    create: true,
    name: 'ppm',
    annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/ppm' },
    labels: { team: 'platform' },
  },
  serviceMonitor: { enabled: true, namespace: 'monitoring', additionalLabels: { release: 'kube-prometheus-stack' } },
  config: { HTTP: { Listen: ':4242' }, Metrics: { Enabled: true }, Server: { RVersion: ['/opt/R/4.3.2'] } },
  extraContainers: [{ name: 'sidecar', image: 'busybox', resources: { limits: { cpu: '100m', memory: 64 } } }],
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }] }],
      },
    },
  },
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' }],
  tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'ppm', effect: 'NoSchedule' }],
  priorityClassName: 'high',
  podDisruptionBudget: { minAvailable: 1 },
};

// A misspelled prop is a compile error.
// @ts-expect-error servce is not a prop
export const misspelled: PackageManagerProps = { servce: { type: 'NodePort' } };
// @ts-expect-error nested misspellings too
export const misspelledNested: PackageManagerProps = { service: { tpye: 'NodePort' } };
// @ts-expect-error replicas is a number, not a string
export const mistyped: PackageManagerProps = { replicas: '2' };
// @ts-expect-error command is a list, not the chart's YAML string
export const commandString: PackageManagerProps = { command: '["sleep","1000"]' };
// @ts-expect-error service.type is an enum
export const badEnum: PackageManagerProps = { service: { type: 'Internal' } };
// @ts-expect-error Kubernetes-shaped values are typed too
export const badProbe: PackageManagerProps = { livenessProbe: { httpGet: { path: '/', prot: 4242 } } };

// Typed config: autocompletion-grade types for Package Manager's documented keys.
export const typedConfig: PackageManagerProps = {
  config: {
    Server: { Address: 'https://p', DataDir: '/d', RVersion: ['/opt/R/4.3.2'], AccessLogFormat: 'combined' },
    HTTP: { Listen: ':4242' },
    Database: { Provider: 'postgres' },
    Postgres: { URL: 'postgres://u@db/ppm' },
    Storage: { Default: 's3' },
    S3Storage: { Bucket: 'b' },
    Git: { PollInterval: '5m', BuildRetries: 3 },
    Metrics: { Enabled: true, Listen: ':2112' },
  },
  // The escape hatch for what is not typed.
  extraConfig: { OpenIDConnect: { ClientId: 'ppm' }, Server: { SomethingNew: true } },
};
// @ts-expect-error a misspelled known key
export const misspelledConfigKey: PackageManagerProps = { config: { Postgres: { Url: 'x' } } };
// @ts-expect-error an unknown section belongs in extraConfig
export const unknownSection: PackageManagerProps = { config: { OpenIDConnect: { ClientId: 'x' } } };
// @ts-expect-error a typed value
export const badConfigValue: PackageManagerProps = { config: { Metrics: { Enabled: 'yes please' } } };
// @ts-expect-error a typed enum
export const badConfigEnum: PackageManagerProps = { config: { Storage: { Default: 'S3' } } };
