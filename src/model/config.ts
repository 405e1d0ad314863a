/** The gcfg document: typed config over the default, then `extraConfig`, then what the chart merges in; secrets moved out. */
import { isSecretSetting, settingEnvName, settingSecretKey } from '../config/secrets';
import type { GcfgValue } from '../config/types';
import { child, own } from '../config/normalize';
import { isPlainObject, setOwn } from '../leaf/objects';
import type { GcfgDocument, ResolvedValues, SecretSetting } from './types';

/** Reads `section.key` of a config case-insensitively, as gcfg does. */
export function configValue(config: object | undefined, section: string, key: string): GcfgValue | undefined {
  if (!config) return undefined;
  const sectionLower = section.toLowerCase();
  const keyLower = key.toLowerCase();
  const sections = config as Record<string, unknown>;
  for (const s in sections) {
    if (!Object.prototype.hasOwnProperty.call(sections, s) || !sameName(s, section, sectionLower)) continue;
    const keys = sections[s];
    if (!isPlainObject(keys)) continue;
    for (const k in keys) {
      if (Object.prototype.hasOwnProperty.call(keys, k) && sameName(k, key, keyLower)) return keys[k] as GcfgValue;
    }
  }
  return undefined;
}

/** `name` equals `wanted` case-insensitively (`lower` is `wanted` in lower case). */
function sameName(name: string, wanted: string, lower: string): boolean {
  return name === wanted || (name.length === wanted.length && name.toLowerCase() === lower);
}

/** A gcfg boolean as Package Manager reads it (`true`, `yes`, `on`, `1`). */
export function gcfgTruthy(value: GcfgValue | undefined): boolean {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  if (typeof last === 'boolean') return last;
  if (typeof last === 'number') return last !== 0;
  return typeof last === 'string' && /^(true|yes|on|1)$/i.test(last.trim());
}

/** The whole document, secrets included: `config`, then `extraConfig`, then the chart's additions. */
export function fullConfig(values: ResolvedValues): GcfgDocument {
  // Own properties only: a section named `constructor` is a section, not `Object`.
  const config: GcfgDocument = {};
  const add = (sections: object | undefined) => {
    for (const [section, keys] of Object.entries(sections ?? {})) {
      if (!isPlainObject(keys)) continue;
      const target = child(config, section);
      for (const [k, v] of Object.entries(keys)) if (v !== undefined && v !== null) setOwn(target, k, v as GcfgValue);
    }
  };
  add(values.config);
  add(values.extraConfig);
  if (values.license?.server) config.Licensing = { ...own(config, 'Licensing'), LicenseType: 'remote' };
  return config;
}

/** Moves secret settings (passwords, tokens, URLs with a password) out of the document. */
export function extractSecrets(doc: GcfgDocument): { config: GcfgDocument; secrets: SecretSetting[] } {
  const config: GcfgDocument = {};
  const secrets: SecretSetting[] = [];
  for (const [section, keys] of Object.entries(doc)) {
    setOwn(config, section, {});
    for (const [key, value] of Object.entries(keys)) {
      if (isSecretSetting(key, value) && !Array.isArray(value)) {
        secrets.push({
          path: `${section}.${key}`,
          env: settingEnvName(section, key),
          secretKey: settingSecretKey(section, key),
          value: String(value),
        });
      } else config[section][key] = value;
    }
  }
  return { config, secrets };
}
