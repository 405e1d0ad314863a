/**
 * Minimal: Package Manager with every default, in namespace `posit`.
 *
 *   npx ts-node --transpile-only examples/minimal.ts   # writes dist/minimal.k8s.yaml
 *
 * In your own app, import from 'cdk8s-posit-package-manager' instead of '../src'.
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from '../src';

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
