/** Issue 19, item 4: extraObjects are refused where the API server would refuse them (base64 data, enum values). */
import type { PackageManagerProps } from '../../src';
import { issuesOf } from '../helpers/issues';
import { synthProps } from '../helpers/synth';

const meta = { name: 'x' };
const synth = (extraObjects: unknown[]) => synthProps({ extraObjects } as unknown as PackageManagerProps);
const messages = (extraObjects: unknown[]) => issuesOf(() => synth(extraObjects)).map((i) => `${i.path}: ${i.message}`);

describe('extraObjects: what the API server refuses', () => {
  it('Secret data and ConfigMap binaryData that is not base64 (the value is not shown)', () => {
    const got = messages([
      { apiVersion: 'v1', kind: 'Secret', metadata: meta, data: { a: 'Zq8fJ2kLmN4pXw!', b: 'c2VjcmV0', c: 'YWJj\nZGVm' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' }, binaryData: { d: 'abc' } },
    ]);
    expect(got).toEqual([
      expect.stringMatching(/^extraObjects\[0\]\.data\.a: must be base64 .*stringData; got \(hidden: a secret\)$/),
      expect.stringMatching(/^extraObjects\[1\]\.binaryData\.d: must be base64/),
    ]);
    expect(got.join('\n')).not.toContain('Zq8fJ2kLmN4pXw');
  });

  it('valid base64 (padded, with line breaks) renders', () => {
    expect(() =>
      synth([{ apiVersion: 'v1', kind: 'Secret', metadata: meta, data: { b: 'c2VjcmV0', c: 'YWJj\nZGVm', e: '' } }]),
    ).not.toThrow();
  });

  it.each([
    ['a Service type', { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { type: 'Bogus' } }, 'spec.type'],
    [
      'a port protocol',
      { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { ports: [{ port: 1, protocol: 'tcp' }] } },
      'spec.ports[0].protocol',
    ],
    [
      'a Pod restartPolicy',
      { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { restartPolicy: 'Sometimes', containers: [{ name: 'c', image: 'i' }] } },
      'spec.restartPolicy',
    ],
    [
      'a Pod imagePullPolicy',
      { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { containers: [{ name: 'c', image: 'i', imagePullPolicy: 'Sometimes' }] } },
      'spec.containers[0].imagePullPolicy',
    ],
    [
      'a Deployment restartPolicy',
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta,
        spec: { selector: {}, template: { spec: { restartPolicy: 'Sometimes', containers: [{ name: 'c', image: 'i' }] } } },
      },
      'spec.template.spec.restartPolicy',
    ],
  ])('an enum value: %s', (_what, object, path) => {
    expect(messages([object])).toEqual([
      expect.stringMatching(new RegExp(`^extraObjects\\[0\\]\\.${path.replace(/[.[\]]/g, '\\$&')}: must be one of`)),
    ]);
  });

  it('a valid Pod renders', () => {
    expect(() =>
      synth([{ apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } }]),
    ).not.toThrow();
  });
});
