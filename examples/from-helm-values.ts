/**
 * Migrating from the Helm chart: read the chart values file you deploy with
 * today and synthesize the same release with `PackageManager.fromValues`,
 * then compare with what `helm template` printed for it:
 *
 *   helm template my-release rstudio/rstudio-pm --version 0.5.29 -n posit -f examples/values.yaml \
 *     > examples/helm-template-output.yaml
 *   npx ts-node --transpile-only examples/from-helm-values.ts   # prints the comparison, writes dist/from-helm-values.k8s.yaml
 *
 * The values file is read as YAML 1.1, as Helm reads it (`yes`/`no`/`on`/`off` are booleans).
 * Outside this repository, `parse(text, { version: '1.1', merge: true })` from the `yaml` package does the same.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';
import { parseValuesYaml, parseYamlDocuments } from 'cdk8s-posit-package-manager/values';

export const RELEASE = 'my-release';
export const NAMESPACE = 'posit';
export const VALUES_FILE = join(__dirname, 'values.yaml');
export const HELM_OUTPUT_FILE = join(__dirname, 'helm-template-output.yaml');

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'from-helm-values', { namespace: NAMESPACE, disableResourceNameHashes: true });
  const values = parseValuesYaml(readFileSync(VALUES_FILE, 'utf8'));
  PackageManager.fromValues(chart, RELEASE, values, { releaseName: RELEASE, namespace: NAMESPACE });
  return chart;
}

/** The objects (as `Kind/name`) only Helm rendered, and only the construct synthesized. */
export interface HelmDiff {
  readonly onlyInHelm: string[];
  readonly onlyInCdk8s: string[];
}

type Manifest = { kind?: string; metadata?: { name?: string } };

/** Compares the kind/name pairs of the synthesized objects with those of a `helm template` output. */
export function diffAgainstHelm(objects: readonly Manifest[], helmOutput = readFileSync(HELM_OUTPUT_FILE, 'utf8')): HelmDiff {
  const ids = (list: readonly Manifest[]) => new Set(list.map((o) => `${o.kind}/${o.metadata?.name}`));
  const helm = ids(parseYamlDocuments(helmOutput) as Manifest[]);
  const cdk8s = ids(objects);
  return {
    onlyInHelm: [...helm].filter((id) => !cdk8s.has(id)).sort(),
    onlyInCdk8s: [...cdk8s].filter((id) => !helm.has(id)).sort(),
  };
}

if (require.main === module) {
  const app = new App();
  const chart = build(app);
  const objects = chart.toJson();
  const { onlyInHelm, onlyInCdk8s } = diffAgainstHelm(objects);
  if (onlyInHelm.length === 0 && onlyInCdk8s.length === 0) {
    console.log(`same ${objects.length} objects as helm template: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  } else {
    for (const id of onlyInHelm) console.log(`only in helm template: ${id}`);
    for (const id of onlyInCdk8s) console.log(`only in cdk8s:         ${id}`);
    process.exitCode = 1;
  }
  app.synth();
}
