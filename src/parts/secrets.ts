/**
 * The Secrets created from values: license key, license file, AWS
 * credentials, the encryption key, and the secret settings found in
 * `config`. Their values never go anywhere else.
 */
import type { Model, OwnObject } from '../model';
import type { Manifest } from './manifest';

function secret(model: Model, object: OwnObject | undefined, stringData: () => Record<string, string>): Manifest | undefined {
  if (!object) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: object.name, namespace: model.namespace, labels: model.labels },
    type: 'Opaque',
    stringData: stringData(),
  };
}

/** `FULL-license`, key `rstudio-pm` (when `license.key`). */
export function renderLicenseKeySecret(model: Model): Manifest | undefined {
  const s = model.objects.licenseSecret;
  return secret(model, s, () => ({ [s!.key]: model.values.license!.key! }));
}

/** `FULL-license-file`, key `license.file.secretKey` (when `license.file.contents`). */
export function renderLicenseFileSecret(model: Model): Manifest | undefined {
  const s = model.objects.licenseFileSecret;
  // The chart writes the contents as a YAML block scalar: exactly one final newline.
  return secret(model, s, () => ({ [s!.key]: model.values.license!.file!.contents!.replace(/\n+$/, '') + '\n' }));
}

/** `FULL-aws-creds`, key `credentials`: an AWS credentials file (when `awsAccessKeyId`). */
export function renderAwsCredentialsSecret(model: Model): Manifest | undefined {
  const s = model.objects.awsCredentialsSecret;
  const { awsAccessKeyId, awsSecretAccessKey } = model.values;
  return secret(model, s, () => ({
    [s!.key]: `[default]\naws_access_key_id=${awsAccessKeyId}\naws_secret_access_key=${awsSecretAccessKey ?? ''}\n`,
  }));
}

/** `FULL-rstudio-pm-key`, key `rstudio-pm.key` (when `rstudioPMKey`). */
export function renderEncryptionKeySecret(model: Model): Manifest | undefined {
  const s = model.objects.encryptionKeySecret;
  return secret(model, s, () => ({ [s!.key]: model.values.rstudioPMKey! }));
}

/** `FULL-config-secrets`: secret settings found in `config`/`extraConfig`, kept out of the ConfigMap. */
export function renderConfigSecretsSecret(model: Model): Manifest | undefined {
  return secret(model, model.objects.configSecretsSecret, () =>
    Object.fromEntries(model.secretSettings.map((s) => [s.secretKey, s.value])),
  );
}
