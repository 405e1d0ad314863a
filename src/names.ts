/** The chart's naming rules (`_helpers.tpl`): name, full name, release name. */
import { CHART } from './defaults';

/** Helm's rule for release names: a DNS-1123 subdomain of at most 53 characters. */
export const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Helm's limit on the length of a release name. */
export const RELEASE_NAME_MAX = 53;

/** Cuts to 63 characters and removes one trailing "-", like `trunc 63 | trimSuffix "-"`. */
export function truncName(s: string): string {
  const cut = s.slice(0, 63);
  return cut.endsWith('-') ? cut.slice(0, -1) : cut;
}

/** `NAME`: `nameOverride` or the chart name, cut to 63 characters. */
export function chartName(nameOverride: string | undefined): string {
  return truncName(nameOverride || CHART.name);
}

/**
 * `FULL`: `fullnameOverride` if set; else the release name when it already
 * contains the name; else `<release>-<name>`; cut to 63 characters.
 */
export function fullName(release: string, nameOverride?: string, fullnameOverride?: string): string {
  if (fullnameOverride) return truncName(fullnameOverride);
  const name = nameOverride || CHART.name;
  return truncName(release.includes(name) ? release : `${release}-${name}`);
}

/** Why a release name is refused, or undefined when Helm accepts it. */
export function releaseNameProblem(release: string): string | undefined {
  if (release.length > RELEASE_NAME_MAX || !RELEASE_NAME.test(release)) {
    return `invalid release name ${JSON.stringify(release)}: it must be at most ${RELEASE_NAME_MAX} characters of lower-case letters, digits, "-" and "." (regex ${RELEASE_NAME.source}), as Helm requires`;
  }
  return undefined;
}
