/**
 * Secrets given as constructs. Wherever the props reference a Secret
 * (`license.keySecret`, `license.file.secret`, `rstudioPMKeySecret`,
 * `awsCredentialsSecret`, `configFromSecrets`), a cdk8s-plus `ISecret` may
 * stand for the name. This replaces each by its name before anything else
 * reads the props. It stays cdk8s-free: a Secret is recognized by its shape
 * (an object with a string `name`), and its namespace, when it has one
 * (`metadata.namespace` of a `kplus.Secret`), must be the release's.
 *
 * Also here: the warnings for secrets written inline in typed props.
 */
import { describeValue, formatPath, HIDDEN_VALUE, type ValidationIssue } from './errors';
import { isPlainObject, valueAt } from './leaf/objects';
import type { PackageManagerProps, SecretsByName } from './props';
import { pathsWith } from './traits';
import type { PackageManagerWarning } from './warnings';

const EXAMPLE = "a cdk8s-plus Secret (ISecret), e.g. kplus.Secret.fromSecretName(this, 'db', 'ppm-db')";

/** The name of a Secret given as a construct, or a problem. */
function secretName(
  secret: unknown,
  path: (string | number)[],
  namespace: string | undefined,
  errors: ValidationIssue[],
): string | undefined {
  const name = isPlainObject(secret) ? secret.name : undefined;
  if (typeof name !== 'string' || name === '') {
    // A string or number where the Secret belongs may be the secret itself: not shown.
    const hidden = typeof secret === 'string' || typeof secret === 'number';
    errors.push({
      path: formatPath(path),
      message: `must be ${EXAMPLE}; got ${hidden ? `a ${typeof secret} ${HIDDEN_VALUE}` : describeValue(secret)}`,
    });
    return undefined;
  }
  const metadata = isPlainObject(secret) ? (secret as { metadata?: unknown }).metadata : undefined;
  const ns = isPlainObject(metadata) ? metadata.namespace : undefined;
  if (typeof ns === 'string' && ns !== '' && namespace !== undefined && ns !== namespace) {
    errors.push({
      path: formatPath(path),
      message: `the Secret ${name} is in namespace ${ns} and the release in ${namespace}: a pod reads only Secrets of its own namespace; create the Secret in ${namespace}`,
    });
    return undefined;
  }
  return name;
}

/** `{ secret, key }` → `{ name, key }`; `{ name, key }` and anything else as given (the schema checks it). */
function byName(ref: unknown, path: (string | number)[], namespace: string | undefined, errors: ValidationIssue[]): unknown {
  if (!isPlainObject(ref) || !('secret' in ref)) return ref;
  const { secret, ...rest } = ref;
  if ('name' in rest) {
    errors.push({
      path: formatPath(path),
      message: 'give the Secret either by name ({ name, key }) or as a construct ({ secret, key }), not both',
    });
    return undefined;
  }
  const name = secretName(secret, [...path, 'secret'], namespace, errors);
  return name === undefined ? undefined : { name, ...rest };
}

/**
 * The props with every Secret given as a construct replaced by its name, and
 * the problems found; a reference that has a problem is left out (so that
 * it is reported once).
 */
export function resolveSecretReferences(
  props: PackageManagerProps,
  namespace: string | undefined,
): { props: SecretsByName<PackageManagerProps>; errors: ValidationIssue[] } {
  const errors: ValidationIssue[] = [];
  const out: Record<string, unknown> = { ...props };
  if (isPlainObject(props.license)) {
    const license: Record<string, unknown> = { ...props.license };
    if ('keySecret' in license) license.keySecret = byName(license.keySecret, ['license', 'keySecret'], namespace, errors);
    if (isPlainObject(license.file) && isPlainObject(license.file.secret)) {
      license.file = { ...license.file, secret: secretName(license.file.secret, ['license', 'file', 'secret'], namespace, errors) };
    }
    out.license = license;
  }
  for (const k of ['rstudioPMKeySecret', 'awsCredentialsSecret'] as const) {
    if (k in props) out[k] = byName(props[k], [k], namespace, errors);
  }
  if (isPlainObject(props.configFromSecrets)) {
    out.configFromSecrets = Object.fromEntries(
      Object.entries(props.configFromSecrets).map(([section, keys]) => [
        section,
        isPlainObject(keys)
          ? Object.fromEntries(
              Object.entries(keys).map(([k, ref]) => [k, byName(ref, ['configFromSecrets', section, k], namespace, errors)]),
            )
          : keys,
      ]),
    );
  }
  return { props: out as SecretsByName<PackageManagerProps>, errors };
}

/** Where to reference a Secret instead of each inline secret. */
const REFERENCE_INSTEAD: Record<string, string> = {
  'license.key': 'license.keySecret',
  'license.file.contents': 'license.file.secret',
  awsAccessKeyId: 'awsCredentialsSecret (or IRSA: serviceAccount.annotations)',
  awsSecretAccessKey: 'awsCredentialsSecret (or IRSA: serviceAccount.annotations)',
  rstudioPMKey: 'rstudioPMKeySecret',
};

/**
 * A warning for each secret written inline in typed props (the paths the
 * traits table marks secret): it is stored in a Secret created here, so it
 * is in the synthesized YAML and in the app's source. Values files keep the
 * chart's habit without this warning.
 */
export function inlineSecretWarnings(props: PackageManagerProps): PackageManagerWarning[] {
  const out: PackageManagerWarning[] = [];
  for (const path of pathsWith('secret')) {
    const value = valueAt(props, path.split('.'));
    if (typeof value !== 'string' || value === '') continue;
    out.push({
      id: 'ppm:inline-secret-prop',
      path,
      message: `is a secret written inline: it ends up in the synthesized YAML (and in your source). Reference a Secret instead with ${REFERENCE_INSTEAD[path] ?? 'a Secret reference'}, or acknowledge 'ppm:inline-secret-prop' to keep it.`,
    });
  }
  return out;
}
