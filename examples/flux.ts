/**
 * GitOps with Flux: commit what `cdk8s synth` writes (dist/) and let a Flux Kustomization apply it
 * (server-side apply, pruning what leaves Git). What changes against a Helm install, and what to set instead:
 *
 * - Flux applies the migration Job as an ordinary Job: the Helm hook annotations mean nothing to it, so the Job runs
 *   once when it is created. A Job's pod template cannot change; Flux then fails to apply a changed Job unless the
 *   Job is annotated `kustomize.toolkit.fluxcd.io/force: enabled` (Flux recreates it). The Job is only needed when
 *   upgrading from a Package Manager that ran as root; this release keeps it for the first rollout, pinned and
 *   annotated, and turning it off later (`enableMigration: false`) deletes it.
 * - `helm.sh/resource-policy: keep` on the shared-storage claim means nothing to Flux. What keeps the claim (and the
 *   packages on it) when it leaves Git or the Kustomization is deleted is `kustomize.toolkit.fluxcd.io/prune: disabled`.
 * - No `helm upgrade` history and no `helm rollback`: a rollback is a revert in Git.
 *
 *   npx ts-node --transpile-only examples/flux.ts   # writes dist/flux.k8s.yaml and dist/flux-kustomization.k8s.yaml
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export const RELEASE = 'ppm';
export const NAMESPACE = 'posit';

export function build(app: App = new App()): { release: Chart; flux: Chart } {
  const release = new Chart(app, 'flux', { namespace: NAMESPACE, disableResourceNameHashes: true });
  const pm = new PackageManager(release, RELEASE, {
    license: { file: { secret: 'ppm-license', secretKey: 'ppm.lic' } },
    sharedStorage: {
      create: true,
      storageClassName: 'efs-sc',
      requests: { storage: '100Gi' },
      annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
    },
    migrationJob: { image: 'busybox:1.36.1' },
    config: { Server: { Address: 'https://packages.example.com' } },
  });
  // Let Flux recreate the Job when its (immutable) pod template changes.
  pm.migrationJob?.metadata.addAnnotation('kustomize.toolkit.fluxcd.io/force', 'enabled');

  // The Flux Kustomization that applies dist/ from the Git repository of this app.
  const flux = new Chart(app, 'flux-kustomization', { namespace: 'flux-system', disableResourceNameHashes: true });
  new ApiObject(flux, 'kustomization', {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: RELEASE },
    spec: {
      interval: '10m',
      sourceRef: { kind: 'GitRepository', name: 'package-manager' },
      path: './dist',
      prune: true,
      wait: true,
      targetNamespace: NAMESPACE,
    },
  });
  return { release, flux };
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
