/**
 * Which values may be secrets, wherever they sit in the props: a message
 * never shows them (errors.ts `issueAbout`), and as a last line of defence
 * `redactIssues` takes any that slipped into a message out again.
 *
 * A value may be a secret when:
 * - its prop is secret (traits.ts: `license.key`, `awsSecretAccessKey`…), lies
 *   inside one, or is a map that holds one (`license: "ABCD-…"` given where
 *   the map belongs);
 * - it is a section of `config`/`extraConfig`/`configFromSecrets`, or a
 *   setting whose key or value is secret (config/secrets.ts);
 * - it is an environment variable of a container (its name or value);
 * - it is an `extraObjects` item as a whole (a templated string) or the
 *   `data`/`stringData`/`binaryData` of one;
 * - its own key says it is a secret (`token`, `client-secret`…), or it is a
 *   string that holds a credential (a URL with a password, `password=…`).
 */
import { isSecretName, isSecretSetting, isSecretValue } from '../config/secrets';
import type { GcfgValue } from '../config/types';
import { HIDDEN_VALUE, type ValidationIssue } from '../errors';
import { isPlainObject } from '../leaf/objects';
import { pathsWith } from '../traits';

type Path = readonly (string | number)[];

const SECRET_PROPS: readonly string[][] = pathsWith('secret').map((p) => p.split('.'));
const CONFIG_DOCS = new Set(['config', 'extraConfig', 'configFromSecrets']);
const DATA_FIELDS = new Set(['data', 'stringData', 'binaryData']);
/** Maps whose keys the user chooses. */
const FREE_MAPS = new Set(['annotations', 'labels', 'nodeSelector', 'additionalLabels']);

const startsWith = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

/** The value of a container's environment variable: `…env[i].value` (or `…env[i]` given as a string). */
function isEnvValue(path: Path): boolean {
  const k = path.lastIndexOf('env');
  return k >= 0 && typeof path[k + 1] === 'number' && (path.length === k + 2 || (path.length === k + 3 && path[k + 2] === 'value'));
}

/** Paths whose whole value is secret: a secret prop or inside one, a secret setting, an env value, Secret data, a key named like a secret. */
function isSecretRegion(path: Path): boolean {
  if (SECRET_PROPS.some((p) => startsWith(path, p))) return true;
  const [head] = path;
  if ((head === 'config' || head === 'extraConfig') && path.length >= 3 && isSecretName(String(path[2]))) return true;
  if (head === 'extraObjects' && path.length >= 3 && DATA_FIELDS.has(String(path[2]))) return true;
  if (isEnvValue(path)) return true;
  // A key of the user's choosing (not a prop name, where `keySecret` or `imagePullSecrets` name references).
  const last = path[path.length - 1];
  const userKey = head === 'extraObjects' || FREE_MAPS.has(String(path[path.length - 2]));
  return typeof last === 'string' && userKey && isSecretName(last);
}

/** True when the value at `path` may be a secret, so that no message may show it. */
export function mayBeSecret(path: Path, value: unknown): boolean {
  if (isSecretRegion(path)) return true;
  // A map that holds a secret prop, given as something else (`license: "ABCD-…"`).
  if (SECRET_PROPS.some((p) => startsWith(p, path))) return true;
  const [head] = path;
  // A whole config section, an extraObjects item (maybe a templated string), an env list or item.
  if (typeof head === 'string' && CONFIG_DOCS.has(head) && path.length <= 2) return true;
  if (head === 'extraObjects' && path.length <= 2) return true;
  const k = path.lastIndexOf('env');
  if (k >= 0 && path.length <= k + 2) return true;
  return typeof value === 'string' && isSecretValue(value);
}

/** Warnings whose messages quote names or values of the input; the others hold fixed text and non-secret values. */
const WARNINGS_QUOTING_INPUT = new Set([
  'ppm:config-untyped',
  'ppm:config-spelling',
  'ppm:inline-secret',
  'ppm:plain-secret-env',
  'ppm:pod-security',
]);

/** Whether the net (`redactIssues`) must look at these errors and warnings (finding the input's secrets walks the whole input). */
export function needsRedaction(errors: readonly ValidationIssue[], warnings: readonly { readonly id: string }[]): boolean {
  return errors.length > 0 || warnings.some((w) => WARNINGS_QUOTING_INPUT.has(w.id));
}

/** Strings shorter than this are not searched for in messages: they would match by accident. */
const MIN_REDACTED_LENGTH = 6;

/**
 * Every value in `input` that may be a secret, as strings (longest first):
 * what no message or warning may contain. Values in secret places, secret
 * settings of `config`/`extraConfig` (by key or value), and strings that
 * hold a credential.
 */
export function secretStringsIn(input: unknown): string[] {
  const out = new Set<string>();
  const collect = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') out.add(String(v));
    else if (Array.isArray(v)) v.forEach(collect);
    else if (isPlainObject(v)) Object.values(v).forEach(collect);
  };
  const walk = (v: unknown, path: (string | number)[]) => {
    const container = Array.isArray(v) || isPlainObject(v);
    if (path.length > 0 && (container ? isSecretRegion(path) : mayBeSecret(path, v))) {
      if (path[0] !== 'configFromSecrets') collect(v);
      return;
    }
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, i]));
    else if (isPlainObject(v))
      for (const [k, item] of Object.entries(v)) {
        // A key can hold a credential too (`[Git "https://user:token@host"]`): it is part of paths.
        if (isSecretValue(k)) out.add(k);
        walk(item, [...path, k]);
      }
  };
  walk(input, []);
  for (const doc of ['config', 'extraConfig']) {
    const sections = isPlainObject(input) ? input[doc] : undefined;
    if (!isPlainObject(sections)) continue;
    for (const keys of Object.values(sections)) {
      if (!isPlainObject(keys)) continue;
      for (const [key, value] of Object.entries(keys)) if (isSecretSetting(key, value as GcfgValue)) collect(value);
    }
  }
  return [...out].filter((s) => s.trim().length >= MIN_REDACTED_LENGTH).sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of `secrets` (as written, or JSON-escaped) replaced. */
function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    for (const form of [s, JSON.stringify(s).slice(1, -1)]) if (out.includes(form)) out = out.split(form).join(HIDDEN_VALUE);
  }
  return out;
}

/**
 * Issues (or warnings) with every occurrence of `secrets` in their paths and
 * messages replaced: a net under `issueAbout`, for a secret that reached a
 * message some other way (a key made from a secret, a template's error).
 */
export function redactIssues<T extends ValidationIssue>(issues: readonly T[], secrets: readonly string[]): T[] {
  if (secrets.length === 0) return [...issues];
  return issues.map((issue) => {
    const path = redact(issue.path, secrets);
    const message = redact(issue.message, secrets);
    return path === issue.path && message === issue.message ? issue : { ...issue, path, message };
  });
}
