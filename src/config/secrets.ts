/**
 * Secrets in `config`: which settings are secret, how they reach Package
 * Manager instead of the ConfigMap (an environment variable
 * `PACKAGEMANAGER_<SECTION>_<KEY>`, as Posit's gcfgenv reads them), and
 * where their values are kept (a Secret this construct creates, or one the
 * user names with `configFromSecrets`).
 */
import { parseSectionName } from '../gcfg/serialize';
import type { GcfgValue } from './types';

/** A key whose name says it holds a secret. */
const SECRET_KEY = /(password|secret|token)$/i;
/** A URL with a password in it: `scheme://user:password@host`. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:[^/?#@]*@/i;

/** True when `Section.Key = value` is a secret that must not be written to a ConfigMap. */
export function isSecretSetting(key: string, value: GcfgValue): boolean {
  if (SECRET_KEY.test(key)) return true;
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && URL_WITH_PASSWORD.test(v));
}

/** The environment variable Package Manager reads a setting from (gcfgenv's convention). */
export function settingEnvName(section: string, key: string): string {
  const { name, subsection } = parseSectionName(section);
  const upper = (s: string) => s.toUpperCase().replace(/-/g, '_');
  return subsection === undefined
    ? `PACKAGEMANAGER_${upper(name)}_${upper(key)}`
    : `PACKAGEMANAGER_${upper(name)}_${subsection}_${upper(key)}`;
}

/** The key of a setting in the Secret the construct creates: `Section.Key` (subsections: `Section.sub.Key`). */
export function settingSecretKey(section: string, key: string): string {
  const { name, subsection } = parseSectionName(section);
  return [name, subsection, key]
    .filter((p) => p !== undefined)
    .join('.')
    .replace(/[^-._a-zA-Z0-9]/g, '_');
}
