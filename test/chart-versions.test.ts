/** Each chart-version record holds exactly its chart's `values.yaml` and `Chart.yaml` facts (fixtures copied from the chart). */
import { join } from 'path';
import { CHART_RECORDS, CHART_VERSIONS, PackageManagerValidationError, render } from '../src';
import { defaultsOf } from '../src/model';
import { readYaml } from './helpers/synth';

const FIXTURES = join(__dirname, 'fixtures', 'chart-values');

describe.each(CHART_VERSIONS)('chart %s', (version) => {
  const record = CHART_RECORDS[version];

  it("holds the chart's values.yaml, value for value", () => {
    expect(record.values).toStrictEqual(readYaml(join(FIXTURES, version, 'values.yaml')));
  });

  it("has the chart's version and app version", () => {
    const chart = readYaml(join(FIXTURES, version, 'Chart.yaml')) as Record<string, unknown>;
    expect([record.name, record.version, record.appVersion]).toEqual([chart.name, chart.version, String(chart.appVersion)]);
  });

  it('gives the app version to the labels and the image', () => {
    const objects = render({ chartVersion: version });
    const deployment = objects.find((o) => o.kind === 'Deployment')!;
    const service = objects.find((o) => o.kind === 'Service')!;
    expect(service.metadata.labels!['app.kubernetes.io/version']).toBe(record.appVersion);
    expect(JSON.stringify(deployment)).toContain(record.appVersion);
  });

  it('derives its props defaults from the values (a false, "" or null that means unset is absent)', () => {
    const defaults = defaultsOf(version) as Record<string, Record<string, unknown>>;
    expect(defaults.sharedStorage.storageClassName).toBeUndefined();
    expect(defaults.license).not.toHaveProperty('key');
    expect(defaults.replicas).toBe(1);
  });
});

it('an unsupported chart version is an error that lists the supported ones', () => {
  expect(() => render({ chartVersion: '0.6.0' as never })).toThrow(PackageManagerValidationError);
  expect(() => render({ chartVersion: '0.6.0' as never })).toThrow(
    /chartVersion: chart version "0.6.0" is not supported: use one of "0.5.29", "0.20.4"/,
  );
});
