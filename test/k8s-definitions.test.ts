/** src/k8s/definitions.json is what scripts/gen-k8s-definitions.js makes of the Kubernetes 1.28 OpenAPI fixture. */
import { readFileSync } from 'fs';
import { validateK8s } from '../src/k8s/validate';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate, TARGET } = require('../scripts/gen-k8s-definitions.js');

describe('Kubernetes definitions used for pass-through values', () => {
  it('are current (run `node scripts/gen-k8s-definitions.js` after changing the generator)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(generate());
  });

  it('accept valid values and report invalid ones with paths', () => {
    expect(
      validateK8s(
        { name: 'c', image: 'busybox', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m', memory: 1 } } },
        'Container',
      ),
    ).toEqual([]);
    expect(validateK8s({ httpGet: { port: 'http' } }, 'Probe')).toEqual([]);
    expect(validateK8s({ name: 'c', image: 'b', ports: [{ containerPort: '80' }] }, 'Container')).toEqual([
      { path: ['ports', 0, 'containerPort'], message: 'must be a whole number; got string "80"' },
    ]);
    expect(validateK8s({ name: 'v', emptyDir: { sizeLimit: '1GB' } }, 'Volume')).toEqual([
      { path: ['emptyDir', 'sizeLimit'], message: 'must be a Kubernetes quantity such as "500m" or "2Gi"; got string "1GB"' },
    ]);
    expect(validateK8s({ matchLabels: { a: 1 } }, 'LabelSelector')).toEqual([
      { path: ['matchLabels', 'a'], message: 'must be a string; got number 1' },
    ]);
    expect(validateK8s({ runAsUser: 2 ** 40 }, 'SecurityContext')).toEqual([]);
    expect(validateK8s('x', 'Toleration')).toEqual([{ path: [], message: 'must be a map; got string "x"' }]);
    expect(validateK8s({ name: 'A', value: null }, 'EnvVar')).toEqual([]);
  });
});
