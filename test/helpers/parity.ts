/**
 * The parity contract (fixtures/parity/RULES.md) on top of the comparison the
 * package ships (src/diff): `parityDiff` lists every difference the rules do
 * not allow; an empty list means the two renders are "the same manifests".
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { classify } from '../../src/diff/classify';
import { compareManifests, refKey } from '../../src/diff/compare';
import { formatPath } from '../../src/errors';
import type { Obj } from '../../src/leaf/objects';
import type { PackageManagerProps } from '../../src';
import { parseYamlDocuments } from '../../src/values/yaml';

/** Rule 2c: the kinds the chart leaves without a namespace, where the construct may set it. */
const OPTIONAL_NAMESPACE_KINDS = ['Ingress', 'PodDisruptionBudget'];
/** Rule 2f: the chart bugs the construct fixes on purpose. */
const PARITY_FIXES = ['service-account-labels', 'command-args-lists'];

/** Parses multi-document YAML, dropping empty documents. */
export function parseManifests(text: string): Obj[] {
  return parseYamlDocuments(text) as Obj[];
}

/**
 * Differences between what the chart rendered and what the construct synthesized that the rules do not allow.
 * `props` (the values as props) lets rule 2f recognize the chart's bugs.
 */
export function parityDiff(expected: Obj[], actual: Obj[], releaseNamespace: string, props?: PackageManagerProps): string[] {
  const problems: string[] = [];
  for (const o of classify(compareManifests(expected, actual, { namespace: releaseNamespace }), { props })) {
    const key = refKey(o.ref);
    if (o.presence === 'chart-only') problems.push(`missing object: ${key}`);
    if (o.presence === 'ours-only') problems.push(`extra object: ${key}`);
    for (const d of o.differences) {
      const allowed =
        d.tag === 'helm-label' ||
        d.tag === 'app-label' ||
        d.tag === 'checksum-value' ||
        (d.kind === 'fix' && PARITY_FIXES.includes(d.fix!));
      if (!allowed)
        problems.push(
          `${key}: ${formatPath(d.path) || '(object)'}: construct ${JSON.stringify(d.ours)}, chart ${JSON.stringify(d.chart)}${d.note ? ` (${d.note})` : ''}`,
        );
    }
    // Rule 2c, checked on the comparison itself (classify drops it: Helm puts such objects in the release namespace).
    if (o.presence === 'both' && !OPTIONAL_NAMESPACE_KINDS.includes(o.ref.kind)) {
      const chart = expected.find((e) => e.kind === o.ref.kind && e.metadata?.name === o.ref.name && e.apiVersion === o.ref.apiVersion);
      if (chart && (chart.metadata?.namespace ?? undefined) !== o.ref.namespace)
        problems.push(
          `${key}: metadata.namespace: construct ${JSON.stringify(o.ref.namespace)}, chart ${JSON.stringify(chart.metadata?.namespace)}`,
        );
    }
  }
  return problems;
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
