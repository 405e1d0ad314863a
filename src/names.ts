/** The chart's naming rules (`_helpers.tpl`): name, full name, release name. */
import { DNS1123_SUBDOMAIN } from './k8s/names';

/** The chart's name. */
export const CHART_NAME = 'rstudio-pm';

/** Helm's rule for release names: a DNS-1123 subdomain of at most 53 characters. */
export const RELEASE_NAME = DNS1123_SUBDOMAIN;
/** Helm's limit on the length of a release name. */
export const RELEASE_NAME_MAX = 53;

/** Cuts to 63 characters and removes one trailing "-", like `trunc 63 | trimSuffix "-"`. */
export function truncName(s: string): string {
  const cut = s.slice(0, 63);
  return cut.endsWith('-') ? cut.slice(0, -1) : cut;
}

/** `NAME`: `nameOverride` or the chart name, cut to 63 characters. */
export function chartName(nameOverride: string | undefined): string {
  return truncName(nameOverride || CHART_NAME);
}

/**
 * `FULL`: `fullnameOverride` if set; else the release name when it already
 * contains the name; else `<release>-<name>`; cut to 63 characters.
 */
export function fullName(release: string, nameOverride?: string, fullnameOverride?: string): string {
  if (fullnameOverride) return truncName(fullnameOverride);
  const name = nameOverride || CHART_NAME;
  return truncName(release.includes(name) ? release : `${release}-${name}`);
}

/** Why a release name is refused, or undefined when Helm accepts it. */
export function releaseNameProblem(release: string): string | undefined {
  if (release.length > RELEASE_NAME_MAX || !RELEASE_NAME.test(release)) {
    return `invalid release name ${JSON.stringify(release)}: it must be at most ${RELEASE_NAME_MAX} characters of lower-case letters, digits, "-" and "." (regex ${RELEASE_NAME.source}), as Helm requires`;
  }
  return undefined;
}

/** `app.kubernetes.io/name` and `app.kubernetes.io/instance`: what every selector matches. */
export function selectorLabels(name: string, release: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': release };
}

/** The labels of every object: the selector labels, the app version, and who manages it. */
export function commonLabels(name: string, release: string, appVersion: string): Record<string, string> {
  return { ...selectorLabels(name, release), 'app.kubernetes.io/version': appVersion, 'app.kubernetes.io/managed-by': 'cdk8s' };
}

/** The service account the pod runs as: the one created (its name or FULL), else the named one or `default`. */
export function serviceAccountName(create: unknown, name: string | undefined, full: string): string {
  return create ? name || full : name || 'default';
}
