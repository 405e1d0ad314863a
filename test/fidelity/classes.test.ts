/**
 * The classes of issue 23, generated over the chart's own values (its values.yaml, both versions): every
 * boolean the chart tests given quoted, every map given falsy, every value removed (null), nulls where the chart
 * has no default, numbers in every string setting, the values only a disabled feature reads, and templates
 * reading missing values. Each renders, or is refused for a reason the README states (the chart fails on it,
 * or it would render something Kubernetes refuses), and never with a message of a wrong type.
 */
import { CHART_RECORDS } from '../../src/chart-versions';
import { STRING_KEYS } from '../../src/config/spec';
import { traitsOf } from '../../src/traits';
import { GATED_VALUES, PRINTED_MAPS, RANGED_VALUES, REQUIRED_PRINTED } from '../../src/values/chart-reads';
import { VALUE_TRAITS, type ValueTraits } from '../../src/traits';
import { errorLines, explain } from './refusal-reasons';
import { find, template, VERSIONS } from './render';

type Values = Record<string, unknown>;
const isMap = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path of the chart's values (config sections, not their keys), with its default. */
function chartPaths(values: Values, prefix: string[] = []): { path: string[]; value: unknown }[] {
  return Object.entries(values).flatMap(([k, v]) => [
    { path: [...prefix, k], value: v },
    ...(isMap(v) && !(prefix[0] === 'config' && prefix.length === 1) ? chartPaths(v, [...prefix, k]) : []),
  ]);
}

const nest = (path: readonly string[], v: unknown): unknown => path.reduceRight<unknown>((acc, k) => ({ [k]: acc }), v);
const yaml = (v: unknown) => JSON.stringify(v);

/** The error lines of a refusal that give no reason the README or docs/errors.md states (refusal-reasons.ts). */
function undocumented(stderr: string): string[] {
  return errorLines(stderr).filter((l) => !explain(l));
}

describe.each(VERSIONS)('chart %s', (version) => {
  const chart = CHART_RECORDS[version].values as Values;
  const paths = chartPaths(chart);
  const t = (values: unknown) => template(yaml(values), version);

  it('a quoted boolean where the chart tests one is refused as Helm misreads it, or read as Helm reads it', () => {
    // (The booleans of pod.containerSecurityContext are printed, not tested: a string there is Kubernetes' refusal.)
    const booleans = paths.filter(
      (p) => typeof p.value === 'boolean' && !traitsOf(p.path.join('.')).falsyUnset && p.path[1] !== 'containerSecurityContext',
    );
    expect(booleans.length).toBeGreaterThan(8);
    for (const { path } of booleans) {
      const r = t(nest(path, path[0] === 'config' ? 'no' : 'false'));
      expect([path.join('.'), r.code]).toEqual([path.join('.'), 1]);
      expect(r.stderr).toMatch(/is the string "(false|no)".*(Helm reads (it )?as true|Helm reads any non-empty string as true)/);
    }
  });

  it('a falsy map is off where the chart tests it, or refused for a documented reason', () => {
    const maps = paths.filter((p) => isMap(p.value) && !traitsOf(p.path.join('.')).dereferenced);
    expect(maps.length).toBeGreaterThan(15);
    maps.forEach(({ path }, i) => {
      const r = t(nest(path, [false, 0, ''][i % 3]));
      if (r.code !== 0) expect([path.join('.'), undocumented(r.stderr)]).toEqual([path.join('.'), []]);
    });
  });

  it('a null removes any default: the value is unset, or the refusal says why', () => {
    // Each version takes every other path (most are in both): the two runs cover them all.
    for (const { path } of paths.filter((_, i) => i % 2 === VERSIONS.indexOf(version))) {
      const r = t(nest(path, null));
      if (r.code !== 0) expect([path.join('.'), undocumented(r.stderr)]).toEqual([path.join('.'), []]);
    }
  });

  it('nulls where the chart has no default are kept as helm keeps them: printed as no value', () => {
    for (const map of ['pod.labels', 'pod.annotations', 'service.annotations', 'nodeSelector', 'serviceAccount.annotations']) {
      const r = t(nest(map.split('.'), { team: null, keep: 'x' }));
      expect([map, r.code]).toEqual([map, 0]);
      expect(JSON.stringify(r.objects)).not.toMatch(/"team"/);
    }
    expect(t({ podDisruptionBudget: { maxUnavailable: null } }).stderr).toMatch(/podDisruptionBudget: holds only nulls/);
  });

  it('a number or boolean in any string setting is written as the chart prints it', () => {
    const free = [...STRING_KEYS].filter((k) => !['Launcher.ServerUser', 'HTTP.Listen', 'HTTPS.Listen', 'Metrics.Listen'].includes(k));
    expect(free.length).toBeGreaterThan(10);
    free.forEach((key, i) => {
      const [section, name] = key.split('.');
      const value = [12345, 1000000, 2.5e-7, true][i % 4];
      const r = t({ config: { [section]: { [name]: value } } });
      expect([key, r.stderr]).not.toEqual([key, expect.stringMatching(/must be a string/)]);
    });
    // From --set, integers are int64 for Helm, printed in full, wherever the setting lands (ConfigMap or Secret).
    free.forEach((key) => {
      const r = template('{}', version, ['--set', `config.${key}=1000000`]);
      // A setting with a format (an enum, a schedule) is refused for it, as Package Manager would not start.
      if (r.code !== 0) expect([key, undocumented(r.stderr)]).toEqual([key, []]);
      else expect([key, JSON.stringify(r.objects).includes('1e+06')]).toEqual([key, false]);
    });
    // A bare port is a Listen address only for Metrics (HTTP.Listen: 4242 is refused: Go's net.Listen needs ":4242").
    const r = t({ config: { Server: { Address: 1000000 }, Metrics: { Listen: 2112 } } });
    const gcfg: string = find(r, 'ConfigMap')!.data['rstudio-pm.gcfg'];
    expect(gcfg).toMatch(/\[Metrics\]\n(?:[^[]*\n)?Listen = 2112\n/);
    expect(gcfg).toMatch(/\[Server\]\n(?:[^[]*\n)?Address = 1e\+06\n/);
  });

  it('the values only a disabled feature reads are not checked, and a warning names each', () => {
    for (const { gate, or = [], reads } of GATED_VALUES) {
      const segs = gate.split('.');
      const parent = segs.slice(0, -1);
      const defaults = (parent.reduce<unknown>((o, k) => (isMap(o) ? o[k] : undefined), chart) ?? {}) as Values;
      const keys = (reads === '*' ? Object.keys(defaults) : reads).filter((k) => k !== segs[segs.length - 1] && !or.includes(k));
      const off = Object.fromEntries([segs[segs.length - 1], ...or].map((s) => [s, false]));
      const odd = Object.fromEntries(keys.map((k, i) => [k, [12345, true, 'x', { a: 1 }][i % 4]]));
      const r = t(nest(parent, { ...odd, ...off }));
      expect([gate, r.code]).toEqual([gate, 0]);
      for (const k of keys) expect(r.stderr).toContain(`[ppm:ignored-value] ${[...parent, k].join('.')}: is not used`);
    }
  });

  it('templates print a missing value as nothing, and fail on a field of one (as helm does)', () => {
    const missing = ['nope', 'image.nope', 'config.Nope', 'pod.nope', 'service.nope'];
    for (const p of missing) {
      const r = t({
        extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: `a{{ .Values.${p} }}b` } }],
      });
      expect(r.objects.find((o) => o.metadata.name === 'x')!.data.k).toBe('ab');
      const f = t({ pod: { containerSecurityContext: { seLinuxOptions: { user: `{{ .Values.${p}.deeper }}` } } } });
      expect(f.stderr).toMatch(/is not set, so \.deeper of it cannot be read \(Helm fails too\)/);
    }
  });
  it('a falsy scalar where the chart ranges over a value, or prints a map without testing it, is refused as Helm fails', () => {
    for (const [path, kind] of Object.entries(RANGED_VALUES)) {
      for (const v of [false, 0, '']) {
        const r = t(nest(path.split('.'), v));
        expect([path, v, errorLines(r.stderr).map((l) => explain(l)?.id)]).toEqual([path, v, ['ranged-scalar']]);
      }
      expect([path, t(nest(path.split('.'), kind === 'a map' ? {} : [])).code]).toEqual([path, 0]);
    }
    for (const [path, gate] of Object.entries(PRINTED_MAPS)) {
      const on = nest(gate.split('.'), true) as Values;
      for (const v of [false, 0, '']) {
        const segs = path.split('.');
        const r = t({ [segs[0]]: { ...(on[segs[0]] as Values), [segs[1]]: v } });
        expect([path, v, errorLines(r.stderr).map((l) => explain(l)?.id)]).toEqual([path, v, ['printed-map-scalar']]);
      }
    }
  });

  it('a value the chart prints into a field Kubernetes requires may not be removed where the chart has a default for it', () => {
    for (const path of Object.keys(REQUIRED_PRINTED)) {
      const hasDefault = path.split('.').reduce<unknown>((o, k) => (isMap(o) ? o[k] : undefined), chart) !== undefined;
      for (const v of [null, '']) {
        const r = t(nest(path.split('.'), v));
        if (hasDefault) expect([path, v, errorLines(r.stderr).map((l) => explain(l)?.id)]).toEqual([path, v, ['removed-default']]);
        else expect([path, v, r.code]).toEqual([path, v, 0]);
      }
    }
  });

  it('a Service setting of another service.type is not checked (the chart never prints it), and a warning names it', () => {
    const settings = (Object.entries(VALUE_TRAITS) as [string, ValueTraits][]).filter(([, tr]) => tr.onlyWithServiceType);
    expect(settings.length).toBe(3);
    for (const [path, tr] of settings) {
      const other = tr.onlyWithServiceType === 'ClusterIP' ? 'NodePort' : 'ClusterIP';
      for (const odd of [12345, true, 'false', { a: 1 }]) {
        const r = t({ service: { type: other, [path.slice('service.'.length)]: odd } });
        expect([path, odd, r.code]).toEqual([path, odd, 0]);
        expect(r.stderr).toContain(
          `[ppm:ignored-value] ${path}: is ignored: it applies only when service.type is ${tr.onlyWithServiceType}`,
        );
      }
    }
  });
});
