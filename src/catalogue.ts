/**
 * The one catalogue of the objects this library renders, in the order they
 * are written: each object's construct id and member, its kind, the chart
 * template that renders it (for `--show-only` and `--output-dir`), and the
 * props its annotations and data come from (for the size rules). The
 * construct's members, the renderers (render.ts), the CLI's template layout
 * and the output rules all derive from it; `extraObjects` items follow the
 * fixed objects as `ExtraObject0`, `ExtraObject1`, ….
 *
 * Both chart versions (github.com/rstudio/helm, tags rstudio-pm-0.5.29 and
 * rstudio-pm-0.20.4) have the same templates. Objects the chart does not
 * have: the Secret FULL-config-secrets (secret settings kept out of the
 * ConfigMap) counts as templates/configmap.yaml; a NetworkPolicy as
 * templates/networkpolicy.yaml; an HTTPRoute as templates/httproute.yaml
 * (`helm create`'s name).
 */

/** One object of the catalogue. */
export interface CatalogueEntry {
  /** Construct id of its `ApiObject`, and the key of its renderer. */
  readonly id: string;
  /** The `PackageManager` member that holds it (and its key in the model's `objects`). */
  readonly member: string;
  /** Its Kubernetes kind. */
  readonly kind: string;
  /** The chart template that renders it: `templates/NAME.yaml`. */
  readonly template: string;
  /** The props its own annotations come from. */
  readonly annotations?: string;
  /** The props its pod template's annotations come from. */
  readonly templateAnnotations?: string;
  /** The prop its data (of a ConfigMap or Secret) comes from. */
  readonly data?: string;
}

/** Every fixed object, in the order written. */
export const CATALOGUE = [
  {
    id: 'ServiceAccount',
    member: 'serviceAccount',
    kind: 'ServiceAccount',
    template: 'templates/serviceaccount.yaml',
    annotations: 'serviceAccount.annotations',
  },
  {
    id: 'AwsCredentialsSecret',
    member: 'awsCredentialsSecret',
    kind: 'Secret',
    template: 'templates/secret-aws-creds.yaml',
    data: 'awsSecretAccessKey',
  },
  { id: 'LicenseSecret', member: 'licenseSecret', kind: 'Secret', template: 'templates/secret-license.yaml', data: 'license.key' },
  {
    id: 'LicenseFileSecret',
    member: 'licenseFileSecret',
    kind: 'Secret',
    template: 'templates/secret-license.yaml',
    data: 'license.file.contents',
  },
  {
    id: 'EncryptionKeySecret',
    member: 'encryptionKeySecret',
    kind: 'Secret',
    template: 'templates/secret-rstudio-pm-key.yaml',
    data: 'rstudioPMKey',
  },
  { id: 'ConfigSecretsSecret', member: 'configSecretsSecret', kind: 'Secret', template: 'templates/configmap.yaml', data: 'config' },
  { id: 'ConfigMap', member: 'configMap', kind: 'ConfigMap', template: 'templates/configmap.yaml', data: 'config' },
  {
    id: 'RepositoriesConfigMap',
    member: 'repositoriesConfigMap',
    kind: 'ConfigMap',
    template: 'templates/repositories-configmap.yaml',
    data: 'repositories',
  },
  {
    id: 'PersistentVolumeClaim',
    member: 'persistentVolumeClaim',
    kind: 'PersistentVolumeClaim',
    template: 'templates/pvc.yaml',
    annotations: 'sharedStorage.annotations',
  },
  { id: 'Service', member: 'service', kind: 'Service', template: 'templates/svc.yaml', annotations: 'service.annotations' },
  {
    id: 'Deployment',
    member: 'deployment',
    kind: 'Deployment',
    template: 'templates/deployment.yaml',
    annotations: 'deployment.annotations',
    templateAnnotations: 'pod.annotations',
  },
  { id: 'Ingress', member: 'ingress', kind: 'Ingress', template: 'templates/ingress.yaml', annotations: 'ingress.annotations' },
  { id: 'HTTPRoute', member: 'httpRoute', kind: 'HTTPRoute', template: 'templates/httproute.yaml', annotations: 'httpRoute.annotations' },
  { id: 'ServiceMonitor', member: 'serviceMonitor', kind: 'ServiceMonitor', template: 'templates/servicemonitor.yaml' },
  { id: 'PodDisruptionBudget', member: 'podDisruptionBudget', kind: 'PodDisruptionBudget', template: 'templates/poddisruptionbudget.yaml' },
  { id: 'NetworkPolicy', member: 'networkPolicy', kind: 'NetworkPolicy', template: 'templates/networkpolicy.yaml' },
  { id: 'MigrationJob', member: 'migrationJob', kind: 'Job', template: 'templates/post-upgrade-chown-job.yaml' },
] as const satisfies readonly CatalogueEntry[];

/** The construct id of a fixed object. */
export type ObjectId = (typeof CATALOGUE)[number]['id'];
/** The member of a fixed object. */
export type ObjectMember = (typeof CATALOGUE)[number]['member'];

/** The `extraObjects` items: ids `ExtraObjectN`, member `extraObjects`, all from one template. */
export const EXTRA_OBJECTS = { idPrefix: 'ExtraObject', member: 'extraObjects', template: 'templates/extra-objects.yaml' } as const;

/** The construct id of the `extraObjects` item `index`. */
export const extraObjectId = (index: number) => `${EXTRA_OBJECTS.idPrefix}${index}`;

/** The index of an `extraObjects` item from its construct id, or undefined for a fixed object. */
export function extraObjectIndex(id: string): number | undefined {
  const m = /^ExtraObject(\d+)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

const BY_ID: ReadonlyMap<string, CatalogueEntry> = new Map(CATALOGUE.map((e) => [e.id, e]));

/** The catalogue entry of a fixed object's construct id (undefined for an extra object or an unknown id). */
export const entryOf = (id: string): CatalogueEntry | undefined => BY_ID.get(id);

/** The chart template (`templates/NAME.yaml`) that renders the object of a construct id. */
export function templateOf(id: string): string {
  if (extraObjectIndex(id) !== undefined) return EXTRA_OBJECTS.template;
  const entry = entryOf(id);
  if (!entry) throw new Error(`no chart template for the object ${id}`);
  return entry.template;
}
