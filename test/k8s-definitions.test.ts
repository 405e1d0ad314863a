/** src/k8s/definitions.json is what scripts/gen-k8s-definitions.js makes of the Kubernetes 1.28 OpenAPI fixture. */
import { readFileSync } from 'fs';
import { k8sIssueText, validateK8s, type K8sIssue } from '../src/k8s/validate';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate, TARGET } = require('../scripts/gen-k8s-definitions.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const shapes = require('../scripts/gen-k8s-types.js');

describe('Kubernetes definitions used for pass-through values', () => {
  it('are current (run `node scripts/gen-k8s-definitions.js` after changing the generator)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(generate());
  });

  it('have current TypeScript interfaces (run `node scripts/gen-k8s-types.js` after changing them)', () => {
    expect(readFileSync(shapes.TARGET, 'utf8')).toBe(shapes.generate());
  });

  it('accept valid values and report invalid ones with paths', () => {
    // The bad value travels apart from the message (`got`): the caller decides whether to show it.
    const texts = (issues: K8sIssue[]) => issues.map((i) => ({ path: i.path, message: k8sIssueText(i) }));
    expect(
      validateK8s(
        { name: 'c', image: 'busybox', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m', memory: 1 } } },
        'Container',
      ),
    ).toEqual([]);
    expect(validateK8s({ httpGet: { port: 'http' } }, 'Probe')).toEqual([]);
    expect(texts(validateK8s({ name: 'c', image: 'b', ports: [{ containerPort: '80' }] }, 'Container'))).toEqual([
      { path: ['ports', 0, 'containerPort'], message: 'must be a whole number; got string "80"' },
    ]);
    expect(texts(validateK8s({ name: 'v', emptyDir: { sizeLimit: '1GB' } }, 'Volume'))).toEqual([
      { path: ['emptyDir', 'sizeLimit'], message: 'must be a Kubernetes quantity such as "500m" or "2Gi"; got string "1GB"' },
    ]);
    expect(texts(validateK8s({ matchLabels: { a: 1 } }, 'LabelSelector'))).toEqual([
      { path: ['matchLabels', 'a'], message: 'must be a string; got number 1' },
    ]);
    expect(validateK8s({ runAsUser: 2 ** 40 }, 'SecurityContext')).toEqual([]);
    expect(texts(validateK8s('x', 'Toleration'))).toEqual([{ path: [], message: 'must be a map; got string "x"' }]);
    expect(validateK8s({ name: 'A', value: null }, 'EnvVar')).toEqual([]);
    expect(validateK8s({ name: 'A', value: 12345 }, 'EnvVar')).toEqual([
      { path: ['value'], message: 'must be a string', got: { value: 12345 } },
    ]);
  });

  it('know only own fields: "constructor" or "toString" is an unknown field, not a known one', () => {
    expect(validateK8s({ name: 'A', constructor: 'x', toString: 'y' }, 'EnvVar').map((i) => [i.path, i.message])).toEqual([
      [['constructor'], 'unknown field'],
      [['toString'], 'unknown field'],
    ]);
  });
});
