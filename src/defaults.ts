/**
 * The chart's defaults (`values.yaml` of rstudio-pm 0.5.29), as props.
 * Values that the chart leaves "unset" (`false`, `""`, `null`) are simply absent.
 */
import type { PackageManagerValues } from './props';

/** Chart name, chart version and app version of the chart this library mirrors. */
export const CHART = {
  name: 'rstudio-pm',
  version: '0.5.29',
  appVersion: '2024.04.4',
} as const;

/** Every default of the chart's `values.yaml`. */
export const CHART_DEFAULTS = {
  sharedStorage: {
    create: false,
    mount: false,
    path: '/var/lib/rstudio-pm',
    accessModes: ['ReadWriteMany'],
    requests: { storage: '10Gi' },
    annotations: { 'helm.sh/resource-policy': 'keep' },
  },
  image: {
    repository: 'rstudio/rstudio-package-manager',
    tagPrefix: 'ubuntu2204-',
    imagePullPolicy: 'IfNotPresent',
    imagePullSecrets: [],
  },
  strategy: {
    type: 'RollingUpdate',
    rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 },
  },
  license: {
    file: {
      mountPath: '/etc/rstudio-licensing',
      mountSubPath: false,
      secretKey: 'license.lic',
    },
  },
  service: {
    type: 'ClusterIP',
    annotations: {},
    port: 80,
  },
  replicas: 1,
  enableSandboxing: true,
  enableMigration: true,
  rootCheckIsFatal: true,
  pod: {
    env: [],
    volumes: [],
    volumeMounts: [],
    annotations: {},
    labels: {},
    containerSecurityContext: {
      runAsUser: 999,
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      // seccompProfile.type depends on enableSandboxing: see model.ts
    },
    terminationGracePeriodSeconds: 120,
  },
  extraObjects: [],
  resources: {
    requests: { enabled: false, memory: '2Gi', cpu: '100m', ephemeralStorage: '100Mi' },
    limits: { enabled: false, memory: '4Gi', cpu: '2000m', ephemeralStorage: '200Mi' },
  },
  livenessProbe: {
    enabled: false,
    httpGet: { path: '/__ping__', port: 4242 },
    initialDelaySeconds: 10,
    periodSeconds: 5,
    timeoutSeconds: 2,
    failureThreshold: 10,
  },
  startupProbe: {
    enabled: false,
    httpGet: { path: '/__ping__', port: 4242 },
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
  ingress: {
    enabled: false,
    annotations: {},
    hosts: [],
    tls: [],
  },
  serviceAccount: {
    create: true,
    annotations: {},
    labels: {},
  },
  serviceMonitor: {
    enabled: false,
    additionalLabels: {},
  },
  config: {
    HTTP: { Listen: ':4242' },
    Metrics: { Enabled: true },
  },
  extraContainers: [],
  topologySpreadConstraints: [],
  tolerations: [],
} as const satisfies PackageManagerValues;
