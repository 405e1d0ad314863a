/**
 * Wiring: objects of your own pointed at Package Manager with cdk8s-plus-33 (what `cdk8s init typescript-app`
 * installs today) and the construct's members — `selectorLabels` (the pod selector), `serviceName`, `servicePort`,
 * `targetPort` (the port the pods listen on) and `metricsPort`:
 *
 * - a NetworkPolicy that lets only the ingress controller (to the pods' port) and Prometheus (to the metrics port)
 *   reach the pods;
 * - an Ingress and an HTTPRoute of your own to the Service;
 * - a PodDisruptionBudget by the pod selector;
 * - a workload of yours that keeps off the nodes Package Manager runs on (pod anti-affinity by the selector);
 * - the license file and the database URL from cdk8s-plus Secrets given as constructs.
 *
 *   npx ts-node --transpile-only examples/wiring.ts   # writes dist/wiring.k8s.yaml
 */
import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { PackageManager } from 'cdk8s-posit-package-manager';

export const HOST = 'packages.example.com';

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'wiring', { namespace: 'posit', disableResourceNameHashes: true });
  const license = kplus.Secret.fromSecretName(chart, 'license', 'ppm-license');
  const database = kplus.Secret.fromSecretName(chart, 'database', 'ppm-postgres');
  const pm = new PackageManager(chart, 'ppm', {
    replicas: 2,
    sharedStorage: { create: true, storageClassName: 'efs-sc', accessModes: ['ReadWriteMany'] },
    license: { file: { secret: license } },
    config: { Server: { Address: `https://${HOST}` }, Database: { Provider: 'postgres' } },
    configFromSecrets: { Postgres: { URL: { secret: database, key: 'uri' } } },
  });
  const pods = kplus.Pods.select(chart, 'ppm-pods', { labels: pm.selectorLabels });

  // Policies see the pods' ports, not the Service's: `targetPort` (4242), and `metricsPort` (2112) when metrics are on.
  const policy = new kplus.NetworkPolicy(chart, 'ppm-ingress', { selector: pods });
  const controller = kplus.Pods.select(chart, 'ingress-controller', {
    labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
    namespaces: kplus.Namespaces.select(chart, 'ingress-nginx', { names: ['ingress-nginx'] }),
  });
  policy.addIngressRule(controller, [kplus.NetworkPolicyPort.tcp(pm.targetPort)]);
  if (pm.metricsPort !== undefined) {
    const prometheus = kplus.Namespaces.select(chart, 'monitoring', { names: ['monitoring'] });
    policy.addIngressRule(prometheus, [kplus.NetworkPolicyPort.tcp(pm.metricsPort)]);
  }

  // An Ingress of your own (instead of the `ingress` prop) to the Service's port.
  new kplus.k8s.KubeIngress(chart, 'ingress', {
    metadata: { name: 'packages' },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: HOST,
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: pm.serviceName, port: { number: pm.servicePort } } } }],
          },
        },
      ],
    },
  });

  // An HTTPRoute of your own on a shared Gateway (Gateway API v1).
  new ApiObject(chart, 'route', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'packages' },
    spec: {
      parentRefs: [{ name: 'shared', namespace: 'gateway' }],
      hostnames: [HOST],
      rules: [{ backendRefs: [{ name: pm.serviceName, port: pm.servicePort }] }],
    },
  });

  // A PodDisruptionBudget by the pod selector (the `podDisruptionBudget` prop renders one too).
  new kplus.k8s.KubePodDisruptionBudget(chart, 'pdb', {
    metadata: { name: 'packages' },
    spec: { minAvailable: kplus.k8s.IntOrString.fromNumber(1), selector: { matchLabels: { ...pm.selectorLabels } } },
  });

  // A build runner of yours that never shares a node with Package Manager.
  const runner = new kplus.Deployment(chart, 'runner', {
    metadata: { name: 'build-runner' },
    containers: [{ image: 'ghcr.io/example/build-runner:1.0', portNumber: 8080 }],
  });
  runner.scheduling.separate(pods);
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
