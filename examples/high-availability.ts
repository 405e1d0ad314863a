/**
 * High availability on EKS: three pods spread across zones, packages in S3
 * (credentials from IRSA, no keys anywhere), PostgreSQL for the database,
 * and every secret (database passwords, encryption key) read from Secrets
 * that already exist in the namespace — nothing secret is in this code.
 *
 *   npx ts-node --transpile-only examples/high-availability.ts   # writes dist/high-availability.k8s.yaml
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from 'cdk8s-posit-package-manager';

export const RELEASE = 'ppm';

/** The pod labels every Package Manager pod of the release carries. */
const podLabels = { 'app.kubernetes.io/name': 'rstudio-pm', 'app.kubernetes.io/instance': RELEASE };

export function build(app: App = new App()): Chart {
  const chart = new Chart(app, 'high-availability', { namespace: 'posit', disableResourceNameHashes: true });
  new PackageManager(chart, RELEASE, {
    replicas: 3,
    // IRSA: the pods get AWS credentials for the bucket from this IAM role.
    serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/ppm-s3' } },
    config: {
      Server: { Address: 'https://packages.example.com' },
      Storage: { Default: 's3' },
      S3Storage: { Bucket: 'example-ppm-packages', Region: 'eu-west-1', Prefix: 'ppm' },
      Database: { Provider: 'postgres' },
      // No password in the URLs: they come from the `ppm-db` Secret below.
      Postgres: {
        URL: 'postgres://ppm@ppm-db.example.internal:5432/ppm?sslmode=require',
        UsageDataURL: 'postgres://ppm@ppm-db.example.internal:5432/ppm_usage?sslmode=require',
      },
    },
    configFromSecrets: {
      Postgres: {
        Password: { name: 'ppm-db', key: 'password' },
        UsageDataPassword: { name: 'ppm-db', key: 'usage-password' },
      },
    },
    rstudioPMKeySecret: { name: 'ppm-encryption', key: 'key' },
    podDisruptionBudget: { maxUnavailable: 1 },
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: podLabels },
      },
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: podLabels },
      },
    ],
  });
  return chart;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
