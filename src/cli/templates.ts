/**
 * Which template of the rstudio-pm chart renders each object, for
 * `--show-only templates/NAME.yaml` and `--output-dir`. Both chart versions
 * (github.com/rstudio/helm, tags rstudio-pm-0.5.29 and rstudio-pm-0.20.4)
 * have the same templates:
 *
 * | template                             | renders                                              |
 * | ------------------------------------ | ---------------------------------------------------- |
 * | templates/configmap.yaml             | ConfigMap FULL-config                                |
 * | templates/deployment.yaml            | Deployment FULL                                      |
 * | templates/extra-objects.yaml         | every `extraObjects` item, whatever its kind         |
 * | templates/ingress.yaml               | Ingress FULL                                         |
 * | templates/poddisruptionbudget.yaml   | PodDisruptionBudget FULL                             |
 * | templates/post-upgrade-chown-job.yaml| Job FULL-chown-shared-storage (a post-upgrade hook)  |
 * | templates/pvc.yaml                   | PersistentVolumeClaim                                |
 * | templates/secret-aws-creds.yaml      | Secret FULL-aws-creds                                |
 * | templates/secret-license.yaml        | Secrets FULL-license and FULL-license-file           |
 * | templates/secret-rstudio-pm-key.yaml | Secret FULL-rstudio-pm-key                           |
 * | templates/serviceaccount.yaml        | ServiceAccount                                       |
 * | templates/servicemonitor.yaml        | ServiceMonitor                                       |
 * | templates/svc.yaml                   | Service FULL                                         |
 *
 * Objects the chart does not have: the Secret FULL-config-secrets (secret
 * settings kept out of the ConfigMap) counts as templates/configmap.yaml; a
 * NetworkPolicy as templates/networkpolicy.yaml; an HTTPRoute as templates/httproute.yaml (`helm create`'s name).
 */

/** Template files of the chart (NOTES.txt and _helpers.tpl render no objects). */
export const CHART_TEMPLATES: readonly string[] = [
  'templates/configmap.yaml',
  'templates/deployment.yaml',
  'templates/extra-objects.yaml',
  'templates/ingress.yaml',
  'templates/poddisruptionbudget.yaml',
  'templates/post-upgrade-chown-job.yaml',
  'templates/pvc.yaml',
  'templates/secret-aws-creds.yaml',
  'templates/secret-license.yaml',
  'templates/secret-rstudio-pm-key.yaml',
  'templates/serviceaccount.yaml',
  'templates/servicemonitor.yaml',
  'templates/svc.yaml',
];

/** The template of each object, by the id the core gives it (`ExtraObjectN` for every extra object). */
const BY_ID: Readonly<Record<string, string>> = {
  ServiceAccount: 'templates/serviceaccount.yaml',
  AwsCredentialsSecret: 'templates/secret-aws-creds.yaml',
  LicenseSecret: 'templates/secret-license.yaml',
  LicenseFileSecret: 'templates/secret-license.yaml',
  EncryptionKeySecret: 'templates/secret-rstudio-pm-key.yaml',
  ConfigSecretsSecret: 'templates/configmap.yaml',
  ConfigMap: 'templates/configmap.yaml',
  PersistentVolumeClaim: 'templates/pvc.yaml',
  Service: 'templates/svc.yaml',
  Deployment: 'templates/deployment.yaml',
  Ingress: 'templates/ingress.yaml',
  HTTPRoute: 'templates/httproute.yaml',
  ServiceMonitor: 'templates/servicemonitor.yaml',
  PodDisruptionBudget: 'templates/poddisruptionbudget.yaml',
  NetworkPolicy: 'templates/networkpolicy.yaml',
  MigrationJob: 'templates/post-upgrade-chown-job.yaml',
};

/** The chart template (`templates/NAME.yaml`) that renders the object of a construct id. */
export function templateOf(id: string): string {
  if (/^ExtraObject\d+$/.test(id)) return 'templates/extra-objects.yaml';
  const template = BY_ID[id];
  if (!template) throw new Error(`no chart template for the object ${id}`);
  return template;
}
