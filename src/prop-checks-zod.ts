/**
 * The named zod checks of the props (`@check <name>` in props.ts): what a type alone cannot say.
 * The generated schema (schema.ts) composes them; their fast twins, of the same names, are in
 * prop-checks-fast.ts. A test runs both over the same inputs and requires the same verdict.
 */
import { z } from 'zod';
import type { K8sProbe } from './k8s/types';
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
export function k8sObject<T>(type: K8sType) {
  return z.custom<T>().superRefine((value, ctx) => {
    for (const issue of validateK8s(value, type)) ctx.addIssue(k8sZodIssue(issue));
  });
}

const stringMap = z.record(z.string(), z.string());

export const secretKey = z.string().refine(isSecretKey, { message: SECRET_KEY_RULE });
/** A reference to a key of an existing Secret. */
const secretKeyRef = z.object({ name: objectName, key: secretKey }).strict();

/** A Kubernetes quantity given as a string (`'2Gi'`, `'100Mi'`). */
export const quantityString = z.string().regex(QUANTITY_PATTERN, 'must be a Kubernetes quantity such as "2Gi" or "100Mi"');

/** A probe with the chart's `enabled` switch. */
export const probe = z.custom<K8sProbe & { enabled?: boolean }>().superRefine((value, ctx) => {
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

/** An extra object: a name, and what Kubernetes 1.28 accepts for its apiVersion and kind. */
export const extraObject = z
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

/** A whole count (replicas, revisions). */
export const wholeCount = z.number().int('must be a whole number').nonnegative().max(INT32_MAX, `must be at most ${INT32_MAX}`);

/** A node port. */
export const nodePort = z.number().int().min(30000, 'node ports are 30000-32767').max(32767, 'node ports are 30000-32767');

/** A port number or a port name. */
export const portOrName = z.union([port, z.string().regex(PORT_NAME, 'must be a port number or a port name')]);

/** `configFromSecrets`: for each section and key, the Secret key its value comes from. */
export const configFromSecrets = z.record(z.string(), z.record(z.string(), secretKeyRef).optional());

// Compile-time proof that a schema and a props interface agree: `SchemaMatches` is `true` only when every object level has the same
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
