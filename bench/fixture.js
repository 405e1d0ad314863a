'use strict';
/**
 * A realistic, fully-featured PackageManager configuration for the benchmarks.
 *
 * `fullProps(i)` returns fresh props for instance i (release `team-${i}`,
 * namespace `ppm-${i}`) that exercise most renderers: shared storage created
 * (PVC), license file from an existing Secret, Ingress with TLS and two paths,
 * ServiceMonitor, PodDisruptionBudget, 2 replicas, all three probes, resources,
 * pod env/annotations/labels, tolerations, affinity, topology spread
 * constraints and a gcfg config with a list value.
 *
 * Prop names follow src/props.ts (which mirror rstudio-pm's values.yaml).
 */

function fullProps(i) {
  const release = `team-${i}`;
  const host = `packages-${i}.example.com`;
  const podLabels = { 'app.kubernetes.io/name': 'rstudio-pm', 'app.kubernetes.io/instance': release };
  return {
    releaseName: release,
    namespace: `ppm-${i}`,
    replicas: 2,
    sharedStorage: {
      create: true,
      mount: true,
      storageClassName: 'efs-sc',
      accessModes: ['ReadWriteMany'],
      requests: { storage: '200Gi' },
      annotations: { 'helm.sh/resource-policy': 'keep', 'backup.example.com/enabled': 'true' },
    },
    license: { file: { secret: 'ppm-license', secretKey: 'ppm.lic' } },
    image: { repository: 'rstudio/rstudio-package-manager', tag: 'ubuntu2204-2024.04.4' },
    service: { type: 'ClusterIP', port: 80, annotations: { 'prometheus.io/scrape': 'true' } },
    ingress: {
      enabled: true,
      ingressClassName: 'nginx',
      annotations: {
        'nginx.ingress.kubernetes.io/proxy-body-size': '0',
        'cert-manager.io/cluster-issuer': 'letsencrypt',
      },
      hosts: [{ host, paths: ['/', { path: '/__api__', pathType: 'Prefix' }] }],
      tls: [{ secretName: `packages-${i}-tls`, hosts: [host] }],
    },
    serviceAccount: { create: true, annotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::123456789012:role/ppm-${i}` } },
    serviceMonitor: { enabled: true, additionalLabels: { release: 'kube-prometheus-stack' } },
    podDisruptionBudget: { minAvailable: 1 },
    livenessProbe: { enabled: true, periodSeconds: 15, timeoutSeconds: 3, failureThreshold: 6 },
    startupProbe: { enabled: true, periodSeconds: 5, failureThreshold: 60 },
    readinessProbe: { enabled: true, periodSeconds: 5, initialDelaySeconds: 5 },
    resources: {
      requests: { enabled: true, memory: '4Gi', cpu: '1000m', ephemeralStorage: '1Gi' },
      limits: { enabled: true, memory: '8Gi', cpu: '4000m', ephemeralStorage: '2Gi' },
    },
    pod: {
      env: [
        { name: 'TZ', value: 'UTC' },
        { name: 'RSPM_LOG_LEVEL', value: 'info' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      ],
      annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false', team: `team-${i}` },
      labels: { team: `team-${i}`, 'cost-center': `cc-${1000 + i}` },
    },
    tolerations: [
      { key: 'dedicated', operator: 'Equal', value: 'posit', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }] }],
        },
      },
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              topologyKey: 'kubernetes.io/hostname',
              labelSelector: { matchLabels: podLabels },
            },
          },
        ],
      },
    },
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: podLabels },
      },
    ],
    config: {
      Server: {
        Address: `https://${host}`,
        RVersion: ['/opt/R/4.3.3', '/opt/R/4.4.1'],
      },
      HTTP: { Listen: ':4242' },
      CRAN: { SyncSchedule: '0 2 * * *' },
      Metrics: { Enabled: true },
    },
  };
}

module.exports = { fullProps };
