/**
 * Checks a Kubernetes-shaped value that PackageManager passes through
 * verbatim (a container, a probe, a volume…) against the Kubernetes 1.28
 * OpenAPI definition of its type, strictly: unknown fields, wrong types,
 * missing required fields and malformed int-or-string/quantity values are
 * reported with their path, so a typo never reaches a manifest.
 * The definitions are extracted by scripts/gen-k8s-definitions.js.
 */
import { closest } from '../errors';
import definitions from './definitions.json';

/** A definition of the extracted OpenAPI subset. */
interface Schema {
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema;
  required?: string[];
  enum?: unknown[];
  $ref?: string;
}

/** One problem, with its path relative to the value checked. */
export interface K8sIssue {
  readonly path: (string | number)[];
  /** What is wrong and what is allowed; without the bad value, which is in `got`. */
  readonly message: string;
  /** The bad value, when the problem is about one: the caller decides whether a message may show it (it may be a secret). */
  readonly got?: { readonly value: unknown };
}

/** An issue's text with the value shown (for code that knows the value is not a secret). */
export function k8sIssueText(issue: K8sIssue): string {
  return issue.got ? `${issue.message}; got ${typeName(issue.got.value)}` : issue.message;
}

const bad = (path: (string | number)[], message: string, value: unknown): K8sIssue => ({ path, message, got: { value } });

/** Names of the definitions that props refer to. */
export type K8sType =
  | 'Container'
  | 'EnvVar'
  | 'Volume'
  | 'VolumeMount'
  | 'Probe'
  | 'Lifecycle'
  | 'SecurityContext'
  | 'PodSecurityContext'
  | 'Affinity'
  | 'Toleration'
  | 'TopologySpreadConstraint'
  | 'LocalObjectReference'
  | 'HostAlias'
  | 'LabelSelector'
  | 'NetworkPolicyPeer'
  | 'NetworkPolicyEgressRule';

const DEFINITION_NAMES: Partial<Record<K8sType, string>> = {
  LabelSelector: 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
  NetworkPolicyPeer: 'io.k8s.api.networking.v1.NetworkPolicyPeer',
  NetworkPolicyEgressRule: 'io.k8s.api.networking.v1.NetworkPolicyEgressRule',
};

const DEFS = definitions.definitions as Record<string, Schema>;
/** apiVersion → kind → definition name, for every kind Kubernetes 1.28 serves (null: not shipped here). */
const SERVED = definitions.served as Record<string, Record<string, string | null>>;
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
/** The Kubernetes quantity grammar (`500m`, `2Gi`, `1e3`). */
export const QUANTITY_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/;
const INT32 = 2 ** 31;
const INT64 = 2 ** 63;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

function check(value: unknown, schema: Schema, path: (string | number)[], out: K8sIssue[]): void {
  if (value === null || value === undefined) return; // Kubernetes reads null as absent
  if (schema.$ref) {
    if (schema.$ref === QUANTITY) {
      const ok = (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && QUANTITY_PATTERN.test(value));
      if (!ok) out.push(bad(path, `must be a Kubernetes quantity such as "500m" or "2Gi"`, value));
      return;
    }
    check(value, DEFS[schema.$ref], path, out);
    return;
  }
  if (schema.format === 'int-or-string') {
    if (!(typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)))) {
      out.push(bad(path, `must be a whole number or a string`, value));
    }
    return;
  }
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') out.push(bad(path, `must be a string`, value));
      else if (schema.enum && !schema.enum.includes(value)) {
        out.push(bad(path, `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`, value));
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') out.push(bad(path, `must be true or false`, value));
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) out.push(bad(path, `must be a whole number`, value));
      else if (schema.format === 'int32' && (value < -INT32 || value >= INT32)) out.push(bad(path, 'must fit in 32 bits', value));
      else if (value < -INT64 || value >= INT64) out.push(bad(path, 'must fit in 64 bits', value));
      return;
    case 'number':
      if (typeof value !== 'number') out.push(bad(path, `must be a number`, value));
      return;
    case 'array':
      if (!Array.isArray(value)) {
        out.push(bad(path, `must be a list`, value));
        return;
      }
      value.forEach((item, i) => {
        if (item === null || item === undefined) out.push({ path: [...path, i], message: 'list items may not be null' });
        else check(item, schema.items ?? {}, [...path, i], out);
      });
      return;
    case 'object':
      checkObject(value, schema, path, out);
      return;
    default:
      return;
  }
}

function checkObject(value: unknown, schema: Schema, path: (string | number)[], out: K8sIssue[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push(bad(path, `must be a map`, value));
    return;
  }
  const obj = value as Record<string, unknown>;
  if (schema.properties) {
    const known = Object.keys(schema.properties);
    for (const [k, v] of Object.entries(obj)) {
      // Own properties only: a field named `constructor` or `toString` is not a known field.
      const prop = Object.hasOwn(schema.properties, k) ? schema.properties[k] : undefined;
      if (prop) check(v, prop, [...path, k], out);
      else {
        const guess = closest(k, known);
        out.push({ path: [...path, k], message: `unknown field${guess ? `; did you mean ${guess}?` : ''}` });
      }
    }
    for (const r of schema.required ?? []) {
      if (obj[r] === undefined || obj[r] === null) out.push({ path: [...path, r], message: 'is required' });
    }
  } else if (schema.additionalProperties) {
    for (const [k, v] of Object.entries(obj)) check(v, schema.additionalProperties, [...path, k], out);
  }
}

/** Checks `value` as the Kubernetes type `type` and returns every problem found. */
export function validateK8s(value: unknown, type: K8sType): K8sIssue[] {
  const name = DEFINITION_NAMES[type] ?? `io.k8s.api.core.v1.${type}`;
  if (value === null || value === undefined) return [bad([], 'must be a map', value)];
  const out: K8sIssue[] = [];
  check(value, { $ref: name }, [], out);
  return out;
}

const API_VERSION = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?v[0-9]+((alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;
const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

/**
 * Checks a whole object (an `extraObjects` item): apiVersion and kind; for the
 * common built-in kinds the whole object, strictly; for other built-in kinds
 * and custom resources, its metadata.
 */
export function validateK8sObject(value: Record<string, unknown>): K8sIssue[] {
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || !API_VERSION.test(apiVersion)) {
    return [bad(['apiVersion'], 'must be an API version such as "v1" or "example.com/v1alpha1"', apiVersion)];
  }
  if (typeof kind !== 'string' || !KIND.test(kind)) {
    return [bad(['kind'], 'must be a kind such as "ConfigMap"', kind)];
  }
  const group = groupOf(apiVersion);
  const builtIn = Object.keys(SERVED).filter((v) => groupOf(v) === group);
  if (builtIn.length > 0) {
    const kinds = SERVED[apiVersion];
    if (!kinds || !(kind in kinds)) {
      const servedAs = builtIn.filter((v) => SERVED[v][kind] !== undefined);
      return [
        {
          path: ['kind'],
          message:
            servedAs.length > 0
              ? `${apiVersion} ${kind} is not served by Kubernetes 1.28; it is served as ${servedAs.join(', ')}`
              : `${apiVersion} has no kind ${JSON.stringify(kind)} in Kubernetes 1.28`,
        },
      ];
    }
    const def = kinds[kind];
    if (def) {
      const out: K8sIssue[] = [];
      check(value, { $ref: def }, [], out);
      return out;
    }
  }
  const out: K8sIssue[] = [];
  check(value.metadata, { $ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }, ['metadata'], out);
  return out;
}
