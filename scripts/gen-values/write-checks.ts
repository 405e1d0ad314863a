/**
 * Writers of the validators from the value descriptions (read.ts): the zod schema (explains a
 * failure) and the fast check (decides, without zod and without allocating). Named checks are
 * imported by name (see gen.ts for where each comes from).
 */
import type { Field, Value } from './read';

const IDENT = /^[A-Za-z_$][\w$]*$/;
/** The name `validateK8s` knows a Kubernetes type by: `K8sProbe` is `Probe`. */
const k8sTypeName = (name: string) => name.replace(/^K8s(?=[A-Z])/, '');

export const key = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));

/** The zod expression of a value. */
export function zodOf(v: Value): string {
  switch (v.t) {
    case 'string':
      return v.minLength ? `z.string().min(${v.minLength})` : 'z.string()';
    case 'number':
      return (
        'z.number()' +
        (v.int ? ".int('must be a whole number')" : '') +
        (v.min !== undefined ? `.min(${v.min})` : '') +
        (v.max !== undefined ? `.max(${v.max})` : '')
      );
    case 'boolean':
      return 'z.boolean()';
    case 'unknown':
      return 'z.unknown()';
    case 'enum':
      return `z.enum([${v.values.map((s) => JSON.stringify(s)).join(', ')}])`;
    case 'named':
      return v.k8s ? `k8sObject<${v.k8s}>('${k8sTypeName(v.k8s)}')` : v.name;
    case 'list':
      return `z.array(${zodOf(v.item)})`;
    case 'record':
      return `z.record(z.string(), ${zodOf(v.value)})`;
    case 'union':
      return `z.union([${v.members.map(zodOf).join(', ')}])`;
    case 'object': {
      const fields = v.fields.map((f: Field) => `${key(f.key)}: ${zodOf(f.value)}${f.required ? '' : '.optional()'}`);
      return `z.object({ ${fields.join(', ')} })${v.rest ? '.catchall(z.unknown())' : '.strict()'}`;
    }
  }
}

/** The fast-check expression of a value. */
export function fastOf(v: Value, typeOf: (name: string) => string, top?: string): string {
  const rec = (x: Value) => fastOf(x, typeOf);
  switch (v.t) {
    case 'string':
      return v.minLength ? `strLength(${v.minLength})` : 'str';
    case 'number': {
      const opts = [v.int ? 'int: true' : '', v.min !== undefined ? `min: ${v.min}` : '', v.max !== undefined ? `max: ${v.max}` : ''];
      const given = opts.filter(Boolean);
      return given.length ? `num({ ${given.join(', ')} })` : 'num()';
    }
    case 'boolean':
      return 'bool';
    case 'unknown':
      return 'anything';
    case 'enum':
      return `oneOf(${v.values.map((s) => JSON.stringify(s)).join(', ')})`;
    case 'named':
      return v.k8s ? `k8s<${v.k8s}>('${k8sTypeName(v.k8s)}')` : v.name;
    case 'list':
      return `list(${rec(v.item)})`;
    case 'record':
      return `record(str, ${rec(v.value)})`;
    case 'union':
      return v.members.map(rec).reduce((a, b) => `or(${a}, ${b})`);
    case 'object': {
      const fields = v.fields.map((f) => `${key(f.key)}: ${rec(f.value)}`);
      const required = v.fields.filter((f) => f.required).map((f) => `'${f.key}'`);
      const options = [required.length ? `required: [${required.join(', ')}]` : '', v.rest ? 'rest: anything' : ''].filter(Boolean);
      const type = top ?? (v.typeName ? typeOf(v.typeName) : undefined);
      return `obj${type ? `<${type}>` : ''}({ ${fields.join(', ')} }${options.length ? `, { ${options.join(', ')} }` : ''})`;
    }
  }
}

/** The combinators of validation/check.ts a fast expression uses. */
export function combinatorsIn(code: string): string[] {
  return ['anything', 'bool', 'list', 'num', 'obj', 'oneOf', 'or', 'record', 'str', 'strLength'].filter((c) =>
    new RegExp(`(^|[^\\w.])${c}\\b`).test(code),
  );
}
