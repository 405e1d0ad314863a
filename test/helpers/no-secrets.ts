/** Every synthesized ConfigMap of the test suite is checked: it must hold none of the secrets the props carry. */
import { isSecretSetting } from '../../src/config/secrets';
import { pathsWith } from '../../src/traits';

type Obj = Record<string, any>;

/** The secret values given in props or values: keys, passwords, tokens, passwords inside URLs. */
export function secretValuesOf(props: unknown): string[] {
  const p = (props ?? {}) as Obj;
  // The props the traits table marks secret, then the secret-looking config settings.
  const at = (path: string) => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Obj)[k] : undefined), p);
  const out: unknown[] = pathsWith('secret').map(at);
  for (const doc of [p.config, p.extraConfig]) {
    for (const keys of Object.values((doc ?? {}) as Obj)) {
      for (const [key, value] of Object.entries((keys ?? {}) as Obj)) {
        if (value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value))) continue;
        if (!isSecretSetting(key, value)) continue;
        for (const v of Array.isArray(value) ? value : [value]) {
          out.push(v);
          const password = /:\/\/[^/?#@:]*:([^/?#@]*)@/.exec(String(v))?.[1];
          if (password) out.push(password);
        }
      }
    }
  }
  // Very short values would match by accident; the fuzz generator's secrets are long enough to matter.
  return out.filter((v): v is string => typeof v === 'string' && v.trim().length >= 6);
}

/** Throws when a ConfigMap among `objects` contains one of the secrets of `props`. */
export function assertNoSecretsInConfigMaps(props: unknown, objects: Obj[]): void {
  const secrets = secretValuesOf(props);
  if (secrets.length === 0) return;
  for (const o of objects) {
    if (o.kind !== 'ConfigMap') continue;
    const text = JSON.stringify(o.data ?? {}) + JSON.stringify(o.binaryData ?? {});
    for (const s of secrets) {
      if (text.includes(JSON.stringify(s).slice(1, -1)))
        throw new Error(`ConfigMap ${o.metadata?.name} contains a secret value from the props`);
    }
  }
}
