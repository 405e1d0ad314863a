/** The repositories and sources of the tests of test/repositories/: the declarations and the ConfigMap they render. */
import type { PackageManagerProps } from '../../src';
import type { Obj } from './synth';

/** The case: an R repository on cran, a Python one on pypi, one combining cran with a declared local source. */
export const DECLARED: PackageManagerProps = {
  sources: [{ name: 'internal', type: 'local' }],
  repositories: [
    { name: 'cran', description: 'CRAN', sources: ['cran'] },
    { name: 'pypi', type: 'python', sources: ['pypi'] },
    { name: 'all', description: "Internal packages first, then CRAN's", sources: ['internal', 'cran'] },
  ],
};

export function repositoriesConfigMap(objects: readonly Obj[]): Obj {
  const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.endsWith('-repositories'));
  if (!cm) throw new Error('no repositories ConfigMap');
  return cm;
}
