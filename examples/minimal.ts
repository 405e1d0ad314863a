/**
 * Minimal: Package Manager with every default, in namespace `posit`.
 *
 *   npx ts-node --transpile-only examples/minimal.ts   # writes dist/minimal.k8s.yaml
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'minimal', { namespace: 'posit', disableResourceNameHashes: true });
  new PackageManager(chart, 'ppm');
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
