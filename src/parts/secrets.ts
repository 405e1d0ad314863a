/**
 * The Secrets the chart creates from values: license key, license file,
 * AWS credentials and the encryption key. Their values never go anywhere else.
 */
import type { Model } from '../model';
import type { Manifest } from './manifest';

function secret(model: Model, name: string, stringData: Record<string, string>): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: model.namespace, labels: model.labels },
    type: 'Opaque',
    stringData,
  };
}

/** Name and key of the license-key Secret. */
export const licenseKeySecret = (model: Model) => ({ name: `${model.fullName}-license`, key: 'rstudio-pm' });
/** Name of the encryption-key Secret and its key. */
export const encryptionKeySecret = (model: Model) => ({ name: `${model.fullName}-rstudio-pm-key`, key: 'rstudio-pm.key' });
/** Name of the AWS credentials Secret (created, or the existing `awsCredentialsSecret`). */
export const awsSecretName = (model: Model) => model.values.awsCredentialsSecret?.name ?? `${model.fullName}-aws-creds`;
/** Name of the license-file Secret (created or existing). */
export const licenseFileSecretName = (model: Model) => model.values.license.file.secret || `${model.fullName}-license-file`;

/** `FULL-license`, key `rstudio-pm` (when `license.key`). */
export function renderLicenseKeySecret(model: Model): Manifest | undefined {
  const key = model.values.license.key;
  if (!key) return undefined;
  const ref = licenseKeySecret(model);
  return secret(model, ref.name, { [ref.key]: key });
}

/** `FULL-license-file`, key `license.file.secretKey` (when `license.file.contents`). */
export function renderLicenseFileSecret(model: Model): Manifest | undefined {
  const file = model.values.license.file;
  if (!file.contents) return undefined;
  // The chart writes the contents as a YAML block scalar: exactly one final newline.
  const contents = file.contents.replace(/\n+$/, '') + '\n';
  return secret(model, `${model.fullName}-license-file`, { [file.secretKey]: contents });
}

/** `FULL-aws-creds`, key `credentials`: an AWS credentials file (when `awsAccessKeyId`). */
export function renderAwsCredentialsSecret(model: Model): Manifest | undefined {
  const { awsAccessKeyId, awsSecretAccessKey } = model.values;
  if (!awsAccessKeyId) return undefined;
  const credentials = `[default]\naws_access_key_id=${awsAccessKeyId}\naws_secret_access_key=${awsSecretAccessKey ?? ''}\n`;
  return secret(model, awsSecretName(model), { credentials });
}

/** `FULL-rstudio-pm-key`, key `rstudio-pm.key` (when `rstudioPMKey`). */
export function renderEncryptionKeySecret(model: Model): Manifest | undefined {
  const key = model.values.rstudioPMKey;
  if (!key) return undefined;
  const ref = encryptionKeySecret(model);
  return secret(model, ref.name, { [ref.key]: key });
}

/** Name of the Secret holding secret settings written inline in `config`. */
export const configSecretsName = (model: Model) => `${model.fullName}-config-secrets`;

/** `FULL-config-secrets`: secret settings found in `config`/`extraConfig`, kept out of the ConfigMap. */
export function renderConfigSecretsSecret(model: Model): Manifest | undefined {
  if (model.secretSettings.length === 0) return undefined;
  return secret(model, configSecretsName(model), Object.fromEntries(model.secretSettings.map((s) => [s.secretKey, s.value])));
}
