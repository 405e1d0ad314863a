/** Synthesizes PackageManager instances for tests, once per app (no repeated whole-app resolution). */
import { App, Chart } from 'cdk8s';
import { PackageManager } from '../../src';
import type { ChartVersion, PackageManagerProps } from '../../src';
import { parseYaml } from '../../src/values/yaml';
import { readFileSync } from 'fs';
import { assertNoSecretsOutsideSecrets } from './no-secrets';

export type Obj = Record<string, any>;

/** A chart without a namespace of its own, as `cdk8s-ppm` uses. */
export function newChart(): Chart {
  return new Chart(new App({ outdir: '/dev/null' }), 'test', { disableResourceNameHashes: true });
}

/** Props → manifests. */
export function synthProps(props: PackageManagerProps, id = 'my-release'): { pm: PackageManager; objects: Obj[] } {
  const chart = newChart();
  const pm = new PackageManager(chart, id, props);
  const objects = chart.toJson();
  assertNoSecretsOutsideSecrets(props, objects);
  return { pm, objects };
}

/** Values (parsed) → manifests. */
export function synthValues(
  values: unknown,
  release = 'my-release',
  namespace = 'posit',
  chartVersion?: ChartVersion,
): { pm: PackageManager; objects: Obj[] } {
  const chart = newChart();
  const pm = PackageManager.fromValues(chart, release, values, { releaseName: release, namespace, chartVersion });
  const objects = chart.toJson();
  assertNoSecretsOutsideSecrets(values, objects);
  return { pm, objects };
}

/** Reads a YAML fixture as Helm would. */
export function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

/** The object of a kind (and name, if given). */
export function find(objects: Obj[], kind: string, name?: string): Obj {
  const found = objects.find((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
  if (!found)
    throw new Error(`no ${kind}${name ? ` ${name}` : ''} among ${objects.map((o) => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  return found;
}

/**
 * Warnings other than the two every default synth prints: the sandboxing notice and `ppm:no-license` (most test
 * props give no license; test/validation/no-license.test.ts checks that warning).
 */
export function otherWarnings(pm: PackageManager) {
  return withoutNoLicense(pm.warnings).filter((w) => w.path !== 'enableSandboxing');
}

/** The warnings but `ppm:no-license`, which every test without a license gets (test/validation/no-license.test.ts checks it). */
export function withoutNoLicense<W extends { readonly id: string }>(warnings: readonly W[]): W[] {
  return warnings.filter((w) => w.id !== 'ppm:no-license');
}
