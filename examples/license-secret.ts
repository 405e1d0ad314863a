/**
 * The license file from a Secret that already exists, e.g. created with
 *
 *   kubectl -n posit create secret generic ppm-license --from-file=ppm.lic=./ppm.lic
 *
 * It is mounted as a directory (so a renewed license reaches the pod without a restart)
 * and Package Manager is pointed at it with RSPM_LICENSE_FILE_PATH.
 *
 *   npx ts-node --transpile-only examples/license-secret.ts   # writes dist/license-secret.k8s.yaml
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'license-secret', { namespace: 'posit', disableResourceNameHashes: true });
  new PackageManager(chart, 'ppm', {
    license: { file: { secret: 'ppm-license', secretKey: 'ppm.lic' } },
  });
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
