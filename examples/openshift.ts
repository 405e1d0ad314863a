/**
 * OpenShift: the restricted SCC assigns each namespace its own user and group
 * ranges, so the pod must not pin a UID, a GID or an fsGroup. `null` removes
 * the chart's defaults (as `null` does in a values file): no `runAsUser: 999`,
 * no pod `securityContext` (chart 0.20.4 sets `fsGroup: 999`), and Git builds
 * without the sandbox (which needs an unconfined container).
 *
 *   npx ts-node --transpile-only examples/openshift.ts   # writes dist/openshift.k8s.yaml
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'openshift', { namespace: 'posit', disableResourceNameHashes: true });
  new PackageManager(chart, 'ppm', {
    chartVersion: '0.20.4',
    enableSandboxing: false,
    pod: {
      securityContext: null,
      containerSecurityContext: { runAsUser: null },
    },
    sharedStorage: { create: true, storageClassName: 'ocs-storagecluster-cephfs' },
  });
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
