/**
 * Gateway API instead of an Ingress: a Gateway with an HTTPS listener whose
 * certificate cert-manager issues (its Gateway support: the
 * `cert-manager.io/cluster-issuer` annotation on the Gateway, and cert-manager
 * run with `config.enableGatewayAPI: true`) into the `packages-tls` Secret,
 * and PackageManager's HTTPRoute attached to that listener. The nginx variant
 * is examples/ingress-tls.ts.
 *
 *   npx ts-node --transpile-only examples/gateway-tls.ts   # writes dist/gateway-tls.k8s.yaml
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export const HOST = 'packages.example.com';
/** The GatewayClass of your Gateway API implementation (Envoy Gateway, Istio, Cilium, NGINX Gateway Fabric…). */
export const GATEWAY_CLASS = 'eg';

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'gateway-tls', { namespace: 'posit', disableResourceNameHashes: true });
  // One Gateway for this namespace; cert-manager creates a Certificate for each listener with a hostname,
  // `tls.mode: Terminate` and a `certificateRefs` Secret in the Gateway's namespace.
  const gateway = new ApiObject(chart, 'gateway', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'packages', annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' } },
    spec: {
      gatewayClassName: GATEWAY_CLASS,
      listeners: [
        {
          name: 'https',
          protocol: 'HTTPS',
          port: 443,
          hostname: HOST,
          tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'packages-tls' }] },
          allowedRoutes: { namespaces: { from: 'Same' } },
        },
      ],
    },
  });
  new PackageManager(chart, 'ppm', {
    httpRoute: {
      enabled: true,
      parentRefs: [{ name: gateway.name, sectionName: 'https' }],
      hostnames: [HOST],
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
