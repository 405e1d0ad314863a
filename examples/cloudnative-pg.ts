/**
 * PostgreSQL from an operator: a CloudNativePG `Cluster` creates the Secret `<cluster>-app` with the application
 * user's credentials, among them `uri` (`postgresql://ppm:<password>@ppm-db-rw.posit:5432/ppm`). Package Manager
 * reads `Postgres.URL` from that key through `configFromSecrets` (the environment variable
 * `PACKAGEMANAGER_POSTGRES_URL`), so the password never reaches the ConfigMap or this code; the Secret is referenced
 * as a construct, which the compiler checks. Usage data goes to a second database of the same cluster (a
 * CloudNativePG `Database`), with the same user and password.
 *
 *   npx ts-node --transpile-only examples/cloudnative-pg.ts   # writes dist/cloudnative-pg.k8s.yaml
 */
import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { PackageManager } from 'cdk8s-posit-package-manager';

export const CLUSTER = 'ppm-db';
export const NAMESPACE = 'posit';

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'cloudnative-pg', { namespace: NAMESPACE, disableResourceNameHashes: true });

  new ApiObject(chart, 'cluster', {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: CLUSTER },
    spec: { instances: 2, storage: { size: '20Gi' }, bootstrap: { initdb: { database: 'ppm', owner: 'ppm' } } },
  });
  new ApiObject(chart, 'usage-database', {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Database',
    metadata: { name: `${CLUSTER}-usage` },
    spec: { name: 'ppm_usage', owner: 'ppm', cluster: { name: CLUSTER } },
  });

  // The Secret the operator creates: referenced as a construct, not a string.
  const dbApp = kplus.Secret.fromSecretName(chart, 'db-app', `${CLUSTER}-app`);
  new PackageManager(chart, 'ppm', {
    replicas: 2,
    sharedStorage: { create: true, storageClassName: 'efs-sc' },
    license: { file: { secret: 'ppm-license', secretKey: 'ppm.lic' } },
    config: {
      Database: { Provider: 'postgres' },
      // No password here: it comes with the URL of the main database, and from the Secret for usage data.
      Postgres: { UsageDataURL: `postgres://ppm@${CLUSTER}-rw.${NAMESPACE}:5432/ppm_usage` },
    },
    configFromSecrets: {
      Postgres: { URL: { secret: dbApp, key: 'uri' }, UsageDataPassword: { secret: dbApp, key: 'password' } },
    },
  });
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
