/**
 * Where a secret may leak, and a check that it does not: everything an entry
 * point shows (the thrown error's message and issues, warnings, anything
 * printed on stdout/stderr or the console) and the places of its manifests
 * that are not Secrets' data (ConfigMaps, annotations and labels, also of pod
 * templates).
 *
 * An entry point is a function that takes the input and returns what it
 * rendered. `ENTRY_POINTS` has those of the library (typed props, a values
 * file through `fromValues`); the command line (`--set`, `-f`) is added the
 * same way: a function that runs it and returns its output (see
 * `EntryPoint`), whose printed text `collectOutputs` captures.
 */
import { App, Chart } from 'cdk8s';
import { stringify } from 'yaml';
import { PackageManager, PackageManagerValidationError } from '../../src';
import type { PackageManagerProps } from '../../src';
import { main } from '../../src/cli/main';
import { render } from '../../src/render';
import { valuesToProps } from '../../src/values/from-values';
import { parseManifests } from './parity';

type Obj = Record<string, any>;

/** What an entry point gave back: manifests and warnings (when it rendered). */
export interface EntryResult {
  readonly objects?: readonly Obj[];
  readonly warnings?: readonly { readonly path: string; readonly message: string }[];
}

/** Runs one way in: input → what it rendered (or throws). */
export type EntryPoint = (input: unknown) => EntryResult | void;

function synth(make: (chart: Chart) => PackageManager): EntryResult {
  const chart = new Chart(new App({ outdir: '/dev/null' }), 'leaks', { disableResourceNameHashes: true });
  const pm = make(chart);
  return { objects: chart.toJson(), warnings: pm.warnings };
}

/**
 * `cdk8s-ppm template` in process: its stdout and stderr go to the process streams (which `collectOutputs`
 * captures); a failure is thrown as what it printed, a validation error when the exit code says so.
 */
function cli(argv: (files: Record<string, string>) => string[], files: (input: unknown) => Record<string, string>): EntryPoint {
  return (input) => {
    const fs = files(input);
    let out = '';
    const code = main(argv(fs), {
      stdout: (t) => void (out += t),
      stderr: (t) => void process.stderr.write(t),
      readFile: (path) => {
        if (!(path in fs)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
        return fs[path];
      },
    });
    // What a failing run printed on stdout (lint's problems) is checked like the rest.
    if (code !== 0) process.stdout.write(out);
    if (code === 1) throw new PackageManagerValidationError([{ path: '', message: 'cdk8s-ppm exited 1' }], 'cdk8s-ppm');
    if (code !== 0) throw new Error(`cdk8s-ppm exited ${code}`);
    return { objects: parseManifests(out) };
  };
}

const valuesText = (input: unknown) => stringify(input ?? {});

/** A stand-in for the chart's render when ours fails: one object of ours, with other values. */
const MINIMAL_CHART_RENDER: Obj[] = [
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'leaks-rstudio-pm', namespace: 'ns', labels: { a: 'b' } } },
];

/** Every string of an object changed (but what names it): a chart render where every value of ours differs. */
function changed(v: unknown, key?: string): unknown {
  if (typeof v === 'string') return ['name', 'namespace', 'apiVersion', 'kind'].includes(key ?? '') ? v : `${v}-old`;
  if (Array.isArray(v)) return v.map((x) => changed(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, changed(x, k)]));
  return v;
}

/** What `cdk8s-ppm diff --from` is given: our render of the input with every value changed (or a stand-in when it fails). */
function chartRenderOf(input: unknown): string {
  let objects: Obj[];
  try {
    const { props } = valuesToProps(input, { releaseName: 'leaks', namespace: 'ns' });
    objects = render({ ...props, releaseName: 'leaks', namespace: 'ns' }) as unknown as Obj[];
  } catch {
    objects = MINIMAL_CHART_RENDER;
  }
  return objects.map((o) => stringify(changed(JSON.parse(JSON.stringify(o))))).join('---\n');
}

/**
 * `cdk8s-ppm diff` (text or JSON) in process: everything goes to the process streams (which `collectOutputs`
 * captures); exit 2 (the diff cannot be made) is thrown as a validation error.
 */
function diffCli(output: 'text' | 'json'): EntryPoint {
  return (input) => {
    const fs: Record<string, string> = { 'values.yaml': valuesText(input), 'chart.yaml': chartRenderOf(input) };
    const code = main(['diff', 'leaks', '-n', 'ns', '-f', 'values.yaml', '--from', 'chart.yaml', '-o', output], {
      stdout: (t) => void process.stdout.write(t),
      stderr: (t) => void process.stderr.write(t),
      readFile: (path) => {
        if (!(path in fs)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
        return fs[path];
      },
    });
    if (code === 2) throw new PackageManagerValidationError([{ path: '', message: 'cdk8s-ppm diff exited 2' }], 'cdk8s-ppm');
    return {};
  };
}

/** The ways in of the library, and of the command line. */
export const ENTRY_POINTS: Record<string, EntryPoint> = {
  'typed props': (input) => synth((chart) => new PackageManager(chart, 'leaks', input as PackageManagerProps)),
  'values file (fromValues)': (input) => synth((chart) => PackageManager.fromValues(chart, 'leaks', input, { namespace: 'ns' })),
  'cdk8s-ppm -f': cli(
    () => ['template', 'leaks', '-n', 'ns', '-f', 'values.yaml'],
    (input) => ({ 'values.yaml': valuesText(input) }),
  ),
  'cdk8s-ppm -f (broken YAML after the values)': cli(
    () => ['template', 'leaks', '-f', 'values.yaml'],
    (input) => ({ 'values.yaml': `${valuesText(input)}\n  broken: [\n\t- x` }),
  ),
  'cdk8s-ppm lint -f': cli(
    () => ['lint', '-f', 'values.yaml'],
    (input) => ({ 'values.yaml': valuesText(input) }),
  ),
  'cdk8s-ppm diff -f (text)': diffCli('text'),
  'cdk8s-ppm diff -f (json)': diffCli('json'),
  'cdk8s-ppm --set-json': cli(
    (fs) => ['template', 'leaks', ...Object.keys(fs).flatMap((k) => ['--set-json', `${k}=${fs[k]}`])],
    (input) =>
      Object.fromEntries(
        Object.entries((input ?? {}) as Record<string, unknown>).map(([k, v]) => [k.replace(/[.,=[\]\\]/g, '_'), JSON.stringify(v)]),
      ),
  ),
};

/** Everything one run showed, as text, by where it showed it. */
export interface Outputs {
  /** `where` → the text shown there. */
  readonly texts: readonly { readonly where: string; readonly text: string }[];
  /** Whether the entry point threw (a PackageManagerValidationError, or anything else: a crash). */
  readonly threw?: 'validation' | 'crash';
}

/** Runs an entry point and collects what it showed: error, warnings, printed text, ConfigMaps, annotations, labels. */
export function collectOutputs(entry: EntryPoint, input: unknown): Outputs {
  const printed: string[] = [];
  const capture = (where: string) => (chunk: unknown) => {
    printed.push(`${where}: ${String(chunk)}`);
    return true;
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(capture('stdout') as never),
    jest.spyOn(process.stderr, 'write').mockImplementation(capture('stderr') as never),
    ...(['log', 'warn', 'error', 'info'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void printed.push(`console.${m}: ${args.map(String).join(' ')}`)),
    ),
  ];
  const texts: { where: string; text: string }[] = [];
  let threw: Outputs['threw'];
  try {
    const result = entry(input) ?? {};
    for (const w of result.warnings ?? []) texts.push({ where: `warning ${w.path}`, text: `${w.path} ${w.message}` });
    for (const o of result.objects ?? []) {
      const id = `${o.kind}/${o.metadata?.name}`;
      if (o.kind === 'ConfigMap') texts.push({ where: `${id} data`, text: JSON.stringify([o.data, o.binaryData]) });
      const metas = [o.metadata, o.spec?.template?.metadata, o.spec?.jobTemplate?.spec?.template?.metadata];
      metas.forEach((m, i) => {
        if (m) texts.push({ where: `${id} annotations/labels${i ? ' (template)' : ''}`, text: JSON.stringify([m.annotations, m.labels]) });
      });
    }
  } catch (e) {
    threw = PackageManagerValidationError.isPackageManagerValidationError(e) ? 'validation' : 'crash';
    const issues = threw === 'validation' ? JSON.stringify((e as PackageManagerValidationError).issues) : '';
    texts.push({ where: 'thrown error', text: `${(e as Error)?.message ?? String(e)}\n${(e as Error)?.stack ?? ''}\n${issues}` });
  } finally {
    for (const s of spies) s.mockRestore();
  }
  for (const p of printed) texts.push({ where: 'printed', text: p });
  return { texts, threw };
}

/** Where the secrets appear in the outputs (as given, or JSON-escaped): empty when nowhere. */
export function leaksOf(outputs: Outputs, secrets: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of secrets) {
    const forms = [s, JSON.stringify(s).slice(1, -1)];
    for (const t of outputs.texts) if (forms.some((f) => t.text.includes(f))) out.push(`${JSON.stringify(s)} in ${t.where}`);
  }
  return out;
}

/** Runs an entry point and fails when a secret shows anywhere, or when it crashed (an error other than a validation error). */
export function expectNoSecretLeaks(entry: EntryPoint, input: unknown, secrets: readonly string[]): Outputs {
  const outputs = collectOutputs(entry, input);
  expect({ leaks: leaksOf(outputs, secrets), crashed: outputs.threw === 'crash' }).toEqual({ leaks: [], crashed: false });
  return outputs;
}
