/**
 * Table of bad inputs: each must fail synthesis with PackageManagerValidationError
 * naming the prop path and the essence of the problem.
 */
import type { PackageManagerProps } from '../../src';
import { synthProps, synthValues } from '../helpers/synth';
import { issuesOf } from '../helpers/issues';
import { BAD_INPUTS as CASES } from '../helpers/bad-inputs';

describe('bad inputs are clear errors at synth time', () => {
  it('has at least 40 distinct cases', () => {
    expect(new Set(CASES.map((c) => c[0])).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s', (_name, props, path, message) => {
    const issues = issuesOf(() => synthProps(props as PackageManagerProps));
    const issue = issues.find((i) => i.path === path);
    expect({ paths: issues.map((i) => i.path), message: issue?.message }).toEqual({
      paths: expect.arrayContaining([path]),
      message: expect.stringMatching(message),
    });
  });

  it('reports every problem at once', () => {
    const issues = issuesOf(() =>
      synthProps({
        replicas: '2',
        service: { port: 0, tpye: 'x' },
        license: { file: { mountPath: 'x' } },
      } as unknown as PackageManagerProps),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['license.file.mountPath', 'replicas', 'service.port', 'service.tpye']);
  });

  it('never shows a secret value', () => {
    const issues = issuesOf(() =>
      synthProps({ rstudioPMKey: 42, awsSecretAccessKey: ['s3cr3t'], license: { key: { k: 'v' } } } as unknown as PackageManagerProps),
    );
    const text = JSON.stringify(issues);
    expect(text).not.toMatch(/s3cr3t|"v"/);
  });

  it('formats the error for people: one line per problem under a header', () => {
    try {
      synthProps({
        service: { tpye: 'NodePort' },
        license: { file: { secret: 's', mountPath: 'etc/lic' } },
      } as unknown as PackageManagerProps);
    } catch (e) {
      expect((e as Error).message).toBe(
        [
          'PackageManager test/my-release: 2 invalid values:',
          '  - license.file.mountPath: must be an absolute path (starting with "/"); got "etc/lic"',
          '  - service.tpye: unknown key; did you mean service.type?',
        ].join('\n'),
      );
    }
    expect.assertions(1);
  });

  it('goes for values files through the same schema', () => {
    const issues = issuesOf(() => synthValues({ service: { port: 'eighty' } }));
    expect(issues).toEqual([{ path: 'service.port', message: 'must be a number; got "eighty"', value: 'shown' }]);
  });
});
