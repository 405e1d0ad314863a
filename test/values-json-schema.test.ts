// The values JSON Schema of each chart version (schemas/, `cdk8s-ppm schema`) accepts every values file the library
// accepts (the parity cases) and refuses what it can express: types, enums, unknown keys, patterns.
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ChartVersion } from '../src';
import { main } from '../src/cli/main';
import { parityCases } from './helpers/parity';
import { readYaml } from './helpers/synth';

const ROOT = join(__dirname, '..');
const SUITES: { version: ChartVersion; dirs: string[] }[] = [
  { version: '0.5.29', dirs: ['parity', 'parity-extra'] },
  { version: '0.20.4', dirs: ['parity-0.20.4'] },
];

function validator(version: ChartVersion) {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `values-${version}.schema.json`), 'utf8'));
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  return ajv.compile(schema);
}

for (const { version, dirs } of SUITES) {
  describe(`values JSON Schema of chart ${version}`, () => {
    const validate = validator(version);
    const cases = dirs.flatMap((d) => parityCases(join(__dirname, 'fixtures', d)));

    it.each(cases.filter((c) => !c.refused).map((c) => [c.name, c.valuesFile]))('accepts the valid case %s', (_name, file) => {
      const ok = validate(readYaml(file) ?? {});
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });

    it.each<[string, unknown]>([
      ['an unknown top-level key', { replica: 2 }],
      ['an unknown nested key', { service: { typ: 'NodePort' } }],
      ['a value outside an enum', { service: { type: 'Ingress' } }],
      ['a string for a boolean', { ingress: { enabled: 'yes' } }],
      ['a map for a number', { replicas: { count: 2 } }],
      ['a port out of range', { service: { port: 70000 } }],
      ['a name that is not DNS-1123', { sharedStorage: { name: 'My_Claim' } }],
      ['a label key that is not qualified', { pod: { labels: { 'bad key': 'x' } } }],
      ['a quantity that is not one', { resources: { limits: { memory: 'lots' } } }],
      ['null for a map the chart dereferences', { service: null }],
      ['a word for a gcfg number', { config: { Git: { BuildRetries: 'five' } } }],
      ['a number for a gcfg text', { config: { Server: { AccessLog: true } } }],
    ])('refuses %s', (_what, values) => {
      expect(validate(values)).toBe(false);
    });

    it.each<[string, unknown]>([
      ['null to remove a default', { pod: { terminationGracePeriodSeconds: null }, strategy: { rollingUpdate: { maxSurge: null } } }],
      ['false for a map the chart tests with if', { sharedStorage: { annotations: false }, affinity: false, tolerations: '' }],
      ['numbers for values used as text', { image: { tag: 2024.04 }, license: { server: 8080 } }],
      ['a numeric string for a value printed as YAML', { replicas: '2', service: { port: '80' } }],
      ['command given as YAML text', { command: '["sleep", "1000"]' }],
      ['gcfg spellings', { config: { Git: { BuildRetries: '5' }, Server: { RVersion: '/opt/R' }, Metrics: { Enabled: 'true' } } }],
      ['a gcfg section or key this library does not type', { config: { Nope: { A: 1 }, Server: { Nope: 1 } } }],
      ['a stale key of older charts', { storageClaim: { enabled: true }, image: { pullPolicy: 'Always' } }],
    ])('accepts %s', (_what, values) => {
      validate(values);
      expect(validate.errors ?? []).toEqual([]);
    });

    it("accepts the chart's own values.yaml", () => {
      validate(readYaml(join(__dirname, 'fixtures', 'chart-values', version, 'values.yaml')));
      expect(validate.errors ?? []).toEqual([]);
    });

    it('refuses the refused parity cases whose cause it can express; the others need more than one value, or the release', () => {
      const refused = cases.filter((c) => c.refused).map((c) => [c.name, !validate(readYaml(c.valuesFile) ?? {})]);
      const expected: Record<ChartVersion, Record<string, boolean>> = {
        '0.5.29': { 'chart-ci-ingress2': true, 'release-too-long': false, 'root-check-fatal': false },
        '0.20.4': {
          'chart-ci-ingress2': true,
          'head-lint-ingress2': true,
          'image-version': true,
          'release-too-long': false,
          'root-check-fatal': false,
        },
      };
      expect(Object.fromEntries(refused)).toEqual(expected[version]);
    });

    it('gives the chart version its own defaults', () => {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `values-${version}.schema.json`), 'utf8'));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.properties.image.properties.repository.default).toBe(
        version === '0.5.29' ? 'rstudio/rstudio-package-manager' : 'posit/package-manager',
      );
    });
  });
}

function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('cdk8s-ppm schema', () => {
  it.each([
    [['schema'], '0.5.29'],
    [['schema', '--version', '0.20.4'], '0.20.4'],
    [['schema', '--version=0.5.29'], '0.5.29'],
  ])('%j prints the values JSON Schema of chart %s', (argv, version) => {
    const committed = readFileSync(join(ROOT, 'schemas', `values-${version}.schema.json`), 'utf8');
    expect(cli(argv)).toEqual({ code: 0, stdout: committed, stderr: '' });
  });

  it.each([
    [['schema', '--version', '0.3.0'], /chart version "0.3.0" is not supported: use one of "0.5.29", "0.20.4"/],
    [['schema', '--version'], /flag --version needs a chart version/],
    [['schema', 'values.yaml'], /unexpected argument "values.yaml"/],
  ])('%j is a usage error (exit 2)', (argv, message) => {
    const r = cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/see 'cdk8s-ppm schema --help'/);
  });

  it('ships the schemas in the package', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).files).toContain('schemas/');
  });
});
