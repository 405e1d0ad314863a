/** The syntax Kubernetes requires of names, labels, paths and addresses. */

/** DNS-1123 label: most names, namespaces (at most 63). */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1035 label: Service names (a letter first, at most 63). */
export const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1123 subdomain: object names (at most 253). */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Label values (at most 63, may be empty). */
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** ConfigMap and Secret keys. */
export const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
/** Environment variable names as Kubernetes 1.28 accepts them. */
export const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** A named port (IANA service name): at most 15 lower-case letters, digits and "-", with a letter, no "--". */
export const PORT_NAME = /^(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;
/** An image tag (with an optional digest). */
export const IMAGE_TAG = /^[\w][\w.-]{0,127}(@sha256:[a-f0-9]{64})?$/;
/** An image repository: optional registry host[:port], then lower-case path components. */
export const IMAGE_REPOSITORY =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/** True for a DNS-1123 label of at most 63 characters. */
export const isDns1123Label = (s: string) => s.length <= 63 && DNS1123_LABEL.test(s);
/** True for a DNS-1123 subdomain of at most 253 characters. */
export const isDns1123Subdomain = (s: string) => s.length <= 253 && DNS1123_SUBDOMAIN.test(s);

/** True for a label or annotation key: a name with an optional DNS-subdomain prefix and "/". */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (!isDns1123Subdomain(prefix)) return false;
  }
  return name.length > 0 && name.length <= 63 && QUALIFIED_NAME_PART.test(name);
}

/** True for an IPv4 or IPv6 address. */
export function isIp(s: string): boolean {
  if (/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s)) return true;
  return /^[0-9a-fA-F:.]+$/.test(s) && s.includes(':') && s.split('::').length <= 2 && s.split(':').length <= 8;
}

/** Why `s` is not a DNS-1123 subdomain, in words. */
export const SUBDOMAIN_RULE =
  'must be a DNS-1123 name of at most 253 characters: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';
/** Why `s` is not a DNS-1123 label, in words. */
export const LABEL_RULE =
  'must be a DNS-1123 label of at most 63 characters: lower-case letters, digits and "-", starting and ending with a letter or digit';

/**
 * True for a key of a Secret or ConfigMap as Kubernetes accepts it (at most
 * 253 letters, digits, "-", "_", "."; not "." or "..", not starting with "..":
 * keys are also file names in a volume).
 */
export function isSecretKey(k: string): boolean {
  return CONFIG_KEY.test(k) && k.length <= 253 && k !== '.' && !k.startsWith('..');
}
/** What a Secret key may be, in words. */
export const SECRET_KEY_RULE =
  'must be a Secret key: at most 253 letters, digits, "-", "_" and ".", not "." or ".." and not starting with ".." (it is also a file name)';

/** A key of a Secret (or ConfigMap). */
