/**
 * `cdk8s-ppm diff`: every public parity case's chart render against our render of the same values is nothing worse
 * than labels and checksums; hand-made chart renders show each kind of difference, each deliberate fix, and real changes;
 * the command's exit codes, text and JSON output, and errors.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { runDiff, parseDiffArgs, DiffUsageError } from '../../src/cli/diff';
import { DELIBERATE_FIXES, worstKind, type ClassifiedObject, type DiffKind } from '../../src/diff/classify';
import type { Obj } from '../../src/leaf/objects';
import { diffRelease } from '../../src/diff/release';
import { exitCodeOf, reportJson, type DiffResult } from '../../src/diff/report';
import { render } from '../../src/render';
import { valuesToProps } from '../../src/values/from-values';
import type { ChartVersion } from '../../src';
import { withoutNoLicenseLine } from '../helpers/cli-run';
import { parityCases } from '../helpers/parity';
import { fakeIO } from '../helpers/diff-io';
import { parseManifests } from '../helpers/parity';
import { readYaml } from '../helpers/synth';

const FIXTURES = join(__dirname, '..', 'fixtures');
const SUITES: [string, ChartVersion][] = [
  ['parity', '0.5.29'],
  ['parity-0.20.4', '0.20.4'],
  ['parity-extra', '0.5.29'],
];
const CASES = SUITES.flatMap(([dir, version]) =>
  parityCases(join(FIXTURES, dir))
    .filter((c) => !c.refused && c.expected && existsSync(c.expected))
    .map((c) => [`${dir}/${c.name}`, { ...c, version }] as const),
);

const RELEASE = 'rel';
const NS = 'posit';

/** Our render of values (what the chart side of a hand-made case is made from). */
function ours(values: Record<string, unknown>): Obj[] {
  const { props } = valuesToProps(values, { releaseName: RELEASE, namespace: NS });
  return render({ ...props, releaseName: RELEASE, namespace: NS }) as unknown as Obj[];
}

/** Diffs a hand-made chart render against our render of `values`. */
function diff(values: Record<string, unknown>, chart: Obj[]): DiffResult {
  return diffRelease({ chartManifests: chart, values, releaseName: RELEASE, namespace: NS });
}

const byKind = (r: DiffResult, kind: string, name?: string): ClassifiedObject => {
  const found = r.objects.find((o) => o.ref.kind === kind && (name === undefined || o.ref.name === name));
  if (!found) throw new Error(`no ${kind} in ${r.objects.map((o) => o.ref.kind).join(', ')}`);
  return found;
};
const kinds = (r: DiffResult) => Object.fromEntries(r.objects.map((o) => [`${o.ref.kind}/${o.ref.name}`, o.kind]));
const find = (list: Obj[], kind: string) => list.find((o) => o.kind === kind)!;
const container = (list: Obj[]) => find(list, 'Deployment').spec.template.spec.containers[0];

describe('every public parity case: the chart render against ours', () => {
  it('has the cases of all three suites', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(70);
  });

  it.each(CASES)('%s: nothing worse than labels, checksums and deliberate fixes; exit 0', (_name, c) => {
    const chartText = readFileSync(c.expected!, 'utf8');
    const result = diffRelease({
      chartManifests: parseManifests(chartText),
      values: readYaml(c.valuesFile),
      releaseName: c.release,
      namespace: 'posit',
      chartVersion: c.version,
    });
    const real = result.objects.filter((o) => o.kind === 'change');
    expect(real).toEqual([]);
    expect(['same', 'label', 'checksum', 'fix']).toContain(worstKind(result.objects));
    // Every object of the chart is matched (none only on one side).
    expect(result.objects.filter((o) => o.presence !== 'both')).toEqual([]);
    // The Deployment's only differences are its checksums (and the Helm labels).
    expect(['checksum', 'label']).toContain(byKind(result, 'Deployment').kind);

    const io = fakeIO({ 'chart.yaml': chartText, 'values.yaml': readFileSync(c.valuesFile, 'utf8') });
    const code = runDiff([c.release, '-n', 'posit', '--version', c.version, '-f', 'values.yaml', '--from', 'chart.yaml'], io);
    expect(io.err.join('')).not.toMatch(/Error/);
    expect(code).toBe(0);
    expect(io.out.join('')).toMatch(/\nNothing changes but labels, annotations and checksums/);
  });
});

describe('hand-made chart renders: each kind of difference', () => {
  const values = { sharedStorage: { create: true }, license: { file: { secret: 'ppm-license' } } };

  it('same: an identical render; exit 0', () => {
    const r = diff(values, ours(values));
    expect(new Set(r.objects.map((o) => o.kind))).toEqual(new Set(['same']));
    expect(exitCodeOf(r)).toBe(0);
  });

  it('label/annotation only: the Helm labels, our app.kubernetes.io labels, Helm annotations of live objects; exit 0', () => {
    const chart = ours(values);
    const svc = find(chart, 'Service');
    svc.metadata.labels['helm.sh/chart'] = 'rstudio-pm-0.5.29';
    svc.metadata.labels['app.kubernetes.io/managed-by'] = 'Helm';
    svc.metadata.annotations = { 'meta.helm.sh/release-name': RELEASE };
    delete find(chart, 'ConfigMap').metadata.labels;
    const r = diff(values, chart);
    expect(byKind(r, 'Service').kind).toBe('label');
    expect(byKind(r, 'Service').differences.map((d) => d.path.join('.'))).toEqual([
      'metadata.labels.app.kubernetes.io/managed-by',
      'metadata.labels.helm.sh/chart',
      'metadata.annotations.meta.helm.sh/release-name',
    ]);
    expect(byKind(r, 'ConfigMap').kind).toBe('label');
    expect(worstKind(r.objects)).toBe('label');
    expect(exitCodeOf(r)).toBe(0);
  });

  it('checksum only: a different checksum/config (pods roll once); exit 0', () => {
    const chart = ours(values);
    find(chart, 'Deployment').spec.template.metadata.annotations['checksum/config'] = 'a'.repeat(64);
    const r = diff(values, chart);
    expect(byKind(r, 'Deployment').kind).toBe('checksum');
    expect(worstKind(r.objects)).toBe('checksum');
    expect(exitCodeOf(r)).toBe(0);
  });

  it('real change: a field with another value, with its path and both values; exit 1 even with every fix accepted', () => {
    const chart = ours(values);
    find(chart, 'Deployment').spec.replicas = 2;
    const r = diff(values, chart);
    const d = byKind(r, 'Deployment');
    expect(d.kind).toBe('change');
    expect(d.differences).toEqual([{ path: ['spec', 'replicas'], chart: 2, ours: 1, kind: 'change', secret: false }]);
    expect(exitCodeOf(r, ['all'])).toBe(1);
  });

  it('real change: an object only the chart renders (left behind) and one only we render', () => {
    const chart = ours(values).filter((o) => o.kind !== 'Service');
    chart.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'leftover', namespace: NS }, data: { a: 'b' } });
    const r = diff(values, chart);
    expect(byKind(r, 'Service')).toMatchObject({ presence: 'ours-only', kind: 'change' });
    expect(byKind(r, 'ConfigMap', 'leftover')).toMatchObject({ presence: 'chart-only', kind: 'change' });
    // Ours first in our order, then the chart's leftovers.
    expect(r.objects[r.objects.length - 1].ref.name).toBe('leftover');
  });

  it('real change: a selector (immutable in Kubernetes) is never "label only"', () => {
    const chart = ours(values);
    find(chart, 'Deployment').spec.selector.matchLabels['app.kubernetes.io/component'] = 'server';
    const r = diff(values, chart);
    expect(byKind(r, 'Deployment').kind).toBe('change');
  });

  it('real change: items of a named list in another order', () => {
    const v = {
      pod: {
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
    };
    const chart = ours(v);
    container(chart).env.reverse();
    const d = byKind(diff(v, chart), 'Deployment');
    expect(d.kind).toBe('change');
    expect(d.differences[0].note).toBe('the items are in another order');
  });

  it('a gcfg value changed for no known reason is a real change; the same settings written differently are the same', () => {
    const v = { config: { Server: { Address: 'https://packages.example.com' } } };
    const chart = ours(v);
    const cm = find(chart, 'ConfigMap');
    cm.data['rstudio-pm.gcfg'] = cm.data['rstudio-pm.gcfg'].replace('https://packages.example.com', 'https://old.example.com');
    const d = byKind(diff(v, chart), 'ConfigMap');
    expect(d.kind).toBe('change');
    expect(d.differences).toEqual([
      expect.objectContaining({ path: ['data', 'rstudio-pm.gcfg', 'server', 'address'], chart: ['https://old.example.com'] }),
    ]);

    const reformatted = ours(v);
    const cm2 = find(reformatted, 'ConfigMap');
    cm2.data['rstudio-pm.gcfg'] =
      `; a comment\n${cm2.data['rstudio-pm.gcfg'].replace(/ = /g, '=').toLowerCase().replace('https://packages.example.com', 'https://packages.example.com')}`;
    expect(byKind(diff(v, reformatted), 'ConfigMap').kind).toBe('same');
  });

  it('secret values are never shown: Secret data, secret gcfg settings, secret-looking env values', () => {
    const v = { license: { key: 'the-real-key' }, pod: { env: [{ name: 'API_TOKEN', value: 'tok-ours' }] } };
    const chart = ours(v);
    find(chart, 'Secret').stringData = { 'rstudio-pm': 'the-old-key' };
    container(chart).env.find((e: Obj) => e.name === 'API_TOKEN').value = 'tok-chart';
    container(chart).env.find((e: Obj) => e.name === 'RSPM_LICENSE').valueFrom.secretKeyRef.key = 'old';
    const r = diff(v, chart);
    expect(byKind(r, 'Secret').kind).toBe('change');
    const io = fakeIO({});
    const text = JSON.stringify(reportJson(r)) + runReport(r);
    for (const secret of ['the-real-key', 'the-old-key', 'tok-ours', 'tok-chart']) expect(text).not.toContain(secret);
    expect(text).toContain('(hidden: a secret)');
    void io;
  });
});

/** The text report of a result. */
function runReport(r: DiffResult): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { formatReport } = require('../../src/diff/report') as typeof import('../../src/diff/report');
  return formatReport(r, { source: 'chart.yaml' });
}

describe('hand-made chart renders: each deliberate fix, named', () => {
  const fixesOf = (r: DiffResult) => [...new Set(r.objects.flatMap((o) => [o.fix, ...o.differences.map((d) => d.fix)]).filter(Boolean))];

  it('service-account-labels: the chart ignores serviceAccount.labels', () => {
    const v = { serviceAccount: { labels: { team: 'data' } } };
    const chart = ours(v);
    delete find(chart, 'ServiceAccount').metadata.labels.team;
    const r = diff(v, chart);
    expect(byKind(r, 'ServiceAccount').kind).toBe('fix');
    expect(fixesOf(r)).toEqual(['service-account-labels']);
    expect(exitCodeOf(r)).toBe(1);
    expect(exitCodeOf(r, ['service-account-labels'])).toBe(0);
    expect(exitCodeOf(r, ['all'])).toBe(0);
    expect(exitCodeOf(r, ['gcfg-escaping'])).toBe(1);
  });

  it('a ServiceAccount label the values do not give is a real change', () => {
    const chart = ours({});
    const r = diff({ serviceAccount: { labels: { team: 'data' } } }, chart);
    expect(byKind(r, 'ServiceAccount').kind).toBe('fix');
    const r2 = diff({}, ours({ serviceAccount: { labels: { team: 'data' } } }));
    expect(byKind(r2, 'ServiceAccount').kind).toBe('change');
  });

  it('command-args-lists: the chart prints a list with %v', () => {
    const v = { command: ['/bin/sh', '-c'], args: ['exec rspm', '--flag'] };
    const chart = ours(v);
    container(chart).command = ['/bin/sh -c'];
    container(chart).args = ['exec rspm --flag'];
    const r = diff(v, chart);
    expect(byKind(r, 'Deployment').kind).toBe('fix');
    expect(fixesOf(r)).toEqual(['command-args-lists']);
    // Another command than the values give is a real change.
    container(chart).command = ['/bin/bash'];
    expect(byKind(diff(v, chart), 'Deployment').kind).toBe('change');
  });

  it('gcfg-escaping: the chart writes # unescaped, so gcfg reads a comment', () => {
    const v = { config: { Server: { Address: 'https://packages.example.com/#top' } } };
    const chart = ours(v);
    const cm = find(chart, 'ConfigMap');
    cm.data['rstudio-pm.gcfg'] = cm.data['rstudio-pm.gcfg'].replace(/^Address = .*$/m, 'Address = https://packages.example.com/#top');
    const r = diff(v, chart);
    expect(byKind(r, 'ConfigMap').kind).toBe('fix');
    expect(byKind(r, 'ConfigMap').differences[0]).toMatchObject({
      path: ['data', 'rstudio-pm.gcfg', 'server', 'address'],
      chart: ['https://packages.example.com/'],
      ours: ['https://packages.example.com/#top'],
      fix: 'gcfg-escaping',
    });
  });

  it('secrets-out-of-configmap: the password leaves the ConfigMap for a Secret and an env var (never shown)', () => {
    const v = { config: { Database: { Provider: 'postgres' }, Postgres: { URL: 'postgres://ppm@db:5432/ppm', Password: 'hunter2' } } };
    const mine = ours(v);
    const chart = mine.filter((o) => !(o.kind === 'Secret' && o.metadata.name.endsWith('-config-secrets')));
    const cm = find(chart, 'ConfigMap');
    cm.data['rstudio-pm.gcfg'] = cm.data['rstudio-pm.gcfg'].replace(/^\[Postgres\]$/m, '[Postgres]\nPassword = hunter2');
    const c = container(chart);
    c.env = c.env.filter((e: Obj) => e.name !== 'PACKAGEMANAGER_POSTGRES_PASSWORD');
    if (c.env.length === 0) delete c.env;
    delete find(chart, 'Deployment').spec.template.metadata.annotations['checksum/config-secrets'];
    const r = diff(v, chart);
    expect(kinds(r)).toMatchObject({
      'Secret/rel-rstudio-pm-config-secrets': 'fix',
      'ConfigMap/rel-rstudio-pm-config': 'fix',
      'Deployment/rel-rstudio-pm': 'fix',
    });
    expect(fixesOf(r)).toEqual(['secrets-out-of-configmap']);
    const out = JSON.stringify(reportJson(r)) + runReport(r);
    expect(out).not.toContain('hunter2');
  });

  it('ports-follow-config: the chart keeps 4242 where HTTP.Listen moved the port', () => {
    const v = { config: { HTTP: { Listen: ':8080' } } };
    const chart = JSON.parse(JSON.stringify(ours(v)).replace(/("(?:containerPort|port|targetPort)":)8080/g, '$14242')) as Obj[];
    const r = diff(v, chart);
    expect(byKind(r, 'Deployment').kind).toBe('fix');
    expect(byKind(r, 'Service').kind).toBe('fix');
    expect(fixesOf(r)).toEqual(['ports-follow-config']);
    // Without HTTP.Listen in the values, the same difference is real.
    const r2 = diffRelease({ chartManifests: chart, values: {}, releaseName: RELEASE, namespace: NS });
    expect(worstKind(r2.objects)).toBe('change');
  });

  it('ports-follow-config: a bare HTTP port ("8080") is refused as Go\'s net.Listen refuses it, with the fix', () => {
    const v = { config: { HTTP: { Listen: ':8080' } } };
    const chart = JSON.parse(JSON.stringify(ours(v)).replace(/("(?:containerPort|port|targetPort)":)8080/g, '$14242')) as Obj[];
    expect(fixesOf(diff(v, chart))).toEqual(['ports-follow-config']);
    expect(() => diff({ config: { HTTP: { Listen: '8080' } } }, chart)).toThrow(/missing port in address.*write ":8080"/);
  });

  it('helm-hook-job: `helm get manifest` does not list the migration Job (a Helm hook)', () => {
    const v = { sharedStorage: { create: true } };
    const chart = ours(v).filter((o) => o.kind !== 'Job');
    const r = diff(v, chart);
    expect(byKind(r, 'Job')).toMatchObject({ presence: 'ours-only', kind: 'fix', fix: 'helm-hook-job' });
    expect(exitCodeOf(r, ['helm-hook-job'])).toBe(0);
  });

  it('every deliberate fix has a test above', () => {
    expect(Object.keys(DELIBERATE_FIXES).sort()).toEqual(
      [
        'command-args-lists',
        'gcfg-escaping',
        'helm-hook-job',
        'ports-follow-config',
        'secrets-out-of-configmap',
        'service-account-labels',
      ].sort(),
    );
  });
});

describe('cdk8s-ppm diff (runDiff)', () => {
  const values = 'sharedStorage:\n  create: true\n';
  const chartText = () => {
    const chart = ours({ sharedStorage: { create: true } });
    find(chart, 'Service').metadata.labels['helm.sh/chart'] = 'rstudio-pm-0.5.29';
    return chart.map((o) => `---\n# Source: rstudio-pm/templates/x.yaml\n${JSON.stringify(o)}\n`).join('');
  };
  const run = (args: string[], files: Record<string, string> = {}, stdin?: string) => {
    const io = fakeIO({ 'values.yaml': values, 'chart.yaml': chartText(), ...files }, stdin);
    const code = runDiff(args, io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  };

  it('prints one line per object, then the summary, and exits 0 for labels only', () => {
    const r = run([RELEASE, '-n', NS, '-f', 'values.yaml', '--from', 'chart.yaml']);
    expect(withoutNoLicenseLine(r.err)).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe("Migration report: the chart's render (chart.yaml) against cdk8s-posit-package-manager");
    expect(lines[1]).toBe('release rel, namespace posit, chart 0.5.29');
    expect(lines).toContain('same                   Deployment posit/rel-rstudio-pm (apps/v1)');
    expect(lines).toContain('label/annotation only  Service posit/rel-rstudio-pm (v1)');
    expect(lines).toContain('                         labels and annotations: -helm.sh/chart');
    expect(lines.at(-3)).toBe('6 objects: 5 same, 1 label/annotation only, 0 checksum only, 0 deliberate fix, 0 real change.');
    expect(lines.at(-2)).toBe('Nothing changes but labels, annotations and checksums (pods roll once where a checksum changed).');
  });

  it('reads the chart render from stdin with --from -', () => {
    const r = run([RELEASE, '-n', NS, '-f', 'values.yaml', '--from', '-'], {}, chartText());
    expect(r.code).toBe(0);
    expect(r.out).toContain("the chart's render (stdin)");
  });

  it('--output json: the classification of every object and difference, for tools', () => {
    const r = run([RELEASE, '-n', NS, '-f', 'values.yaml', '--from', 'chart.yaml', '-o', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      releaseName: RELEASE,
      namespace: NS,
      chartVersion: '0.5.29',
      classification: 'label',
      exitCode: 0,
      counts: { same: 5, label: 1, checksum: 0, fix: 0, change: 0 },
      fixes: {},
    });
    expect(json.objects.find((o: Obj) => o.kind === 'Service')).toEqual({
      key: 'v1 Service posit/rel-rstudio-pm',
      apiVersion: 'v1',
      kind: 'Service',
      namespace: NS,
      name: 'rel-rstudio-pm',
      presence: 'both',
      classification: 'label',
      differences: [{ path: 'metadata.labels["helm.sh/chart"]', classification: 'label', chart: 'rstudio-pm-0.5.29' }],
    });
  });

  it('exits 1 on a real change and names it; the JSON says the same', () => {
    const r = run([RELEASE, '-n', NS, '-f', 'values.yaml', '--set', 'replicas=1', '--set', 'service.port=8080', '--from', 'chart.yaml']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^REAL CHANGE\s+Service posit\/rel-rstudio-pm \(v1\)$/m);
    expect(r.out).toMatch(/spec\.ports\[rspm\]\.port: 80 → 8080$/m);
    expect(r.out).toMatch(/Real changes: review them before switching \(exit 1\)\.\n$/);
    const json = JSON.parse(
      run([RELEASE, '-n', NS, '-f', 'values.yaml', '--set', 'service.port=8080', '--from', 'chart.yaml', '-o', 'json']).out,
    );
    expect(json.exitCode).toBe(1);
    expect(json.classification).toBe('change');
  });

  it('exits 1 on a deliberate fix until it is accepted', () => {
    const files = { 'sa.yaml': 'serviceAccount:\n  labels:\n    team: data\n' };
    const args = [RELEASE, '-n', NS, '-f', 'values.yaml', '-f', 'sa.yaml', '--from', 'chart.yaml'];
    const r = run(args, files);
    expect(r.code).toBe(1);
    expect(r.out).toContain('service-account-labels: serviceAccount.labels are applied');
    expect(run([...args, '--accept-fix', 'service-account-labels'], files).code).toBe(0);
    expect(run([...args, '--accept-fix=all'], files).code).toBe(0);
  });

  it('says when no object matches: probably another release name', () => {
    const r = run(['other', '-n', NS, '-f', 'values.yaml', '--from', 'chart.yaml']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('No object of the chart render matches one of ours: is other its release name, and posit its namespace (-n)?');
  });

  it('prints the warnings of the values on stderr', () => {
    const r = run([RELEASE, '-n', NS, '-f', 'values.yaml', '--set', 'storageClaim.x=1', '--from', 'chart.yaml']);
    expect(r.code).toBe(0);
    expect(withoutNoLicenseLine(r.err)).toMatch(/^WARNING \[ppm:stale-value\] storageClaim: is ignored/);
  });

  it.each([
    [['--from', 'chart.yaml'], 'missing RELEASE'],
    [[RELEASE], 'missing --from FILE'],
    [[RELEASE, '--from', 'chart.yaml', '--frm', 'x'], 'unknown option "--frm"'],
    [[RELEASE, '--from', 'chart.yaml', '-o', 'yaml'], '--output "yaml": use text or json'],
    [[RELEASE, '--from', 'chart.yaml', '--version', '0.6.0'], '--version "0.6.0": use one of 0.5.29, 0.20.4'],
    [[RELEASE, '--from', 'chart.yaml', '--accept-fix', 'labels'], '--accept-fix "labels": use all or one of service-account-labels'],
    [[RELEASE, '--from', '-', '-f', '-'], '--from - and -f - both read stdin'],
    [[RELEASE, '--from'], '--from needs a value'],
  ])('usage error %j: exit 2', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`Error: ${message}`);
    expect(r.err).toMatch(/^Error: [^\n]* \(see 'cdk8s-ppm diff --help'\)\n$/);
  });

  it('--help prints the usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Exit status: 0 when nothing but labels');
  });

  it.each([
    ['a file that does not exist', ['--from', 'missing.yaml'], {}, '--from missing.yaml: cannot read it (ENOENT)'],
    [
      'YAML that does not parse',
      ['--from', 'bad.yaml'],
      { 'bad.yaml': 'kind: Secret\nstringData: {password: "s3cret\n' },
      '--from bad.yaml: not valid YAML',
    ],
    [
      'a document that is no object',
      ['--from', 'bad.yaml'],
      { 'bad.yaml': 'password: s3cret\n' },
      '--from bad.yaml: document 1 is not a Kubernetes object',
    ],
    ['an empty file', ['--from', 'bad.yaml'], { 'bad.yaml': '---\n' }, '--from bad.yaml: no Kubernetes object in it'],
    ['values we refuse', ['--from', 'chart.yaml', '--set', 'replicas=-1'], {}, 'cdk8s-ppm diff: 1 invalid value:\n  - replicas:'],
  ])('%s: exit 2 with the file named, never its content', (_what, args, files, message) => {
    const r = run([RELEASE, '-n', NS, ...args], files);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Error: ${message}`);
    expect(r.err).not.toContain('s3cret');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('parses every flag of the values loader and passes them on', () => {
    const args = parseDiffArgs([
      RELEASE,
      '--from=chart.yaml',
      '--namespace',
      NS,
      '--version',
      '0.20.4',
      '--values',
      'a.yaml',
      '-f',
      'b.yaml',
      '--set',
      'a=1',
      '--set-string',
      'b=2',
      '--set-file',
      'c=x.txt',
      '--set-json',
      'd={}',
      '--set-literal',
      'e=f,g',
      '--output',
      'json',
    ]);
    expect(args).toEqual({
      release: RELEASE,
      from: 'chart.yaml',
      namespace: NS,
      chartVersion: '0.20.4',
      output: 'json',
      files: ['a.yaml', 'b.yaml'],
      set: ['a=1'],
      setString: ['b=2'],
      setFile: ['c=x.txt'],
      setJson: ['d={}'],
      setLiteral: ['e=f,g'],
      accept: [],
    });
    expect(() => parseDiffArgs([RELEASE])).toThrow(DiffUsageError);
  });

  it('reads a kubectl List and compares its items', () => {
    const items = parseManifests(chartText());
    const r = run([RELEASE, '-n', NS, '-f', 'values.yaml', '--from', 'list.yaml'], {
      'list.yaml': JSON.stringify({ apiVersion: 'v1', kind: 'List', items }),
    });
    expect(r.code).toBe(0);
  });
});

describe('the classification of a whole diff', () => {
  it.each<[DiffKind[], DiffKind]>([
    [[], 'same'],
    [['same', 'label'], 'label'],
    [['checksum', 'label'], 'checksum'],
    [['fix', 'checksum'], 'fix'],
    [['change', 'fix', 'same'], 'change'],
  ])('%j → %s', (list, expected) => {
    expect(worstKind(list.map((kind) => ({ kind }) as ClassifiedObject))).toBe(expected);
  });
});
