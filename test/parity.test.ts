/** Every parity case: the construct's output equals the chart's render under the contract's rules. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { PackageManagerValidationError } from '../src';
import { parityDiff, parseManifests } from './helpers/parity';
import { readYaml, synthValues } from './helpers/synth';

const DIR = join(__dirname, 'fixtures', 'parity');
const cases = readdirSync(join(DIR, 'cases'))
  .filter((f) => f.endsWith('.values.yaml'))
  .map((f) => f.replace(/\.values\.yaml$/, ''))
  .sort();

function releaseOf(name: string): string {
  const file = join(DIR, 'cases', `${name}.release`);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : 'my-release';
}

/** What each error or reject case must be refused for (the cause, in our words). */
const REFUSALS: Record<string, { path: string; cause: RegExp }> = {
  'release-too-long': { path: 'releaseName', cause: /at most 53 characters/ },
  'root-check-fatal': { path: 'config.Launcher.ServerUser', cause: /non-root.*rootCheckIsFatal/ },
  'chart-ci-ingress2': { path: 'ingress.hosts[0].paths[0].pathType', cause: /Exact.*Prefix.*ImplementationSpecific.*"Other"/ },
};

describe('parity with chart rstudio-pm 0.5.29', () => {
  it('covers all 32 cases', () => {
    expect(cases).toHaveLength(32);
  });

  const refused = cases.filter((c) => existsSync(join(DIR, 'expected', `${c}.error.txt`)) || existsSync(join(DIR, 'cases', `${c}.reject`)));
  const rendered = cases.filter((c) => !refused.includes(c));

  it.each(rendered)('%s renders the same manifests', (name) => {
    const values = readYaml(join(DIR, 'cases', `${name}.values.yaml`));
    const { objects } = synthValues(values, releaseOf(name), 'posit');
    const expected = parseManifests(readFileSync(join(DIR, 'expected', `${name}.yaml`), 'utf8'));
    expect(parityDiff(expected, objects, 'posit')).toEqual([]);
  });

  it.each(refused)('%s is refused for the same cause', (name) => {
    const refusal = REFUSALS[name];
    expect(refusal).toBeDefined();
    const values = readYaml(join(DIR, 'cases', `${name}.values.yaml`));
    let error: unknown;
    try {
      synthValues(values, releaseOf(name), 'posit');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackageManagerValidationError);
    const issue = (error as PackageManagerValidationError).issues.find((i) => i.path === refusal.path);
    expect(issue?.message).toMatch(refusal.cause);
  });
});

describe('more parity cases (fixtures/parity-extra)', () => {
  const EXTRA = join(__dirname, 'fixtures', 'parity-extra');
  const extra = readdirSync(join(EXTRA, 'cases'))
    .filter((f) => f.endsWith('.values.yaml'))
    .map((f) => f.replace(/\.values\.yaml$/, ''))
    .sort();

  it('has its cases', () => {
    expect(extra.length).toBeGreaterThanOrEqual(4);
  });

  it.each(extra)('%s renders the same manifests', (name) => {
    const { objects } = synthValues(readYaml(join(EXTRA, 'cases', `${name}.values.yaml`)), 'my-release', 'posit');
    const expected = parseManifests(readFileSync(join(EXTRA, 'expected', `${name}.yaml`), 'utf8'));
    expect(parityDiff(expected, objects, 'posit')).toEqual([]);
  });
});
