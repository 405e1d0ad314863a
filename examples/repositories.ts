/**
 * Repositories as code: an R repository on CRAN, a Python one on PyPI, and one
 * serving internal R packages first and CRAN after them, set up by Package
 * Manager's own CLI from the `repository-setup` container of the pod
 * (docs/repositories.md). Upload to `internal` with `rspm add`.
 *
 *   npx ts-node --transpile-only examples/repositories.ts   # writes dist/repositories.k8s.yaml
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'repositories', { namespace: 'posit', disableResourceNameHashes: true });
  new PackageManager(chart, 'ppm', {
    sources: [{ name: 'internal', type: 'local' }],
    repositories: [
      { name: 'cran', description: 'All of CRAN', sources: ['cran'] },
      { name: 'pypi', type: 'python', description: 'All of PyPI', sources: ['pypi'] },
      { name: 'all', description: 'Internal R packages, then CRAN', sources: ['internal', 'cran'] },
    ],
  });
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
