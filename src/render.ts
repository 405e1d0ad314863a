/**
 * The pure core: props → the manifests, without cdk8s. It runs the whole
 * pipeline — input (a plain copy) → parse (normalize, merge over the chart
 * version's defaults, schema) → resolve (the model) → check (rules on the
 * model) → render (pure renderers) → check the output (collisions, sizes, Pod Security) — and
 * either returns every object with its construct id, or throws one
 * `PackageManagerValidationError` listing every problem.
 */
import { checkStructure } from './values/intake';
import { CATALOGUE, extraObjectId, type ObjectId } from './catalogue';
import { checksum, secretChecksums } from './checksums';
import { PackageManagerValidationError } from './errors';
import { HTTP_PORT_NAME } from './constants';
import { resolveModel, type Model, type OwnObjects } from './model';
import { renderConfigMap } from './parts/config-map';
import { renderDeployment } from './parts/deployment';
import { renderExtraObjects } from './parts/extra-objects';
import { renderHttpRoute } from './parts/http-route';
import { renderRepositoriesConfigMap } from './parts/repository-setup';
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
import { inlineSecretWarnings, resolveSecretReferences } from './secret-refs';
import { checkOutput } from './validation/output';
import { parseProps } from './validation/input/parse';
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
  /** What other objects point at: the Service's name, port and port name, the pods' port, the metrics port. */
  readonly wiring: Wiring;
}

/** What other objects (an Ingress, an HTTPRoute, a NetworkPolicy, a scrape config) point at. */
export interface Wiring {
  readonly serviceName: string;
  readonly servicePort: number;
  readonly servicePortName: string;
  readonly targetPort: number;
  readonly metricsPort: number | undefined;
}

/** How the core is called by the construct, the values loader, the CLI and the diff. */
export interface InstanceOptions extends RenderOptions {
  /** What the error message says was rendered. @default 'PackageManager' */
  readonly context?: string;
  /**
   * The warnings of the values translation, when the props come from a chart values file (`fromValues`, the
   * CLI, the diff). A values file keeps the chart's habit of inline secrets: no `ppm:inline-secret-prop` then.
   */
  readonly valuesWarnings?: readonly PackageManagerWarning[];
}

/**
 * Renders one instance, with ids and warnings: the one place warnings are
 * collected (the values translation's, the props', the rules') and the ones
 * the instance acknowledged left out.
 * @throws PackageManagerValidationError
 */
export function renderInstance(givenProps: PackageManagerProps, options: InstanceOptions = {}): RenderResult {
  const context = options.context ?? 'PackageManager';
  const releaseName = givenProps?.releaseName ?? options.releaseName ?? 'release';
  const namespace = givenProps?.namespace ?? options.namespace;
  // Secrets given as constructs become their names; then a copy of plain objects: later changes to the caller's objects do not leak in.
  // Cycles and deep nesting are one error before anything recurses; constructs are carried, not walked into.
  checkStructure(givenProps, false, context);
  const refs = resolveSecretReferences(givenProps ?? {}, namespace);
  const props = plainCopy(refs.props);

  const parsed = parseProps(props);
  if (!parsed.parsed || refs.errors.length > 0) throw new PackageManagerValidationError([...refs.errors, ...parsed.errors], context);
  const model = resolveModel(parsed.parsed, { release: releaseName, namespace });
  const checked = checkModel(model);
  if (checked.errors.length > 0) throw new PackageManagerValidationError(checked.errors, context);
  const objects = renderModel(model);
  const output = checkOutput(model, objects);
  if (output.errors.length > 0) throw new PackageManagerValidationError(output.errors, context);
  const warnings = [
    ...parsed.warnings,
    ...checked.warnings,
    ...output.warnings,
    ...(options.valuesWarnings ?? inlineSecretWarnings(props)),
  ].filter((w) => !model.acknowledged.has(w.id));
  return {
    objects,
    warnings,
    releaseName,
    namespace,
    fullName: model.fullName,
    selectorLabels: model.selectorLabels,
    names: model.objects,
    podServiceAccountName: model.pod.serviceAccountName,
    wiring: wiringOf(model),
  };
}

function wiringOf(model: Model): Wiring {
  return {
    serviceName: model.objects.service.name,
    servicePort: model.values.service?.port as number,
    servicePortName: HTTP_PORT_NAME,
    targetPort: model.ports.serviceTargetPort ?? model.ports.container,
    metricsPort: model.ports.metricsEnabled ? model.ports.metrics : undefined,
  };
}

/** Renders one fixed object from the model and the objects rendered before it (undefined when it is not rendered). */
type Renderer = (m: Model, before: ReadonlyMap<ObjectId, Manifest>) => Manifest | undefined;

/** The Deployment, with the checksums of the objects whose change restarts its pods. */
function deploymentOf(m: Model, before: ReadonlyMap<ObjectId, Manifest>): Manifest {
  const licenseSecrets = [before.get('LicenseSecret'), before.get('LicenseFileSecret')];
  const restartOnLicense = m.values.restartOnLicenseChange && licenseSecrets.some((s) => s !== undefined);
  const configSecrets = before.get('ConfigSecretsSecret');
  // Secrets: keyed by one memory-hard derivation per instance, so that a reader of the Deployment cannot test
  // guesses of them quickly. Only Secrets created here: a checksum of a Secret we do not own would never change.
  const secretSums = secretChecksums({
    awsCreds: [before.get('AwsCredentialsSecret')],
    key: [before.get('EncryptionKeySecret')],
    configSecrets: [configSecrets],
    license: restartOnLicense ? licenseSecrets : [],
  });
  return renderDeployment(m, {
    config: checksum(before.get('ConfigMap')),
    awsCreds: secretSums.awsCreds,
    key: secretSums.key,
    configSecrets: configSecrets && secretSums.configSecrets,
    license: restartOnLicense ? secretSums.license : undefined,
    repositories: before.has('RepositoriesConfigMap') ? checksum(before.get('RepositoriesConfigMap')) : undefined,
  });
}

/** The renderer of every object of the catalogue (the Deployment reads the objects before it, for its checksums). */
const RENDERERS: { readonly [id in ObjectId]: Renderer } = {
  ServiceAccount: renderServiceAccount,
  AwsCredentialsSecret: renderAwsCredentialsSecret,
  LicenseSecret: renderLicenseKeySecret,
  LicenseFileSecret: renderLicenseFileSecret,
  EncryptionKeySecret: renderEncryptionKeySecret,
  ConfigSecretsSecret: renderConfigSecretsSecret,
  ConfigMap: renderConfigMap,
  RepositoriesConfigMap: renderRepositoriesConfigMap,
  PersistentVolumeClaim: renderPersistentVolumeClaim,
  Service: renderService,
  Deployment: deploymentOf,
  Ingress: renderIngress,
  HTTPRoute: renderHttpRoute,
  ServiceMonitor: renderServiceMonitor,
  PodDisruptionBudget: renderPodDisruptionBudget,
  NetworkPolicy: renderNetworkPolicy,
  MigrationJob: renderMigrationJob,
};

/** The model → every object, in the catalogue's order, each with its construct id. */
export function renderModel(m: Model): RenderedObject[] {
  const rendered = new Map<ObjectId, Manifest>();
  for (const { id } of CATALOGUE) {
    const manifest = RENDERERS[id](m, rendered);
    if (manifest) rendered.set(id, manifest);
  }
  return [
    ...[...rendered].map(([id, manifest]) => ({ id, manifest })),
    ...renderExtraObjects(m).map((manifest, i) => ({ id: extraObjectId(i), manifest })),
  ];
}

/** The manifests `render` returns, and the warnings the construct would record for the same props. */
export interface RenderedManifests extends Array<Manifest> {
  /** Warnings not acknowledged for this instance, as `PackageManager.warnings` has them (not enumerable: the list stays a list). */
  readonly warnings: readonly PackageManagerWarning[];
}

/**
 * Renders PackageManager's manifests from props, without cdk8s: plain
 * objects, in the order and with the keys `cdk8s synth` writes them, and
 * (`.warnings`) the warnings the construct would record.
 * @throws PackageManagerValidationError for props that would render a broken or wrong manifest
 */
export function render(props: PackageManagerProps, options: RenderOptions = {}): RenderedManifests {
  const result = renderInstance(props, { ...options, context: 'render' });
  const manifests = result.objects.map((o) => sanitize(o.manifest));
  return Object.defineProperty(manifests, 'warnings', { value: result.warnings, enumerable: false }) as RenderedManifests;
}
