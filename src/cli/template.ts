/** `cdk8s-ppm template`: chart values → the YAML PackageManager synthesizes, laid out as `helm template` does. */
import type { ChartVersion } from '../chart-versions';
import { sanitize } from '../parts/manifest';
import { PackageManagerValidationError } from '../errors';
import { loadValues } from '../values/load';
import { renderValues } from '../values/render-values';
import type { PackageManagerWarning, WarningId } from '../warnings';
import { toYamlDocuments } from '../yaml/emit';
import type { TemplateArgs } from './args';
import { templateOf } from '../catalogue';

/** How the command reads files and stdin (injected by tests). */
export interface ReadIo {
  readonly readFile?: (path: string) => string | Uint8Array;
  readonly readStdin?: () => string | Uint8Array;
}

/** A rendered object and the chart template it belongs to. */
export interface TemplateObject {
  /** `templates/NAME.yaml`. */
  readonly template: string;
  readonly manifest: Record<string, unknown>;
}

/** A `--show-only` that names no template of the chart (exit code 1, as helm). */
export class ShowOnlyError extends PackageManagerValidationError {
  constructor(pattern: string) {
    const message = `could not find template ${pattern} in chart`;
    super([{ path: '--show-only', message }], 'cdk8s-ppm template', { message });
  }
}

/** Reads and merges the values of the command line, as helm does (before the chart's defaults). */
export function loadArgsValues(args: TemplateArgs, io: ReadIo = {}): Record<string, unknown> {
  return loadValues({
    ...args.values,
    subchart: args.subchart,
    chartVersion: args.chartVersion,
    readFile: io.readFile,
    readStdin: io.readStdin,
  });
}

/** Renders the objects for the command line through the pure core (no cdk8s), each with its chart template. */
export function renderArgs(
  args: TemplateArgs,
  values: Record<string, unknown>,
): { objects: TemplateObject[]; warnings: readonly PackageManagerWarning[] } {
  const result = renderValues(values, {
    releaseName: args.release,
    namespace: args.namespace,
    chartVersion: args.chartVersion as ChartVersion | undefined,
    acknowledgeWarnings: args.acknowledgeWarnings as WarningId[],
  });
  return {
    objects: result.objects.map((o) => ({ template: templateOf(o.id), manifest: sanitize(o.manifest) })),
    warnings: result.warnings,
  };
}

/** Go's filepath.Match, as helm matches `--show-only` patterns against `templates/NAME.yaml`. */
export function matchTemplate(pattern: string, name: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`.replace(/^\\([A-Za-z0-9])$/, '$1');
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return false; // Go: ErrBadPattern, no match
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`).test(name);
  } catch {
    return false;
  }
}

/** Objects kept by `--show-only` (in pattern order, as helm) and `--no-hooks`. */
export function selectObjects(args: TemplateArgs, objects: TemplateObject[]): TemplateObject[] {
  const kept = args.noHooks ? objects.filter((o) => !hookOf(o.manifest)) : objects;
  if (args.showOnly.length === 0) return kept;
  const out: TemplateObject[] = [];
  for (const pattern of args.showOnly) {
    const f = pattern.replace(/\\/g, '/');
    const matched = kept.filter((o) => matchTemplate(f, o.template));
    if (matched.length === 0) throw new ShowOnlyError(pattern);
    out.push(...matched);
  }
  return out;
}

function hookOf(manifest: Record<string, unknown>): boolean {
  const annotations = (manifest.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations;
  return annotations !== undefined && Object.prototype.hasOwnProperty.call(annotations, 'helm.sh/hook');
}

/** The objects as multi-document YAML (the output of the command), byte for byte what `cdk8s synth` writes. */
export function objectsToYaml(objects: readonly TemplateObject[]): string {
  return toYamlDocuments(objects.map((o) => o.manifest));
}

/** Files of `--output-dir`, as helm writes them: DIR[/RELEASE]/rstudio-pm/templates/NAME.yaml. */
export function outputFiles(args: TemplateArgs, objects: readonly TemplateObject[]): Map<string, string> {
  const base = [args.outputDir!, ...(args.releaseNameDir ? [args.release] : [])].join('/');
  const files = new Map<string, string>();
  for (const o of objects) {
    const source = `rstudio-pm/${o.template}`;
    const path = `${base}/${source}`;
    files.set(path, `${files.get(path) ?? ''}---\n# Source: ${source}\n${toYamlDocuments([o.manifest])}`);
  }
  return files;
}
