/**
 * The example app: `npm run synth` (or `cdk8s synth`) writes dist/*.k8s.yaml.
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from '../src';

const app = new App();
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
  },
});

app.synth();
