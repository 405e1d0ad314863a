/**
 * Kubernetes shapes as plain JSON, the way they are written in YAML.
 *
 * The interfaces are generated (src/k8s/shapes.generated.ts, by
 * scripts/gen-k8s-types.js) from the Kubernetes 1.28 definitions the package
 * ships, so the published typings import no cdk8s-plus: an app type-checks
 * with any cdk8s-plus version, or none. Kubernetes' own field names
 * (`hostIP`, `volumeID`, …); an int-or-string or a quantity is
 * `number | string`. So `port: 4242`, `cpu: '500m'` and `maxSurge: '100%'`
 * type-check exactly as they appear in a manifest.
 */
export type {
  /** A container (`spec.containers[]`, `initContainers[]`). */
  Container as K8sContainer,
  /** A probe (`livenessProbe`, `readinessProbe`, `startupProbe`). */
  Probe as K8sProbe,
  /** An environment variable of a container. */
  EnvVar,
  /** A pod volume. */
  Volume as K8sVolume,
  /** A container volume mount. */
  VolumeMount,
  /** Pod affinity rules. */
  Affinity,
  /** A pod toleration. */
  Toleration,
  /** A pod topology spread constraint. */
  TopologySpreadConstraint,
  /** A reference to an object by name (image pull secrets). */
  LocalObjectReference,
  /** Container lifecycle hooks. */
  Lifecycle,
  /** A container security context. */
  SecurityContext,
  /** A pod security context. */
  PodSecurityContext as K8sPodSecurityContext,
  /** A label selector. */
  LabelSelector as K8sLabelSelector,
  /** An /etc/hosts entry of a pod. */
  HostAlias,
  /** A peer of a NetworkPolicy rule (pods, namespaces or an IP block). */
  NetworkPolicyPeer,
  /** An egress rule of a NetworkPolicy. */
  NetworkPolicyEgressRule,
} from './shapes.generated';
