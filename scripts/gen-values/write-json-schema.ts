/**
 * Writer of the values JSON Schema (draft 2020-12), one per chart version, from the value descriptions
 * (read.ts): what a chart `values.yaml` may hold, as Helm users write it. Besides the prop's type it
 * accepts what the values loader reads by the value's traits (a `false`/`""`/`0`/`{}`/`[]` for
 * `@falsyUnset`, a number or boolean for `@usedAsText`, a numeric string for `@printedAsYaml`, a string
 * for `@readAsYaml`), `null` anywhere but on the maps the chart dereferences, and the stale keys the
 * loader drops with a warning. Defaults are the chart version's own.
 */
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, LABEL_VALUE, PORT_NAME } from '../../src/k8s/names';
import { QUANTITY_PATTERN } from '../../src/k8s/validate';
import { GO_DURATION } from '../../src/config/formats';
import { STALE_VALUES } from '../../src/traits';
import type { ChartGuard, ChartVersionRecord } from '../../src/chart-versions';
import type { Field, Value } from './read';

type Schema = { [key: string]: unknown };

const INT32_MAX = 2 ** 31 - 1;
const src = (r: RegExp) => r.source;
/** A label or annotation key: a name with an optional DNS-subdomain prefix and "/" (lengths are checked by the library). */
const QUALIFIED = `^(${src(DNS1123_SUBDOMAIN).slice(1, -1)}/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$`;
const SECRET_KEY = '^(?!\\.\\.)(?!\\.$)[-._a-zA-Z0-9]{1,253}$';

const objectName: Schema = { type: 'string', maxLength: 253, pattern: src(DNS1123_SUBDOMAIN) };
const port: Schema = { type: 'integer', minimum: 1, maximum: 65535 };
const stringMap: Schema = { type: 'object', additionalProperties: { type: 'string' } };
const gcfgScalar: Schema = { type: ['string', 'number', 'boolean'] };

/** The JSON Schema of each named check (`@check NAME`); a check not listed here uses the type it checks. */
const NAMED: { readonly [name: string]: Schema } = {
  objectName,
  labelName: { type: 'string', maxLength: 63, pattern: src(DNS1123_LABEL) },
  labels: {
    type: 'object',
    propertyNames: { pattern: QUALIFIED },
    additionalProperties: { type: 'string', maxLength: 63, pattern: src(LABEL_VALUE) },
  },
  annotations: { type: 'object', propertyNames: { pattern: QUALIFIED }, additionalProperties: { type: 'string' } },
  quantity: {
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: src(QUANTITY_PATTERN) },
    ],
  },
  quantityString: { type: 'string', pattern: src(QUANTITY_PATTERN) },
  intOrPercent: {
    anyOf: [
      { type: 'integer', minimum: 0, maximum: INT32_MAX },
      { type: 'string', pattern: '^\\d+%$' },
    ],
  },
  port,
  nodePort: { type: 'integer', minimum: 30000, maximum: 32767 },
  wholeCount: { type: 'integer', minimum: 0, maximum: INT32_MAX },
  absolutePath: { type: 'string', pattern: '^/' },
  secretKey: { type: 'string', pattern: SECRET_KEY },
  portOrName: { anyOf: [port, { type: 'string', pattern: src(PORT_NAME) }] },
  probe: { type: 'object', properties: { enabled: { type: 'boolean' } } },
  extraObject: {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata'],
    properties: {
      apiVersion: { type: 'string', minLength: 1 },
      kind: { type: 'string', minLength: 1 },
      metadata: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', minLength: 1 }, labels: stringMap, annotations: stringMap },
      },
    },
  },
  configFromSecrets: {
    type: 'object',
    additionalProperties: {
      type: ['object', 'null'],
      additionalProperties: {
        type: ['object', 'null'],
        required: ['name', 'key'],
        properties: { name: objectName, key: { type: 'string', pattern: SECRET_KEY } },
        additionalProperties: false,
      },
    },
  },
  extraConfig: {
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { anyOf: [gcfgScalar, { type: 'array', items: gcfgScalar }] } },
  },
  listen: { type: 'string' },
  cron: { type: 'string' },
  duration: {
    anyOf: [
      { type: 'integer', minimum: 0 },
      { type: 'string', pattern: src(GO_DURATION) },
    ],
  },
};

/** The members of a schema that is an `anyOf` (or the schema itself). */
const members = (s: Schema): Schema[] => (Array.isArray(s.anyOf) && Object.keys(s).length === 1 ? (s.anyOf as Schema[]) : [s]);
const anyOf = (...schemas: Schema[]): Schema => {
  const all = schemas.flatMap(members);
  return all.length === 1 ? all[0] : { anyOf: all };
};
const accepts = (s: Schema, type: string): boolean =>
  members(s).some(
    (m) => m.type === type || (Array.isArray(m.type) && m.type.includes(type)) || (m.enum !== undefined && type === 'string'),
  );

/** The schema of a value, before its traits. */
function valueSchema(v: Value): Schema {
  switch (v.t) {
    case 'string':
      return v.minLength ? { type: 'string', minLength: v.minLength } : { type: 'string' };
    case 'number': {
      const s: Schema = { type: v.int ? 'integer' : 'number' };
      if (v.min !== undefined) s.minimum = v.min;
      if (v.max !== undefined) s.maximum = v.max;
      return s;
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'unknown':
      return {};
    case 'enum':
      return { enum: [...v.values] };
    case 'named':
      if (v.k8s) return { type: 'object' };
      if (NAMED[v.name]) return NAMED[v.name];
      if (v.inner) return valueSchema(v.inner);
      throw new Error(`@check ${v.name}: give it a JSON Schema in scripts/gen-values/write-json-schema.ts`);
    case 'list':
      return { type: 'array', items: valueSchema(v.item) };
    case 'record':
      return { type: 'object', additionalProperties: valueSchema(v.value) };
    case 'union':
      return anyOf(...v.members.map(valueSchema));
    case 'object':
      return objectSchema(v.fields, v.rest, undefined, '');
  }
}

/** What a values file may write for a field, by its traits. */
function fieldSchema(f: Field, defaults: unknown, path: string): Schema {
  const t = f.traits;
  const inner = f.value.t === 'named' && !f.value.k8s && !NAMED[f.value.name] ? f.value.inner : f.value;
  let s = inner?.t === 'object' ? objectSchema(inner.fields, inner.rest, defaults, path) : valueSchema(f.value);
  const ways: Schema[] = [s];
  if (t.usedAsText && accepts(s, 'string')) ways.push({ type: ['number', 'boolean'] });
  if (t.printedAsYaml && !accepts(s, 'string')) ways.push({ type: 'string', pattern: '^[-+]?[0-9.eE+]+$' });
  if (t.readAsYaml) ways.push({ type: 'string' });
  if (t.templated && s.type === 'array') s = ways[0] = { ...s, items: anyOf(s.items as Schema, { type: 'string' }) };
  if (t.quotedAsText && s.type === 'object') s = ways[0] = { ...s, additionalProperties: gcfgScalar };
  if (path.startsWith('config.')) ways.push(...gcfgSpellings(s));
  if (t.falsyUnset) ways.push({ enum: [false, '', 0] }, { type: 'object', maxProperties: 0 }, { type: 'array', maxItems: 0 });
  if (!t.dereferenced) ways.push({ type: 'null' });
  const out: Schema = { ...(f.summary ? { description: f.summary } : {}), ...anyOf(...ways) };
  if (defaults !== undefined && defaults !== null && typeof defaults !== 'object') out.default = defaults;
  if (STALE_PATHS.has(path)) out.deprecated = true;
  return out;
}

const STALE_PATHS = new Set(Object.keys(STALE_VALUES));

/**
 * What the config loader also reads for a gcfg key: a number as its digits in a string (`BuildRetries: "5"`), a
 * list as one element, a boolean as the string `"true"`.
 */
function gcfgSpellings(s: Schema): Schema[] {
  const out: Schema[] = [];
  if (accepts(s, 'integer') || accepts(s, 'number')) out.push({ type: 'string', pattern: '^[-+]?[0-9.]+$' });
  for (const m of members(s)) if (m.type === 'array' && m.items) out.push(m.items as Schema);
  if (accepts(s, 'boolean')) out.push({ const: 'true' });
  return out;
}

function objectSchema(fields: readonly Field[], rest: boolean, defaults: unknown, path: string): Schema {
  const properties: Schema = {};
  const own = defaults !== null && typeof defaults === 'object' ? (defaults as Record<string, unknown>) : {};
  for (const f of fields) {
    const p = path ? `${path}.${f.key}` : f.key;
    properties[f.key] = fieldSchema(f, own[f.key], p);
  }
  // Keys of older charts, dropped with a warning by the loader.
  for (const [stale, why] of Object.entries(STALE_VALUES)) {
    const at = stale.lastIndexOf('.');
    if ((at < 0 ? '' : stale.slice(0, at)) === path)
      properties[stale.slice(at + 1)] = { description: `Ignored: ${why}.`, deprecated: true };
  }
  const required = fields.filter((f) => f.required).map((f) => f.key);
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    // The config loader passes unknown sections and keys on to Package Manager (a warning names them).
    additionalProperties: rest || path === 'config' || path.startsWith('config.'),
  };
}

/** Where the chart version refuses a non-empty value (`fail` in a template), only an empty one or `null` passes. */
function applyGuards(root: Schema, guards: readonly ChartGuard[]): void {
  for (const guard of guards) {
    const keys = guard.path.split('.');
    let at: Schema | undefined = root;
    for (const k of keys.slice(0, -1)) at = members((at?.properties as Schema)?.[k] as Schema).find((m) => m.type === 'object');
    const properties = at?.properties as Schema | undefined;
    const last = keys[keys.length - 1];
    if (!properties?.[last]) throw new Error(`chart guard ${guard.path}: no such value in the props`);
    properties[last] = { description: `Refused by this chart version when set: it ${guard.message}.`, enum: [null, false, '', 0] };
  }
}

/** The values JSON Schema of one chart version. */
export function valuesJsonSchema(props: Value & { t: 'object' }, record: ChartVersionRecord): Schema {
  const { version, values: defaults } = record;
  const fields = props.fields.filter((f) => f.key !== 'releaseName' && f.key !== 'namespace');
  const body = objectSchema(fields, props.rest, defaults, '');
  applyGuards(body, record.guards);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $comment: 'Generated by scripts/gen-values (npm run gen) from the TSDoc of src/props.ts and src/config/types.ts: do not edit.',
    title: `Values of the rstudio-pm Helm chart ${version}, as cdk8s-posit-package-manager reads them`,
    ...body,
  };
}
