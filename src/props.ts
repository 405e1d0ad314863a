/**
 * The props of `PackageManager`: one prop for every value of the rstudio-pm
 * chart's `values.yaml` (0.5.29), with the same name, nesting and default.
 *
 * Where the chart writes `false` or `""` to mean "not set", the props are
 * simply optional. Objects given here are deep-merged with the defaults the
 * way Helm merges a values file with the chart's defaults: maps merge key by
 * key, lists and scalars replace. One deliberate difference: a probe that
 * names its own handler (`exec`, `tcpSocket`, `grpc`) replaces the default
 * `httpGet` handler instead of being merged with it.
 */
import type {
  Affinity,
  K8sContainer,
  EnvVar,
  HostAlias,
  K8sLabelSelector,
  Lifecycle,
  LocalObjectReference,
  K8sPodSecurityContext,
  K8sProbe,
  SecurityContext,
  Toleration,
  NetworkPolicyEgressRule,
  NetworkPolicyPeer,
  TopologySpreadConstraint,
  K8sVolume,
  VolumeMount,
} from './k8s/types';
import type { HTTPRouteFilter, HTTPRouteMatch, ParentReference } from './k8s/gateway-types';
import type { ChartVersion } from './chart-versions/record';
import type { ConfigFromSecretsOf } from './config/secret-refs';
import type { ExtraConfig, PackageManagerConfig } from './config/types';
import type { WarningId } from './warnings';

export type * from './config/types';
export type * from './config/secret-refs';

/**
 * A Kubernetes type whose fields may each be `null`: `null` removes the
 * chart's default for that field, as in a values file.
 */
export type WithNullableFields<T> = { readonly [K in keyof T]?: T[K] | null };

/** Props without `null`: what is left once `null` has removed the defaults it names. */
export type NoNull<T> = T extends null
  ? never
  : T extends readonly (infer E)[]
    ? NoNull<E>[]
    : T extends object
      ? { [K in keyof T]: NoNull<T[K]> }
      : T;

/** `configFromSecrets`: for each setting, the Secret (by name or as a construct) and key its value comes from. */
export type ConfigFromSecrets = ConfigFromSecretsOf<SecretKeyRef | SecretValueRef>;

/** A key of an existing Secret (created by External Secrets, Sealed Secrets, Vault, …). */
export interface SecretKeyRef {
  /**
   * Name of the Secret, in the release namespace.
   * @check objectName
   */
  readonly name: string;
  /**
   * Key in the Secret.
   * @check secretKey
   */
  readonly key: string;
}

/**
 * A Secret given as a construct: a cdk8s-plus `ISecret` of any version (a
 * `kplus.Secret` of the app, or `kplus.Secret.fromSecretName(this, 'db',
 * 'ppm-db')` for one that exists already). A structural type, the part of
 * cdk8s-plus's `ISecret` the library reads: its typings import no cdk8s-plus,
 * so an app type-checks with any cdk8s-plus version, or none.
 */
export interface SecretConstruct {
  /** Name of the Secret. */
  readonly name: string;
  /** The resource type, `secrets` (what tells a cdk8s-plus resource from a plain `{ name }`). */
  readonly resourceType: string;
}

/**
 * A key of a Secret given as a construct: a cdk8s-plus `ISecret`, such as
 * `kplus.Secret.fromSecretName(this, 'db', 'ppm-db')` for a Secret that exists
 * already, or a `kplus.Secret` of the same app. The compiler checks the
 * reference, and it follows the Secret when it is renamed. The same shape as
 * cdk8s-plus's `SecretValue`.
 */
export interface SecretValueRef {
  /** The Secret, in the release namespace. */
  readonly secret: SecretConstruct;
  /** Key in the Secret. */
  readonly key: string;
}

/** An AWS credentials Secret given as a construct (see `SecretValueRef`). */
export interface AwsCredentialsSecretValueRef {
  /** The Secret, in the release namespace. */
  readonly secret: SecretConstruct;
  /**
   * Key of the credentials file (INI with a `[default]` profile) in the Secret.
   * @default - `credentials`, the file name the AWS SDK reads
   */
  readonly key?: string;
}

/**
 * The props as the pure core works on them: each Secret given as a construct
 * replaced by its name (`{ secret, key }` → `{ name, key }`).
 */
export type SecretsByName<T> = T extends SecretConstruct | SecretValueRef | AwsCredentialsSecretValueRef
  ? never
  : T extends readonly (infer E)[]
    ? SecretsByName<E>[]
    : T extends object
      ? { [K in keyof T]: SecretsByName<T[K]> }
      : T;

/** An existing Secret holding an AWS credentials file. */
export interface AwsCredentialsSecretRef {
  /**
   * Name of the Secret, in the release namespace.
   * @check objectName
   */
  readonly name: string;
  /**
   * Key of the credentials file (INI with a `[default]` profile) in the Secret.
   * @default - `credentials`, the file name the AWS SDK reads
   * @check secretKey
   */
  readonly key?: string;
}

/** Shared storage: a PersistentVolumeClaim mounted into the pod. */
export interface SharedStorageProps {
  /**
   * Create a PersistentVolumeClaim for shared storage.
   * @default false
   */
  readonly create?: boolean;
  /**
   * Name of the claim (created or existing).
   * @default - `<fullname>-shared-storage`
   * @check objectName
   * @falsyUnset
   */
  readonly name?: string;
  /**
   * Mount the claim into the pod even when it is not created here.
   * @default false
   */
  readonly mount?: boolean;
  /**
   * Where the claim is mounted in the Package Manager container.
   * @default '/var/lib/rstudio-pm'
   * @check absolutePath
   * @usedAsText
   */
  readonly path?: string;
  /**
   * Storage class of the created claim; it must support the access modes.
   * @default - the cluster's default storage class
   * @falsyUnset
   */
  readonly storageClassName?: string;
  /**
   * Access modes of the created claim.
   * @default ['ReadWriteMany']
   */
  readonly accessModes?: ('ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod')[];
  /** Resource requests of the created claim. */
  readonly requests?: {
    /**
     * Size of the created claim.
     * @default '10Gi'
     * @check quantity
     * @printedAsYaml
     */
    readonly storage?: string | number;
  };
  /**
   * Annotations of the created claim. `null` (or, in a values file, `false`) removes the default.
   * @default { 'helm.sh/resource-policy': 'keep' }
   * @check annotations
   * @falsyUnset
   * @valuesAsText
   */
  readonly annotations?: { readonly [key: string]: string } | null;
  /**
   * Labels added to the created claim (later charts label it too).
   * @default {}
   * @check labels
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Label selector of the created claim, to bind to a matching volume.
   * @default - none
   * @falsyUnset
   */
  readonly selector?: K8sLabelSelector;
  /**
   * Name of a PersistentVolume to bind the created claim to.
   * @default - none
   * @falsyUnset
   */
  readonly volumeName?: string;
}

/** The Package Manager container image. */
export interface ImageProps {
  /**
   * Image repository.
   * @default 'rstudio/rstudio-package-manager' (chart 0.5.29); 'posit/package-manager' (chart 0.20.4)
   * @minLength 1
   * @usedAsText
   */
  readonly repository?: string;
  /**
   * Prefix of the computed tag (`<tagPrefix><version>`); ignored when `tag` is set. Chart 0.20.4 removed it
   * and refuses it (use `os`).
   * @default 'ubuntu2204-' (chart 0.5.29); unset (chart 0.20.4)
   */
  readonly tagPrefix?: string;
  /**
   * Operating system of the image, the end of the computed tag (`<version>-<os>`); chart 0.20.4 only.
   * @default 'ubuntu-24.04' (chart 0.20.4); unset (chart 0.5.29)
   */
  readonly os?: string;
  /**
   * Full image tag.
   * @default - `<tagPrefix><versionOverride or 2024.04.4>` (chart 0.5.29); `<versionOverride or 2026.08.0>-<os>` (chart 0.20.4)
   * @falsyUnset
   * @usedAsText
   */
  readonly tag?: string;
  /**
   * Pull policy of the Package Manager container.
   * `null` removes the default, as in a values file.
   * @default 'IfNotPresent'
   */
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never' | null;
  /**
   * Secrets for pulling images from private registries.
   * @default []
   * @falsyUnset
   */
  readonly imagePullSecrets?: LocalObjectReference[];
}

/** Rolling update parameters of the Deployment. */
export interface RollingUpdateProps {
  /**
   * Pods that may be created above `replicas` during an update (number or percentage).
   * `null` removes the default, as in a values file.
   * @default '100%'
   * @check intOrPercent
   * @printedAsYaml
   */
  readonly maxSurge?: number | string | null;
  /**
   * Pods that may be unavailable during an update (number or percentage).
   * `null` removes the default, as in a values file.
   * @default 0
   * @check intOrPercent
   * @printedAsYaml
   */
  readonly maxUnavailable?: number | string | null;
}

/** The Deployment's update strategy. */
export interface StrategyProps {
  /**
   * Strategy type.
   * @default 'RollingUpdate'
   * @printedAsYaml
   */
  readonly type?: 'RollingUpdate' | 'Recreate';
  /** Rolling update parameters, used when `type` is `RollingUpdate`. */
  readonly rollingUpdate?: RollingUpdateProps;
}

/** A license file, from inline contents or from an existing Secret. */
export interface LicenseFileProps {
  /**
   * The license file, inline. A Secret `<fullname>-license-file` is created for it.
   * @default - none
   * @falsyUnset
   * @secret
   */
  readonly contents?: string;
  /**
   * Directory where the license file is mounted.
   * @default '/etc/rstudio-licensing'
   * @check absolutePath
   * @usedAsText
   */
  readonly mountPath?: string;
  /**
   * Mount only the file (with `subPath`) instead of the whole Secret as a directory.
   * A directory mount picks up Secret updates; a subPath mount does not.
   * @default false
   */
  readonly mountSubPath?: boolean;
  /**
   * Key of the license file inside the Secret, and the file name.
   * @default 'license.lic'
   * @usedAsText
   */
  readonly secretKey?: string;
  /**
   * An existing Secret holding the license file: its name, or the Secret as a construct (a cdk8s-plus `ISecret`).
   * @default - none
   * @check objectName
   * @falsyUnset
   */
  readonly secret?: string | SecretConstruct;
}

/** How Package Manager is licensed. */
export interface LicenseProps {
  /**
   * License key. A Secret `<fullname>-license` is created and passed as `RSPM_LICENSE`.
   * @default - none
   * @falsyUnset
   * @usedAsText
   * @secret
   */
  readonly key?: string;
  /**
   * License key from an existing Secret, passed as `RSPM_LICENSE` (instead of `key`): `{ name, key }`, or
   * `{ secret, key }` with the Secret as a construct (a cdk8s-plus `ISecret`).
   * @default - none
   */
  readonly keySecret?: SecretKeyRef | SecretValueRef;
  /**
   * License server, `<hostname>:<port>`; also sets `Licensing.LicenseType = remote`.
   * @default - none
   * @falsyUnset
   * @usedAsText
   */
  readonly server?: string;
  /**
   * License file.
   * @dereferenced
   */
  readonly file?: LicenseFileProps;
}

/** The Service in front of Package Manager. */
export interface PackageManagerServiceProps {
  /**
   * Service type.
   * @default 'ClusterIP'
   * @printedAsYaml
   */
  readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /**
   * Annotations of the Service.
   * @default {}
   * @check annotations
   * @falsyUnset
   * @valuesAsText
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * Cluster IP, used only with type `ClusterIP`.
   * @default - assigned by Kubernetes
   * @onlyWithServiceType ClusterIP
   * @falsyUnset
   */
  readonly clusterIP?: string;
  /**
   * Load balancer IP, used only with type `LoadBalancer`.
   * @default - assigned by the cloud provider
   * @check ip
   * @onlyWithServiceType LoadBalancer
   * @falsyUnset
   */
  readonly loadBalancerIP?: string;
  /**
   * Node port, used only with type `NodePort`.
   * @default - assigned by Kubernetes
   * @onlyWithServiceType NodePort
   * @check nodePort
   * @falsyUnset
   * @printedAsYaml
   */
  readonly nodePort?: number;
  /**
   * Service port.
   * @default 80
   * @check port
   * @printedAsYaml
   */
  readonly port?: number;
  /**
   * Port of the pod the Service sends to (added in chart 0.5.30+). Chart 0.20.4's default is a constant 4242;
   * this library follows the HTTP port instead (the same 4242 unless the HTTP port is changed).
   * @default - the HTTP port: the port of `config.HTTP.Listen`, else 4242 (not `pod.port`)
   * @check portOrName
   * @printedAsYaml
   * @derivedFrom the port of config.HTTP.Listen
   */
  readonly targetPort?: number | string;
}

/** Extra settings of the Package Manager pod and container. */
export interface PackageManagerPodProps {
  /**
   * Environment variables added to the Package Manager container.
   * @default []
   * @falsyUnset
   */
  readonly env?: EnvVar[];
  /**
   * Volumes added to the pod.
   * @default []
   * @falsyUnset
   */
  readonly volumes?: K8sVolume[];
  /**
   * Volume mounts added to the Package Manager container.
   * @default []
   * @falsyUnset
   */
  readonly volumeMounts?: VolumeMount[];
  /**
   * Deprecated: use `serviceAccount.name`. When set, the pod runs as this service account.
   * @default - none
   * @deprecated use `serviceAccount.name`
   * @falsyUnset
   */
  readonly serviceAccountName?: string;
  /**
   * Annotations added to the pod.
   * @default {}
   * @check annotations
   * @falsyUnset
   * @quotedAsText
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * Labels added to the pod.
   * @default {}
   * @check labels
   * @falsyUnset
   * @valuesAsText
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Lifecycle hooks of the Package Manager container.
   * @default - none
   * @falsyUnset
   */
  readonly lifecycle?: Lifecycle;
  /**
   * Security context of the pod. Chart 0.20.4 sets `fsGroup: 999` and `fsGroupChangePolicy: OnRootMismatch`
   * (a map given here is merged over that; `null` on a field, or on the whole context, removes it).
   * @default - none (chart 0.5.29); `{ fsGroup: 999, fsGroupChangePolicy: 'OnRootMismatch' }` (chart 0.20.4)
   * @falsyUnset
   */
  readonly securityContext?: WithNullableFields<K8sPodSecurityContext> | null;
  /**
   * Security context of the Package Manager container, merged over the default; `null` on a field removes it
   * (`runAsUser: null` lets OpenShift pick the user), `null` for the whole context renders none.
   * @default - `{ runAsUser: 999, runAsNonRoot: true, allowPrivilegeEscalation: false,
   *   capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'Unconfined' } }`
   *   (`RuntimeDefault` instead of `Unconfined` when `enableSandboxing` is false)
   * @templated
   */
  readonly containerSecurityContext?: WithNullableFields<SecurityContext> | null;
  /**
   * Seconds the pod may take to shut down.
   * `null` removes the default, as in a values file.
   * @default 120
   * @integer
   * @minimum 0
   * @maximum 9007199254740991
   * @printedAsYaml
   */
  readonly terminationGracePeriodSeconds?: number | null;
  /**
   * Container port of Package Manager (added in chart 0.5.30+): it names the container port only.
   * `config.HTTP.Listen`, the probes and the Service target do not follow it (they follow `config.HTTP.Listen`);
   * `ppm:port-mismatch` warns when it is not the port Package Manager listens on.
   * @default - the port of `config.HTTP.Listen` (4242)
   * @check port
   * @printedAsYaml
   * @derivedFrom the port of config.HTTP.Listen
   */
  readonly port?: number;
  /**
   * Entries added to the pod's /etc/hosts (added in chart 0.5.30+).
   * @default []
   * @falsyUnset
   */
  readonly hostAliases?: HostAlias[];
}

/** Requests or limits of the Package Manager container. */
export interface ResourceListProps {
  /**
   * Render these requests or limits.
   * @default false
   */
  readonly enabled?: boolean;
  /**
   * Memory.
   * @default - '2Gi' for requests, '4Gi' for limits
   * @check quantityString
   * @usedAsText
   */
  readonly memory?: string;
  /**
   * CPU.
   * @default - '100m' for requests, '2000m' for limits
   * @check quantity
   * @usedAsText
   */
  readonly cpu?: string | number;
  /**
   * Ephemeral storage.
   * @default - '100Mi' for requests, '200Mi' for limits
   * @check quantityString
   * @usedAsText
   */
  readonly ephemeralStorage?: string;
}

/** Resources of the Package Manager container. */
export interface ResourcesProps {
  /**
   * Requests (rendered only when `enabled`).
   * @dereferenced
   */
  readonly requests?: ResourceListProps;
  /**
   * Limits (rendered only when `enabled`).
   * @dereferenced
   */
  readonly limits?: ResourceListProps;
}

/**
 * A probe of the Package Manager container, with a switch.
 * @check probe
 */
export interface ProbeProps extends WithNullableFields<K8sProbe> {
  /**
   * Render this probe.
   * @default - true for the readiness probe, false for liveness and startup
   */
  readonly enabled?: boolean;
}

/** One path of an Ingress host, given as a map. */
export interface IngressPathProps {
  /** The path. */
  readonly path: string;
  /**
   * How the path matches.
   * @default 'Prefix'
   */
  readonly pathType?: 'Exact' | 'Prefix' | 'ImplementationSpecific';
}

/** One host of the Ingress. */
export interface IngressHostProps {
  /**
   * Host name.
   * @default - all hosts
   */
  readonly host?: string;
  /**
   * Paths routed to Package Manager: a string means that path with `pathType: Prefix`.
   * @default []
   */
  readonly paths?: (string | IngressPathProps)[];
}

/** One TLS entry of the Ingress. */
export interface IngressTlsProps {
  /**
   * Hosts covered by the certificate.
   * @default []
   */
  readonly hosts?: string[];
  /**
   * Secret holding the certificate.
   * @default - none
   */
  readonly secretName?: string;
}

/** The Ingress (networking.k8s.io/v1). */
export interface PackageManagerIngressProps {
  /**
   * Create the Ingress.
   * @default false
   */
  readonly enabled?: boolean;
  /**
   * Ingress class.
   * @default - the cluster's default ingress class
   * @falsyUnset
   */
  readonly ingressClassName?: string;
  /**
   * Annotations of the Ingress.
   * @default {}
   * @check annotations
   * @falsyUnset
   * @valuesAsText
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * Hosts and paths.
   * @default []
   * @falsyUnset
   */
  readonly hosts?: IngressHostProps[];
  /**
   * TLS entries.
   * @default []
   * @falsyUnset
   */
  readonly tls?: IngressTlsProps[];
}

/** The ServiceAccount the pod runs as. */
export interface PackageManagerServiceAccountProps {
  /**
   * Create the ServiceAccount.
   * @default true
   */
  readonly create?: boolean;
  /**
   * Name of the ServiceAccount to create, or of an existing one to use.
   * @default - the full name when created, else `default`
   * @check objectName
   * @falsyUnset
   */
  readonly name?: string;
  /**
   * Annotations of the created ServiceAccount (e.g. `eks.amazonaws.com/role-arn`).
   * @default {}
   * @check annotations
   * @falsyUnset
   * @valuesAsText
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * Labels of the created ServiceAccount (the chart declares but ignores them; applied here).
   * @default {}
   * @check labels
   * @falsyUnset
   * @valuesAsText
   */
  readonly labels?: { readonly [key: string]: string };
}

/** A Prometheus Operator ServiceMonitor. */
export interface ServiceMonitorProps {
  /**
   * Create a ServiceMonitor (only when `config.Metrics.Enabled`).
   * @default false
   */
  readonly enabled?: boolean;
  /**
   * Namespace of the ServiceMonitor.
   * @default - the release namespace
   * @check labelName
   * @falsyUnset
   */
  readonly namespace?: string;
  /**
   * Labels added to the ServiceMonitor (e.g. `release: kube-prometheus-stack`).
   * @default {}
   * @check labels
   * @falsyUnset
   * @valuesAsText
   */
  readonly additionalLabels?: { readonly [key: string]: string };
}

/** The spec of the PodDisruptionBudget, besides its selector. */
export interface PodDisruptionBudgetProps {
  /**
   * Pods that must stay available (number or percentage).
   * @default - none
   * @check intOrPercent
   */
  readonly minAvailable?: number | string;
  /**
   * Pods that may be unavailable (number or percentage).
   * @default - none
   * @check intOrPercent
   */
  readonly maxUnavailable?: number | string;
  /**
   * When unhealthy pods may be evicted.
   * @default - Kubernetes' default (`IfHealthyBudget`)
   */
  readonly unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
}

/** Metadata of an extra object. */
export interface ExtraObjectMetadata {
  /** Name of the object. */
  readonly name: string;
  /**
   * Namespace of the object.
   * @default - none (the enclosing cdk8s Chart's, if it has one)
   */
  readonly namespace?: string;
  /**
   * Labels of the object.
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Annotations of the object.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
  /** Any other metadata field. */
  readonly [key: string]: unknown;
}

/**
 * An extra Kubernetes object, rendered as given.
 * @check extraObject
 */
export interface ExtraObject {
  /** API version of the object. */
  readonly apiVersion: string;
  /** Kind of the object. */
  readonly kind: string;
  /** Metadata; `name` is required. */
  readonly metadata: ExtraObjectMetadata;
  /** Any other field of the object. */
  readonly [key: string]: unknown;
}

/**
 * Values of the rstudio-pm chart (0.5.29), as props.
 */
export interface PackageManagerValues {
  /**
   * Replaces the chart name (`rstudio-pm`) in names and the `app.kubernetes.io/name` label.
   * @default - the chart name, `rstudio-pm`
   * @falsyUnset
   */
  readonly nameOverride?: string;
  /**
   * Replaces the full name (`<release>-<name>`) used for every object.
   * @default - `<release>-rstudio-pm`, or the release name when it contains the name
   * @falsyUnset
   */
  readonly fullnameOverride?: string;
  /**
   * Package Manager version used in the computed image tag.
   * @default - the chart's app version: 2024.04.4 (chart 0.5.29), 2026.08.0 (chart 0.20.4)
   * @falsyUnset
   */
  readonly versionOverride?: string;
  /**
   * Shared storage.
   * @dereferenced
   */
  readonly sharedStorage?: SharedStorageProps;
  /**
   * Container image.
   * @dereferenced
   */
  readonly image?: ImageProps;
  /**
   * Deployment update strategy.
   * @dereferenced
   */
  readonly strategy?: StrategyProps;
  /**
   * Licensing.
   * @dereferenced
   */
  readonly license?: LicenseProps;
  /**
   * Service.
   * @dereferenced
   */
  readonly service?: PackageManagerServiceProps;
  /**
   * Number of pods. More than one needs storage that all pods share.
   * `null` removes the default, as in a values file.
   * @default 1
   * @check wholeCount
   * @printedAsYaml
   */
  readonly replicas?: number | null;
  /**
   * AWS access key id for S3; creates the `<fullname>-aws-creds` Secret.
   * @default - none
   * @falsyUnset
   * @usedAsText
   * @secret
   */
  readonly awsAccessKeyId?: string;
  /**
   * AWS secret access key, required with `awsAccessKeyId`.
   * @default - none
   * @falsyUnset
   * @usedAsText
   * @secret
   */
  readonly awsSecretAccessKey?: string;
  /**
   * Encryption key of Package Manager; creates the `<fullname>-rstudio-pm-key` Secret.
   * @default - none
   * @falsyUnset
   * @usedAsText
   * @secret
   */
  readonly rstudioPMKey?: string;
  /**
   * Command of the Package Manager container.
   * @default - the image's entrypoint
   * @falsyUnset
   * @readAsYaml
   */
  readonly command?: string[];
  /**
   * Arguments of the Package Manager container.
   * @default - the image's arguments
   * @falsyUnset
   * @readAsYaml
   */
  readonly args?: string[];
  /**
   * Sandbox Git builds. Needs seccomp and AppArmor `Unconfined` for the container.
   * @default true
   */
  readonly enableSandboxing?: boolean;
  /**
   * Render the Job that chowns shared storage for the move to a non-root container (only needed when
   * upgrading from a Package Manager that ran as root).
   * @default true (chart 0.5.29); false (chart 0.20.4)
   */
  readonly enableMigration?: boolean;
  /**
   * Refuse a config that runs the server as root (`Launcher.ServerUser = root`).
   * @default true
   */
  readonly rootCheckIsFatal?: boolean;
  /**
   * Pod and container settings.
   * @dereferenced
   */
  readonly pod?: PackageManagerPodProps;
  /**
   * Extra objects to deploy beside Package Manager.
   * @default []
   * @falsyUnset
   * @templated
   */
  readonly extraObjects?: ExtraObject[];
  /**
   * Resources of the Package Manager container.
   * @dereferenced
   */
  readonly resources?: ResourcesProps;
  /**
   * Liveness probe.
   * `null` on a field removes that field of the default.
   * @default - disabled; `httpGet /__ping__` on 4242, delay 10s, period 5s, timeout 2s, 10 failures
   * @dereferenced
   */
  readonly livenessProbe?: ProbeProps | null;
  /**
   * Startup probe. `null` on a field removes that field of the default.
   * @default - disabled; `httpGet /__ping__` (chart 0.5.29) or `/__api__/status` (chart 0.20.4) on 4242, delay 10s, period 10s, timeout 1s, 30 failures
   * @dereferenced
   */
  readonly startupProbe?: ProbeProps | null;
  /**
   * Readiness probe.
   * `null` on a field removes that field of the default (`successThreshold: null`).
   * @default - enabled; `httpGet /__ping__` on 4242, delay 3s, period 3s, timeout 1s, 1 success, 3 failures
   * @dereferenced
   */
  readonly readinessProbe?: ProbeProps | null;
  /**
   * Init containers of the pod.
   * @default - none
   * @falsyUnset
   */
  readonly initContainers?: K8sContainer[];
  /**
   * Ingress.
   * @dereferenced
   */
  readonly ingress?: PackageManagerIngressProps;
  /**
   * ServiceAccount.
   * @dereferenced
   */
  readonly serviceAccount?: PackageManagerServiceAccountProps;
  /**
   * ServiceMonitor.
   * @dereferenced
   */
  readonly serviceMonitor?: ServiceMonitorProps;
  /**
   * Content of `rstudio-pm.gcfg`, typed for the sections and keys Posit documents; merged over the default.
   * The port of `HTTP.Listen` drives the container port, the probes and the Service target port;
   * the port of `Metrics.Listen` drives the metrics port.
   * @default { HTTP: { Listen: ':4242' }, Metrics: { Enabled: true } }
   * @check config
   * @dereferenced
   */
  readonly config?: PackageManagerConfig;
  /**
   * Sections and keys of `rstudio-pm.gcfg` that `config` does not type, written as given
   * (`{ Section: { Key: value } }`; a list becomes one line per element).
   * @default - none
   * @check extraConfig
   */
  readonly extraConfig?: ExtraConfig;
  /**
   * Sidecar containers.
   * @default []
   * @falsyUnset
   */
  readonly extraContainers?: K8sContainer[];
  /**
   * Affinity of the pod.
   * @default - none
   * @falsyUnset
   */
  readonly affinity?: Affinity;
  /**
   * Node selector of the pod.
   * @default - none
   * @check labels
   * @falsyUnset
   * @valuesAsText
   */
  readonly nodeSelector?: { readonly [key: string]: string };
  /**
   * Topology spread constraints of the pod.
   * @default []
   * @falsyUnset
   */
  readonly topologySpreadConstraints?: TopologySpreadConstraint[];
  /**
   * Tolerations of the pod.
   * @default []
   * @falsyUnset
   */
  readonly tolerations?: Toleration[];
  /**
   * Priority class of the pod.
   * @default - none
   * @falsyUnset
   */
  readonly priorityClassName?: string;
  /**
   * PodDisruptionBudget spec; a PodDisruptionBudget is created when set.
   * @default - none
   * @falsyUnset
   */
  readonly podDisruptionBudget?: PodDisruptionBudgetProps;
}

/** Labels and annotations of the Deployment object itself (not its pods). */
export interface DeploymentMetadataProps {
  /**
   * Labels added to the Deployment.
   * @default {}
   * @check labels
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Annotations of the Deployment.
   * @default {}
   * @check annotations
   */
  readonly annotations?: { readonly [key: string]: string };
}

/** The shared-storage migration Job: image and scheduling. */
export interface MigrationJobProps {
  /**
   * Image of the chown container (a shell with `chown` and `rm`). The default is the chart's, unpinned, so that the
   * output stays identical to the chart's; pin it, e.g. `busybox:1.36.1`.
   * @default 'busybox'
   * @minLength 1
   */
  readonly image?: string;
  /**
   * Secrets for pulling the image.
   * @default - none
   */
  readonly imagePullSecrets?: LocalObjectReference[];
  /**
   * Node selector of the Job's pod.
   * @default - none
   * @check labels
   */
  readonly nodeSelector?: { readonly [key: string]: string };
  /**
   * Tolerations of the Job's pod.
   * @default - none
   */
  readonly tolerations?: Toleration[];
  /**
   * Affinity of the Job's pod.
   * @default - none
   */
  readonly affinity?: Affinity;
  /**
   * Security context of the chown container (a container's, not the pod's), merged over the default. The Job
   * needs root (uid 0) with CHOWN and DAC_OVERRIDE and nothing else;
   * `{ allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } }` tightens it further (the
   * chart's Job sets neither).
   * @default { capabilities: { add: ['CHOWN', 'DAC_OVERRIDE'], drop: ['ALL'] } }
   */
  readonly containerSecurityContext?: SecurityContext;
}

/** An opt-in NetworkPolicy for the Package Manager pods. */
export interface PackageManagerNetworkPolicyProps {
  /**
   * Create the NetworkPolicy.
   * @default false
   */
  readonly enabled?: boolean;
  /**
   * Who may reach the HTTP port.
   * @default - everyone
   */
  readonly ingressFrom?: NetworkPolicyPeer[];
  /**
   * Who may reach the metrics port.
   * @default - the namespace `monitoring` (`kubernetes.io/metadata.name: monitoring`)
   */
  readonly metricsFrom?: NetworkPolicyPeer[];
  /**
   * Where the pods may connect to. Package Manager downloads packages from the internet (CRAN, PyPI, Git…),
   * so the default allows all egress.
   * @default - all egress allowed
   */
  readonly egress?: NetworkPolicyEgressRule[];
}

/** One rule of the HTTPRoute: requests matching `matches` go, through `filters`, to the Package Manager Service. */
export interface HttpRouteRuleProps {
  /**
   * What a request must match (any one of them): path, headers, query parameters, method.
   * @default - every request (Gateway API's default: `PathPrefix /`)
   */
  readonly matches?: HTTPRouteMatch[];
  /**
   * Steps applied to the requests or responses of the rule (header changes, redirects, rewrites, mirrors…).
   * @default - none
   */
  readonly filters?: HTTPRouteFilter[];
}

/**
 * A Gateway API HTTPRoute (`gateway.networking.k8s.io/v1`) to the Package Manager Service, with `helm create`'s
 * names; beside the Ingress or instead of it. See docs/http-route.md.
 */
export interface PackageManagerHttpRouteProps {
  /**
   * Create the HTTPRoute.
   * @default false
   */
  readonly enabled?: boolean;
  /**
   * Annotations of the HTTPRoute.
   * @default - none
   * @check annotations
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * Labels of the HTTPRoute, besides the release's.
   * @default - none
   * @check labels
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * The Gateways (or their listeners, by `sectionName`) the route attaches to; at least one when enabled.
   * @default - none
   */
  readonly parentRefs?: ParentReference[];
  /**
   * Host names the route answers (`ppm.example.com`, `*.example.com`; no IP addresses, no port).
   * @default - every host name the Gateway's listener accepts
   */
  readonly hostnames?: string[];
  /**
   * The rules; each sends what it matches to the Package Manager Service on its port (`service.port`).
   * @default - one rule matching `PathPrefix /`
   */
  readonly rules?: HttpRouteRuleProps[];
}

/** A Package Manager repository, created with `rspm create repo` and subscribed to its sources with `rspm subscribe`. */
export interface RepositoryProps {
  /** Its name, as in its URL (`/<name>/latest`): letters, digits, `-`, `_`, `.`. */
  readonly name: string;
  /**
   * What it serves: R packages (CRAN-like), Python packages (PyPI-like) or Bioconductor (for BiocManager).
   * @default 'r'
   */
  readonly type?: 'r' | 'python' | 'bioconductor';
  /**
   * Description shown in Package Manager's UI.
   * @default - none
   */
  readonly description?: string;
  /**
   * Require an API token to read it (`--authenticated`; Enhanced and Advanced licenses).
   * @default false
   */
  readonly authenticated?: boolean;
  /**
   * The sources it subscribes to, in order (earlier sources win): built-in ones (`cran`, `pypi`, `bioconductor`)
   * or ones declared in `sources`.
   * @default - none
   */
  readonly sources?: string[];
}

/** A Package Manager source, created with `rspm create source` (the built-in `cran`, `pypi` and `bioconductor` need none). */
export interface SourceProps {
  /** Its name: letters, digits, `-`, `_`, `.`. */
  readonly name: string;
  /** What it holds. */
  readonly type:
    | 'bioconductor'
    | 'cran'
    | 'cran-snapshot'
    | 'curated-cran'
    | 'curated-pypi'
    | 'git'
    | 'git-python'
    | 'local'
    | 'local-python'
    | 'pypi';
  /**
   * The CRAN snapshot it starts from (`--snapshot`): a date `YYYY-MM-DD` or a transaction id; `cran-snapshot` and
   * `curated-cran` only (required for `curated-cran`).
   * @default - none
   */
  readonly snapshot?: string;
  /**
   * Dependency types a curated CRAN source includes (`--include`): `depends`, `imports`, `linking-to`, `suggests`,
   * `all` or `none`; `curated-cran` only.
   * @default - Package Manager's: depends, imports, linking-to
   */
  readonly include?: ('depends' | 'imports' | 'linking-to' | 'suggests' | 'all' | 'none')[];
  /**
   * The Bioconductor version (`--version`, e.g. `'3.20'`); `bioconductor` only.
   * @default - none
   */
  readonly version?: string;
}

/** What this library adds to the chart's values; unset, the output is the chart's. */
export interface PackageManagerExtensions {
  /**
   * Encryption key from an existing Secret, passed as `PACKAGEMANAGER_ENCRYPTION_KEY` (instead of `rstudioPMKey`):
   * `{ name, key }`, or `{ secret, key }` with the Secret as a construct (a cdk8s-plus `ISecret`).
   * @default - none
   */
  readonly rstudioPMKeySecret?: SecretKeyRef | SecretValueRef;
  /**
   * An existing Secret with an AWS credentials file, mounted where the chart mounts its own
   * (instead of `awsAccessKeyId`/`awsSecretAccessKey`): `{ name, key? }`, or `{ secret, key? }` with the Secret as a
   * construct (a cdk8s-plus `ISecret`).
   * @default - none
   */
  readonly awsCredentialsSecret?: AwsCredentialsSecretRef | AwsCredentialsSecretValueRef;
  /**
   * Config settings taken from existing Secrets, as `PACKAGEMANAGER_<SECTION>_<KEY>` environment variables,
   * e.g. `{ Postgres: { Password: { name: 'ppm-db', key: 'password' } } }`. Typed and checked like `config`
   * (a known name in another case is read as the known one, a typo of a known key is an error); a subsection
   * (`'Git "my-repo"'`) is kept as written in the variable name, so it may hold only letters, digits, `_`, `-`, `.`.
   * @default - none
   * @check configFromSecrets
   */
  readonly configFromSecrets?: ConfigFromSecrets;
  /**
   * Restart the pods when a license Secret created here changes (`checksum/license`; the chart has none).
   * @default false
   */
  readonly restartOnLicenseChange?: boolean;
  /**
   * Old ReplicaSets kept for rollback (added in chart 0.5.30+). Do not set 0.
   * `null` removes the default, as in a values file.
   * @default 3 (chart 0.20.4); unset: Kubernetes' default, 10 (chart 0.5.29)
   * @check wholeCount
   * @printedAsYaml
   */
  readonly revisionHistoryLimit?: number | null;
  /** Labels and annotations of the Deployment object. */
  readonly deployment?: DeploymentMetadataProps;
  /** Image and scheduling of the migration Job. */
  readonly migrationJob?: MigrationJobProps;
  /** An opt-in NetworkPolicy. */
  readonly networkPolicy?: PackageManagerNetworkPolicyProps;
  /** An opt-in Gateway API HTTPRoute to the Service. */
  readonly httpRoute?: PackageManagerHttpRouteProps;
  /**
   * Repositories to create and subscribe, with Package Manager's own CLI, from a container of the pod; see
   * docs/repositories.md. Removing one here never deletes it.
   * @default - none: nothing is set up (the chart's output)
   */
  readonly repositories?: RepositoryProps[];
  /**
   * Sources the repositories subscribe to, besides the built-in `cran`, `pypi` and `bioconductor`.
   * @default - none
   */
  readonly sources?: SourceProps[];
  /**
   * Whether the pods get a Kubernetes API token. Package Manager does not call the Kubernetes API, so `false` is
   * the hardened choice: the ServiceAccount created here and the pods (the migration Job's too) get
   * `automountServiceAccountToken: false`. S3 through IRSA or EKS Pod Identity keeps working: their webhook
   * mounts a token volume of its own, which this setting does not affect. `true` sets it on the pods.
   * @default - unset: nothing is rendered (the chart's output), and Kubernetes mounts the token
   */
  readonly automountServiceAccountToken?: boolean;
}

/** Props of `PackageManager`: the chart's values plus the release identity. */
export interface PackageManagerProps extends PackageManagerValues, PackageManagerExtensions {
  /**
   * The version of the rstudio-pm chart whose output to render (its defaults, image and templates), as
   * `helm template --version`.
   * @default '0.5.29'
   * @checkedApart
   */
  readonly chartVersion?: ChartVersion;
  /**
   * Warnings acknowledged for this instance: they are not recorded or printed.
   * @default - none
   * @checkedApart
   */
  readonly acknowledgeWarnings?: WarningId[];
  /**
   * Helm release name the names and labels are computed from.
   * @default - the construct id
   */
  readonly releaseName?: string;
  /**
   * Namespace of the objects.
   * @default - the enclosing cdk8s Chart's namespace, else none: the objects carry no namespace and `kubectl apply -n` decides
   * @check labelName
   */
  readonly namespace?: string;
}
