/**
 * Kubernetes shapes as plain JSON, the way they are written in YAML.
 *
 * The types are derived from cdk8s-plus-28's generated `k8s` interfaces, with
 * cdk8s's `IntOrString` and `Quantity` wrapper classes replaced by
 * `number | string`, and the few property names that cdk8s renames
 * (`hostIp`, `volumeId`, …) given back their Kubernetes spelling
 * (`hostIP`, `volumeID`, …). So `port: 4242`, `cpu: '500m'` and
 * `maxSurge: '100%'` type-check exactly as they appear in a manifest.
 */
import type { k8s } from 'cdk8s-plus-28';

/** cdk8s property names that differ from the Kubernetes JSON names. */
interface RenamedKeys {
  clusterIp: 'clusterIP';
  datasetUuid: 'datasetUUID';
  diskUri: 'diskURI';
  externalId: 'externalID';
  hostIp: 'hostIP';
  hostIpc: 'hostIPC';
  hostPid: 'hostPID';
  loadBalancerIp: 'loadBalancerIP';
  pdId: 'pdID';
  setHostnameAsFqdn: 'setHostnameAsFQDN';
  storagePolicyId: 'storagePolicyID';
  volumeId: 'volumeID';
  targetWwNs: 'targetWWNs';
}

/** A cdk8s `k8s` interface turned into the plain JSON a YAML manifest holds. */
export type Plain<T> = T extends k8s.IntOrString | k8s.Quantity
  ? number | string
  : T extends Date
    ? string
    : T extends readonly (infer U)[]
      ? Plain<U>[]
      : T extends object
        ? { -readonly [K in keyof T as K extends keyof RenamedKeys ? RenamedKeys[K] : K]: Plain<T[K]> }
        : T;

/** A container (`spec.containers[]`, `initContainers[]`). */
export type K8sContainer = Plain<k8s.Container>;
/** A probe (`livenessProbe`, `readinessProbe`, `startupProbe`). */
export type K8sProbe = Plain<k8s.Probe>;
/** An environment variable of a container. */
export type EnvVar = Plain<k8s.EnvVar>;
/** A pod volume. */
export type K8sVolume = Plain<k8s.Volume>;
/** A container volume mount. */
export type VolumeMount = Plain<k8s.VolumeMount>;
/** Pod affinity rules. */
export type Affinity = Plain<k8s.Affinity>;
/** A pod toleration. */
export type Toleration = Plain<k8s.Toleration>;
/** A pod topology spread constraint. */
export type TopologySpreadConstraint = Plain<k8s.TopologySpreadConstraint>;
/** A reference to an object by name (image pull secrets). */
export type LocalObjectReference = Plain<k8s.LocalObjectReference>;
/** Container lifecycle hooks. */
export type Lifecycle = Plain<k8s.Lifecycle>;
/** A container security context. */
export type SecurityContext = Plain<k8s.SecurityContext>;
/** A pod security context. */
export type K8sPodSecurityContext = Plain<k8s.PodSecurityContext>;
/** A label selector. */
export type K8sLabelSelector = Plain<k8s.LabelSelector>;
/** An /etc/hosts entry of a pod. */
export type HostAlias = Plain<k8s.HostAlias>;
/** A peer of a NetworkPolicy rule (pods, namespaces or an IP block). */
export type NetworkPolicyPeer = Plain<k8s.NetworkPolicyPeer>;
/** An egress rule of a NetworkPolicy. */
export type NetworkPolicyEgressRule = Plain<k8s.NetworkPolicyEgressRule>;
