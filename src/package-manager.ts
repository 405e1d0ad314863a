/** The `PackageManager` construct: validate, resolve, render each object, expose them. */
import { createHash } from 'crypto';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PackageManagerValidationError, type ValidationIssue } from './errors';
import type { Model } from './model';
import { renderConfigMap } from './parts/config-map';
import { renderDeployment } from './parts/deployment';
import { renderExtraObjects } from './parts/extra-objects';
import { renderIngress } from './parts/ingress';
import { plainCopy, type Manifest } from './parts/manifest';
import { renderMigrationJob } from './parts/migration-job';
import { renderPodDisruptionBudget } from './parts/pod-disruption-budget';
import { renderPersistentVolumeClaim } from './parts/pvc';
import { renderNetworkPolicy } from './parts/network-policy';
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
import { validateProps } from './validation';
import { valuesToProps, type FromValuesOptions } from './values/from-values';

/** sha256 of several objects' canonical JSON. */
function checksumOf(manifests: (Manifest | undefined)[]): string {
  return checksum({ apiVersion: 'v1', kind: 'List', metadata: { name: 'checksum' }, items: manifests.filter(Boolean) });
}

/** sha256 of an object's canonical JSON (sorted keys); of the empty string when absent. */
export function checksum(manifest: Manifest | undefined): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  const text = manifest ? JSON.stringify(canonical(manifest)) : '';
  return createHash('sha256').update(text).digest('hex');
}

/** Warnings already printed, per app (the root of the construct tree). */
const PRINTED_WARNINGS = new WeakMap<object, Set<string>>();

function enclosingNamespace(scope: Construct): string | undefined {
  try {
    return Chart.of(scope).namespace;
  } catch {
    return undefined;
  }
}

/**
 * Posit Package Manager on Kubernetes: the objects chart rstudio-pm 0.5.29
 * renders, from the same values, as typed props.
 */
export class PackageManager extends Construct {
  /**
   * Builds a `PackageManager` from the parsed content of a chart values file,
   * with the chart's habits: `false`/`""`/`{}` meaning unset, `command`/`args`
   * as YAML strings, ingress paths as strings or maps, templated strings in
   * `extraObjects` and `pod.containerSecurityContext`.
   */
  public static fromValues(scope: Construct, id: string, values: unknown, options: FromValuesOptions = {}): PackageManager {
    const release = options.releaseName ?? id;
    const namespace = options.namespace ?? enclosingNamespace(scope) ?? 'default';
    const { props, warnings } = valuesToProps(values, { releaseName: release, namespace });
    PackageManager.pendingWarnings = warnings;
    try {
      return new PackageManager(scope, id, { ...props, releaseName: release, namespace });
    } finally {
      PackageManager.pendingWarnings = [];
    }
  }

  /** Release name the names and labels derive from. */
  public readonly releaseName: string;
  /** Namespace of the objects. */
  public readonly namespace: string;
  /** The full name: the base of every object name. */
  public readonly fullName: string;
  /** Warnings found at synth time (also printed to stderr). */
  public readonly warnings: readonly ValidationIssue[];

  /** ConfigMap `FULL-config` with `rstudio-pm.gcfg`. */
  public readonly configMap: ApiObject;
  /** Deployment `FULL`. */
  public readonly deployment: ApiObject;
  /** Service `FULL`. */
  public readonly service: ApiObject;
  /** ServiceAccount, when `serviceAccount.create`. */
  public readonly serviceAccount?: ApiObject;
  /** PersistentVolumeClaim, when `sharedStorage.create`. */
  public readonly persistentVolumeClaim?: ApiObject;
  /** Ingress, when `ingress.enabled`. */
  public readonly ingress?: ApiObject;
  /** ServiceMonitor, when metrics are on and `serviceMonitor.enabled`. */
  public readonly serviceMonitor?: ApiObject;
  /** PodDisruptionBudget, when `podDisruptionBudget` is set. */
  public readonly podDisruptionBudget?: ApiObject;
  /** Secret with the license key, when `license.key`. */
  public readonly licenseSecret?: ApiObject;
  /** Secret with the license file, when `license.file.contents`. */
  public readonly licenseFileSecret?: ApiObject;
  /** Secret with the AWS credentials file, when `awsAccessKeyId`. */
  public readonly awsCredentialsSecret?: ApiObject;
  /** Secret with the encryption key, when `rstudioPMKey`. */
  public readonly encryptionKeySecret?: ApiObject;
  /** Secret with the secret settings found in `config`, when there are any. */
  public readonly configSecretsSecret?: ApiObject;
  /** NetworkPolicy, when `networkPolicy.enabled`. */
  public readonly networkPolicy?: ApiObject;
  /** The shared-storage chown Job, when storage is mounted and `enableMigration`. */
  public readonly migrationJob?: ApiObject;
  /** One object per `extraObjects` item. */
  public readonly extraObjects: readonly ApiObject[];

  /** The resolved model the objects were rendered from. */
  private readonly model: Model;

  /** Warnings of `fromValues` for the instance it is constructing. */
  private static pendingWarnings: ValidationIssue[] = [];

  constructor(scope: Construct, id: string, givenProps: PackageManagerProps = {}) {
    super(scope, id);
    // A copy of plain objects of this realm: later changes to the caller's objects do not leak in.
    const props = plainCopy(givenProps);
    const inheritedWarnings = PackageManager.pendingWarnings;
    PackageManager.pendingWarnings = [];
    this.releaseName = props.releaseName ?? id;
    this.namespace = props.namespace ?? enclosingNamespace(scope) ?? 'default';

    const result = validateProps(props, this.releaseName, this.namespace);
    if (!result.model) throw new PackageManagerValidationError(result.errors, `PackageManager ${this.node.path}`);
    this.warnings = [...inheritedWarnings, ...result.warnings];
    for (const w of this.warnings) {
      this.node.addMetadata('warning', `${w.path}: ${w.message}`);
      // An app with many instances prints each distinct warning once, not once per instance.
      const text = `${w.path}: ${w.message}`;
      const printed = PRINTED_WARNINGS.get(this.node.root) ?? new Set<string>();
      PRINTED_WARNINGS.set(this.node.root, printed);
      if (printed.has(text)) continue;
      printed.add(text);
      console.warn(`[cdk8s-posit-package-manager] WARNING ${this.node.path}: ${text}`);
    }

    this.model = result.model;
    this.fullName = this.model.fullName;
    const m = this.model;

    const configMap = renderConfigMap(m);
    const awsSecret = renderAwsCredentialsSecret(m);
    const keySecret = renderEncryptionKeySecret(m);
    const configSecrets = renderConfigSecretsSecret(m);
    const licenseSecrets = [renderLicenseKeySecret(m), renderLicenseFileSecret(m)];
    const add = (childId: string, manifest: Manifest | undefined) => (manifest ? new ApiObject(this, childId, manifest) : undefined);

    this.serviceAccount = add('ServiceAccount', renderServiceAccount(m));
    this.awsCredentialsSecret = add('AwsCredentialsSecret', awsSecret);
    this.licenseSecret = add('LicenseSecret', licenseSecrets[0]);
    this.licenseFileSecret = add('LicenseFileSecret', licenseSecrets[1]);
    this.encryptionKeySecret = add('EncryptionKeySecret', keySecret);
    this.configSecretsSecret = add('ConfigSecretsSecret', configSecrets);
    this.configMap = add('ConfigMap', configMap)!;
    this.persistentVolumeClaim = add('PersistentVolumeClaim', renderPersistentVolumeClaim(m));
    this.service = add('Service', renderService(m))!;
    this.deployment = add(
      'Deployment',
      renderDeployment(m, {
        config: checksum(configMap),
        awsCreds: checksum(awsSecret),
        key: checksum(keySecret),
        configSecrets: configSecrets && checksum(configSecrets),
        // Only Secrets created here: a checksum of a Secret we do not own would never change.
        license: m.values.restartOnLicenseChange && licenseSecrets.some(Boolean) ? checksumOf(licenseSecrets) : undefined,
      }),
    )!;
    this.ingress = add('Ingress', renderIngress(m));
    this.serviceMonitor = add('ServiceMonitor', renderServiceMonitor(m));
    this.podDisruptionBudget = add('PodDisruptionBudget', renderPodDisruptionBudget(m));
    this.networkPolicy = add('NetworkPolicy', renderNetworkPolicy(m));
    this.migrationJob = add('MigrationJob', renderMigrationJob(m));
    this.extraObjects = renderExtraObjects(m).map((o, i) => add(`ExtraObject${i}`, o)!);
  }
}
