/**
 * The example app: `npm run synth` (or `cdk8s synth`) writes dist/package-manager.k8s.yaml.
 * The other files in this folder are smaller examples, each runnable on its own
 * (`npx ts-node --transpile-only examples/<name>.ts`).
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'package-manager', { namespace: 'posit', disableResourceNameHashes: true });
  new PackageManager(chart, 'ppm', {
    license: { file: { secret: 'ppm-license', secretKey: 'ppm.lic' } },
    sharedStorage: { create: true, storageClassName: 'efs-sc', requests: { storage: '100Gi' } },
    replicas: 2,
    ingress: {
      enabled: true,
      ingressClassName: 'nginx',
      hosts: [{ host: 'packages.example.com', paths: ['/'] }],
      tls: [{ secretName: 'packages-tls', hosts: ['packages.example.com'] }],
    },
    config: {
      Server: { Address: 'https://packages.example.com' },
      CRAN: { SyncSchedule: '0 2 * * *' },
      // Several replicas need PostgreSQL; its URL (with the password) comes from a Secret.
      Database: { Provider: 'postgres' },
    },
    configFromSecrets: { Postgres: { URL: { name: 'ppm-database', key: 'url' } } },
  });
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
