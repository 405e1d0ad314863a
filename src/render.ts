/**
 * The pure core: props → the manifests, without cdk8s. It runs the whole
 * pipeline — input (a plain copy) → parse (normalize, merge over the chart
 * version's defaults, schema) → resolve (the model) → check (rules on the
 * model) → render (pure renderers) → check the output (collisions) — and
 * either returns every object with its construct id, or throws one
 * `PackageManagerValidationError` listing every problem.
 */
import { checksum, secretChecksums } from './checksums';
import { PackageManagerValidationError } from './errors';
import { resolveModel, type Model, type OwnObjects } from './model';
import { renderConfigMap } from './parts/config-map';
import { renderDeployment } from './parts/deployment';
import { renderExtraObjects } from './parts/extra-objects';
import { renderIngress } from './parts/ingress';
import { plainCopy, sanitize, type Manifest, type RenderedObject } from './parts/manifest';

export type { RenderedObject } from './parts/manifest';
import { renderMigrationJob } from './parts/migration-job';
import { renderNetworkPolicy } from './parts/network-policy';
import { renderPodDisruptionBudget } from './parts/pod-disruption-budget';
import { renderPersistentVolumeClaim } from './parts/pvc';
import {
  renderAwsCredentialsSecret,
  renderConfigSecretsSecret,
  renderEncryptionKeySecret,
  renderLicenseFileSecret,
  renderLicenseKeySecret,
} from './parts/secrets';
import { renderService } from './parts/service';
import { renderServiceAccount } from './parts/service-account';
import { renderServiceMonitor } from './parts/service-monitor';
import type { PackageManagerProps } from './props';
import { resolveSecretReferences } from './secret-refs';
import { checkOutput } from './validation/output-rules';
import { parseProps } from './validation/parse';
import { checkModel } from './validation/rules';
import type { PackageManagerWarning } from './warnings';

/** The release the objects are rendered for. */
export interface RenderOptions {
  /**
   * Helm release name the names and labels are computed from (the `releaseName` prop wins).
   * @default 'release'
   */
  readonly releaseName?: string;
  /**
   * Namespace of the objects (the `namespace` prop wins).
   * @default - none: the objects carry no namespace, and `kubectl apply -n` decides
   */
  readonly namespace?: string;
}

/** Everything a render produced. */
export interface RenderResult {
  /** The objects, in the order they are written. */
  readonly objects: readonly RenderedObject[];
  /** Warnings not acknowledged for this instance. */
  readonly warnings: readonly PackageManagerWarning[];
  /** The release name used. */
  readonly releaseName: string;
  /** The namespace used, if any. */
  readonly namespace: string | undefined;
  /** The full name: the base of every object name. */
  readonly fullName: string;
  /** The selector labels of the pods. */
  readonly selectorLabels: Readonly<Record<string, string>>;
  /** The objects rendered, by member, with their names. */
  readonly names: OwnObjects;
  /** The service account the pods run as. */
  readonly podServiceAccountName: string;
}

/** Renders one instance, with ids and warnings. @throws PackageManagerValidationError */
export function renderObjects(givenProps: PackageManagerProps, options: RenderOptions = {}, context = 'PackageManager'): RenderResult {
  const releaseName = givenProps?.releaseName ?? options.releaseName ?? 'release';
  const namespace = givenProps?.namespace ?? options.namespace;
  // Secrets given as constructs become their names; then a copy of plain objects: later changes to the caller's objects do not leak in.
  const refs = resolveSecretReferences(givenProps ?? {}, namespace);
  const props = plainCopy(refs.props);

  const parsed = parseProps(props);
  if (!parsed.parsed || refs.errors.length > 0) throw new PackageManagerValidationError([...refs.errors, ...parsed.errors], context);
  const model = resolveModel(parsed.parsed, { release: releaseName, namespace });
  const checked = checkModel(model);
  if (checked.errors.length > 0) throw new PackageManagerValidationError(checked.errors, context);
  const objects = renderModel(model);
  const collisions = checkOutput(objects, namespace);
  if (collisions.length > 0) throw new PackageManagerValidationError(collisions, context);
  const warnings = [...parsed.warnings.filter((w) => !model.acknowledged.has(w.id)), ...checked.warnings];
  return {
    objects,
    warnings,
    releaseName,
    namespace,
    fullName: model.fullName,
    selectorLabels: model.selectorLabels,
    names: model.objects,
    podServiceAccountName: model.pod.serviceAccountName,
  };
}

/** The model → every object, in the order they are written, each with its construct id. */
export function renderModel(m: Model): RenderedObject[] {
  const configMap = renderConfigMap(m);
  const awsSecret = renderAwsCredentialsSecret(m);
  const keySecret = renderEncryptionKeySecret(m);
  const configSecrets = renderConfigSecretsSecret(m);
  const licenseSecret = renderLicenseKeySecret(m);
  const licenseFileSecret = renderLicenseFileSecret(m);
  const restartOnLicense = m.values.restartOnLicenseChange && (licenseSecret || licenseFileSecret);
  // Secrets: keyed by one memory-hard derivation per instance, so that a reader of the Deployment cannot test
  // guesses of them quickly. Only Secrets created here: a checksum of a Secret we do not own would never change.
  const secretSums = secretChecksums({
    awsCreds: [awsSecret],
    key: [keySecret],
    configSecrets: [configSecrets],
    license: restartOnLicense ? [licenseSecret, licenseFileSecret] : [],
  });
  const deployment = renderDeployment(m, {
    config: checksum(configMap),
    awsCreds: secretSums.awsCreds,
    key: secretSums.key,
    configSecrets: configSecrets && secretSums.configSecrets,
    license: restartOnLicense ? secretSums.license : undefined,
  });
  const parts: [string, Manifest | undefined][] = [
    ['ServiceAccount', renderServiceAccount(m)],
    ['AwsCredentialsSecret', awsSecret],
    ['LicenseSecret', licenseSecret],
    ['LicenseFileSecret', licenseFileSecret],
    ['EncryptionKeySecret', keySecret],
    ['ConfigSecretsSecret', configSecrets],
    ['ConfigMap', configMap],
    ['PersistentVolumeClaim', renderPersistentVolumeClaim(m)],
    ['Service', renderService(m)],
    ['Deployment', deployment],
    ['Ingress', renderIngress(m)],
    ['ServiceMonitor', renderServiceMonitor(m)],
    ['PodDisruptionBudget', renderPodDisruptionBudget(m)],
    ['NetworkPolicy', renderNetworkPolicy(m)],
    ['MigrationJob', renderMigrationJob(m)],
    ...renderExtraObjects(m).map((o, i): [string, Manifest] => [`ExtraObject${i}`, o]),
  ];
  return parts.filter((p): p is [string, Manifest] => p[1] !== undefined).map(([id, manifest]) => ({ id, manifest }));
}

/**
 * Renders PackageManager's manifests from props, without cdk8s: plain
 * objects, in the order and with the keys `cdk8s synth` writes them.
 * @throws PackageManagerValidationError for props that would render a broken or wrong manifest
 */
export function render(props: PackageManagerProps, options: RenderOptions = {}): Manifest[] {
  return renderObjects(props, options, 'render').objects.map((o) => sanitize(o.manifest));
}
