/** `cdk8s-ppm template`: values files → the YAML PackageManager synthesizes. */
import { readFileSync } from 'fs';
import { App, Chart, Yaml } from 'cdk8s';
import { PackageManager } from '../package-manager';
import { parseYaml } from '../values/yaml';
import type { TemplateArgs } from './args';
import { applySet, mergeValues } from './set-values';

/** Reads and merges the values of the command line. */
export function loadValues(args: TemplateArgs, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): Record<string, unknown> {
  let values: Record<string, unknown> = {};
  for (const file of args.valuesFiles) {
    const text = file === '-' ? read('/dev/stdin') : read(file);
    let parsed: unknown;
    try {
      parsed = parseYaml(text);
    } catch (e) {
      throw new Error(`${file}: not valid YAML: ${(e as Error).message}`);
    }
    if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new Error(`${file}: a values file must hold a map of values`);
    }
    values = mergeValues(values, parsed);
  }
  for (const expr of args.sets) values = applySet(values, expr);
  return values;
}

/** Synthesizes the manifests for the command line as multi-document YAML. */
export function renderTemplate(args: TemplateArgs, values: Record<string, unknown>): string {
  const app = new App({ outdir: '/dev/null' });
  const chart = new Chart(app, 'template', { disableResourceNameHashes: true });
  PackageManager.fromValues(chart, args.release, values, { releaseName: args.release, namespace: args.namespace });
  return Yaml.stringify(...chart.toJson());
}
