/**
 * GitOps with Argo CD: commit what `cdk8s synth` writes (dist/) and let an Argo CD Application sync it.
 * What changes against a Helm install, and what to set instead:
 *
 * - The migration Job carries the chart's Helm hook annotations (`helm.sh/hook: post-upgrade`), which Argo CD reads
 *   as its own hooks: it would run the Job after every sync (a PostSync hook). It is only needed when upgrading from
 *   a Package Manager that ran as root, so this release turns it off (`enableMigration: false`). To run it, give it
 *   Argo CD's own hook annotations (they take precedence over Helm's), e.g. `argocd.argoproj.io/hook: Sync`.
 * - `helm.sh/resource-policy: keep` on the shared-storage claim means nothing to Argo CD. What keeps the claim
 *   (and the packages on it) when the Application is deleted, or the claim is removed from Git, is
 *   `argocd.argoproj.io/sync-options: Delete=false,Prune=false`.
 * - Argo CD tracks its objects by the label `app.kubernetes.io/instance` unless told otherwise (before Argo CD 3.0)
 *   and rewrites it to the Application's name; the Deployment's selector contains that label and cannot change.
 *   Name the Application like the release (done below), or use annotation tracking
 *   (`application.resourceTrackingMethod: annotation`, the default since Argo CD 3.0).
 * - No `helm upgrade` history: a rollback is a revert in Git, and Argo CD syncs it.
 *
 *   npx ts-node --transpile-only examples/argo-cd.ts   # writes dist/argo-cd.k8s.yaml and dist/argo-cd-application.k8s.yaml
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export const RELEASE = 'ppm';
export const NAMESPACE = 'posit';
export const KEEP_ON_DELETE = { 'argocd.argoproj.io/sync-options': 'Delete=false,Prune=false' };

export function build(app: App = new App()): { release: Chart; argocd: Chart } {
  const release = new Chart(app, 'argo-cd', { namespace: NAMESPACE, disableResourceNameHashes: true });
  new PackageManager(release, RELEASE, {
    license: { file: { secret: 'ppm-license', secretKey: 'ppm.lic' } },
    sharedStorage: { create: true, storageClassName: 'efs-sc', requests: { storage: '100Gi' }, annotations: KEEP_ON_DELETE },
    enableMigration: false,
    config: { Server: { Address: 'https://packages.example.com' } },
  });

  // The Argo CD Application that syncs dist/argo-cd.k8s.yaml from the Git repository of this app.
  const argocd = new Chart(app, 'argo-cd-application', { namespace: 'argocd', disableResourceNameHashes: true });
  new ApiObject(argocd, 'application', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: RELEASE },
    spec: {
      project: 'default',
      source: {
        repoURL: 'https://git.example.com/platform/package-manager.git',
        targetRevision: 'main',
        path: 'dist',
        directory: { include: 'argo-cd.k8s.yaml' },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: NAMESPACE },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  });
  return { release, argocd };
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
