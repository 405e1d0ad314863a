/**
 * What real helm 3.16.4 made of a fixed table of values files and --set lines
 * (recorded by scripts/helm-values/record.ts into
 * test/fixtures/helm-values/recorded.json): ours must give the same `.Values`
 * and the same coalescing warnings, or refuse where helm refused.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { coalesceValues, type CoalesceWarning } from '../../src/values/coalesce';
import { loadValues, ValuesError } from '../../src/values/load';
import type { SetFlag } from '../../src/values/strvals';
import { parseValuesYaml } from '../../src/values/yaml';

interface Recorded {
  name: string;
  chart: 'empty' | 'mini' | '0.5.29';
  files: (string | { base64: string })[];
  flags: [SetFlag, string][];
  expect: { valuesJson: string; warnings: string[] } | { error: string };
}

const FIXTURES = join(__dirname, '..', 'fixtures');
const recorded = JSON.parse(readFileSync(join(FIXTURES, 'helm-values', 'recorded.json'), 'utf8')) as {
  charts: Record<string, string>;
  setFile: Record<string, string>;
  cases: Recorded[];
};
const charts: Record<string, Record<string, unknown>> = {
  empty: parseValuesYaml(recorded.charts.empty),
  mini: parseValuesYaml(recorded.charts.mini),
  '0.5.29': parseValuesYaml(readFileSync(join(FIXTURES, 'chart-values', '0.5.29', 'values.yaml'), 'utf8')),
};

function ours(c: Recorded): { values: Record<string, unknown>; warnings: string[] } {
  const by = (flag: SetFlag) => c.flags.filter(([f]) => f === flag).map(([, e]) => e);
  const warnings: CoalesceWarning[] = [];
  const user = loadValues({
    files: c.files.map((f, i) => ({ name: `values-${i}.yaml`, content: typeof f === 'string' ? f : Buffer.from(f.base64, 'base64') })),
    set: by('--set'),
    setString: by('--set-string'),
    setJson: by('--set-json'),
    setFile: by('--set-file'),
    setLiteral: by('--set-literal'),
    readFile: (path) => {
      if (Object.prototype.hasOwnProperty.call(recorded.setFile, path)) return recorded.setFile[path];
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    },
    readStdin: () => '',
  });
  const values = coalesceValues(charts[c.chart], user, { onWarning: (w) => warnings.push(w) });
  return { values, warnings: warnings.map((w) => w.message).sort() };
}

const accepted = recorded.cases.filter((c) => 'valuesJson' in c.expect);
const refused = recorded.cases.filter((c) => 'error' in c.expect);

describe('as real helm 3.16.4 reads them', () => {
  it('has a recorded table of accepted and refused cases', () => {
    expect(accepted.length).toBeGreaterThan(150);
    expect(refused.length).toBeGreaterThan(50);
  });

  it.each(accepted.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const expected = c.expect as { valuesJson: string; warnings: string[] };
    const got = ours(c);
    // JSON.parse keeps -0; isDeepStrictEqual tells it from 0 (and, unlike jest, takes "constructor" as a plain key).
    const want = JSON.parse(expected.valuesJson);
    if (!isDeepStrictEqual(got.values, want)) expect(got.values).toEqual(want);
    expect(isDeepStrictEqual(got.values, want)).toBe(true);
    expect(got.warnings).toEqual(expected.warnings);
  });

  it.each(refused.map((c) => [c.name, c] as const))('%s is refused', (_name, c) => {
    expect(() => ours(c)).toThrow(ValuesError);
  });
});
