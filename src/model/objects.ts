/** Which objects are rendered, and their names: the one list of what this library renders. */
import { ENCRYPTION_KEY_SECRET_KEY, AWS_CREDENTIALS_KEY, LICENSE_KEY_SECRET_KEY } from '../constants';
import { helmTruthy } from './defaults';
import { declaresRepositories } from './repositories';
import type { OwnObjects, ResolvedValues } from './types';

/** Name of the migration Job, given the full name (its length limit is checked against it). */
export const migrationJobName = (fullName: string) => `${fullName}-chown-shared-storage`;

/** What decides which objects exist, besides the values. */
export interface ObjectInputs {
  readonly fullName: string;
  readonly namespace: string | undefined;
  readonly serviceAccountName: string;
  readonly claimName: string;
  readonly mountSharedStorage: boolean;
  readonly metricsEnabled: boolean;
  readonly hasSecretSettings: boolean;
}

export function ownObjects(v: ResolvedValues, i: ObjectInputs): OwnObjects {
  const full = i.fullName;
  const file = v.license?.file;
  return {
    serviceAccount: v.serviceAccount?.create ? { name: i.serviceAccountName } : undefined,
    awsCredentialsSecret: v.awsAccessKeyId ? { name: `${full}-aws-creds`, key: AWS_CREDENTIALS_KEY } : undefined,
    licenseSecret: v.license?.key ? { name: `${full}-license`, key: LICENSE_KEY_SECRET_KEY } : undefined,
    licenseFileSecret: file?.contents && file.secretKey ? { name: `${full}-license-file`, key: file.secretKey } : undefined,
    encryptionKeySecret: v.rstudioPMKey ? { name: `${full}-rstudio-pm-key`, key: ENCRYPTION_KEY_SECRET_KEY } : undefined,
    configSecretsSecret: i.hasSecretSettings ? { name: `${full}-config-secrets` } : undefined,
    configMap: { name: `${full}-config` },
    repositoriesConfigMap: declaresRepositories(v) ? { name: `${full}-repositories` } : undefined,
    persistentVolumeClaim: v.sharedStorage?.create ? { name: i.claimName } : undefined,
    service: { name: full },
    deployment: { name: full },
    ingress: v.ingress?.enabled ? { name: full } : undefined,
    httpRoute: v.httpRoute?.enabled ? { name: full } : undefined,
    serviceMonitor:
      i.metricsEnabled && v.serviceMonitor?.enabled ? { name: full, namespace: v.serviceMonitor.namespace || i.namespace } : undefined,
    podDisruptionBudget: helmTruthy(v.podDisruptionBudget) ? { name: full } : undefined,
    networkPolicy: v.networkPolicy?.enabled ? { name: full } : undefined,
    migrationJob: i.mountSharedStorage && v.enableMigration ? { name: migrationJobName(full) } : undefined,
  };
}
