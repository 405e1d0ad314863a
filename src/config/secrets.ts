/**
 * Secrets in `config`: which settings are secret, how they reach Package
 * Manager instead of the ConfigMap (an environment variable
 * `PACKAGEMANAGER_<SECTION>_<KEY>`, as Posit's gcfgenv reads them), and
 * where their values are kept (a Secret this construct creates, or one the
 * user names with `configFromSecrets`).
 *
 * The rule (docs/security.md): a setting is secret when its key's name
 * says so, or when its value holds a credential.
 * - Names, compared without case, `-` and `_`, that end in one of
 *   `SECRET_NAME_ENDINGS` (src/leaf/secret-names.ts) (`Password`, `Passwd`, `Pwd`, `Passphrase`,
 *   `Secret`, `Token`, `ApiKey`, `SecretKey`, `PrivateKey`, `Credentials`,
 *   `DSN`…). A bare `Key` is not one of them: `HTTPS.Key` is the path of a
 *   PEM file; names ending in `Path`, `File`, `Dir` or `URL` say where
 *   something is, and are never secret by name (their values still are checked).
 * - Values: a URL with a password (`scheme://user:password@host`), a
 *   `name=value` pair whose name is secret (`?sslmode=require&password=…`,
 *   libpq's `host=db user=ppm password=…`, `--api-token=…`, Azure's
 *   `AccountKey=…`), a flag named like a secret and its value (`--password x`),
 *   a PEM or PGP private key, an HTTP `Bearer`/`Basic` credential, a JWT, a
 *   token or key of a common service by its prefix (`ghp_…`, `github_pat_…`,
 *   `glpat-…`, `xoxb-…`, `AKIA…`/`ASIA…`, `sk_live_…`, `npm_…`, `pypi-…`…), a
 *   Slack webhook, or a signed URL (`X-Amz-Signature=`, `X-Goog-Signature=`, `sig=`).
 */
import { parseSectionName } from '../gcfg/serialize';
import { ENV_VAR_NAME } from '../k8s/names';
import { isSecretName } from '../leaf/secret-names';
import type { GcfgValue } from './types';

export { isSecretName, SECRET_NAME_ENDINGS } from '../leaf/secret-names';

/** A URL with a password in it: `scheme://user:password@host`, anywhere in the value. */
const URL_WITH_PASSWORD = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^/?#@:\s]*:[^/?#@\s]*@/i;
/** `name=value` pairs (query strings, libpq DSNs, command-line flags). */
const PAIR = /(?:^|[^A-Za-z0-9_.-])-{0,2}([A-Za-z][A-Za-z0-9_.-]*)\s*=(?!=)\s*[^\s&;]/g;
/** A PEM or PGP private key (`-----BEGIN RSA PRIVATE KEY-----`, `-----BEGIN PGP PRIVATE KEY BLOCK-----`). */
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
/**
 * Credentials recognizable by their form: an HTTP `Authorization` value, a
 * JSON Web Token, the tokens and keys of common services by their prefix
 * (GitHub, GitLab, Slack, AWS, Stripe, npm, PyPI, OpenAI…, e.g. as the user of
 * `https://<token>@github.com/org/repo`), Slack webhooks, and signed URLs
 * (AWS, Google and Azure signatures in a query string).
 */
const TOKEN = new RegExp(
  [
    String.raw`(?:^|[\s"'=:])(?:Bearer|Basic)\s+[A-Za-z0-9+/_.=~-]{8,}`,
    String.raw`\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{8,}`,
    String.raw`(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}|gl(?:dt|rt|ptt|cbt|soat)-[\w-]{20,}|xox[abeoprs]-[\w-]{10,}|xapp-[\w-]{10,})`,
    String.raw`(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])`,
    String.raw`(?<![A-Za-z0-9])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`,
    String.raw`(?<![A-Za-z0-9])(?:npm_[A-Za-z0-9]{30,}|pypi-[A-Za-z0-9_-]{40,}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,}|AIza[0-9A-Za-z_-]{35}|SG\.[\w-]{16,}\.[\w-]{16,}|hf_[A-Za-z0-9]{30,}|dop_v1_[a-f0-9]{64}|shpat_[a-fA-F0-9]{32})`,
    String.raw`hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9/_-]{16,}`,
    String.raw`[?&](?:X-Amz-Signature|X-Goog-Signature|X-Goog-Credential|sig|Signature|X-Amz-Security-Token)=[^&\s]{8,}`,
  ].join('|'),
);
/** A command-line flag named like a secret with its value as the next word: `--password hunter2`, `-p`-style not. */
const FLAG_WITH_VALUE = /(?:^|\s)--?([A-Za-z][\w.-]*)[ \t]+(?!-)(\S{3,})/g;

/**
 * A character every credential form above needs: `:` (a URL), `=` (a pair, a signed URL), `-` (a flag, a private
 * key, `glpat-`…), `_` (`ghp_`, `sk_live_`…), `.` (a JWT, `SG.`, the Slack host), white space (`Bearer …`) or `A`
 * (`AKIA…`, `AIza…`). A string with none of them holds none: most names and values are refused by this one test.
 */
const MAY_HOLD_CREDENTIAL = /[:=\-_.\sA]/;

/** True when a string holds a credential: a URL with a password, a secret `name=value` pair, a private key. */
export function isSecretValue(value: string): boolean {
  if (!MAY_HOLD_CREDENTIAL.test(value)) return false;
  if (URL_WITH_PASSWORD.test(value) || PRIVATE_KEY.test(value) || TOKEN.test(value)) return true;
  for (const m of value.matchAll(PAIR)) if (isSecretName(m[1])) return true;
  for (const m of value.matchAll(FLAG_WITH_VALUE)) if (isSecretName(m[1])) return true;
  return false;
}

/**
 * A file name or URL as a message may show it: the credentials of a URL
 * (`https://user:token@host/…`, or a token as the user) replaced by `…`.
 */
export function withoutCredentials(location: string): string {
  return location.replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi, '$1…@');
}

/** True when `Section.Key = value` is a secret that must not be written to a ConfigMap. */
export function isSecretSetting(key: string, value: GcfgValue | null | undefined): boolean {
  const values = Array.isArray(value) ? value : [value];
  // A boolean is a switch, never a credential (`RequireToken = true`).
  if (values.every((v) => typeof v === 'boolean')) return false;
  if (isSecretName(key)) return true;
  return values.some((v) => typeof v === 'string' && isSecretValue(v));
}

/** True when a section name (its subsection) holds a credential, e.g. `[Git "https://user:token@host/repo"]`. */
export function isSecretSectionName(section: string): boolean {
  const { subsection } = parseSectionName(section);
  return subsection !== undefined && isSecretValue(subsection);
}

/** The environment variable Package Manager reads a setting from (gcfgenv's convention: upper case, `-` → `_`, subsection as written). */
export function settingEnvName(section: string, key: string): string {
  const { name, subsection } = parseSectionName(section);
  const upper = (s: string) => s.toUpperCase().replace(/-/g, '_');
  return subsection === undefined
    ? `PACKAGEMANAGER_${upper(name)}_${upper(key)}`
    : `PACKAGEMANAGER_${upper(name)}_${subsection}_${upper(key)}`;
}

/**
 * Why the setting cannot reach Package Manager as an environment variable,
 * or undefined when it can. gcfgenv keeps a subsection name as written, so
 * its characters must be ones Kubernetes allows in a variable name.
 */
export function settingEnvProblem(section: string, key: string): string | undefined {
  const env = settingEnvName(section, key);
  if (ENV_VAR_NAME.test(env)) return undefined;
  const { subsection } = parseSectionName(section);
  const inSubsection = subsection !== undefined && !/^[-._a-zA-Z0-9]*$/.test(subsection);
  const what = inSubsection
    ? `the subsection name ${JSON.stringify(subsection)} holds characters`
    : 'the section or key name holds characters';
  const fix = inSubsection ? 'rename the subsection (e.g. snake_case or kebab-case)' : 'spell the name with ASCII letters, digits and "-"';
  return `${what} that Kubernetes does not allow in an environment variable name (Package Manager reads this setting from ${JSON.stringify(env)}; allowed: ASCII letters, digits, "_", "-", "."): ${fix}`;
}

/** The key of a setting in the Secret the construct creates: `Section.Key` (subsections: `Section.sub.Key`). */
export function settingSecretKey(section: string, key: string): string {
  const { name, subsection } = parseSectionName(section);
  return [name, subsection, key]
    .filter((p) => p !== undefined)
    .join('.')
    .replace(/[^-._a-zA-Z0-9]/g, '_');
}
