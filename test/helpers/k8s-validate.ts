/**
 * Strict, offline validation of manifests as a Kubernetes 1.28.0 apiserver
 * with `kubectl apply --validate=strict` would judge them:
 *
 * 1. the object's schema, picked by apiVersion and kind from the server's
 *    `/openapi/v2` document (fixtures/k8s/, see SOURCES.md) or from a CRD,
 *    with unknown fields rejected at any depth;
 * 2. a hand-written subset of the apiserver's own validation (names, labels,
 *    selectors, pod specs, Service ports, Ingress paths, ConfigMap/Secret keys…),
 *    for what a schema cannot express.
 *
 * The schemas are compiled once per process (per kind, on first use) and reused.
 *
 * Not covered: admission, defaulting, cross-object references, CRD CEL rules
 * (`x-kubernetes-validations`) and `x-kubernetes-embedded-resource` (the
 * ServiceMonitor CRD uses neither), and the apiserver's rules beyond those below.
 */
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse as parseYaml } from 'yaml';

type Obj = Record<string, unknown>;
type Schema = Record<string, unknown>;
type Report = (path: string, message: string) => void;

const FIXTURES = join(__dirname, '..', 'fixtures', 'k8s');
const OPENAPI_FILE = join(FIXTURES, 'k8s-1.28.0-openapi-v2.json');
const CRD_FILES = [
  join(FIXTURES, 'monitoring.coreos.com_servicemonitors.yaml'),
  join(FIXTURES, 'gateway.networking.k8s.io_httproutes.yaml'),
];

/** Where the OpenAPI definitions live once added to ajv. */
const DEFS = 'k8s#/definitions/';
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const QUANTITY_DEF = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

// ---------------------------------------------------------------- grammar

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([KMGTPE]i)|([mkMGTPE])|[eE]([+-]?\d+))?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const DNS1123_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z](?:[-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const PERCENT = /^[0-9]+%$/;
const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const INT32 = 2 ** 31;
const INT64 = 2 ** 63;

/** ajv formats: each applies to one JSON type only (a Quantity may also be a number). */
const FORMATS = {
  quantity: { type: 'string', validate: (s: string) => QUANTITY.test(s) },
  int32: { type: 'number', validate: (n: number) => n >= -INT32 && n < INT32 },
  int64: { type: 'number', validate: (n: number) => n >= -INT64 && n < INT64 },
  byte: { type: 'string', validate: (s: string) => BASE64.test(s.replace(/[\r\n]/g, '')) },
  'date-time': { type: 'string', validate: (s: string) => DATE_TIME.test(s) },
} as const;

const FORMAT_MESSAGES: Record<string, string> = {
  quantity: 'expected a quantity such as 500m, 1Gi or 2',
  int32: 'expected an int32',
  int64: 'expected an int64',
  byte: 'expected base64 data',
  'date-time': 'expected an RFC 3339 date-time',
};

// ---------------------------------------------------------------- small helpers

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
const asObj = (v: unknown): Obj => (isObj(v) ? v : {});
const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asStr = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `string "2"`, `number 3`, `object`… for messages. */
function show(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`;
  if (typeof v === 'object') return 'object';
  return `${typeof v} ${String(v)}`;
}

/** `.spec.ports[0]`, `.metadata.labels["app.kubernetes.io/name"]`. */
function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return SIMPLE_KEY.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Whether an object anywhere in `v` has a `null` value. */
function hasNull(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasNull);
  if (!isObj(v)) return false;
  for (const k in v) if (v[k] === null || hasNull(v[k])) return true;
  return false;
}

/**
 * A copy without `null` object values, which the apiserver's decoder treats as absent.
 * (A `null` list item is kept: it is not absent, and the schema reports it.)
 */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNulls(x);
  return out;
}

/** The value of a quantity in base units (for comparisons), or undefined if it is not one. */
function quantityValue(q: unknown): number | undefined {
  if (typeof q === 'number') return q;
  const m = typeof q === 'string' ? QUANTITY.exec(q) : null;
  if (!m) return undefined;
  const [, num, binary, decimal, exponent] = m;
  if (binary) return Number(num) * 1024 ** ('KMGTPE'.indexOf(binary[0]) + 1);
  if (decimal) return Number(num) * (decimal === 'm' ? 1e-3 : 1000 ** ('kMGTPE'.indexOf(decimal) + 1));
  return Number(num) * 10 ** Number(exponent ?? 0);
}

// ---------------------------------------------------------------- schema conversion

/** An OpenAPI v2 definition → strict JSON Schema (draft-07) for ajv. */
function fromOpenApi(s: Schema): Schema {
  if (typeof s.$ref === 'string') return { $ref: s.$ref.replace('#/definitions/', DEFS) };
  const out: Schema = {};
  if (s.type !== undefined) out.type = s.type;
  if (s.format === 'int-or-string') Object.assign(out, { type: ['integer', 'string'], format: 'int32' });
  else if (typeof s.format === 'string' && s.format in FORMATS) out.format = s.format;
  if (Array.isArray(s.enum)) out.enum = [...new Set(s.enum)]; // 1.28 lists some values twice
  if (s.required) out.required = s.required;
  if (s.items) out.items = fromOpenApi(s.items as Schema);
  if (isObj(s.properties)) {
    out.properties = mapValues(s.properties, (p) => fromOpenApi(p as Schema));
    out.additionalProperties = false;
  }
  if (isObj(s.additionalProperties)) out.additionalProperties = fromOpenApi(s.additionalProperties);
  return out;
}

const STRUCTURAL_KEYWORDS = [
  'enum',
  'required',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
  'minimum',
  'maximum',
];

/**
 * A CRD's structural schema (OpenAPI v3.0) → JSON Schema: objects are closed unless
 * `x-kubernetes-preserve-unknown-fields`, as the apiserver prunes (and strict validation
 * rejects) anything else. `strict` is off inside anyOf/allOf/oneOf/not, which only add checks.
 */
function fromCrd(s: Schema, strict = true): Schema {
  const out: Schema = {};
  for (const k of STRUCTURAL_KEYWORDS) if (s[k] !== undefined) out[k] = s[k];
  if (s['x-kubernetes-int-or-string']) out.type = ['integer', 'string'];
  else if (s.type !== undefined) out.type = s.type;
  if (s.exclusiveMinimum === true) [out.exclusiveMinimum, out.minimum] = [s.minimum, undefined];
  if (s.exclusiveMaximum === true) [out.exclusiveMaximum, out.maximum] = [s.maximum, undefined];
  if (typeof s.format === 'string' && s.format in FORMATS) out.format = s.format;
  if (s.items) out.items = fromCrd(s.items as Schema, strict);
  if (isObj(s.properties)) out.properties = mapValues(s.properties, (p) => fromCrd(p as Schema, strict));
  if (isObj(s.additionalProperties)) out.additionalProperties = fromCrd(s.additionalProperties, strict);
  else if (strict && s.type === 'object' && !s['x-kubernetes-preserve-unknown-fields'] && s.additionalProperties !== true) {
    out.additionalProperties = false;
  }
  for (const k of ['anyOf', 'allOf', 'oneOf']) {
    if (Array.isArray(s[k]) && !s['x-kubernetes-int-or-string']) out[k] = (s[k] as Schema[]).map((x) => fromCrd(x, false));
  }
  if (isObj(s.not)) out.not = fromCrd(s.not, false);
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function mapValues(o: Obj, f: (v: unknown) => unknown): Obj {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

// ---------------------------------------------------------------- the process-wide cache

interface Kind {
  schema: Schema;
  validate?: ValidateFunction;
}

interface Validator {
  ajv: Ajv;
  /** `apiVersion kind` → its schema. */
  kinds: Map<string, Kind>;
  /** kind → the apiVersions that serve it. */
  served: Map<string, string[]>;
}

let cached: Validator | undefined;

function addKind(v: Validator, group: string, version: string, kind: string, schema: Schema): void {
  const apiVersion = group ? `${group}/${version}` : version;
  v.kinds.set(`${apiVersion} ${kind}`, { schema });
  v.served.set(kind, [...(v.served.get(kind) ?? []), apiVersion]);
}

function load(): Validator {
  if (cached) return cached;
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, messages: false, formats: FORMATS });
  const v: Validator = { ajv, kinds: new Map(), served: new Map() };

  const openapi = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as { definitions: Record<string, Schema> };
  const definitions = mapValues(openapi.definitions, (d) => fromOpenApi(d as Schema));
  definitions[QUANTITY_DEF] = { type: ['string', 'number'], format: 'quantity' };
  ajv.addSchema({ $id: 'k8s', definitions });
  for (const [name, d] of Object.entries(openapi.definitions)) {
    for (const gvk of asArr(d['x-kubernetes-group-version-kind']).map(asObj)) {
      addKind(v, asStr(gvk.group), asStr(gvk.version), asStr(gvk.kind), { $ref: DEFS + name });
    }
  }

  for (const file of CRD_FILES) {
    const spec = asObj(asObj(parseYaml(readFileSync(file, 'utf8'))).spec);
    for (const version of asArr(spec.versions)
      .map(asObj)
      .filter((x) => x.served !== false)) {
      const schema = fromCrd(asObj(asObj(version.schema).openAPIV3Schema));
      schema.properties = { ...asObj(schema.properties), metadata: { $ref: DEFS + OBJECT_META } };
      addKind(v, asStr(spec.group), asStr(version.name), asStr(asObj(spec.names).kind), schema);
    }
  }
  return (cached = v);
}

// ---------------------------------------------------------------- ajv errors → messages

/** A JSON pointer → `.a.b[0]`, looking at the data to tell list indices from map keys. */
function renderPointer(data: unknown, pointer: string): { path: string; value: unknown } {
  let path = '';
  let value = data;
  for (const raw of pointer ? pointer.slice(1).split('/') : []) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path = Array.isArray(value) ? child(path, Number(key)) : child(path, key);
    value = Array.isArray(value) ? value[Number(key)] : asObj(value)[key];
  }
  return { path: path || '.', value };
}

function errorMessage(e: ErrorObject, value: unknown): string {
  const p = e.params as Obj;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown field ${JSON.stringify(p.additionalProperty)}`;
    case 'required':
      return `missing required field ${JSON.stringify(p.missingProperty)}`;
    case 'type':
      return `expected ${asArr(p.type).join(' or ') || String(p.type)}, got ${show(value)}`;
    case 'enum':
      return `unsupported value ${JSON.stringify(value)}: supported values: ${asArr(p.allowedValues)
        .map((x) => JSON.stringify(x))
        .join(', ')}`;
    case 'format':
      return `${FORMAT_MESSAGES[String(p.format)] ?? `expected format ${String(p.format)}`}, got ${show(value)}`;
    case 'pattern':
      return `${show(value)} does not match ${String(p.pattern)}`;
    case 'anyOf':
    case 'oneOf':
      return `${show(value)} does not match the allowed alternatives`;
    default:
      return `${e.keyword} ${p.comparison ?? ''} ${p.limit ?? ''} failed, got ${show(value)}`.replace(/ +/g, ' ');
  }
}

function schemaProblems(validate: ValidateFunction, obj: Obj, report: Report): void {
  if (validate(obj)) return;
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const { path, value } = renderPointer(obj, e.instancePath);
    const message = errorMessage(e, value);
    const line = `${path}\u0000${message}`;
    if (!seen.has(line)) report(path, message);
    seen.add(line);
  }
}

// ---------------------------------------------------------------- apiserver rules: names and metadata

/** The apiserver's name checks: undefined if fine, else why not. */
const NAME_CHECKS = {
  label(s: string): string | undefined {
    if (s.length > 63) return 'must be no more than 63 characters';
    return DNS1123_LABEL.test(s) ? undefined : 'must be a lowercase RFC 1123 label ([a-z0-9]([-a-z0-9]*[a-z0-9])?)';
  },
  subdomain(s: string): string | undefined {
    if (s.length > 253) return 'must be no more than 253 characters';
    return DNS1123_SUBDOMAIN.test(s) ? undefined : 'must be a lowercase RFC 1123 subdomain';
  },
  dns1035(s: string): string | undefined {
    if (s.length > 63) return 'must be no more than 63 characters';
    return DNS1035_LABEL.test(s) ? undefined : 'must be a DNS-1035 label ([a-z]([-a-z0-9]*[a-z0-9])?)';
  },
  qualifiedName(s: string): string | undefined {
    const parts = s.split('/');
    if (parts.length > 2) return 'must be a qualified name: an optional DNS subdomain prefix and "/", then a name';
    const name = parts[parts.length - 1];
    if (parts.length === 2 && (!parts[0] || NAME_CHECKS.subdomain(parts[0]))) return 'prefix must be a DNS subdomain';
    if (name.length > 63) return 'name part must be no more than 63 characters';
    return QUALIFIED_NAME.test(name) ? undefined : 'name part must be alphanumeric, "-", "_" or ".", starting and ending alphanumeric';
  },
  labelValue(s: string): string | undefined {
    if (s.length > 63) return 'must be no more than 63 characters';
    return s === '' || QUALIFIED_NAME.test(s)
      ? undefined
      : 'must be empty or alphanumeric, "-", "_" or ".", starting and ending alphanumeric';
  },
  ianaSvcName(s: string): string | undefined {
    if (s.length > 15) return 'must be no more than 15 characters';
    if (!IANA_SVC_NAME.test(s) || s.includes('--') || !/[a-z]/.test(s))
      return 'must be an IANA_SVC_NAME (lowercase alphanumeric and "-", with a letter)';
    return undefined;
  },
  envVarName(s: string): string | undefined {
    return ENV_VAR_NAME.test(s) ? undefined : 'must consist of alphabetic characters, digits, "_", "-" or ".", and not start with a digit';
  },
  configKey(s: string): string | undefined {
    if (s.length > 253) return 'must be no more than 253 characters';
    if (s === '.' || s === '..' || s.startsWith('..')) return 'must not be "." or "..", nor start with ".."';
    return CONFIG_KEY.test(s) ? undefined : 'must consist of alphanumeric characters, "-", "_" or "."';
  },
};
type NameCheck = keyof typeof NAME_CHECKS;

/** Reports a string that fails a name check; the path may be computed only then. */
function checkName(report: Report, path: string | (() => string), value: unknown, check: NameCheck): void {
  if (typeof value !== 'string') return; // the schema reports the type
  const why = NAME_CHECKS[check](value);
  if (why) report(typeof path === 'string' ? path : path(), `invalid value ${JSON.stringify(value)}: ${why}`);
}

/** Each key of a map, reported as `.path key "k"`. */
function checkKeys(map: unknown, path: string, check: NameCheck, report: Report): void {
  for (const k in asObj(map)) checkName(report, () => `${path} key ${JSON.stringify(k)}`, k, check);
}

function checkLabels(labels: unknown, path: string, report: Report): void {
  const map = asObj(labels);
  for (const k in map) {
    checkName(report, () => `${path} key ${JSON.stringify(k)}`, k, 'qualifiedName');
    checkName(report, () => child(path, k), map[k], 'labelValue');
  }
}

function checkAnnotations(annotations: unknown, path: string, report: Report): void {
  const map = asObj(annotations);
  let size = 0;
  for (const k in map) {
    checkName(report, () => `${path} key ${JSON.stringify(k)}`, k.toLowerCase(), 'qualifiedName'); // case-insensitive
    size += k.length + asStr(map[k]).length;
  }
  if (size > 256 * 1024) report(path, `may not be more than 256 KiB in total, got ${size} bytes`);
}

function checkMetadata(o: Obj, report: Report): void {
  const meta = asObj(o.metadata);
  if (meta.name === undefined && meta.generateName === undefined) report('.metadata', 'missing required field "name"');
  checkName(report, '.metadata.name', meta.name, o.kind === 'Service' ? 'dns1035' : o.kind === 'Namespace' ? 'label' : 'subdomain');
  checkName(report, '.metadata.namespace', meta.namespace, 'label');
  checkLabels(meta.labels, '.metadata.labels', report);
  checkAnnotations(meta.annotations, '.metadata.annotations', report);
}

// ---------------------------------------------------------------- apiserver rules: selectors

function checkSelector(selector: Obj, path: string, report: Report): void {
  checkLabels(selector.matchLabels, `${path}.matchLabels`, report);
  asArr(selector.matchExpressions)
    .map(asObj)
    .forEach((e, i) => {
      const at = `${path}.matchExpressions[${i}]`;
      checkName(report, `${at}.key`, e.key, 'qualifiedName');
      const hasValues = asArr(e.values).length > 0;
      if ((e.operator === 'In' || e.operator === 'NotIn') && !hasValues)
        report(`${at}.values`, `must be non-empty for operator ${e.operator}`);
      if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && hasValues)
        report(`${at}.values`, `must be empty for operator ${e.operator}`);
    });
}

function selectorMatches(selector: Obj, labels: Obj): boolean {
  const byLabels = Object.entries(asObj(selector.matchLabels)).every(([k, v]) => labels[k] === v);
  return (
    byLabels &&
    asArr(selector.matchExpressions)
      .map(asObj)
      .every((e) => {
        const has = Object.prototype.hasOwnProperty.call(labels, asStr(e.key));
        const inValues = has && asArr(e.values).includes(labels[asStr(e.key)]);
        switch (e.operator) {
          case 'In':
            return inValues;
          case 'NotIn':
            return !inValues;
          case 'Exists':
            return has;
          case 'DoesNotExist':
            return !has;
          default:
            return false;
        }
      })
  );
}

/** A workload's selector: non-empty, valid, and matching its pod template's labels. */
function checkWorkloadSelector(spec: Obj, report: Report): void {
  const selector = asObj(spec.selector);
  if (!Object.keys(asObj(selector.matchLabels)).length && !asArr(selector.matchExpressions).length) {
    report('.spec.selector', 'must be a non-empty selector');
    return;
  }
  checkSelector(selector, '.spec.selector', report);
  if (!selectorMatches(selector, asObj(asObj(asObj(spec.template).metadata).labels))) {
    report('.spec.template.metadata.labels', '`selector` does not match template `labels`');
  }
}

// ---------------------------------------------------------------- apiserver rules: pod specs

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

function checkPort(report: Report, path: string, value: unknown, min = 1): void {
  if (typeof value === 'number' && (value < min || value > 65535))
    report(path, `invalid value ${value}: must be between ${min} and 65535, inclusive`);
}

/** A string must be an IANA_SVC_NAME, a number a port. */
function checkNamedPort(report: Report, path: string, value: unknown): void {
  if (typeof value === 'string') checkName(report, path, value, 'ianaSvcName');
  else checkPort(report, path, value);
}

function checkProbe(probe: Obj, path: string, kind: string, report: Report): void {
  const handlers = PROBE_HANDLERS.filter((h) => probe[h] !== undefined);
  if (handlers.length !== 1)
    report(path, handlers.length ? `may not specify more than 1 handler type, got ${handlers.join(', ')}` : 'must specify a handler type');
  if (kind !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    report(`${path}.successThreshold`, `must be 1 for a ${kind}`);
  }
  if (isObj(probe.httpGet)) checkNamedPort(report, `${path}.httpGet.port`, probe.httpGet.port);
  if (isObj(probe.tcpSocket)) checkNamedPort(report, `${path}.tcpSocket.port`, probe.tcpSocket.port);
}

function checkResources(resources: Obj, path: string, report: Report): void {
  const limits = asObj(resources.limits);
  for (const [name, request] of Object.entries(asObj(resources.requests))) {
    const r = quantityValue(request);
    const l = quantityValue(limits[name]);
    if (r !== undefined && l !== undefined && r > l)
      report(child(`${path}.requests`, name), `must be less than or equal to ${name} limit of ${String(limits[name])}`);
  }
}

function checkContainer(c: Obj, path: string, init: boolean, names: Set<unknown>, volumes: Set<unknown>, report: Report): void {
  checkName(report, `${path}.name`, c.name, 'label');
  if (names.has(c.name)) report(`${path}.name`, `duplicate container name ${JSON.stringify(c.name)}`);
  names.add(c.name);
  if (!asStr(c.image).trim()) report(`${path}.image`, 'required');
  asArr(c.ports)
    .map(asObj)
    .forEach((p, i) => {
      checkPort(report, `${path}.ports[${i}].containerPort`, p.containerPort);
      if (p.hostPort !== undefined) checkPort(report, `${path}.ports[${i}].hostPort`, p.hostPort);
      if (p.name !== undefined) checkName(report, `${path}.ports[${i}].name`, p.name, 'ianaSvcName');
    });
  asArr(c.env)
    .map(asObj)
    .forEach((e, i) => {
      checkName(report, `${path}.env[${i}].name`, e.name, 'envVarName');
      if (e.value !== undefined && e.value !== '' && e.valueFrom !== undefined)
        report(`${path}.env[${i}].valueFrom`, 'may not be specified when `value` is not empty');
      const sources = Object.keys(asObj(e.valueFrom));
      if (e.valueFrom !== undefined && sources.length !== 1)
        report(`${path}.env[${i}].valueFrom`, 'must specify exactly one of fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef');
    });
  const mountPaths = new Set<unknown>();
  asArr(c.volumeMounts)
    .map(asObj)
    .forEach((m, i) => {
      if (!volumes.has(m.name)) report(`${path}.volumeMounts[${i}].name`, `not found: no volume named ${JSON.stringify(m.name)}`);
      if (mountPaths.has(m.mountPath))
        report(`${path}.volumeMounts[${i}].mountPath`, `must be unique: ${JSON.stringify(m.mountPath)} is mounted twice`);
      mountPaths.add(m.mountPath);
    });
  for (const probe of PROBES.filter((k) => isObj(c[k]))) {
    if (init) report(`${path}.${probe}`, 'may not be set for init containers');
    else checkProbe(asObj(c[probe]), `${path}.${probe}`, probe, report);
  }
  checkResources(asObj(c.resources), `${path}.resources`, report);
}

function checkPodSpec(spec: Obj, path: string, report: Report): void {
  const volumes = new Set<unknown>();
  asArr(spec.volumes)
    .map(asObj)
    .forEach((v, i) => {
      checkName(report, `${path}.volumes[${i}].name`, v.name, 'label');
      if (volumes.has(v.name)) report(`${path}.volumes[${i}].name`, `duplicate volume name ${JSON.stringify(v.name)}`);
      volumes.add(v.name);
      const sources = Object.keys(v).filter((k) => k !== 'name');
      if (sources.length !== 1)
        report(
          `${path}.volumes[${i}]`,
          sources.length ? `may not specify more than 1 volume type, got ${sources.join(', ')}` : 'must specify a volume type',
        );
    });
  if (!asArr(spec.containers).length) report(`${path}.containers`, 'must have at least one container');
  const names = new Set<unknown>();
  for (const field of ['initContainers', 'containers']) {
    asArr(spec[field])
      .map(asObj)
      .forEach((c, i) => checkContainer(c, `${path}.${field}[${i}]`, field === 'initContainers', names, volumes, report));
  }
}

/** Where each kind keeps its pod template. */
const POD_TEMPLATES: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

function checkPodTemplate(o: Obj, keys: string[], report: Report): void {
  const template = asObj(keys.reduce<unknown>((v, k) => asObj(v)[k], o));
  const path = `.${keys.join('.')}`;
  const meta = asObj(template.metadata);
  checkLabels(meta.labels, `${path}.metadata.labels`, report);
  checkAnnotations(meta.annotations, `${path}.metadata.annotations`, report);
  checkPodSpec(asObj(template.spec), `${path}.spec`, report);
  if (o.kind === 'Job' || o.kind === 'CronJob') {
    const restartPolicy = asObj(template.spec).restartPolicy;
    if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
      report(`${path}.spec.restartPolicy`, `must be "OnFailure" or "Never" for a ${o.kind}, got ${show(restartPolicy)}`);
    }
  }
}

// ---------------------------------------------------------------- apiserver rules: per kind

/** A non-negative integer or a percentage. */
function checkIntOrPercent(report: Report, path: string, value: unknown): void {
  if (typeof value === 'number' && value < 0) report(path, `must be greater than or equal to 0, got ${value}`);
  if (typeof value === 'string' && !PERCENT.test(value))
    report(path, `must be an integer or a percentage such as "25%", got ${show(value)}`);
}

function checkReplicas(spec: Obj, report: Report): void {
  if (typeof spec.replicas === 'number' && spec.replicas < 0)
    report('.spec.replicas', `must be greater than or equal to 0, got ${spec.replicas}`);
}

function checkDeployment(o: Obj, report: Report): void {
  const spec = asObj(o.spec);
  checkReplicas(spec, report);
  checkWorkloadSelector(spec, report);
  const strategy = asObj(spec.strategy);
  const rolling = asObj(strategy.rollingUpdate);
  if (strategy.type === 'Recreate' && strategy.rollingUpdate !== undefined)
    report('.spec.strategy.rollingUpdate', 'may not be specified when strategy `type` is "Recreate"');
  checkIntOrPercent(report, '.spec.strategy.rollingUpdate.maxSurge', rolling.maxSurge);
  checkIntOrPercent(report, '.spec.strategy.rollingUpdate.maxUnavailable', rolling.maxUnavailable);
  if ([0, '0%'].includes(rolling.maxSurge as never) && [0, '0%'].includes(rolling.maxUnavailable as never)) {
    report('.spec.strategy.rollingUpdate.maxUnavailable', 'may not be 0 when `maxSurge` is 0');
  }
}

function checkWorkload(o: Obj, report: Report): void {
  checkReplicas(asObj(o.spec), report);
  checkWorkloadSelector(asObj(o.spec), report);
}

function checkJob(o: Obj, report: Report): void {
  const spec = asObj(o.spec);
  if (spec.manualSelector === true) return;
  const name = asStr(asObj(o.metadata).name);
  if (name.length > 63)
    report('.metadata.name', `must be no more than 63 characters (it becomes the pods' job-name label), got ${name.length}`);
  if (spec.selector !== undefined) report('.spec.selector', '`selector` will be auto-generated (set `manualSelector: true` to choose one)');
}

function checkCronJob(o: Obj, report: Report): void {
  const name = asStr(asObj(o.metadata).name);
  if (name.length > 52) report('.metadata.name', `must be no more than 52 characters, got ${name.length}`);
}

function checkPdb(o: Obj, report: Report): void {
  const spec = asObj(o.spec);
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined)
    report('.spec', 'minAvailable and maxUnavailable cannot be both set');
  checkIntOrPercent(report, '.spec.minAvailable', spec.minAvailable);
  checkIntOrPercent(report, '.spec.maxUnavailable', spec.maxUnavailable);
  if (isObj(spec.selector)) checkSelector(spec.selector, '.spec.selector', report);
}

function checkService(o: Obj, report: Report): void {
  const spec = asObj(o.spec);
  const ports = asArr(spec.ports).map(asObj);
  if (!ports.length && spec.type !== 'ExternalName' && spec.clusterIP !== 'None') report('.spec.ports', 'must have at least one port');
  const names = new Set<unknown>();
  ports.forEach((p, i) => {
    const at = `.spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) report(`${at}.name`, 'required when there is more than one port');
    if (p.name !== undefined) checkName(report, `${at}.name`, p.name, 'label');
    if (p.name !== undefined && names.has(p.name)) report(`${at}.name`, `duplicate port name ${JSON.stringify(p.name)}`);
    names.add(p.name);
    checkPort(report, `${at}.port`, p.port);
    if (p.targetPort !== undefined) checkNamedPort(report, `${at}.targetPort`, p.targetPort);
    if (p.nodePort !== undefined) {
      if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer')
        report(`${at}.nodePort`, `may not be used when \`type\` is ${JSON.stringify(spec.type ?? 'ClusterIP')}`);
      if (typeof p.nodePort === 'number' && (p.nodePort < 30000 || p.nodePort > 32767))
        report(`${at}.nodePort`, `invalid value ${p.nodePort}: must be in the range 30000-32767`);
    }
  });
  checkLabels(spec.selector, '.spec.selector', report);
}

function checkIngressBackend(backend: Obj, path: string, report: Report): void {
  const port = asObj(asObj(backend.service).port);
  if (isObj(backend.service) && (port.name === undefined) === (port.number === undefined))
    report(`${path}.service.port`, 'must specify exactly one of name or number');
  if (port.name !== undefined) checkName(report, `${path}.service.port.name`, port.name, 'ianaSvcName');
  checkPort(report, `${path}.service.port.number`, port.number);
}

function checkIngress(o: Obj, report: Report): void {
  const spec = asObj(o.spec);
  if (isObj(spec.defaultBackend)) checkIngressBackend(spec.defaultBackend, '.spec.defaultBackend', report);
  asArr(spec.rules)
    .map(asObj)
    .forEach((rule, r) => {
      if (rule.host !== undefined && rule.host !== '')
        checkName(report, `.spec.rules[${r}].host`, asStr(rule.host).replace(/^\*\./, ''), 'subdomain');
      asArr(asObj(rule.http).paths)
        .map(asObj)
        .forEach((p, i) => {
          const at = `.spec.rules[${r}].http.paths[${i}]`;
          const path = asStr(p.path);
          if ((p.pathType === 'Prefix' || p.pathType === 'Exact') && !path.startsWith('/'))
            report(`${at}.path`, `must be an absolute path for pathType ${p.pathType}, got ${show(p.path ?? '')}`);
          if (p.pathType === 'ImplementationSpecific' && path && !path.startsWith('/'))
            report(`${at}.path`, `must be an absolute path, got ${show(path)}`);
          checkIngressBackend(asObj(p.backend), `${at}.backend`, report);
        });
    });
}

function checkConfigMap(o: Obj, report: Report): void {
  checkKeys(o.data, '.data', 'configKey', report);
  checkKeys(o.binaryData, '.binaryData', 'configKey', report);
  for (const k of Object.keys(asObj(o.data)))
    if (k in asObj(o.binaryData)) report('.binaryData', `duplicate of key ${JSON.stringify(k)} in data`);
}

function checkSecret(o: Obj, report: Report): void {
  checkKeys(o.data, '.data', 'configKey', report);
  checkKeys(o.stringData, '.stringData', 'configKey', report);
}

function checkPvc(o: Obj, report: Report): void {
  const spec = asObj(o.spec);
  if (!asArr(spec.accessModes).length) report('.spec.accessModes', 'at least 1 access mode is required');
  if (asObj(asObj(spec.resources).requests).storage === undefined) report('.spec.resources.requests.storage', 'required');
}

const KIND_RULES: Record<string, (o: Obj, report: Report) => void> = {
  Deployment: checkDeployment,
  ReplicaSet: checkWorkload,
  StatefulSet: checkWorkload,
  DaemonSet: checkWorkload,
  Job: checkJob,
  CronJob: checkCronJob,
  Pod: (o, report) => checkPodSpec(asObj(o.spec), '.spec', report),
  PodDisruptionBudget: checkPdb,
  Service: checkService,
  Ingress: checkIngress,
  ConfigMap: checkConfigMap,
  Secret: checkSecret,
  PersistentVolumeClaim: checkPvc,
};

function apiserverProblems(o: Obj, report: Report): void {
  checkMetadata(o, report);
  const kind = asStr(o.kind);
  if (POD_TEMPLATES[kind]) checkPodTemplate(o, POD_TEMPLATES[kind], report);
  KIND_RULES[kind]?.(o, report);
}

// ---------------------------------------------------------------- entry point

function validatorFor(v: Validator, o: Obj, report: Report): ValidateFunction | undefined {
  if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
    report('.', 'apiVersion and kind are required strings');
    return undefined;
  }
  const entry = v.kinds.get(`${o.apiVersion} ${o.kind}`);
  if (!entry) {
    const served = v.served.get(o.kind);
    report(
      '.apiVersion',
      `${o.apiVersion} ${o.kind} is not served by Kubernetes 1.28 nor defined by a known CRD${served ? ` (it is served as ${served.join(', ')})` : ''}`,
    );
    return undefined;
  }
  return (entry.validate ??= v.ajv.compile(entry.schema));
}

/**
 * Validates manifests as a Kubernetes 1.28 apiserver would with strict field validation.
 *
 * @param objects the manifests (as `chart.toJson()` returns them); `null` values count as absent
 * @returns one line per problem, `Kind/name: .path: message`; empty if every object is valid
 */
export function validateManifests(objects: Record<string, any>[]): string[] {
  const v = load();
  const problems: string[] = [];
  for (const input of objects) {
    const o = asObj(hasNull(input) ? withoutNulls(input) : input);
    const label = `${asStr(o.kind) || '<no kind>'}/${asStr(asObj(o.metadata).name) || '<no name>'}`;
    const report: Report = (path, message) => problems.push(`${label}: ${path}: ${message}`);
    const validate = validatorFor(v, o, report);
    if (!validate) continue;
    schemaProblems(validate, o, report);
    apiserverProblems(o, report);
  }
  return problems;
}
