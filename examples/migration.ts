/**
 * Moving a Helm release to cdk8s, step by step, with `cdk8s-ppm diff`. The data in examples/migration/ is real:
 * the values of a release and what chart rstudio-pm 0.5.29 renders for them (as `helm get manifest` prints it,
 * which leaves out the chart's hooks).
 *
 * 1. Save what runs today and the values it was installed with:
 *
 *      helm get manifest my-release -n posit > examples/migration/helm-get-manifest.yaml
 *      helm get values my-release -n posit -o yaml > examples/migration/values.yaml
 *
 * 2. Ask what switching would change:
 *
 *      npx cdk8s-ppm diff my-release -n posit -f examples/migration/values.yaml --from examples/migration/helm-get-manifest.yaml
 *
 *    Labels differ (`helm.sh/chart`, `managed-by`), the Deployment's `checksum/config` differs (the pods roll once),
 *    and one deliberate fix is named: `helm-hook-job`, the chart's migration Job, a Helm post-upgrade hook that
 *    `helm get manifest` does not list. Exit status 1: a deliberate fix is a decision to take.
 *
 * 3. Decide. The Job only matters when upgrading from a Package Manager that ran as root; this release never did,
 *    so turn it off (or accept it with `--accept-fix helm-hook-job`):
 *
 *      npx cdk8s-ppm diff my-release -n posit -f examples/migration/values.yaml --set enableMigration=false \
 *        --from examples/migration/helm-get-manifest.yaml            # exit 0: gate the switch on this in CI
 *
 * 4. The cdk8s app below renders the same release from the same values (names, selectors and the claim are kept,
 *    so applying it updates the running objects in place):
 *
 *      npx ts-node --transpile-only examples/migration.ts            # prints the report, writes dist/migration.k8s.yaml
 *      kubectl apply --server-side --force-conflicts -f dist/migration.k8s.yaml
 *
 * 5. Make Helm forget the release without deleting anything (Helm keeps its releases in Secrets labelled
 *    `owner=helm`; `helm uninstall` would delete the objects, the claim excepted):
 *
 *      kubectl -n posit delete secret -l owner=helm,name=my-release
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';
import { diffRelease, exitCodeOf, formatReport, type DiffResult } from 'cdk8s-posit-package-manager/diff';
import { parseValuesYaml, parseYamlDocuments } from 'cdk8s-posit-package-manager/values';

export const RELEASE = 'my-release';
export const NAMESPACE = 'posit';
export const VALUES_FILE = join(__dirname, 'migration', 'values.yaml');
export const HELM_MANIFEST_FILE = join(__dirname, 'migration', 'helm-get-manifest.yaml');

/** The values of the release, with the decision of step 3. */
export function values(overrides: Record<string, unknown> = { enableMigration: false }): Record<string, unknown> {
  return { ...(parseValuesYaml(readFileSync(VALUES_FILE, 'utf8')) as Record<string, unknown>), ...overrides };
}

/** Step 2 and 3: the report of `cdk8s-ppm diff` for these values. */
export function report(vals: Record<string, unknown> = values()): DiffResult {
  return diffRelease({
    chartManifests: parseYamlDocuments(readFileSync(HELM_MANIFEST_FILE, 'utf8')) as Record<string, unknown>[],
    values: vals,
    releaseName: RELEASE,
    namespace: NAMESPACE,
  });
}

/** Step 4: the cdk8s app. */
export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'migration', { namespace: NAMESPACE, disableResourceNameHashes: true });
  PackageManager.fromValues(chart, RELEASE, values(), { releaseName: RELEASE, namespace: NAMESPACE });
  return chart;
}

if (require.main === module) {
  const result = report();
  process.stdout.write(formatReport(result, { source: HELM_MANIFEST_FILE }));
  process.exitCode = exitCodeOf(result);
  const app = new App();
  build(app);
  app.synth();
}
