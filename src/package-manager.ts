/**
 * The `PackageManager` construct: a thin shell around the pure core
 * (render.ts), which parses the props, resolves the model, checks it and
 * renders every object; the construct wraps each object in an `ApiObject`
 * and records the warnings on its node.
 */
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CATALOGUE, extraObjectIndex, type ObjectMember } from './catalogue';
import type { PackageManagerProps } from './props';
import { renderInstance } from './render';
import { WARNING_METADATA } from './report-warnings';
import type { FromValuesOptions } from './values/options';
import type { PackageManagerWarning } from './warnings';

const CONSTRUCT_BRAND = Symbol.for('cdk8s-posit-package-manager.PackageManager');
/** Roots that already check collisions between instances. */
const CHECKED_ROOTS = new WeakSet<object>();

/** Objects of two instances that would be the same object in the cluster: one would replace the other on apply. */
function collisionsBetweenInstances(root: Construct): string[] {
  const seen = new Map<string, string>();
  const errors: string[] = [];
  for (const c of root.node.findAll()) {
    if (!(c instanceof ApiObject) || !c.node.scope || !(CONSTRUCT_BRAND in c.node.scope)) continue;
    const key = `${c.apiGroup}/${c.kind}/${c.metadata.namespace ?? ''}/${c.name}`;
    const owner = c.node.scope.node.path;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, owner);
    else if (first !== owner)
      errors.push(
        `PackageManager ${first} and PackageManager ${owner} both render ${c.kind} ${JSON.stringify(c.name)}${c.metadata.namespace ? ` in namespace ${JSON.stringify(c.metadata.namespace)}` : ''}: one would replace the other on apply; give them different release names (releaseName, fullnameOverride) or namespaces`,
      );
  }
  return errors;
}
/** Marks props that `fromValues` built from a values file (not typed props), with the warnings of the values translation. */
const FROM_VALUES = Symbol('fromValues');

function enclosingNamespace(scope: Construct): string | undefined {
  try {
    return Chart.of(scope).namespace;
  } catch {
    return undefined;
  }
}

/**
 * Posit Package Manager on Kubernetes: the objects the rstudio-pm chart
 * renders (0.5.29 by default, or the `chartVersion` given), from the same
 * values, as typed props.
 */
export class PackageManager extends Construct {
  /**
   * Builds a `PackageManager` from a chart values file, read exactly as Helm
   * reads it: the parsed content, its YAML text, or a list of layers (as
   * several `-f` files), with the chart's habits (`false`/`""` meaning unset,
   * `command`/`args` as YAML strings, templated strings in `extraObjects`…).
   * @throws PackageManagerValidationError for values the chart would refuse or render broken
   */
  public static fromValues(scope: Construct, id: string, values: unknown, options: FromValuesOptions = {}): PackageManager {
    // The values loader (YAML, Go templates) is loaded only by those who use it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { valuesToProps } = require('./values/from-values') as typeof import('./values/from-values');
    const release = options.releaseName ?? id;
    const namespace = options.namespace ?? enclosingNamespace(scope);
    // Templates in values see Helm's default namespace when none is given.
    const { props, warnings } = valuesToProps(values, {
      releaseName: release,
      namespace: namespace ?? 'default',
      chartVersion: options.chartVersion,
      subchart: options.subchart,
    });
    return new PackageManager(scope, id, {
      ...props,
      releaseName: release,
      namespace,
      chartVersion: options.chartVersion,
      acknowledgeWarnings: options.acknowledgeWarnings,
      [FROM_VALUES]: warnings,
    } as PackageManagerProps);
  }

  /** The release name the names and labels derive from: the `releaseName` prop, else the construct id. */
  public readonly releaseName: string;
  /**
   * Namespace of the objects: the `namespace` prop, else the enclosing Chart's, else none (`undefined`: the objects
   * carry no `metadata.namespace` and `kubectl apply -n` decides).
   */
  public readonly namespace?: string;
  /**
   * `FULL`, the chart's full name and the base of every object name: `fullnameOverride`, else the release name when it
   * contains the chart name, else `<release>-rstudio-pm`, cut to 63 characters.
   */
  public readonly fullName: string;
  /** The labels the Deployment selects its pods by (`app.kubernetes.io/name` and `/instance`), for affinity, spread and policies. */
  public readonly selectorLabels: Readonly<Record<string, string>>;
  /** Name of the ServiceAccount the pods run as (created here or not). */
  public readonly serviceAccountName: string;
  /** Name of the Service, for an Ingress, HTTPRoute or scrape config of your own (as cdk8s-plus's `Service.name`). */
  public readonly serviceName: string;
  /** Port of the Service (`service.port`, 80 by default) that your Ingress or HTTPRoute backend names (as cdk8s-plus's `Service.port`). */
  public readonly servicePort: number;
  /** Name of the Service's port (`rspm`), for a backend that names the port instead of its number. */
  public readonly servicePortName: string;
  /**
   * Port the pods listen on and the Service targets (4242 by default): what a NetworkPolicy of your own must allow
   * (policies see pod ports, not Service ports) (as cdk8s-plus's `ServicePort.targetPort`).
   */
  public readonly targetPort: number;
  /** Port of the Prometheus metrics listener (2112 by default), when `config.Metrics.Enabled`; undefined when metrics are off. */
  public readonly metricsPort?: number;

  /** ConfigMap `FULL-config` with `rstudio-pm.gcfg`; always. */
  declare public readonly configMap: ApiObject;
  /** ConfigMap `FULL-repositories` with the setup script of `repositories` and `sources` (docs/repositories.md), when any are declared. */
  declare public readonly repositoriesConfigMap?: ApiObject;
  /** Deployment `FULL`; always. */
  declare public readonly deployment: ApiObject;
  /** Service `FULL`; always. */
  declare public readonly service: ApiObject;
  /** ServiceAccount `FULL` (or `serviceAccount.name`), when `serviceAccount.create` (the default). */
  declare public readonly serviceAccount?: ApiObject;
  /** PersistentVolumeClaim `FULL-shared-storage` (or `sharedStorage.name`), when `sharedStorage.create`. */
  declare public readonly persistentVolumeClaim?: ApiObject;
  /** Ingress `FULL` (networking.k8s.io/v1), when `ingress.enabled`. */
  declare public readonly ingress?: ApiObject;
  /** HTTPRoute `FULL` (gateway.networking.k8s.io/v1), when `httpRoute.enabled`. */
  declare public readonly httpRoute?: ApiObject;
  /** ServiceMonitor `FULL`, when `serviceMonitor.enabled` and `config.Metrics.Enabled` (the default). */
  declare public readonly serviceMonitor?: ApiObject;
  /** PodDisruptionBudget `FULL` (policy/v1), when `podDisruptionBudget` is set. */
  declare public readonly podDisruptionBudget?: ApiObject;
  /** Secret `FULL-license` with the license key, when `license.key`. */
  declare public readonly licenseSecret?: ApiObject;
  /** Secret `FULL-license-file` with the license file, when `license.file.contents`. */
  declare public readonly licenseFileSecret?: ApiObject;
  /** Secret `FULL-aws-creds` with the AWS credentials file, when `awsAccessKeyId`. */
  declare public readonly awsCredentialsSecret?: ApiObject;
  /** Secret `FULL-rstudio-pm-key` with the encryption key, when `rstudioPMKey`. */
  declare public readonly encryptionKeySecret?: ApiObject;
  /** Secret `FULL-config-secrets` with the secret settings found in `config`, when one is written inline. */
  declare public readonly configSecretsSecret?: ApiObject;
  /** NetworkPolicy `FULL`, when `networkPolicy.enabled`. */
  declare public readonly networkPolicy?: ApiObject;
  /** Job `FULL-chown-shared-storage`, when shared storage is created or mounted and `enableMigration`. */
  declare public readonly migrationJob?: ApiObject;
  /** One object per `extraObjects` item. */
  public readonly extraObjects: readonly ApiObject[];
  // Every member above is assigned from the catalogue (catalogue.ts); a test checks that each catalogue member is one.

  /**
   * @throws PackageManagerValidationError listing every problem of the props
   */
  constructor(scope: Construct, id: string, props: PackageManagerProps = {}) {
    super(scope, id);
    Object.defineProperty(this, CONSTRUCT_BRAND, { value: true });
    const root = this.node.root as Construct;
    if (!CHECKED_ROOTS.has(root)) {
      CHECKED_ROOTS.add(root);
      root.node.addValidation({ validate: () => collisionsBetweenInstances(root) });
    }
    const result = renderInstance(props, {
      releaseName: id,
      namespace: enclosingNamespace(scope),
      context: `PackageManager ${this.node.path}`,
      valuesWarnings: (props as { [FROM_VALUES]?: readonly PackageManagerWarning[] })[FROM_VALUES],
    });
    this.releaseName = result.releaseName;
    this.namespace = result.namespace;
    this.fullName = result.fullName;
    this.selectorLabels = result.selectorLabels;
    this.serviceAccountName = result.podServiceAccountName;
    ({
      serviceName: this.serviceName,
      servicePort: this.servicePort,
      servicePortName: this.servicePortName,
      targetPort: this.targetPort,
      metricsPort: this.metricsPort,
    } = result.wiring);

    const objects = new Map(result.objects.map((o) => [o.id, new ApiObject(this, o.id, o.manifest)]));
    const members = this as unknown as Record<ObjectMember, ApiObject | undefined>;
    for (const { id, member } of CATALOGUE) members[member] = objects.get(id);
    this.extraObjects = result.objects.filter((o) => extraObjectIndex(o.id) !== undefined).map((o) => objects.get(o.id)!);
    for (const w of result.warnings) this.node.addMetadata(WARNING_METADATA, w);
  }

  /** The warnings recorded on this instance (those it acknowledged are not recorded). */
  public get warnings(): readonly PackageManagerWarning[] {
    return this.node.metadata.filter((m) => m.type === WARNING_METADATA).map((m) => m.data as PackageManagerWarning);
  }
}
