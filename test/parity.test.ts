/** Every parity case of both chart versions: the construct's output equals the chart's render under the contract's rules. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { PackageManagerValidationError, type ChartVersion } from '../src';
import { parityCases, parityDiff, parseManifests } from './helpers/parity';
import { readYaml, synthValues } from './helpers/synth';

/** What each error or reject case must be refused for (the cause, in our words). */
const REFUSALS: Record<string, { path: string; cause: RegExp }> = {
  'release-too-long': { path: 'releaseName', cause: /at most 53 characters/ },
  'root-check-fatal': { path: 'config.Launcher.ServerUser', cause: /non-root.*rootCheckIsFatal/ },
  'chart-ci-ingress2': { path: 'ingress.hosts[0].paths[0].pathType', cause: /Exact.*Prefix.*ImplementationSpecific.*"Other"/ },
  'head-lint-ingress2': { path: 'ingress.hosts[0].paths[0].pathType', cause: /Exact.*Prefix.*ImplementationSpecific.*"Other"/ },
};

/** The warnings each case gives (ids), where they are not just the sandboxing notice. */
const WARNINGS: Record<string, string[]> = {
  'chart-ci-all': ['ppm:sandboxing', 'ppm:stale-value'],
  'head-lint-all': ['ppm:sandboxing', 'ppm:stale-value'],
  'chart-ci-simple': ['ppm:sandboxing', 'ppm:stale-value', 'ppm:stale-value'],
  'head-lint-simple': ['ppm:sandboxing', 'ppm:stale-value', 'ppm:stale-value'],
  'metrics-disabled': ['ppm:servicemonitor-without-metrics', 'ppm:sandboxing'],
  pdb: ['ppm:replicas-sqlite', 'ppm:sandboxing'],
  'sandboxing-off': [],
  'service-loadbalancer': ['ppm:sandboxing', 'ppm:ignored-value'],
};

const SUITES: { version: ChartVersion; dir: string; count: number; refusals: Record<string, { path: string; cause: RegExp }> }[] = [
  { version: '0.5.29', dir: join(__dirname, 'fixtures', 'parity'), count: 32, refusals: REFUSALS },
  {
    version: '0.20.4',
    dir: join(__dirname, 'fixtures', 'parity-0.20.4'),
    count: 44,
    refusals: { ...REFUSALS, 'image-version': { path: 'image.tagPrefix', cause: /removed in chart 0\.20.*image\.os/ } },
  },
];

for (const suite of SUITES) {
  describe(`parity with chart rstudio-pm ${suite.version}`, () => {
    const cases = parityCases(suite.dir);

    it(`covers all ${suite.count} cases`, () => {
      expect(cases).toHaveLength(suite.count);
    });

    it.each(cases.filter((c) => !c.refused).map((c) => [c.name, c] as const))('%s renders the same manifests', (name, c) => {
      const { objects, pm } = synthValues(readYaml(c.valuesFile), c.release, 'posit', suite.version);
      const expected = parseManifests(readFileSync(c.expected!, 'utf8'));
      expect(parityDiff(expected, objects, 'posit')).toEqual([]);
      // ppm:no-license follows whether the case gives a license (test/validation/no-license.test.ts checks it).
      expect(pm.warnings.map((w) => w.id).filter((id) => id !== 'ppm:no-license')).toEqual(WARNINGS[name] ?? ['ppm:sandboxing']);
    });

    it.each(cases.filter((c) => c.refused).map((c) => [c.name, c] as const))('%s is refused for the same cause', (name, c) => {
      const refusal = suite.refusals[name];
      expect(refusal).toBeDefined();
      let error: unknown;
      try {
        synthValues(readYaml(c.valuesFile), c.release, 'posit', suite.version);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PackageManagerValidationError);
      const issue = (error as PackageManagerValidationError).issues.find((i) => i.path === refusal.path);
      expect(issue?.message).toMatch(refusal.cause);
    });
  });
}

describe('more parity cases (fixtures/parity-extra)', () => {
  const extra = parityCases(join(__dirname, 'fixtures', 'parity-extra'));

  it('has its cases', () => {
    expect(extra.length).toBeGreaterThanOrEqual(4);
  });

  it.each(extra.map((c) => [c.name, c] as const))('%s renders the same manifests', (_name, c) => {
    const { objects } = synthValues(readYaml(c.valuesFile), 'my-release', 'posit');
    const expected = parseManifests(readFileSync(c.expected!, 'utf8'));
    expect(parityDiff(expected, objects, 'posit')).toEqual([]);
  });
});
