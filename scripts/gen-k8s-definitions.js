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
const TARGET = join(ROOT, 'src', 'k8s-schema', 'definitions.json');

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
];
const KEPT = ['type', 'format', 'properties', 'items', 'additionalProperties', 'required', 'enum', '$ref'];
const PREFIX = '#/definitions/';

function strip(schema) {
  if (Array.isArray(schema)) return schema.map(strip);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const k of KEPT) {
    if (!(k in schema)) continue;
    const v = schema[k];
    if (k === 'properties') out[k] = Object.fromEntries(Object.keys(v).sort().map((p) => [p, strip(v[p])]));
    else if (k === '$ref') out[k] = v.slice(PREFIX.length);
    else out[k] = strip(v);
  }
  return out;
}

function generate() {
  const all = JSON.parse(readFileSync(SOURCE, 'utf8')).definitions;
  const picked = {};
  const queue = [...ROOTS];
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
  const sorted = Object.fromEntries(Object.keys(picked).sort().map((k) => [k, picked[k]]));
  return JSON.stringify(sorted) + '\n';
}

module.exports = { generate, TARGET };

if (require.main === module) {
  const text = generate();
  writeFileSync(TARGET, text);
  console.log(`wrote ${TARGET}: ${Object.keys(JSON.parse(text)).length} definitions, ${text.length} bytes`);
}
