/** `cdk8s-ppm lint`: every rule on a values file, each problem with its path (exit 1), or nothing (exit 0). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main';
import { BAD_INPUTS } from '../helpers/bad-inputs';
import { parityCases } from '../helpers/parity';

function lint(args: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = main(['lint', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return files[path];
    },
  });
  return { code, stdout, stderr };
}

const SUITES = [
  { version: '0.5.29', dir: join(__dirname, '..', 'fixtures', 'parity') },
  { version: '0.20.4', dir: join(__dirname, '..', 'fixtures', 'parity-0.20.4') },
];

describe('cdk8s-ppm lint', () => {
  for (const { version, dir } of SUITES) {
    it(`accepts every valid parity case of chart ${version}, printing nothing`, () => {
      const valid = parityCases(dir).filter((c) => !c.refused);
      expect(valid.length).toBeGreaterThan(10);
      for (const c of valid) {
        const r = lint(['-f', 'v.yaml', '--version', version], { 'v.yaml': readFileSync(c.valuesFile, 'utf8') });
        expect({ name: c.name, ...r }).toEqual({ name: c.name, code: 0, stdout: '', stderr: '' });
      }
    });
  }

  // Release and namespace are command-line arguments, not values. Four typed-props cases are fine in a values file,
  // read as Helm reads it: the YAML text "2" and "yes" are what the chart takes as a number and a boolean, a bare
  // maxSurge "50" goes to Kubernetes as given, and lint's release ("release-name") names no object like the case's.
  const FINE_IN_VALUES = ['replicas as a string', 'boolean flag as a string', 'bad maxSurge', 'extra object named like ours'];
  const VALUES_CASES = BAD_INPUTS.filter(
    ([name, props]) => !FINE_IN_VALUES.includes(name) && !['releaseName', 'namespace'].some((k) => k in (props as object)),
  );

  it('covers most bad inputs the tests know', () => {
    expect(VALUES_CASES.length).toBeGreaterThan(30);
  });

  it.each(VALUES_CASES)('refuses %s, naming the path', (_name, props, path, message) => {
    const r = lint(['-f', 'bad.yaml'], { 'bad.yaml': stringify(props) });
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.startsWith(`${path}: `));
    expect({ paths: r.stdout, line }).toEqual({ paths: expect.stringContaining(`${path}: `), line: expect.stringMatching(message) });
  });

  it('prints the first 50 problems and how many more, each path at most 200 characters', () => {
    const keys = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`k${i}`, 1]));
    const r = lint(['-f', 'many.yaml'], { 'many.yaml': stringify({ ...keys, ['x'.repeat(5000)]: 1 }) });
    const lines = r.stdout.trimEnd().split('\n');
    expect(r.code).toBe(1);
    expect(lines).toHaveLength(51);
    expect(lines.slice(0, 50).every((l) => /^k\d+: unknown key/.test(l))).toBe(true);
    expect(lines[50]).toBe('… and 71 more problems: fix these first');
    const long = lint(['-f', 'long.yaml'], { 'long.yaml': stringify({ ['x'.repeat(5000)]: 1 }) });
    expect(long.stdout).toMatch(new RegExp(`^x{200}… \\(5000 characters\\): unknown key`));
  });

  it('takes --set like template, and exits 2 on a command line it cannot run', () => {
    expect(lint(['--set', 'replicas=-1'], {})).toMatchObject({ code: 1, stdout: expect.stringMatching(/^replicas: /) });
    expect(lint(['--bogus'], {}).code).toBe(2);
  });
});
