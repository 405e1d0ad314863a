/**
 * Checks a Kubernetes-shaped value that PackageManager passes through
 * verbatim (a container, a probe, a volume…) against the Kubernetes 1.28
 * OpenAPI definition of its type, strictly: unknown fields, wrong types,
 * missing required fields and malformed int-or-string/quantity values are
 * reported with their path, so a typo never reaches a manifest.
 * The definitions are extracted by scripts/gen-k8s-definitions.js.
 */
import { closest } from '../errors';
import type Definitions from './definitions.json';

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
  /** Bounds, kept only from CRD schemas (the Gateway API's). */
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
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
  | 'NetworkPolicyEgressRule'
  | 'ParentReference'
  | 'HTTPRouteMatch'
  | 'HTTPRouteFilter';

const DEFINITION_NAMES: Partial<Record<K8sType, string>> = {
  LabelSelector: 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
  NetworkPolicyPeer: 'io.k8s.api.networking.v1.NetworkPolicyPeer',
  NetworkPolicyEgressRule: 'io.k8s.api.networking.v1.NetworkPolicyEgressRule',
  ParentReference: 'io.k8s.networking.gateway.v1.ParentReference',
  HTTPRouteMatch: 'io.k8s.networking.gateway.v1.HTTPRouteMatch',
  HTTPRouteFilter: 'io.k8s.networking.gateway.v1.HTTPRouteFilter',
};

let loaded: { defs: Record<string, Schema>; served: Record<string, Record<string, string | null>> } | undefined;
/** The definitions (1.3 MB of JSON), read on first use: only values passed through need them. */
function definitions() {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const json = require('./definitions.json') as typeof Definitions;
    loaded = {
      defs: json.definitions as Record<string, Schema>,
      // apiVersion → kind → definition name, for every kind Kubernetes 1.28 serves (null: not shipped here).
      served: json.served as Record<string, Record<string, string | null>>,
    };
  }
  return loaded;
}
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

/**
 * A path, built only when issues are collected: a linked list from the leaf
 * up, so that checking a valid value allocates nothing.
 */
interface PathNode {
  readonly parent: PathNode | undefined;
  readonly key: string | number;
}

function pathOf(node: PathNode | undefined, base: readonly (string | number)[]): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let n = node; n; n = n.parent) keys.push(n.key);
  return [...base, ...keys.reverse()];
}

/** Where issues go: the list, and the path of the value checked. No sink: stop at the first problem. */
interface Sink {
  readonly out: K8sIssue[];
  readonly base: readonly (string | number)[];
}

function report(sink: Sink | undefined, node: PathNode | undefined, message: string, ...got: [unknown?]): false {
  if (sink) sink.out.push(got.length > 0 ? bad(pathOf(node, sink.base), message, got[0]) : { path: pathOf(node, sink.base), message });
  return false;
}

const childNode = (sink: Sink | undefined, parent: PathNode | undefined, key: string | number) => (sink ? { parent, key } : undefined);

/** Checks `value` against `schema`; true when valid. Collects every issue into `sink`, or stops at the first without one. */
function check(value: unknown, schema: Schema, node: PathNode | undefined, sink: Sink | undefined): boolean {
  if (value === null || value === undefined) return true; // Kubernetes reads null as absent
  if (schema.$ref) {
    if (schema.$ref === QUANTITY) {
      const ok = (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && QUANTITY_PATTERN.test(value));
      return ok || report(sink, node, `must be a Kubernetes quantity such as "500m" or "2Gi"`, value);
    }
    return check(value, definitions().defs[schema.$ref], node, sink);
  }
  if (schema.format === 'int-or-string') {
    return (
      typeof value === 'string' ||
      (typeof value === 'number' && Number.isInteger(value)) ||
      report(sink, node, `must be a whole number or a string`, value)
    );
  }
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return report(sink, node, `must be a string`, value);
      if (schema.enum && !schema.enum.includes(value)) {
        return report(sink, node, `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`, value);
      }
      return checkStringBounds(value, schema, node, sink);
    case 'boolean':
      return typeof value === 'boolean' || report(sink, node, `must be true or false`, value);
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return report(sink, node, `must be a whole number`, value);
      if (schema.format === 'int32' && (value < -INT32 || value >= INT32)) return report(sink, node, 'must fit in 32 bits', value);
      if (value < -INT64 || value >= INT64) return report(sink, node, 'must fit in 64 bits', value);
      if (schema.enum && !schema.enum.includes(value)) return report(sink, node, `must be one of ${schema.enum.join(', ')}`, value);
      if (schema.minimum !== undefined && value < schema.minimum) return report(sink, node, `must be at least ${schema.minimum}`, value);
      if (schema.maximum !== undefined && value > schema.maximum) return report(sink, node, `must be at most ${schema.maximum}`, value);
      return true;
    case 'number':
      return typeof value === 'number' || report(sink, node, `must be a number`, value);
    case 'array': {
      if (!Array.isArray(value)) return report(sink, node, `must be a list`, value);
      if (schema.maxItems !== undefined && value.length > schema.maxItems)
        return report(sink, node, `may hold at most ${schema.maxItems} items (it holds ${value.length})`);
      const items = schema.items ?? {};
      let ok = true;
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) continue; // a hole, as forEach skips it
        const item: unknown = value[i];
        const valid =
          item === null || item === undefined
            ? report(sink, childNode(sink, node, i), 'list items may not be null')
            : check(item, items, childNode(sink, node, i), sink);
        if (!valid) {
          ok = false;
          if (!sink) return false;
        }
      }
      return ok;
    }
    case 'object':
      return checkObject(value, schema, node, sink);
    default:
      return true;
  }
}

const patterns = new Map<string, RegExp>();
/** A CRD's string bounds: length and pattern. */
function checkStringBounds(value: string, schema: Schema, node: PathNode | undefined, sink: Sink | undefined): boolean {
  if (schema.minLength !== undefined && value.length < schema.minLength)
    return report(sink, node, schema.minLength === 1 ? 'may not be empty' : `must be at least ${schema.minLength} characters`, value);
  if (schema.maxLength !== undefined && value.length > schema.maxLength)
    return report(sink, node, `must be at most ${schema.maxLength} characters`, value);
  if (schema.pattern === undefined) return true;
  let re = patterns.get(schema.pattern);
  if (!re) patterns.set(schema.pattern, (re = new RegExp(schema.pattern)));
  return re.test(value) || report(sink, node, `must match ${schema.pattern}`, value);
}

function checkObject(value: unknown, schema: Schema, node: PathNode | undefined, sink: Sink | undefined, except?: string): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return report(sink, node, `must be a map`, value);
  const obj = value as Record<string, unknown>;
  // Without a sink, the first problem ends the check; with one, every problem is collected.
  let ok = true;
  if (schema.properties) {
    const properties = schema.properties;
    for (const k in obj) {
      if (!Object.prototype.hasOwnProperty.call(obj, k) || k === except) continue;
      // Own properties only: a field named `constructor` or `toString` is not a known field.
      const prop = Object.hasOwn(properties, k) ? properties[k] : undefined;
      if (prop) {
        if (check(obj[k], prop, childNode(sink, node, k), sink)) continue;
      } else {
        const guess = sink ? closest(k, Object.keys(properties)) : undefined;
        report(sink, childNode(sink, node, k), `unknown field${guess ? `; did you mean ${guess}?` : ''}`);
      }
      if (!sink) return false;
      ok = false;
    }
    for (const r of schema.required ?? []) {
      if (obj[r] !== undefined && obj[r] !== null) continue;
      if (!sink) return false;
      report(sink, childNode(sink, node, r), 'is required');
      ok = false;
    }
  } else if (schema.additionalProperties) {
    for (const k in obj) {
      if (!Object.prototype.hasOwnProperty.call(obj, k) || check(obj[k], schema.additionalProperties, childNode(sink, node, k), sink))
        continue;
      if (!sink) return false;
      ok = false;
    }
  }
  return ok;
}

const roots = new Map<string, Schema>();
/** `{ $ref: name }`, made once per name. */
function ref(name: string): Schema {
  let schema = roots.get(name);
  if (!schema) roots.set(name, (schema = { $ref: name }));
  return schema;
}
const definitionOf = (type: K8sType) => DEFINITION_NAMES[type] ?? `io.k8s.api.core.v1.${type}`;

/** Checks `value` as the Kubernetes type `type` and returns every problem found. */
export function validateK8s(value: unknown, type: K8sType): K8sIssue[] {
  if (value === null || value === undefined) return [bad([], 'must be a map', value)];
  const out: K8sIssue[] = [];
  check(value, ref(definitionOf(type)), undefined, { out, base: [] });
  return out;
}

/**
 * True when `validateK8s` would find no problem in `value`, found without
 * allocating; with `except`, that key of the value is left out (a key of
 * ours beside the Kubernetes fields, as a probe's `enabled`).
 */
export function isValidK8s(value: unknown, type: K8sType, except?: string): boolean {
  if (value === null || value === undefined) return false;
  if (except === undefined) return check(value, ref(definitionOf(type)), undefined, undefined);
  const schema = definitions().defs[definitionOf(type)];
  return schema.type === 'object' && checkObject(value, schema, undefined, undefined, except);
}

const API_VERSION = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?v[0-9]+((alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;
const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

/** Whether an API group is one Kubernetes 1.28 serves (cached: a few groups recur). */
const builtInGroups = new Map<string, string[]>();
function builtInVersions(group: string): string[] {
  let versions = builtInGroups.get(group);
  if (!versions) {
    versions = Object.keys(definitions().served).filter((v) => groupOf(v) === group);
    builtInGroups.set(group, versions);
  }
  return versions;
}

function checkK8sObject(value: Record<string, unknown>, sink: Sink | undefined): boolean {
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || !API_VERSION.test(apiVersion)) {
    return report(
      sink && { out: sink.out, base: ['apiVersion'] },
      undefined,
      'must be an API version such as "v1" or "example.com/v1alpha1"',
      apiVersion,
    );
  }
  if (typeof kind !== 'string' || !KIND.test(kind)) {
    return report(sink && { out: sink.out, base: ['kind'] }, undefined, 'must be a kind such as "ConfigMap"', kind);
  }
  const served = definitions().served;
  const builtIn = builtInVersions(groupOf(apiVersion));
  if (builtIn.length > 0) {
    const kinds = served[apiVersion];
    if (!kinds || !(kind in kinds)) {
      const servedAs = builtIn.filter((v) => served[v][kind] !== undefined);
      return report(
        sink && { out: sink.out, base: ['kind'] },
        undefined,
        servedAs.length > 0
          ? `${apiVersion} ${kind} is not served by Kubernetes 1.28; it is served as ${servedAs.join(', ')}`
          : `${apiVersion} has no kind ${JSON.stringify(kind)} in Kubernetes 1.28`,
      );
    }
    const def = kinds[kind];
    if (def) return check(value, ref(def), undefined, sink);
  }
  return check(
    value.metadata,
    ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'),
    undefined,
    sink && { out: sink.out, base: ['metadata'] },
  );
}

/**
 * Checks a whole object (an `extraObjects` item): apiVersion and kind; for the
 * common built-in kinds the whole object, strictly; for other built-in kinds
 * and custom resources, its metadata.
 */
export function validateK8sObject(value: Record<string, unknown>): K8sIssue[] {
  const out: K8sIssue[] = [];
  checkK8sObject(value, { out, base: [] });
  return out;
}

/** True when `validateK8sObject` would find no problem in `value`. */
export function isValidK8sObject(value: Record<string, unknown>): boolean {
  return checkK8sObject(value, undefined);
}
