/** The gcfg document: typed config over the default, then `extraConfig`, then what the chart merges in; secrets moved out. */
import { isSecretSetting, settingEnvName, settingSecretKey } from '../config/secrets';
import type { GcfgValue } from '../config/types';
import { child, own } from '../config/normalize';
import { isPlainObject, setOwn } from '../merge';
import type { GcfgDocument, ResolvedValues, SecretSetting } from './types';

/** Reads `section.key` of a config case-insensitively, as gcfg does. */
export function configValue(config: object | undefined, section: string, key: string): GcfgValue | undefined {
  for (const [s, keys] of Object.entries(config ?? {})) {
    if (s.toLowerCase() !== section.toLowerCase() || !isPlainObject(keys)) continue;
    for (const [k, v] of Object.entries(keys)) if (k.toLowerCase() === key.toLowerCase()) return v as GcfgValue;
  }
  return undefined;
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
