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
 * NetworkPolicy as templates/networkpolicy.yaml.
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

/** Template by kind, for kinds only one template renders. */
const BY_KIND: Readonly<Record<string, string>> = {
  ConfigMap: 'templates/configmap.yaml',
  Deployment: 'templates/deployment.yaml',
  Ingress: 'templates/ingress.yaml',
  PodDisruptionBudget: 'templates/poddisruptionbudget.yaml',
  Job: 'templates/post-upgrade-chown-job.yaml',
  PersistentVolumeClaim: 'templates/pvc.yaml',
  ServiceAccount: 'templates/serviceaccount.yaml',
  ServiceMonitor: 'templates/servicemonitor.yaml',
  Service: 'templates/svc.yaml',
  NetworkPolicy: 'templates/networkpolicy.yaml',
};

/** Secrets by name suffix after the full name. */
const SECRETS: Readonly<Record<string, string>> = {
  '-aws-creds': 'templates/secret-aws-creds.yaml',
  '-license': 'templates/secret-license.yaml',
  '-license-file': 'templates/secret-license.yaml',
  '-rstudio-pm-key': 'templates/secret-rstudio-pm-key.yaml',
  '-config-secrets': 'templates/configmap.yaml',
};

/** The chart template (`templates/NAME.yaml`) that renders an object. */
export function templateOf(
  object: { kind?: unknown; metadata?: { name?: unknown } },
  context: { fullName: string; extraObject: boolean },
): string {
  if (context.extraObject) return 'templates/extra-objects.yaml';
  const kind = String(object.kind ?? '');
  if (kind === 'Secret') {
    const name = String(object.metadata?.name ?? '');
    for (const [suffix, template] of Object.entries(SECRETS)) if (name === `${context.fullName}${suffix}`) return template;
  }
  return BY_KIND[kind] ?? `templates/${kind.toLowerCase() || 'unknown'}.yaml`;
}
