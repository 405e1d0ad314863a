/**
 * Package Manager as a subchart of an umbrella chart (`--subchart`, `{ subchart }`): the values real helm 3.16.4
 * hands the subchart (recorded from test/fixtures/umbrella/chart by scripts/helm-values/record-umbrella.ts), the
 * manifests rendered from them, and `diff --subchart` against the whole umbrella's render.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';
import { App, Chart, Testing } from 'cdk8s';
import { PackageManager } from '../../src';
import { chartRecord } from '../../src/chart-versions';
import { main } from '../../src/cli/main';
import { isSubchartSource, splitDocuments } from '../../src/cli/diff-subchart';
import { coalesceValues } from '../../src/values/coalesce';
import { loadValues } from '../../src/values/load';
import { parseYamlDocuments } from '../../src/values/yaml';
import { renderValues } from '../../src/values/render-values';
import { UMBRELLA_CASES } from '../../scripts/helm-values/umbrella-cases';

const FIXTURE = join(__dirname, '..', 'fixtures', 'umbrella');
const UMBRELLA_VALUES = readFileSync(join(FIXTURE, 'chart', 'values.yaml'), 'utf8');
const HELM_RENDER = readFileSync(join(FIXTURE, 'render.yaml'), 'utf8');

interface Dump {
  readonly chartName: string;
  readonly values: Record<string, unknown>;
}
const recorded = JSON.parse(readFileSync(join(FIXTURE, 'recorded.json'), 'utf8')) as {
  cases: { name: string; files: string[]; set: string[]; helm: Record<string, Dump | null> }[];
};

/** The files of a case: the umbrella's own values.yaml first, as the docs tell users to give it. */
function caseFiles(c: { files: string[] }): Record<string, string> {
  return Object.fromEntries([UMBRELLA_VALUES, ...c.files].map((text, i) => [`values-${i}.yaml`, text]));
}

function cli(args: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return files[path];
    },
    env: {},
  });
  return { code, stdout, stderr };
}

const valueFlags = (c: { files: string[]; set: string[] }) => [
  ...Object.keys(caseFiles(c)).flatMap((f) => ['-f', f]),
  ...c.set.flatMap((s) => ['--set', s]),
];

const chartValues = chartRecord('0.5.29').values as Record<string, unknown>;

describe('the values helm 3.16.4 gives a subchart', () => {
  it('were recorded for the cases of scripts/helm-values/umbrella-cases.ts (else run record-umbrella.ts)', () => {
    expect(recorded.cases.map(({ name, files, set }) => ({ name, files, set }))).toEqual(UMBRELLA_CASES);
    expect(UMBRELLA_CASES.length).toBeGreaterThanOrEqual(6);
  });
  for (const c of recorded.cases) {
    for (const [key, helm] of Object.entries(c.helm)) {
      const ours = () =>
        loadValues({ files: Object.entries(caseFiles(c)).map(([name, content]) => ({ name, content })), set: c.set, subchart: key });
      if (helm === null) {
        it(`${c.name}: ${key} is not rendered by helm, and refused by ours with the reason`, () => {
          expect(ours).toThrow(`${key}.enabled: is false: an umbrella whose dependency has "condition: ${key}.enabled" renders nothing`);
        });
        continue;
      }
      it(`${c.name}: ${key} gets helm's .Values`, () => {
        const got = coalesceValues(chartValues, ours());
        // `enabled` is the umbrella's condition: helm leaves it in the subchart's values, the chart never reads it.
        const { enabled, ...expected } = helm.values;
        expect(enabled === undefined || enabled === true).toBe(true);
        // Under an alias helm names the chart after it (`.Chart.Name`), which the chart's names default to.
        if (helm.chartName !== 'rstudio-pm') expected.nameOverride = helm.chartName;
        expect(got).toEqual(expected);
      });
    }
  }
});

describe('cdk8s-ppm template --subchart', () => {
  const rendering = recorded.cases.flatMap((c) =>
    Object.entries(c.helm)
      .filter((e): e is [string, Dump] => e[1] !== null)
      .map(([key, helm]) => ({ c, key, helm })),
  );
  it.each(rendering.map((r) => [`${r.c.name}: ${r.key}`, r]))(
    "%s renders what the plain path renders for helm's values",
    (_n, { c, key, helm }) => {
      const umbrella = cli(['template', 'rel', '-n', 'posit', '--subchart', key, ...valueFlags(c)], caseFiles(c));
      // helm's .Values for the subchart, given as Package Manager's own values (no umbrella).
      const { enabled: _enabled, global: _global, ...plain } = helm.values;
      if (helm.chartName !== 'rstudio-pm') plain.nameOverride = helm.chartName;
      const direct = cli(['template', 'rel', '-n', 'posit', '-f', 'plain.yaml'], { 'plain.yaml': JSON.stringify(plain) });
      expect(direct.code).toBe(0);
      expect(umbrella.stdout).toBe(direct.stdout);
      expect(umbrella.code).toBe(0);
    },
  );

  it('names the objects after the alias, as helm names the subchart', () => {
    const c = recorded.cases.find((x) => x.helm.ppm)!;
    const r = cli(['template', 'rel', '-n', 'posit', '--subchart', 'ppm', ...valueFlags(c)], caseFiles(c));
    const names = (parseYamlDocuments(r.stdout) as { kind: string; metadata: { name: string } }[]).map(
      (o) => `${o.kind}/${o.metadata.name}`,
    );
    expect(names).toEqual(expect.arrayContaining(['Deployment/rel-ppm', 'Service/rel-ppm', 'ConfigMap/rel-ppm-config']));
  });

  it('lint --subchart checks the subchart values: silent on good ones, the path of a bad one', () => {
    const c = recorded.cases[0];
    expect(cli(['lint', '--subchart', 'rstudio-pm', ...valueFlags(c)], caseFiles(c))).toEqual({ code: 0, stdout: '', stderr: '' });
    const bad = cli(['lint', '--subchart', 'rstudio-pm', ...valueFlags(c), '--set', 'rstudio-pm.service.type=Nodeport'], caseFiles(c));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^service\.type: /);
  });

  it('says which key is missing, and which subchart maps there are', () => {
    const c = recorded.cases[0];
    const r = cli(['template', 'rel', '--subchart', 'pm', ...valueFlags(c)], caseFiles(c));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--subchart pm: the values have no key pm: (their subchart maps: rstudio-pm, ppm, postgres)');
  });
});

describe('an umbrella values file without --subchart', () => {
  it('is refused with one line that names the flag, not the 47 known keys', () => {
    const c = recorded.cases[0];
    const r = cli(['template', 'rel', ...valueFlags(c)], caseFiles(c));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rstudio-pm: unknown key: these look like an umbrella chart');
    expect(r.stderr).toContain('--subchart rstudio-pm');
    expect(r.stderr).not.toContain('known keys here');
  });

  it('global: beside maps the chart does not have suggests --subchart with their names', () => {
    const r = cli(['lint', '-f', 'v.yaml'], { 'v.yaml': 'global:\n  a: 1\nppm:\n  replicas: 1\nservice:\n  type: NodePort\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ppm: unknown key: these look like an umbrella chart');
    expect(r.stdout).toContain('--subchart ppm');
  });

  it('fromValues says the same, and takes { subchart }', () => {
    const umbrella = { global: { a: 1 }, 'rstudio-pm': { service: { type: 'NodePort' } }, postgres: { size: '1Gi' } };
    expect(() => PackageManager.fromValues(Testing.chart(), 'pm', umbrella)).toThrow("{ subchart: 'rstudio-pm' }");
    const chart = new Chart(new App(), 'c', { namespace: 'posit' });
    const pm = PackageManager.fromValues(chart, 'rel', umbrella, { subchart: 'rstudio-pm' });
    expect(pm.fullName).toBe('rel-rstudio-pm');
    const service = Testing.synth(chart).find((o) => o.kind === 'Service');
    expect(service.spec.type).toBe('NodePort');
    // The same objects as the values loader and the pure renderer give.
    const rendered = renderValues(loadValues({ texts: [JSON.stringify(umbrella)], subchart: 'rstudio-pm' }), {
      releaseName: 'rel',
      namespace: 'posit',
    });
    expect(Testing.synth(chart).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      rendered.objects.map((o) => `${o.manifest.kind}/${(o.manifest.metadata as { name: string }).name}`),
    );
  });

  it("templates in extraObjects see the umbrella's globals, as helm's tpl in the subchart does", () => {
    const extra = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  registry: {{ .Values.global.registry }}\n';
    const umbrella = { global: { registry: 'r.example' }, 'rstudio-pm': { extraObjects: [extra] } };
    const { objects } = renderValues(umbrella, { releaseName: 'rel', subchart: 'rstudio-pm' });
    expect(objects.find((o) => (o.manifest.metadata as { name: string }).name === 'x')?.manifest.data).toEqual({ registry: 'r.example' });
  });

  it('a plain values file with global: and no subchart maps is read as before', () => {
    expect(cli(['lint', '-f', 'v.yaml'], { 'v.yaml': 'global:\n  a: 1\nservice:\n  type: NodePort\n' }).code).toBe(0);
  });
});

describe('cdk8s-ppm diff --subchart against the whole umbrella render', () => {
  const c = recorded.cases[0];
  const files = caseFiles(c);
  /** The files `--output-dir` wrote (captured by the fake writeFile), as the umbrella's render names them. */
  const written = () => outputs.map((text) => text.replace(/^# Source: rstudio-pm\//gm, '# Source: umbrella/charts/rstudio-pm/'));
  let outputs: string[] = [];
  const run = (args: string[], from: string) => {
    let stdout = '';
    let stderr = '';
    const code = main(args, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      readFile: (path) => (path === 'umbrella.yaml' ? from : files[path]),
      writeFile: (_path, text) => outputs.push(text),
      env: {},
    });
    return { code, stdout, stderr };
  };
  beforeEach(() => {
    outputs = [];
  });
  /** helm's render of the umbrella, with our render of the subchart in place of the fixture's dump. */
  function renderWithOurs(extra: string[] = []): string {
    const r = run(['template', 'rel', '-n', 'posit', '--subchart', 'rstudio-pm', '--output-dir', 'out', ...valueFlags(c), ...extra], '');
    expect(r.code).toBe(0);
    const others = splitDocuments(HELM_RENDER).filter((d) => d.source !== undefined && !isSubchartSource(d.source, 'rstudio-pm'));
    expect(others.map((d) => d.source).sort()).toEqual([
      'umbrella/charts/postgres/templates/statefulset.yaml',
      'umbrella/charts/postgres/templates/statefulset.yaml',
      'umbrella/templates/configmap.yaml',
    ]);
    return [...others.map((d) => `---\n${d.text}`), ...written()].join('\n');
  }

  it('exits 0 when the subchart objects match, and says how many others it left out', () => {
    const render = renderWithOurs();
    expect(render).toContain('# Source: umbrella/charts/rstudio-pm/templates/deployment.yaml');
    const r = run(['diff', 'rel', '-n', 'posit', '--subchart', 'rstudio-pm', ...valueFlags(c), '--from', 'umbrella.yaml'], render);
    expect(r.stderr).toContain(
      '--subchart rstudio-pm: compared the 4 objects of charts/rstudio-pm/templates/; left out 3 of other charts (umbrella, umbrella/charts/postgres)',
    );
    expect(r.code).toBe(0);
    const json = run(
      ['diff', 'rel', '-n', 'posit', '--subchart', 'rstudio-pm', ...valueFlags(c), '--from', 'umbrella.yaml', '-o', 'json'],
      render,
    );
    expect(JSON.parse(json.stdout).subchart).toEqual({
      name: 'rstudio-pm',
      compared: 4,
      leftOut: 3,
      others: ['umbrella', 'umbrella/charts/postgres'],
    });
  });

  it('finds a real change in the subchart objects (exit 1)', () => {
    const render = renderWithOurs(['--set', 'rstudio-pm.service.port=8080']);
    const r = run(['diff', 'rel', '-n', 'posit', '--subchart', 'rstudio-pm', ...valueFlags(c), '--from', 'umbrella.yaml'], render);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('spec.ports[rspm].port: 8080 → 80');
  });

  it("without --subchart, counts the other charts' objects as changes", () => {
    const r = run(['diff', 'rel', '-n', 'posit', '--set', 'service.type=NodePort', '--from', 'umbrella.yaml'], renderWithOurs());
    expect(r.code).toBe(1);
  });

  it('under an alias: the chart version from the ALIAS-VERSION labels helm writes, which are a label difference only', () => {
    const alias = recorded.cases.find((x) => x.helm.ppm)!;
    const aliasFiles = caseFiles(alias);
    let wrote: string[] = [];
    const io = (from: string) => ({
      stdout: () => undefined,
      stderr: () => undefined,
      readFile: (path: string) => (path === 'umbrella.yaml' ? from : aliasFiles[path]),
      writeFile: (_path: string, text: string) => wrote.push(text),
      env: {},
    });
    const flags = ['-n', 'posit', '--subchart', 'ppm', ...valueFlags(alias)];
    expect(main(['template', 'rel', '--version', '0.20.4', '--output-dir', 'out', ...flags], io(''))).toBe(0);
    // helm labels a subchart's objects with its alias: helm.sh/chart: ppm-0.20.4 (ours has no helm.sh/chart label).
    const render = splitDocuments(wrote.join(''))
      .filter((d) => d.source !== undefined)
      .map((d) => {
        const o = parseYamlDocuments(d.text)[0] as { metadata: { labels?: Record<string, string> } };
        o.metadata.labels = { ...o.metadata.labels, 'helm.sh/chart': 'ppm-0.20.4' };
        return `---\n# Source: ${d.source!.replace(/^rstudio-pm\//, 'umbrella/charts/ppm/')}\n${stringify(o)}`;
      })
      .join('');
    expect(render).toContain('helm.sh/chart: ppm-0.20.4');
    wrote = [];
    let stdout = '';
    let stderr = '';
    const code = main(['diff', 'rel', ...flags, '--from', 'umbrella.yaml'], {
      ...io(render),
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    expect(stderr).toContain("chart version 0.20.4, read from the render's helm.sh/chart labels");
    expect(stdout).toMatch(/label\/annotation only +Deployment posit\/rel-ppm/);
    expect(code).toBe(0);
  });

  it('exits 2 when no object comes from the subchart, or the render has no # Source: comments', () => {
    const wrong = run(['diff', 'rel', '--subchart', 'ppm', ...valueFlags(c), '--from', 'umbrella.yaml'], renderWithOurs());
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'no document comes from charts/ppm/templates/ (its charts: umbrella, umbrella/charts/postgres, umbrella/charts/rstudio-pm)',
    );
    const bare = run(
      ['diff', 'rel', '--subchart', 'rstudio-pm', ...valueFlags(c), '--from', 'umbrella.yaml'],
      renderWithOurs().replace(/^# Source: .*$/gm, ''),
    );
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('no document has a "# Source:" comment');
  });
});

describe('splitDocuments', () => {
  it('splits at document markers only, keeping each # Source:', () => {
    const text = '---\n# Source: a/templates/x.yaml\nkind: A\ndata:\n  s: |\n    --- not a marker\n--- # a comment\nkind: B\n';
    expect(splitDocuments(text)).toEqual([
      { text: '' },
      { source: 'a/templates/x.yaml', text: '# Source: a/templates/x.yaml\nkind: A\ndata:\n  s: |\n    --- not a marker' },
      { text: 'kind: B\n' },
    ]);
  });
  it('tells a subchart template from a nested chart or another chart', () => {
    expect(isSubchartSource('u/charts/rstudio-pm/templates/deployment.yaml', 'rstudio-pm')).toBe(true);
    expect(isSubchartSource('charts/rstudio-pm/templates/deployment.yaml', 'rstudio-pm')).toBe(true);
    expect(isSubchartSource('u/charts/rstudio-pm/charts/lib/templates/x.yaml', 'rstudio-pm')).toBe(false);
    expect(isSubchartSource('u/charts/rstudio-pm-2/templates/x.yaml', 'rstudio-pm')).toBe(false);
    expect(isSubchartSource('rstudio-pm/templates/x.yaml', 'rstudio-pm')).toBe(false);
  });
});
