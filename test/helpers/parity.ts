/**
 * The comparison rules of the parity contract (fixtures/parity/RULES.md),
 * implemented no more loosely than written. `paritydiff` returns the list of
 * differences; an empty list means the two renders are "the same manifests".
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { parse as parseIni } from 'ini';
import { parseGcfg } from '../../src/gcfg/parse';
import { parseYamlDocuments } from '../../src/values/yaml';

type Obj = Record<string, any>;

const DROPPED_LABELS = ['helm.sh/chart', 'app.kubernetes.io/managed-by'];
const CHECKSUMS = ['checksum/config', 'checksum/aws-creds', 'checksum/key'];
const OPTIONAL_NAMESPACE_KINDS = ['Ingress', 'PodDisruptionBudget'];

/** Rule 4: a null is the same as no key. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v && typeof v === 'object') {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = dropNulls(x);
    return out;
  }
  return v;
}

/** Rule 2a: drop the two Helm labels from every labels map. */
function dropHelmLabels(v: unknown): void {
  if (Array.isArray(v)) v.forEach(dropHelmLabels);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Obj)) {
      if (k === 'labels' && x && typeof x === 'object' && !Array.isArray(x)) {
        for (const d of DROPPED_LABELS) delete (x as Obj)[d];
      }
      dropHelmLabels(x);
    }
  }
}

function key(o: Obj): string {
  return [o.apiVersion, o.kind, o.metadata?.namespace ?? '', o.metadata?.name].join(' ');
}

/** Parses multi-document YAML, dropping empty documents. */
export function parseManifests(text: string): Obj[] {
  return parseYamlDocuments(text) as Obj[];
}

/** Differences between what the chart rendered and what the construct synthesized. */
export function parityDiff(expectedIn: Obj[], actualIn: Obj[], releaseNamespace: string): string[] {
  const problems: string[] = [];
  const expected = expectedIn.map((o) => dropNulls(structuredClone(o)) as Obj);
  const actual = actualIn.map((o) => dropNulls(structuredClone(o)) as Obj);
  [...expected, ...actual].forEach(dropHelmLabels);

  // Rule 2c: the construct may set the release namespace where the chart leaves it out.
  const expectedKeys = new Set(expected.map(key));
  for (const a of actual) {
    if (!OPTIONAL_NAMESPACE_KINDS.includes(a.kind) || a.metadata?.namespace !== releaseNamespace) continue;
    const { namespace: _ns, ...rest } = a.metadata;
    const without = { ...a, metadata: rest };
    if (!expectedKeys.has(key(a)) && expectedKeys.has(key(without))) a.metadata = rest;
  }

  // Rule 1: the same set of objects.
  const byKey = (list: Obj[]) => {
    const m = new Map<string, Obj>();
    for (const o of list) {
      if (m.has(key(o))) problems.push(`duplicate object ${key(o)}`);
      m.set(key(o), o);
    }
    return m;
  };
  const exp = byKey(expected);
  const act = byKey(actual);
  for (const k of exp.keys()) if (!act.has(k)) problems.push(`missing object: ${k}`);
  for (const k of act.keys()) if (!exp.has(k)) problems.push(`extra object: ${k}`);

  for (const [k, e] of exp) {
    const a = act.get(k);
    if (!a) continue;
    // Rule 2a: top-level labels: every chart label, plus only app.kubernetes.io/* extras.
    const el: Obj = e.metadata?.labels ?? {};
    const al: Obj = a.metadata?.labels ?? {};
    for (const [lk, lv] of Object.entries(el)) {
      if (al[lk] !== lv) problems.push(`${k}: label ${lk} is ${JSON.stringify(al[lk])}, chart has ${JSON.stringify(lv)}`);
    }
    for (const lk of Object.keys(al)) {
      if (!(lk in el) && !lk.startsWith('app.kubernetes.io/')) problems.push(`${k}: extra label ${lk}`);
    }
    for (const o of [e, a]) {
      if (o.metadata) delete o.metadata.labels;
    }

    // Rule 2b: checksum annotations: same keys, 64 lowercase hex each.
    const ea: Obj | undefined = e.spec?.template?.metadata?.annotations;
    const aa: Obj | undefined = a.spec?.template?.metadata?.annotations;
    for (const c of CHECKSUMS) {
      const inE = ea !== undefined && c in ea;
      const inA = aa !== undefined && c in aa;
      if (inE !== inA) problems.push(`${k}: annotation ${c} ${inE ? 'missing' : 'extra'}`);
      if (inA && !/^[0-9a-f]{64}$/.test(String(aa![c]))) problems.push(`${k}: ${c} is not 64 lowercase hex characters`);
      if (ea) delete ea[c];
      if (aa) delete aa[c];
    }

    // Rule 2d: the gcfg file compares as parsed gcfg.
    if (e.kind === 'ConfigMap' && e.data?.['rstudio-pm.gcfg'] !== undefined) {
      try {
        const eg = parseGcfg(e.data['rstudio-pm.gcfg']);
        const ag = parseGcfg(String(a.data?.['rstudio-pm.gcfg']));
        if (!isDeepStrictEqual(eg, ag))
          problems.push(`${k}: gcfg differs:\n  chart:     ${JSON.stringify(eg)}\n  construct: ${JSON.stringify(ag)}`);
      } catch (err) {
        problems.push(`${k}: gcfg does not parse: ${(err as Error).message}`);
      }
      delete e.data['rstudio-pm.gcfg'];
      if (a.data) delete a.data['rstudio-pm.gcfg'];
    }

    // Rule 2e: the AWS credentials compare as parsed INI.
    if (e.kind === 'Secret' && e.stringData?.credentials !== undefined) {
      const ei = parseIni(e.stringData.credentials);
      const ai = parseIni(String(a.stringData?.credentials));
      if (!isDeepStrictEqual(ei, ai)) problems.push(`${k}: AWS credentials differ (as INI)`);
      delete e.stringData.credentials;
      if (a.stringData) delete a.stringData.credentials;
    }

    // Rule 2: everything else deep-equal, scalar types included.
    diffValues(e, a, k, problems);
  }
  return problems;
}

function diffValues(e: unknown, a: unknown, path: string, out: string[]): void {
  if (isDeepStrictEqual(e, a)) return;
  if (e && a && typeof e === 'object' && typeof a === 'object' && Array.isArray(e) === Array.isArray(a)) {
    if (Array.isArray(e) && Array.isArray(a) && e.length !== a.length) {
      out.push(`${path}: list of ${a.length}, chart has ${e.length}: ${JSON.stringify(a)} vs ${JSON.stringify(e)}`);
      return;
    }
    const keys = new Set([...Object.keys(e as Obj), ...Object.keys(a as Obj)]);
    for (const k of keys) diffValues((e as Obj)[k], (a as Obj)[k], `${path}.${k}`, out);
    return;
  }
  out.push(`${path}: construct ${JSON.stringify(a)}, chart ${JSON.stringify(e)}`);
}

/** Each case's values file, release, and what the chart rendered (or why it refused). */
export function parityCases(dir: string) {
  const names = readdirSync(join(dir, 'cases'))
    .filter((f) => f.endsWith('.values.yaml'))
    .map((f) => f.replace(/\.values\.yaml$/, ''))
    .sort();
  return names.map((name) => {
    const release = join(dir, 'cases', `${name}.release`);
    const expected = join(dir, 'expected', `${name}.yaml`);
    return {
      name,
      valuesFile: join(dir, 'cases', `${name}.values.yaml`),
      release: existsSync(release) ? readFileSync(release, 'utf8').trim() : 'my-release',
      refused: existsSync(join(dir, 'expected', `${name}.error.txt`)) || existsSync(join(dir, 'cases', `${name}.reject`)),
      expected: existsSync(expected) ? expected : undefined,
    };
  });
}
