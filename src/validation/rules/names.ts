/** Rules on the names and labels the chart's values turn into. */
import { releaseNameProblem } from '../../names';
import { DNS1035_LABEL, IMAGE_REPOSITORY, IMAGE_TAG, isDns1123Subdomain, LABEL_VALUE, SUBDOMAIN_RULE } from '../../k8s/names';
import type { Rule } from './context';

/** Where the full name comes from, for messages. */
function fullNameSource(props: { readonly fullnameOverride?: string; readonly nameOverride?: string }): string {
  if (props.fullnameOverride) return 'fullnameOverride';
  return props.nameOverride ? 'releaseName and nameOverride' : 'releaseName';
}

/** Release name as Helm accepts it; the name and full name as Kubernetes accepts them. */
export const releaseAndNames: Rule = ({ model, error, invalid }) => {
  const releaseProblem = releaseNameProblem(model.release);
  if (releaseProblem) error('releaseName', releaseProblem);
  if (model.name.length > 63 || !LABEL_VALUE.test(model.name) || model.name === '') {
    invalid(
      'nameOverride',
      'becomes the label app.kubernetes.io/name, so it must be a label value (letters, digits, "-", "_", "."; a letter or digit at both ends)',
      model.name,
    );
  }
  if (!DNS1035_LABEL.test(model.fullName)) {
    error(
      fullNameSource(model.values),
      `give the full name ${JSON.stringify(model.fullName)}, which names the Service and so must be a DNS-1035 label: lower-case letters, digits and "-", starting with a letter`,
    );
  }
  const job = model.objects.migrationJob?.name;
  if (job !== undefined && job.length > 63) {
    error(
      'enableMigration',
      `renders the Job ${JSON.stringify(job)} (${job.length} characters), but Kubernetes labels its pods with the Job name, which must be at most 63: set enableMigration: false or a shorter fullnameOverride (at most ${63 - (job.length - model.fullName.length)} characters)`,
    );
  }
};

/** The image reference is `repository:tag`. */
export const imageReference: Rule = ({ model, error, invalid }) => {
  const image = model.values.image ?? {};
  if (image.repository === undefined) {
    error('image.repository', 'is removed (null), so the image would have no repository: give one, e.g. "posit/package-manager"');
  } else if (!IMAGE_REPOSITORY.test(image.repository)) {
    invalid(
      'image.repository',
      'must be an image repository such as "registry.example.com/posit/package-manager" (lower-case path)',
      image.repository,
    );
  }
  const tag = model.imageTag;
  if (!IMAGE_TAG.test(tag)) {
    const from = image.tag ? 'image.tag' : model.chart.imageTag === 'version-os' ? 'image.os' : 'image.tagPrefix';
    error(
      from,
      `gives the image tag ${JSON.stringify(tag)}, but a tag is at most 128 letters, digits, "_", "." and "-", not starting with "." or "-"`,
    );
  }
};

/** Names of objects referred to by name. */
export const referencedNames: Rule = ({ model, invalid }) => {
  const v = model.values;
  const check = (path: string, value: string | undefined) => {
    if (value && !isDns1123Subdomain(value)) invalid(path, SUBDOMAIN_RULE, value);
  };
  check('pod.serviceAccountName', v.pod?.serviceAccountName);
  check('priorityClassName', v.priorityClassName);
  check('sharedStorage.storageClassName', v.sharedStorage?.storageClassName);
  check('sharedStorage.volumeName', v.sharedStorage?.volumeName);
  check('ingress.ingressClassName', v.ingress?.ingressClassName);
  (v.ingress?.tls ?? []).forEach((t, i) => check(`ingress.tls[${i}].secretName`, t.secretName));
  (v.image?.imagePullSecrets ?? []).forEach((s, i) => check(`image.imagePullSecrets[${i}].name`, s.name));
};
