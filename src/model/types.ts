/**
 * The resolved model: everything the renderers and the rules share, computed
 * once from the parsed props. Renderers and rules read the model and nothing
 * else; no renderer recomputes a name, a port or a volume.
 */
import type { ChartVersionRecord } from '../chart-versions';
import type { GcfgValue } from '../config/types';
import type { EnvVar, K8sProbe, SecurityContext, K8sVolume, VolumeMount } from '../k8s/types';
import type { NoNull, PackageManagerProps, SecretKeyRef, SecretsByName } from '../props';
import type { WarningId } from '../warnings';
import type { RepositorySetup } from './repositories';

/** Labels as a plain map. */
export type Labels = Record<string, string>;

/**
 * The chart values after resolution: the props merged over the chart
 * version's defaults (`null` removed what it named). Every member may be
 * absent, since a values file or a prop may remove any default.
 */
export type ResolvedValues = NoNull<
  SecretsByName<Omit<PackageManagerProps, 'releaseName' | 'namespace' | 'chartVersion' | 'acknowledgeWarnings'>>
>;

/** A gcfg document: sections of keys. */
export type GcfgDocument = Record<string, Record<string, GcfgValue>>;

/** A secret setting moved out of the gcfg file. */
export interface SecretSetting {
  /** `Section.Key`, for messages. */
  readonly path: string;
  /** The environment variable Package Manager reads it from. */
  readonly env: string;
  /** Its key in the config-secrets Secret. */
  readonly secretKey: string;
  /** The value. */
  readonly value: string;
}

/** An object this library renders: its name. */
export interface OwnObject {
  readonly name: string;
}

/** A Secret this library renders, with the key it holds. */
export interface OwnSecret extends OwnObject {
  readonly key: string;
}

/**
 * Every object this library can render, by member name: present when the
 * object is rendered, with its name. The one list of what we render.
 */
export interface OwnObjects {
  readonly serviceAccount?: OwnObject;
  readonly awsCredentialsSecret?: OwnSecret;
  readonly licenseSecret?: OwnSecret;
  readonly licenseFileSecret?: OwnSecret;
  readonly encryptionKeySecret?: OwnSecret;
  readonly configSecretsSecret?: OwnObject;
  readonly configMap: OwnObject;
  readonly repositoriesConfigMap?: OwnObject;
  readonly persistentVolumeClaim?: OwnObject;
  readonly service: OwnObject;
  readonly deployment: OwnObject;
  readonly ingress?: OwnObject;
  readonly httpRoute?: OwnObject;
  readonly serviceMonitor?: OwnObject & { readonly namespace?: string };
  readonly podDisruptionBudget?: OwnObject;
  readonly networkPolicy?: OwnObject;
  readonly migrationJob?: OwnObject;
}

/** The Package Manager pod: what the construct adds itself, and the user's additions, in order. */
export interface PodModel {
  /** The service account the pod runs as. */
  readonly serviceAccountName: string;
  /** Volumes the construct adds itself. */
  readonly ownVolumes: readonly K8sVolume[];
  /** Mounts the construct adds to the Package Manager container. */
  readonly ownMounts: readonly VolumeMount[];
  /** All volumes: own, then `pod.volumes`. */
  readonly volumes: readonly K8sVolume[];
  /** All mounts of the Package Manager container: own, then `pod.volumeMounts`. */
  readonly mounts: readonly VolumeMount[];
  /** Environment of the Package Manager container, in the chart's order. */
  readonly env: readonly EnvVar[];
  /** The container security context (defaults applied, template evaluated), if any is left. */
  readonly containerSecurityContext?: SecurityContext;
  /** The probes to render (without `enabled`). */
  readonly probes: { readonly livenessProbe?: K8sProbe; readonly startupProbe?: K8sProbe; readonly readinessProbe?: K8sProbe };
  /** Where Package Manager keeps its data (`Server.DataDir`, else its default). */
  readonly dataDir: string;
  /** Whether the data directory is on storage every pod shares (shared storage or a shared `pod.volumes` volume). */
  readonly sharedData: boolean;
}

/** The ports, from `config`, `pod.port` and `service.targetPort`. */
export interface PortsModel {
  /** The port Package Manager serves HTTP on. */
  readonly http: number;
  /** The container port of Package Manager (`pod.port`, else the HTTP port). */
  readonly container: number;
  /** Every port of the Package Manager container, in order: the container port, HTTPS (when not already there), metrics. */
  readonly containerPorts: readonly { readonly name?: string; readonly containerPort: number }[];
  /** The port the Service targets (`service.targetPort`, else the HTTP port). */
  readonly serviceTarget: number | string;
  /**
   * The container port number the Service targets: `serviceTarget`, a named port resolved among the ports of
   * the pod's containers (undefined when no container has a port of that name).
   */
  readonly serviceTargetPort?: number;
  /** The port of the HTTPS listener (`config.HTTPS.Listen`), when there is one. */
  readonly https?: number;
  /** Whether `config.Metrics.Enabled` is on. */
  readonly metricsEnabled: boolean;
  /** The port of the metrics listener. */
  readonly metrics: number;
}

/** Everything the renderers and rules need, computed once. */
export interface Model {
  /** The chart version rendered. */
  readonly chart: ChartVersionRecord;
  /** Helm release name. */
  readonly release: string;
  /** Namespace of the objects; none when neither the props nor an enclosing Chart name one (`kubectl apply -n` decides). */
  readonly namespace: string | undefined;
  /** `NAME`. */
  readonly name: string;
  /** `FULL`: the base of every object name. */
  readonly fullName: string;
  /** `app.kubernetes.io/name` and `app.kubernetes.io/instance`. */
  readonly selectorLabels: Labels;
  /** Selector labels plus version and managed-by: the top-level labels of every object. */
  readonly labels: Labels;
  /** The resolved values (props over the chart version's defaults). */
  readonly values: ResolvedValues;
  /** Every object rendered, with its name. */
  readonly objects: OwnObjects;
  /** The image reference, `repository:tag`. */
  readonly image: string;
  /** The image tag. */
  readonly imageTag: string;
  /** Ports. */
  readonly ports: PortsModel;
  /** The pod. */
  readonly pod: PodModel;
  /** The gcfg document (config plus what the chart merges in), without secret settings. */
  readonly config: GcfgDocument;
  /** Secret settings written inline in `config`/`extraConfig`: kept in a Secret, passed as environment variables. */
  readonly secretSettings: readonly SecretSetting[];
  /** Settings taken from existing Secrets (`configFromSecrets`). */
  readonly settingsFromSecrets: readonly { readonly path: string; readonly env: string; readonly ref: SecretKeyRef }[];
  /** The repositories and sources to set up, when any are declared. */
  readonly repositorySetup?: RepositorySetup;
  /** Whether shared storage is mounted (created or existing). */
  readonly mountSharedStorage: boolean;
  /** Name of the shared-storage claim. */
  readonly claimName: string;
  /** Warnings acknowledged for this instance (given, or implied by an explicit choice). */
  readonly acknowledged: ReadonlySet<WarningId>;
  /** The props as given (before defaults, `null` kept), for rules about explicit choices (`valueAt(given, path) !== undefined`). */
  readonly given: Readonly<Record<string, unknown>>;
}
