/**
 * An Ingress (class nginx) with TLS, the certificate issued by cert-manager
 * into the `packages-tls` Secret.
 *
 *   npx ts-node --transpile-only examples/ingress-tls.ts   # writes dist/ingress-tls.k8s.yaml
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export const HOST = 'packages.example.com';

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'ingress-tls', { namespace: 'posit', disableResourceNameHashes: true });
  new PackageManager(chart, 'ppm', {
    ingress: {
      enabled: true,
      ingressClassName: 'nginx',
      annotations: {
        'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
        // Package uploads and large downloads: no body size limit, long reads.
        'nginx.ingress.kubernetes.io/proxy-body-size': '0',
        'nginx.ingress.kubernetes.io/proxy-read-timeout': '300',
      },
      hosts: [{ host: HOST, paths: ['/'] }],
      tls: [{ hosts: [HOST], secretName: 'packages-tls' }],
    },
    config: { Server: { Address: `https://${HOST}` } },
  });
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
