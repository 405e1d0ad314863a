#!/usr/bin/env node
/**
 * Extracts from the Kubernetes 1.28 OpenAPI document (test/fixtures/k8s) the
 * definitions of the Kubernetes-shaped values PackageManager passes through
 * (containers, probes, env, volumes, affinity, …) and everything they refer
 * to, without descriptions, into src/k8s-schema/definitions.json.
 * Run: node scripts/gen-k8s-definitions.js   (test/k8s-definitions.test.ts checks the file is current)
 */
const { readFileSync, writeFileSync } = require('fs');
const { join } = require('path');

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'test', 'fixtures', 'k8s', 'k8s-1.28.0-openapi-v2.json');
/** The Gateway API HTTPRoute CRD (see test/fixtures/k8s/SOURCES.md): the parts of an HTTPRoute the props pass through. */
const HTTPROUTE_CRD = join(ROOT, 'test', 'fixtures', 'k8s', 'gateway.networking.k8s.io_httproutes.yaml');
const GATEWAY_PREFIX = 'io.k8s.networking.gateway.v1.';
const TARGET = join(ROOT, 'src', 'k8s', 'definitions.json');

/** The definitions the props refer to; their references are followed. */
const ROOTS = [
  'io.k8s.api.core.v1.Container',
  'io.k8s.api.core.v1.EnvVar',
  'io.k8s.api.core.v1.Volume',
  'io.k8s.api.core.v1.VolumeMount',
  'io.k8s.api.core.v1.Probe',
  'io.k8s.api.core.v1.Lifecycle',
  'io.k8s.api.core.v1.SecurityContext',
  'io.k8s.api.core.v1.PodSecurityContext',
  'io.k8s.api.core.v1.Affinity',
  'io.k8s.api.core.v1.Toleration',
  'io.k8s.api.core.v1.TopologySpreadConstraint',
  'io.k8s.api.core.v1.LocalObjectReference',
  'io.k8s.api.core.v1.HostAlias',
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
  'io.k8s.api.networking.v1.NetworkPolicyPeer',
  'io.k8s.api.networking.v1.NetworkPolicyEgressRule',
];
/** Kinds that `extraObjects` are checked against in full (others: metadata only). */
const KINDS = [
  'io.k8s.api.core.v1.ConfigMap',
  'io.k8s.api.core.v1.Secret',
  'io.k8s.api.core.v1.ServiceAccount',
  'io.k8s.api.core.v1.Service',
  'io.k8s.api.core.v1.PersistentVolumeClaim',
  'io.k8s.api.core.v1.LimitRange',
  'io.k8s.api.core.v1.ResourceQuota',
  'io.k8s.api.apps.v1.Deployment',
  'io.k8s.api.apps.v1.StatefulSet',
  'io.k8s.api.apps.v1.DaemonSet',
  'io.k8s.api.batch.v1.Job',
  'io.k8s.api.batch.v1.CronJob',
  'io.k8s.api.networking.v1.Ingress',
  'io.k8s.api.networking.v1.NetworkPolicy',
  'io.k8s.api.policy.v1.PodDisruptionBudget',
  'io.k8s.api.rbac.v1.Role',
  'io.k8s.api.rbac.v1.RoleBinding',
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
];
const KEPT = ['type', 'format', 'properties', 'items', 'additionalProperties', 'required', 'enum', '$ref'];
const PREFIX = '#/definitions/';
/** A CRD's structural schema also bounds strings, numbers and lists (the OpenAPI v2 document has no such bounds). */
const KEPT_CRD = [...KEPT, 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'maxItems'];

function strip(schema, kept = KEPT) {
  if (Array.isArray(schema)) return schema.map((s) => strip(s, kept));
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const k of kept) {
    if (!(k in schema)) continue;
    const v = schema[k];
    if (k === 'properties')
      out[k] = Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((p) => [p, strip(v[p], kept)]),
      );
    else if (k === '$ref') out[k] = v.slice(PREFIX.length);
    else out[k] = strip(v, kept);
  }
  return out;
}

function generate() {
  const all = JSON.parse(readFileSync(SOURCE, 'utf8')).definitions;
  const picked = {};
  const queue = [...ROOTS, ...KINDS];
  while (queue.length > 0) {
    const name = queue.shift();
    if (picked[name]) continue;
    if (!all[name]) throw new Error(`no definition ${name}`);
    picked[name] = strip(all[name]);
    JSON.stringify(all[name], (k, v) => {
      if (k === '$ref') queue.push(v.slice(PREFIX.length));
      return v;
    });
  }
  Object.assign(picked, gatewayDefinitions());
  const sorted = Object.fromEntries(
    Object.keys(picked)
      .sort()
      .map((k) => [k, picked[k]]),
  );
  // apiVersion → kind → definition name (null: served, but only its metadata is checked here).
  const served = {};
  for (const [name, def] of Object.entries(all)) {
    for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
      if (!(def.properties && def.properties.metadata && def.properties.kind)) continue;
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      if (
        gvk.kind.endsWith('List') ||
        ['WatchEvent', 'DeleteOptions', 'Status', 'APIResourceList', 'APIGroup', 'APIGroupList', 'APIVersions'].includes(gvk.kind)
      )
        continue;
      (served[apiVersion] ??= {})[gvk.kind] = KINDS.includes(name) ? name : null;
    }
  }
  const sortedServed = Object.fromEntries(
    Object.keys(served)
      .sort()
      .map((v) => [
        v,
        Object.fromEntries(
          Object.keys(served[v])
            .sort()
            .map((k) => [k, served[v][k]]),
        ),
      ]),
  );
  return JSON.stringify({ definitions: sorted, served: sortedServed }) + '\n';
}

/** HTTPRoute v1 parent references, matches and filters, from the CRD's structural schema (CEL rules are not kept). */
function gatewayDefinitions() {
  const crd = require('yaml').parse(readFileSync(HTTPROUTE_CRD, 'utf8'));
  const v1 = crd.spec.versions.find((v) => v.name === 'v1');
  const spec = v1.schema.openAPIV3Schema.properties.spec.properties;
  const rule = spec.rules.items.properties;
  return {
    [`${GATEWAY_PREFIX}ParentReference`]: strip(spec.parentRefs.items, KEPT_CRD),
    [`${GATEWAY_PREFIX}HTTPRouteMatch`]: strip(rule.matches.items, KEPT_CRD),
    [`${GATEWAY_PREFIX}HTTPRouteFilter`]: strip(rule.filters.items, KEPT_CRD),
  };
}

module.exports = { generate, TARGET, ROOTS };

if (require.main === module) {
  const text = generate();
  writeFileSync(TARGET, text);
  console.log(`wrote ${TARGET}: ${Object.keys(JSON.parse(text).definitions).length} definitions, ${text.length} bytes`);
}
