/**
 * The pure core (`render()` → `toYamlDocuments`) writes byte for byte what
 * `cdk8s synth` writes for the construct in a Chart: over every parity case of
 * both chart versions (values → props as `PackageManager.fromValues` does),
 * over the fuzz corpus, and over props full of YAML-significant strings. Both
 * refuse the same props. BYTE_IDENTITY_RUNS sets the random runs (`npm run
 * test:slow` runs 1,000 of each).
 */
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import fc from 'fast-check';
import { PackageManager, PackageManagerValidationError, render, type ChartVersion, type PackageManagerProps } from '../src';
import { valuesToProps } from '../src/values/from-values';
import { toYamlDocuments } from '../src/yaml/emit';
import { validProps } from './fuzz/arbitraries';
import { parityCases } from './helpers/parity';
import { readYaml } from './helpers/synth';

const RUNS = Number(process.env.BYTE_IDENTITY_RUNS ?? 60);

/** What `cdk8s synth` writes for the construct alone in a Chart (or the error it throws). */
function synthesized(build: (chart: Chart) => void): string {
  const app = new App({ outdir: '/dev/null' });
  build(new Chart(app, 'identity', { disableResourceNameHashes: true }));
  return app.synthYaml();
}

type Outcome = { yaml: string } | { refused: string[] };

function outcome(run: () => string): Outcome {
  try {
    return { yaml: run() };
  } catch (e) {
    if (e instanceof PackageManagerValidationError) return { refused: e.issues.map((i) => `${i.path}: ${i.message}`) };
    throw e;
  }
}

/** The construct (through cdk8s) and the core, from the same props. */
function bothFromProps(props: PackageManagerProps, id = 'identity'): [Outcome, Outcome] {
  return [
    outcome(() => synthesized((chart) => new PackageManager(chart, id, props))),
    outcome(() => toYamlDocuments(render(props, { releaseName: id }))),
  ];
}

describe('the core writes the bytes cdk8s synth writes', () => {
  const suites: [ChartVersion | undefined, string][] = [
    ['0.5.29', join(__dirname, 'fixtures', 'parity')],
    ['0.20.4', join(__dirname, 'fixtures', 'parity-0.20.4')],
    [undefined, join(__dirname, 'fixtures', 'parity-extra')],
  ];
  const cases = suites.flatMap(([chartVersion, dir]) =>
    parityCases(dir)
      .filter((c) => !c.refused)
      .map((c) => [`${chartVersion ?? 'default'} ${c.name}`, chartVersion, c] as const),
  );

  it('covers every parity case that renders', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
  });

  it.each(cases)('parity case %s', (_name, chartVersion, c) => {
    const values = readYaml(c.valuesFile);
    const identity = { releaseName: c.release, namespace: 'posit', chartVersion };
    const viaConstruct = synthesized((chart) => PackageManager.fromValues(chart, c.release, values, identity));
    const { props } = valuesToProps(values, identity);
    const viaCore = toYamlDocuments(render({ ...props, ...identity }));
    expect(viaCore).toBe(viaConstruct);
    expect(viaCore).toContain('kind: Deployment');
  });

  it(`holds for ${RUNS} props of the fuzz corpus`, () => {
    let rendered = 0;
    fc.assert(
      fc.property(validProps, (props) => {
        const [construct, core] = bothFromProps(props);
        expect(core).toEqual(construct);
        if ('yaml' in core) rendered++;
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
    expect(rendered).toBeGreaterThan(RUNS * 0.3);
  });

  /** Strings YAML treats specially: quoting, indicators, booleans and numbers of YAML 1.1, blocks, unicode. */
  const yamlString = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      ' leading',
      'trailing ',
      'a: b',
      'a #b',
      '#c',
      "'single'",
      '"double"',
      'yes',
      'No',
      'on',
      'OFF',
      'y',
      '~',
      'null',
      '0',
      '0x1F',
      '1e3',
      '.5',
      '-1',
      '012',
      '1_000',
      '2024-01-01',
      '- item',
      '? key',
      '[a]',
      '{a: 1}',
      '&anchor',
      '*alias',
      '!tag',
      '%YAML',
      '---',
      '...',
      '|',
      '>',
      '@at',
      '`tick',
      'line1\nline2',
      'line1\n',
      '\nlead',
      'tab\there',
      'ünïcödé ✓',
      '😀',
      'a\\b',
      'x'.repeat(120),
    ),
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  );
  const stringy: fc.Arbitrary<PackageManagerProps> = fc.record(
    {
      pod: fc.record(
        {
          annotations: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), yamlString, { maxKeys: 4 }),
          env: fc.array(fc.record({ name: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,6}$/), value: yamlString }), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      service: fc.record({ annotations: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), yamlString, { maxKeys: 3 }) }),
      command: fc.array(yamlString, { maxLength: 3 }),
      args: fc.array(yamlString, { maxLength: 3 }),
      nodeSelector: fc.constantFrom<Record<string, string>>({}, { disk: 'ssd' }),
      tolerations: fc.constantFrom([], [{ operator: 'Exists' as const }]),
      extraObjects: fc.array(
        fc.record({
          apiVersion: fc.constant('v1'),
          kind: fc.constant('ConfigMap'),
          metadata: fc.record({ name: fc.stringMatching(/^extra-[a-z]{1,5}$/) }),
          data: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9._-]{0,6}$/), yamlString, { maxKeys: 4 }),
        }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: [] },
  );

  it(`holds for ${RUNS} props full of YAML-significant strings`, () => {
    let rendered = 0;
    fc.assert(
      fc.property(stringy, (props) => {
        const [construct, core] = bothFromProps(props);
        expect(core).toEqual(construct);
        if ('yaml' in core) rendered++;
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
    expect(rendered).toBeGreaterThan(RUNS * 0.5);
  });
});
