/**
 * An air-gapped cluster: every image comes from an internal registry that needs credentials.
 * Copy the images first (e.g. with `skopeo copy` or `crane copy`):
 *
 *   rstudio/rstudio-package-manager:ubuntu2204-2024.04.4 → registry.internal.example.com/posit/rstudio-package-manager
 *   busybox:1.36.1                                      → registry.internal.example.com/library/busybox:1.36.1
 *
 * and create the pull Secret in the namespace:
 *
 *   kubectl -n posit create secret docker-registry internal-registry --docker-server=registry.internal.example.com …
 *
 * The Package Manager image keeps its computed tag (`<tagPrefix><version>`), so `versionOverride` still upgrades it;
 * the migration Job's image is set on its own (the chart hard-codes `busybox` from Docker Hub).
 *
 *   npx ts-node --transpile-only examples/air-gapped.ts   # writes dist/air-gapped.k8s.yaml
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export const REGISTRY = 'registry.internal.example.com';
const pullSecrets = [{ name: 'internal-registry' }];

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'air-gapped', { namespace: 'posit', disableResourceNameHashes: true });
  new PackageManager(chart, 'ppm', {
    image: { repository: `${REGISTRY}/posit/rstudio-package-manager`, imagePullSecrets: pullSecrets },
    sharedStorage: { create: true, storageClassName: 'nfs-client' },
    migrationJob: { image: `${REGISTRY}/library/busybox:1.36.1`, imagePullSecrets: pullSecrets },
    license: { file: { secret: 'ppm-license', secretKey: 'ppm.lic' } },
    config: { Server: { Address: 'https://packages.internal.example.com' } },
  });
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
