/**
 * The chart's `values.yaml` (rstudio-pm 0.5.29) exactly as Helm reads it,
 * `false`/`""`/`null` included: what `.Values` holds in templates before a
 * values file is merged over it.
 */
import { CHART_DEFAULTS } from '../defaults';
import { deepMerge } from '../merge';

export const CHART_VALUES: Record<string, unknown> = deepMerge(CHART_DEFAULTS as unknown as Record<string, unknown>, {
  nameOverride: '',
  fullnameOverride: '',
  versionOverride: '',
  sharedStorage: { name: '', storageClassName: false, selector: {}, volumeName: '' },
  image: { tag: '' },
  license: { key: null, server: false, file: { contents: false, secret: false } },
  service: { clusterIP: '', loadBalancerIP: '', nodePort: false },
  awsAccessKeyId: false,
  awsSecretAccessKey: null,
  rstudioPMKey: false,
  command: false,
  args: false,
  pod: {
    serviceAccountName: '',
    lifecycle: {},
    securityContext: {},
    containerSecurityContext: {
      seccompProfile: { type: '{{ if .Values.enableSandboxing }}Unconfined{{ else }}RuntimeDefault{{ end }}' },
    },
  },
  initContainers: false,
  ingress: { ingressClassName: '', hosts: null },
  serviceAccount: { name: '' },
  serviceMonitor: { namespace: '' },
  affinity: {},
  nodeSelector: {},
  priorityClassName: '',
  podDisruptionBudget: {},
});
