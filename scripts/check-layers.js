#!/usr/bin/env node
/**
 * The import graph of src/ has no cycle and no arrow from a lower layer to a
 * higher one (type-only imports included). Prints the graph's size and every
 * violation; exits 1 on any. Run by `npm test`.
 *
 * Layers, lowest first: a file may import only from its own layer or lower.
 */
const fs = require('fs');
const path = require('path');

const SRC = path.join(__dirname, '..', 'src');
const LAYERS = [
  // leaf/: pure helpers that import nothing of the project but each other.
  ['leaf/', 'k8s/', 'yaml/', 'constants.ts', 'errors.ts', 'catalogue.ts'],
  [
    'chart-versions/',
    'warnings.ts',
    'names.ts',
    'config/types.ts',
    'config/secret-refs.ts',
    'props.ts',
    'traits.ts',
    'traits-table.ts',
    'value-traits.ts',
  ],
  ['gcfg/', 'config/', 'schema.ts', 'prop-checks-zod.ts', 'prop-checks-fast.ts'],
  ['model/'],
  // The input stage (validation/input/: normalize, merge, schema) and the model rules (validation/rules/), with what
  // both share (validation/secrecy.ts). Below the renderers: no rule renders.
  ['validation/', 'secret-refs.ts'],
  ['parts/', 'checksums.ts'],
  // The output stage: rules on the rendered objects.
  ['validation/output/'],
  ['render.ts', 'values/'],
  ['report-warnings.ts', 'package-manager.ts', 'diff/'],
  ['cli/', 'index.ts'],
];

function layerOf(file) {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  let found = -1;
  let longest = -1;
  LAYERS.forEach((layer, i) =>
    layer.forEach((prefix) => {
      const hit = prefix.endsWith('/') ? rel.startsWith(prefix) : rel === prefix;
      if (hit && prefix.length > longest) {
        found = i;
        longest = prefix.length;
      }
    }),
  );
  return { rel, layer: found };
}

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

function resolveImport(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|require\('(\.[^']+)'\)|import\('(\.[^']+)'\)/g;
const graph = new Map();
const problems = [];
for (const file of files(SRC)) {
  const text = fs.readFileSync(file, 'utf8');
  const deps = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec.endsWith('.json')) continue;
    const target = resolveImport(file, spec);
    if (!target) problems.push(`${layerOf(file).rel}: cannot resolve ${spec}`);
    else deps.push(target);
  }
  graph.set(file, deps);
}

let edges = 0;
for (const [file, deps] of graph) {
  const from = layerOf(file);
  if (from.layer < 0) problems.push(`${from.rel}: in no layer (add it to LAYERS in scripts/check-layers.js)`);
  for (const dep of deps) {
    edges++;
    const to = layerOf(dep);
    if (to.layer > from.layer) problems.push(`${from.rel} (layer ${from.layer}) imports ${to.rel} (layer ${to.layer}): an arrow upwards`);
  }
}

// Cycles: depth-first search with colours.
const colour = new Map();
const stack = [];
function visit(file) {
  colour.set(file, 'grey');
  stack.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (colour.get(dep) === 'grey') {
      const cycle = stack
        .slice(stack.indexOf(dep))
        .concat(dep)
        .map((f) => layerOf(f).rel);
      problems.push(`cycle: ${cycle.join(' -> ')}`);
    } else if (!colour.has(dep)) visit(dep);
  }
  stack.pop();
  colour.set(file, 'black');
}
for (const file of graph.keys()) if (!colour.has(file)) visit(file);

console.log(`check-layers: ${graph.size} files, ${edges} imports, ${LAYERS.length} layers, ${problems.length} problems`);
for (const p of problems) console.log(`  - ${p}`);
process.exitCode = problems.length > 0 ? 1 : 0;
