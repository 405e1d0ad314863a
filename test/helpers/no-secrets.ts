/**
 * Every synthesis of the test suite is checked: no ConfigMap, annotation or
 * label may hold one of the secrets the props carry.
 */
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
          for (const m of String(v).matchAll(/(?:password|passwd|pwd|token|secret)=([^\s&;]+)/gi)) out.push(m[1]);
        }
      }
    }
  }
  // Very short values would match by accident; the fuzz generator's secrets are long enough to matter.
  return out.filter((v): v is string => typeof v === 'string' && v.trim().length >= 6);
}

/** Throws when a ConfigMap, an annotation or a label among `objects` contains one of the secrets of `props`. */
export function assertNoSecretsOutsideSecrets(props: unknown, objects: Obj[]): void {
  const secrets = secretValuesOf(props);
  if (secrets.length === 0) return;
  for (const o of objects) {
    const places: [string, unknown][] = [];
    if (o.kind === 'ConfigMap') places.push(['data', [o.data ?? {}, o.binaryData ?? {}]]);
    for (const [where, meta] of [
      ['metadata', o.metadata],
      ['pod template metadata', o.spec?.template?.metadata],
    ] as const) {
      if (meta) places.push([`${where} annotations and labels`, [meta.annotations ?? {}, meta.labels ?? {}]]);
    }
    for (const [where, value] of places) {
      const text = JSON.stringify(value);
      for (const s of secrets) {
        if (text.includes(JSON.stringify(s).slice(1, -1)))
          throw new Error(`${o.kind} ${o.metadata?.name}: its ${where} contain a secret value from the props`);
      }
    }
  }
}
