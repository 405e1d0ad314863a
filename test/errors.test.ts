/** One error family: everything a caller catches for bad input is a PackageManagerValidationError with its issues. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import * as root from '../src';
import { loadValues, PackageManager, PackageManagerValidationError, ValuesError } from '../src';
import { main } from '../src/cli/main';
import { closest, MAX_LISTED_ISSUES } from '../src/errors';
import { issuesOf } from './helpers/issues';

describe('the error family', () => {
  it('loadValues throws a ValuesError, which is a PackageManagerValidationError naming the file', () => {
    const read = () => loadValues({ files: ['broken.yaml'], readFile: () => 'a: [' });
    const issues = issuesOf(read);
    expect(issues).toEqual([{ path: 'broken.yaml', message: expect.stringContaining('broken.yaml') }]);
    try {
      read();
    } catch (e) {
      expect(e).toBeInstanceOf(ValuesError);
      expect(PackageManagerValidationError.isPackageManagerValidationError(e)).toBe(true);
      expect((e as Error).name).toBe('ValuesError');
    }
  });

  it('fromValues throws a PackageManagerValidationError with the path of the value', () => {
    const issues = issuesOf(() => PackageManager.fromValues(Testing.chart(), 'pm', { replicas: 'many' }));
    expect(issues.map((i) => i.path)).toEqual(['replicas']);
  });

  it('the CLI reports values errors and an unknown --show-only template alike: exit 1, the message, no stack', () => {
    const run = (argv: string[]) => {
      let err = '';
      const code = main(argv, { stdout: () => undefined, stderr: (t) => (err += t), readFile: () => 'a: [' });
      return { code, err };
    };
    expect(run(['template', 'r', '-f', 'bad.yaml'])).toEqual({ code: 1, err: expect.stringMatching(/^Error: .*bad\.yaml/) });
    expect(run(['template', 'r', '--show-only', 'templates/nope.yaml'])).toEqual({
      code: 1,
      err: 'Error: could not find template templates/nope.yaml in chart\n',
    });
  });

  it('the root entry exports no name that cdk8s-plus-28 exports too', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plus = Object.keys(require('cdk8s-plus-28') as object);
    expect(Object.keys(root).filter((n) => plus.includes(n))).toEqual([]);
    // Types leave no trace at run time: the five the library used to export under cdk8s-plus's names are renamed.
    const types = readFileSync(join(__dirname, '..', 'src', 'k8s', 'types.ts'), 'utf8');
    for (const name of ['Container', 'Probe', 'Volume', 'PodSecurityContext', 'LabelSelector'])
      expect(types).not.toMatch(new RegExp(`export type ${name}\\b`));
  });
});

describe('bounded messages', () => {
  const issues = Array.from({ length: 120 }, (_, i) => ({ path: `k${i}`, message: 'unknown key' }));

  it(`lists the first ${MAX_LISTED_ISSUES} issues and counts the rest; issues holds them all`, () => {
    const e = new PackageManagerValidationError(issues, 'values');
    const lines = e.message.split('\n');
    expect(lines[0]).toBe('values: 120 invalid values:');
    expect(lines.slice(1, -1)).toEqual(issues.slice(0, MAX_LISTED_ISSUES).map((i) => `  - ${i.path}: unknown key`));
    expect(lines.at(-1)).toBe(`  … and ${120 - MAX_LISTED_ISSUES} more (the error's issues list them all)`);
    expect(e.issues).toHaveLength(120);
  });

  it('shows a very long path by its start and its length', () => {
    const path = 'x'.repeat(100_000);
    const e = new PackageManagerValidationError([{ path, message: 'unknown key' }], 'values');
    expect(e.message).toBe(`values: 1 invalid value:\n  - ${'x'.repeat(200)}… (100000 characters): unknown key`);
  });

  it.each([
    ['replcas', 'replicas'],
    ['repilcas', 'replicas'], // a swap of neighbours is one edit
    ['SERVICE', 'service'],
    ['srvc', undefined],
    ['x'.repeat(1 << 20), undefined], // no guess for a name no known name is near: bounded work
  ])('guesses %s → %s', (name, guess) => {
    expect(closest(name, ['replicas', 'service', 'serviceAccount', 'ingress'])).toBe(guess);
  });
});
