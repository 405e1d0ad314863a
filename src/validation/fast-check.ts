/**
 * The fast check of the merged props: true when the zod schema (schema.ts)
 * would accept them, found without zod and without allocating. Parsing runs
 * it first and loads the zod schema only when it fails, to explain why.
 *
 * Every map level is typed against the props (`Shape`): a key missing here,
 * or one the props do not have, fails to compile, as does a check that
 * accepts a wider type than the prop's. A test runs both checks over the fuzz
 * corpus and the bad-input cases and requires the same verdict.
 *
 * Values given by no one (the chart version's defaults, frozen and known
 * valid) skip the Kubernetes checks, so the Kubernetes definitions are read
 * only when a pass-through value is given.
 */
import { extraConfigCheck, configCheck } from '../config/spec';
import { INCLUDE_TYPES, SOURCE_TYPES } from '../constants';
import { isDns1123Label, isDns1123Subdomain, isQualifiedName, isSecretKey, LABEL_VALUE, PORT_NAME } from '../k8s/names';
import { isValidK8s, isValidK8sObject, QUANTITY_PATTERN, type K8sType } from '../k8s/validate';
import type { NoNull, PackageManagerProps, ProbeProps, SecretsByName } from '../props';
import { isKnownValid } from '../leaf/known-valid';
import {
  anything,
  bool,
  isMap,
  list,
  num,
  obj,
  oneOf,
  or,
  record,
  refined,
  str,
  strLength,
  strMatching,
  strWhere,
  type Check,
} from '../leaf/check';

/** What the schema checks: the props without the two checked before it. */
type Checked = NoNull<SecretsByName<Omit<PackageManagerProps, 'chartVersion' | 'acknowledgeWarnings'>>>;

const PERCENT = /^\d+%$/;
const INT32_MAX = 2 ** 31 - 1;

const objectName = strWhere(isDns1123Subdomain);
const labelName = strWhere(isDns1123Label);
const labelValue = refined(strLength(0, 63), (s) => LABEL_VALUE.test(s));
const labels = record(strWhere(isQualifiedName), labelValue);
const annotations = record(strWhere(isQualifiedName), str);
const quantityString = strMatching(QUANTITY_PATTERN);
const quantity = or(num({ min: 0 }), quantityString);
const intOrPercent = or(num({ int: true, min: 0, max: INT32_MAX }), strMatching(PERCENT));
const port = num({ int: true, min: 1, max: 65535 });
const absolutePath = strWhere((p) => p.startsWith('/'));
const wholeCount = num({ int: true, min: 0, max: INT32_MAX });
const stringMap = record(str, str);
const secretKey = strWhere(isSecretKey);

/** A Kubernetes-shaped value passed through: valid for its Kubernetes 1.28 definition (zod: `z.custom().superRefine`). */
function k8s<T>(type: K8sType): Check<T> {
  return (v: unknown) => isKnownValid(v) || isValidK8s(v, type);
}
function k8sList<T>(type: K8sType): Check<T[]> {
  const item = k8s<T>(type);
  return list(item);
}

const secretKeyRef = obj<{ name: string; key: string }>({ name: objectName, key: secretKey }, { required: ['name', 'key'] });

const resourceList = obj<NonNullable<NonNullable<Checked['resources']>['requests']>>({
  enabled: bool,
  memory: quantityString,
  cpu: quantity,
  ephemeralStorage: quantityString,
});

/** A probe with the chart's `enabled` switch. */
const probe: Check<NoNull<ProbeProps>> = (v: unknown) =>
  isKnownValid(v) || (isMap(v) && (v.enabled === undefined || typeof v.enabled === 'boolean') && isValidK8s(v, 'Probe', 'enabled'));

const ingressPath = obj<{ path: string; pathType?: 'Exact' | 'Prefix' | 'ImplementationSpecific' }>(
  { path: str, pathType: oneOf('Exact', 'Prefix', 'ImplementationSpecific') },
  { required: ['path'] },
);

/** Keys of the data of a ConfigMap or Secret given in `extraObjects`. */
function dataKeysValid(value: Record<string, unknown>): boolean {
  if (value.kind !== 'ConfigMap' && value.kind !== 'Secret') return true;
  for (const field of ['data', 'stringData', 'binaryData']) {
    const data = value[field];
    if (data && typeof data === 'object') {
      for (const key of Object.keys(data)) if (!isSecretKey(key)) return false;
    }
  }
  return true;
}

const extraObject = refined(
  obj<NonNullable<Checked['extraObjects']>[number]>(
    {
      apiVersion: strLength(1),
      kind: strLength(1),
      metadata: obj(
        { name: strLength(1), namespace: str, labels: stringMap, annotations: stringMap },
        { required: ['name'], rest: anything },
      ),
    },
    { required: ['apiVersion', 'kind', 'metadata'], rest: anything },
  ),
  (value) => isValidK8sObject(value as Record<string, unknown>) && dataKeysValid(value as Record<string, unknown>),
);

/** The check of the merged props (the top level of `propsSchema`). */
export const propsCheck: Check<Checked> = obj<Checked>({
  releaseName: str,
  namespace: labelName,
  nameOverride: str,
  fullnameOverride: str,
  versionOverride: str,
  sharedStorage: obj({
    create: bool,
    name: objectName,
    mount: bool,
    path: absolutePath,
    storageClassName: str,
    accessModes: list(oneOf('ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod')),
    requests: obj({ storage: quantity }),
    annotations,
    labels,
    selector: k8s('LabelSelector'),
    volumeName: str,
  }),
  image: obj({
    repository: strLength(1),
    tagPrefix: str,
    os: str,
    tag: str,
    imagePullPolicy: oneOf('Always', 'IfNotPresent', 'Never'),
    imagePullSecrets: k8sList('LocalObjectReference'),
  }),
  strategy: obj({
    type: oneOf('RollingUpdate', 'Recreate'),
    rollingUpdate: obj({ maxSurge: intOrPercent, maxUnavailable: intOrPercent }),
  }),
  license: obj({
    key: str,
    keySecret: secretKeyRef,
    server: str,
    file: obj({ contents: str, mountPath: absolutePath, mountSubPath: bool, secretKey: str, secret: objectName }),
  }),
  service: obj({
    type: oneOf('ClusterIP', 'NodePort', 'LoadBalancer'),
    annotations,
    clusterIP: str,
    loadBalancerIP: str,
    nodePort: num({ int: true, min: 30000, max: 32767 }),
    port,
    targetPort: or(port, strMatching(PORT_NAME)),
  }),
  replicas: wholeCount,
  awsAccessKeyId: str,
  awsSecretAccessKey: str,
  rstudioPMKey: str,
  command: list(str),
  args: list(str),
  enableSandboxing: bool,
  enableMigration: bool,
  rootCheckIsFatal: bool,
  pod: obj({
    env: k8sList('EnvVar'),
    volumes: k8sList('Volume'),
    volumeMounts: k8sList('VolumeMount'),
    serviceAccountName: str,
    annotations,
    labels,
    lifecycle: k8s('Lifecycle'),
    securityContext: k8s('PodSecurityContext'),
    containerSecurityContext: k8s('SecurityContext'),
    terminationGracePeriodSeconds: num({ int: true, min: 0, max: Number.MAX_SAFE_INTEGER }),
    hostAliases: k8sList('HostAlias'),
    port,
  }),
  extraObjects: list(extraObject),
  resources: obj({ requests: resourceList, limits: resourceList }),
  livenessProbe: probe,
  startupProbe: probe,
  readinessProbe: probe,
  initContainers: k8sList('Container'),
  ingress: obj({
    enabled: bool,
    ingressClassName: str,
    annotations,
    hosts: list(obj({ host: str, paths: list(or(str, ingressPath)) })),
    tls: list(obj({ hosts: list(str), secretName: str })),
  }),
  serviceAccount: obj({ create: bool, name: objectName, annotations, labels }),
  serviceMonitor: obj({ enabled: bool, namespace: labelName, additionalLabels: labels }),
  config: configCheck,
  extraConfig: extraConfigCheck,
  extraContainers: k8sList('Container'),
  affinity: k8s('Affinity'),
  nodeSelector: labels,
  topologySpreadConstraints: k8sList('TopologySpreadConstraint'),
  tolerations: k8sList('Toleration'),
  priorityClassName: str,
  rstudioPMKeySecret: secretKeyRef,
  awsCredentialsSecret: obj({ name: objectName, key: secretKey }, { required: ['name'] }),
  configFromSecrets: record(str, record(str, secretKeyRef)),
  automountServiceAccountToken: bool,
  restartOnLicenseChange: bool,
  revisionHistoryLimit: wholeCount,
  deployment: obj({ labels, annotations }),
  migrationJob: obj({
    image: strLength(1),
    imagePullSecrets: k8sList('LocalObjectReference'),
    nodeSelector: labels,
    tolerations: k8sList('Toleration'),
    affinity: k8s('Affinity'),
    containerSecurityContext: k8s('SecurityContext'),
  }),
  networkPolicy: obj({
    enabled: bool,
    ingressFrom: k8sList('NetworkPolicyPeer'),
    metricsFrom: k8sList('NetworkPolicyPeer'),
    egress: k8sList('NetworkPolicyEgressRule'),
  }),
  repositories: list(
    obj(
      { name: str, type: oneOf('r', 'python', 'bioconductor'), description: str, authenticated: bool, sources: list(str) },
      { required: ['name'] },
    ),
  ),
  sources: list(
    obj(
      {
        name: str,
        type: oneOf(...SOURCE_TYPES),
        snapshot: str,
        include: list(oneOf(...INCLUDE_TYPES)),
        version: str,
      },
      { required: ['name', 'type'] },
    ),
  ),
  httpRoute: obj({
    enabled: bool,
    annotations,
    labels,
    parentRefs: k8sList('ParentReference'),
    hostnames: list(str),
    rules: list(obj({ matches: k8sList('HTTPRouteMatch'), filters: k8sList('HTTPRouteFilter') })),
  }),
  podDisruptionBudget: obj({
    minAvailable: intOrPercent,
    maxUnavailable: intOrPercent,
    unhealthyPodEvictionPolicy: oneOf('IfHealthyBudget', 'AlwaysAllow'),
  }),
});
