/**
 * The zod schema of the props. The props interfaces in `props.ts` carry the
 * documentation; the type test at the bottom of this file makes the build fail
 * when the schema and the interfaces disagree on any key or type.
 */
import { z } from 'zod';
import type {
  Affinity,
  K8sContainer as Container,
  EnvVar,
  HostAlias,
  K8sLabelSelector as LabelSelector,
  Lifecycle,
  LocalObjectReference,
  NetworkPolicyEgressRule,
  NetworkPolicyPeer,
  K8sPodSecurityContext as PodSecurityContext,
  K8sProbe as Probe,
  SecurityContext,
  Toleration,
  TopologySpreadConstraint,
  K8sVolume as Volume,
  VolumeMount,
} from './k8s/types';
import type { HTTPRouteFilter, HTTPRouteMatch, ParentReference } from './k8s/gateway-types';
import { QUANTITY_PATTERN, validateK8s, validateK8sObject, type K8sIssue, type K8sType } from './k8s/validate';
import {
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isSecretKey,
  LABEL_RULE,
  LABEL_VALUE,
  PORT_NAME,
  SECRET_KEY_RULE,
  SUBDOMAIN_RULE,
} from './k8s/names';
import { configSchema, extraConfigSchema } from './config/schema';
import { INCLUDE_TYPES, SOURCE_TYPES } from './constants';
import type { NoNull, PackageManagerProps, SecretsByName } from './props';

const PERCENT = /^\d+%$/;
const INT32_MAX = 2 ** 31 - 1;

/** A Kubernetes object name (DNS-1123 subdomain, at most 253 characters). */
export const objectName = z.string().refine(isDns1123Subdomain, { message: SUBDOMAIN_RULE });

/** A Kubernetes name that must be a DNS-1123 label (at most 63 characters). */
export const labelName = z.string().refine(isDns1123Label, { message: LABEL_RULE });

/** A label value (at most 63 characters). */
export const labelValue = z
  .string()
  .max(63, 'label values must be at most 63 characters')
  .regex(LABEL_VALUE, 'label values may hold letters, digits, "-", "_" and ".", and must start and end with a letter or digit');

const qualifiedKey = z.string().refine(isQualifiedName, {
  message: 'keys must be a name of at most 63 characters (letters, digits, "-", "_", ".") with an optional DNS prefix and "/"',
});

/** Labels: qualified keys, label values. */
export const labels = z.record(qualifiedKey, labelValue);
/** Annotations: qualified keys, any string value. */
export const annotations = z.record(qualifiedKey, z.string());

/** A Kubernetes quantity, as a string or a number (`'10Gi'`, `'500m'`, `2`). */
export const quantity = z.union([
  z.number().nonnegative(),
  z.string().regex(QUANTITY_PATTERN, 'must be a Kubernetes quantity such as "500m", "2Gi" or "1.5"'),
]);

/** A non-negative integer or a percentage (`0`, `'25%'`). */
export const intOrPercent = z.union([
  z.number().int('must be a whole number').nonnegative().max(INT32_MAX, `must be at most ${INT32_MAX}`),
  z.string().regex(PERCENT, 'must be a whole number or a percentage such as "25%"'),
]);

/** A TCP/UDP port number. */
export const port = z.number().int('must be a whole number').min(1, 'ports are 1-65535').max(65535, 'ports are 1-65535');

/** An absolute path in a container. */
export const absolutePath = z.string().refine((p) => p.startsWith('/'), {
  message: 'must be an absolute path (starting with "/")',
});

/**
 * A Kubernetes check's issue as a zod issue. The bad value travels in
 * `params` (never in the message): validation/schema-issues.ts decides
 * whether the message may show it.
 */
function k8sZodIssue(issue: K8sIssue): z.IssueData {
  return {
    code: z.ZodIssueCode.custom,
    path: issue.path,
    message: issue.message,
    params: issue.got ? { got: issue.got } : { noValue: true },
  };
}

/**
 * A Kubernetes-shaped value passed through verbatim: typed precisely by the
 * props interfaces, checked strictly against the Kubernetes 1.28 definition
 * of its type here (unknown fields, types, required fields).
 */
function k8sObject<T>(type: K8sType) {
  return z.custom<T>().superRefine((value, ctx) => {
    for (const issue of validateK8s(value, type)) ctx.addIssue(k8sZodIssue(issue));
  });
}
function k8sList<T>(type: K8sType) {
  return z.array(k8sObject<T>(type));
}

const stringMap = z.record(z.string(), z.string());

const secretKey = z.string().refine(isSecretKey, { message: SECRET_KEY_RULE });
/** A reference to a key of an existing Secret. */
const secretKeyRef = z.object({ name: objectName, key: secretKey }).strict();

const resourceList = z
  .object({
    enabled: z.boolean().optional(),
    memory: z.string().regex(QUANTITY_PATTERN, 'must be a Kubernetes quantity such as "2Gi"').optional(),
    cpu: quantity.optional(),
    ephemeralStorage: z.string().regex(QUANTITY_PATTERN, 'must be a Kubernetes quantity such as "100Mi"').optional(),
  })
  .strict();

/** A probe with the chart's `enabled` switch. */
const probeProps = z.custom<Probe & { enabled?: boolean }>().superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a map (a probe with `enabled`)' });
    return;
  }
  const { enabled, ...probe } = value;
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['enabled'], message: 'must be true or false' });
  }
  for (const issue of validateK8s(probe, 'Probe')) ctx.addIssue(k8sZodIssue(issue));
});

const ingressPath = z
  .object({
    path: z.string(),
    pathType: z.enum(['Exact', 'Prefix', 'ImplementationSpecific']).optional(),
  })
  .strict();

/** An extra object: a name, and what Kubernetes 1.28 accepts for its apiVersion and kind. */
const extraObject = z
  .object({
    apiVersion: z.string().min(1),
    kind: z.string().min(1),
    metadata: z
      .object({
        name: z.string().min(1),
        namespace: z.string().optional(),
        labels: stringMap.optional(),
        annotations: stringMap.optional(),
      })
      .catchall(z.unknown()),
  })
  .catchall(z.unknown())
  .superRefine((value, ctx) => {
    for (const issue of validateK8sObject(value)) ctx.addIssue(k8sZodIssue(issue));
    if (value.kind === 'ConfigMap' || value.kind === 'Secret') {
      for (const field of ['data', 'stringData', 'binaryData']) {
        const data = value[field];
        if (data && typeof data === 'object') {
          for (const key of Object.keys(data)) {
            if (!isSecretKey(key))
              ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field, key], message: SECRET_KEY_RULE, params: { noValue: true } });
          }
        }
      }
    }
  });

/** The schema of `PackageManagerProps`. */
export const propsSchema = z
  .object({
    releaseName: z.string().optional(),
    namespace: labelName.optional(),
    nameOverride: z.string().optional(),
    fullnameOverride: z.string().optional(),
    versionOverride: z.string().optional(),
    sharedStorage: z
      .object({
        create: z.boolean().optional(),
        name: objectName.optional(),
        mount: z.boolean().optional(),
        path: absolutePath.optional(),
        storageClassName: z.string().optional(),
        accessModes: z.array(z.enum(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'])).optional(),
        requests: z.object({ storage: quantity.optional() }).strict().optional(),
        annotations: annotations.optional(),
        labels: labels.optional(),
        selector: k8sObject<LabelSelector>('LabelSelector').optional(),
        volumeName: z.string().optional(),
      })
      .strict()
      .optional(),
    image: z
      .object({
        repository: z.string().min(1).optional(),
        tagPrefix: z.string().optional(),
        os: z.string().optional(),
        tag: z.string().optional(),
        imagePullPolicy: z.enum(['Always', 'IfNotPresent', 'Never']).optional(),
        imagePullSecrets: k8sList<LocalObjectReference>('LocalObjectReference').optional(),
      })
      .strict()
      .optional(),
    strategy: z
      .object({
        type: z.enum(['RollingUpdate', 'Recreate']).optional(),
        rollingUpdate: z.object({ maxSurge: intOrPercent.optional(), maxUnavailable: intOrPercent.optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    license: z
      .object({
        key: z.string().optional(),
        keySecret: secretKeyRef.optional(),
        server: z.string().optional(),
        file: z
          .object({
            contents: z.string().optional(),
            mountPath: absolutePath.optional(),
            mountSubPath: z.boolean().optional(),
            secretKey: z.string().optional(),
            secret: objectName.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    service: z
      .object({
        type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']).optional(),
        annotations: annotations.optional(),
        clusterIP: z.string().optional(),
        loadBalancerIP: z.string().optional(),
        nodePort: z.number().int().min(30000, 'node ports are 30000-32767').max(32767, 'node ports are 30000-32767').optional(),
        port: port.optional(),
        targetPort: z.union([port, z.string().regex(PORT_NAME, 'must be a port number or a port name')]).optional(),
      })
      .strict()
      .optional(),
    replicas: z.number().int('must be a whole number').nonnegative().max(INT32_MAX, `must be at most ${INT32_MAX}`).optional(),
    awsAccessKeyId: z.string().optional(),
    awsSecretAccessKey: z.string().optional(),
    rstudioPMKey: z.string().optional(),
    command: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    enableSandboxing: z.boolean().optional(),
    enableMigration: z.boolean().optional(),
    rootCheckIsFatal: z.boolean().optional(),
    pod: z
      .object({
        env: k8sList<EnvVar>('EnvVar').optional(),
        volumes: k8sList<Volume>('Volume').optional(),
        volumeMounts: k8sList<VolumeMount>('VolumeMount').optional(),
        serviceAccountName: z.string().optional(),
        annotations: annotations.optional(),
        labels: labels.optional(),
        lifecycle: k8sObject<Lifecycle>('Lifecycle').optional(),
        securityContext: k8sObject<PodSecurityContext>('PodSecurityContext').optional(),
        containerSecurityContext: k8sObject<SecurityContext>('SecurityContext').optional(),
        terminationGracePeriodSeconds: z.number().int('must be a whole number').nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
        hostAliases: k8sList<HostAlias>('HostAlias').optional(),
        port: port.optional(),
      })
      .strict()
      .optional(),
    extraObjects: z.array(extraObject).optional(),
    resources: z.object({ requests: resourceList.optional(), limits: resourceList.optional() }).strict().optional(),
    livenessProbe: probeProps.optional(),
    startupProbe: probeProps.optional(),
    readinessProbe: probeProps.optional(),
    initContainers: k8sList<Container>('Container').optional(),
    ingress: z
      .object({
        enabled: z.boolean().optional(),
        ingressClassName: z.string().optional(),
        annotations: annotations.optional(),
        hosts: z
          .array(
            z
              .object({
                host: z.string().optional(),
                paths: z.array(z.union([z.string(), ingressPath])).optional(),
              })
              .strict(),
          )
          .optional(),
        tls: z.array(z.object({ hosts: z.array(z.string()).optional(), secretName: z.string().optional() }).strict()).optional(),
      })
      .strict()
      .optional(),
    serviceAccount: z
      .object({
        create: z.boolean().optional(),
        name: objectName.optional(),
        annotations: annotations.optional(),
        labels: labels.optional(),
      })
      .strict()
      .optional(),
    serviceMonitor: z
      .object({
        enabled: z.boolean().optional(),
        namespace: labelName.optional(),
        additionalLabels: labels.optional(),
      })
      .strict()
      .optional(),
    config: configSchema.optional(),
    extraConfig: extraConfigSchema.optional(),
    extraContainers: k8sList<Container>('Container').optional(),
    affinity: k8sObject<Affinity>('Affinity').optional(),
    nodeSelector: labels.optional(),
    topologySpreadConstraints: k8sList<TopologySpreadConstraint>('TopologySpreadConstraint').optional(),
    tolerations: k8sList<Toleration>('Toleration').optional(),
    priorityClassName: z.string().optional(),
    rstudioPMKeySecret: secretKeyRef.optional(),
    awsCredentialsSecret: z.object({ name: objectName, key: secretKey.optional() }).strict().optional(),
    configFromSecrets: z.record(z.string(), z.record(z.string(), secretKeyRef).optional()).optional(),
    automountServiceAccountToken: z.boolean().optional(),
    restartOnLicenseChange: z.boolean().optional(),
    revisionHistoryLimit: z.number().int('must be a whole number').nonnegative().max(INT32_MAX, `must be at most ${INT32_MAX}`).optional(),
    deployment: z.object({ labels: labels.optional(), annotations: annotations.optional() }).strict().optional(),
    migrationJob: z
      .object({
        image: z.string().min(1).optional(),
        imagePullSecrets: k8sList<LocalObjectReference>('LocalObjectReference').optional(),
        nodeSelector: labels.optional(),
        tolerations: k8sList<Toleration>('Toleration').optional(),
        affinity: k8sObject<Affinity>('Affinity').optional(),
        containerSecurityContext: k8sObject<SecurityContext>('SecurityContext').optional(),
      })
      .strict()
      .optional(),
    networkPolicy: z
      .object({
        enabled: z.boolean().optional(),
        ingressFrom: k8sList<NetworkPolicyPeer>('NetworkPolicyPeer').optional(),
        metricsFrom: k8sList<NetworkPolicyPeer>('NetworkPolicyPeer').optional(),
        egress: k8sList<NetworkPolicyEgressRule>('NetworkPolicyEgressRule').optional(),
      })
      .strict()
      .optional(),
    repositories: z
      .array(
        z
          .object({
            name: z.string(),
            type: z.enum(['r', 'python', 'bioconductor']).optional(),
            description: z.string().optional(),
            authenticated: z.boolean().optional(),
            sources: z.array(z.string()).optional(),
          })
          .strict(),
      )
      .optional(),
    sources: z
      .array(
        z
          .object({
            name: z.string(),
            type: z.enum(SOURCE_TYPES),
            snapshot: z.string().optional(),
            include: z.array(z.enum(INCLUDE_TYPES)).optional(),
            version: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    httpRoute: z
      .object({
        enabled: z.boolean().optional(),
        annotations: annotations.optional(),
        labels: labels.optional(),
        parentRefs: k8sList<ParentReference>('ParentReference').optional(),
        hostnames: z.array(z.string()).optional(),
        rules: z
          .array(
            z
              .object({
                matches: k8sList<HTTPRouteMatch>('HTTPRouteMatch').optional(),
                filters: k8sList<HTTPRouteFilter>('HTTPRouteFilter').optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
    podDisruptionBudget: z
      .object({
        minAvailable: intOrPercent.optional(),
        maxUnavailable: intOrPercent.optional(),
        unhealthyPodEvictionPolicy: z.enum(['IfHealthyBudget', 'AlwaysAllow']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

// ---------------------------------------------------------------------------
// Compile-time proof that the schema and the props interfaces agree.
// `SchemaMatchesProps` is `true` only when every object level has the same
// keys on both sides and every value is assignable both ways.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type ObjectPart<T> = NonNullable<T> extends readonly unknown[] ? never : NonNullable<T> extends object ? NonNullable<T> : never;
type ElementOf<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;
type DeepSame<A, B> =
  Same<A, B> extends true
    ? [ElementOf<A>] extends [never]
      ? [ObjectPart<A>] extends [never]
        ? true
        : string extends keyof ObjectPart<A> // a map with an index signature: values compared above
          ? true
          : Same<keyof ObjectPart<A>, keyof ObjectPart<B>> extends true
            ? { [K in keyof ObjectPart<A>]-?: DeepSame<ObjectPart<A>[K], ObjectPart<B>[K & keyof ObjectPart<B>]> }[keyof ObjectPart<A>]
            : false
      : DeepSame<ElementOf<A>, ElementOf<B>>
    : false;

/** `true` when a schema's input type and a props type agree, key by key. */
export type SchemaMatches<S extends z.ZodTypeAny, P> = DeepSame<z.input<S>, P>;

/** `true` when the schema's input type and `PackageManagerProps` agree, key by key. */
export type SchemaMatchesProps = DeepSame<
  z.input<typeof propsSchema>,
  NoNull<SecretsByName<Omit<PackageManagerProps, 'chartVersion' | 'acknowledgeWarnings'>>>
>;
const schemaMatchesProps: SchemaMatchesProps = true;
void schemaMatchesProps;
