/**
 * The fast check (src/validation/fast-check.ts) says "valid" exactly when the
 * zod schema does: over the fuzz corpus (valid props, props with one field
 * broken) and over nastier values (NaN, infinities, holes, undefined) put at
 * random paths. Its tables of the config agree with the zod schema's, the
 * chart versions' defaults it trusts pass the full schema, and its typing
 * ties it to the props. FAST_CHECK_RUNS sets the random runs (`npm run
 * test:slow` runs 1,000 of each).
 */
import fc from 'fast-check';
import { z } from 'zod';
import { CHART_VERSIONS } from '../../src/chart-versions';
import { configSchema } from '../../src/config/schema';
import { BOOLEAN_KEYS, INTEGER_KEYS, KNOWN_CONFIG, LIST_KEYS } from '../../src/config/spec';
import { plainCopy } from '../../src/parts/manifest';
import type { PackageManagerProps } from '../../src';
import { propsSchema } from '../../src/schema';
import { isKnownValid } from '../../src/leaf/known-valid';
import { obj, oneOf, str, type Check } from '../../src/leaf/check';
import { mergeOverDefaults, passesFastCheck, schemaInput } from '../../src/validation/input/parse';
import { brokenProps, validProps } from '../fuzz/arbitraries';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 50);

function verdicts(props: PackageManagerProps): { fast: boolean; zod: boolean } {
  const copy = plainCopy(props);
  const { values } = mergeOverDefaults(copy);
  return { fast: passesFastCheck(values, copy), zod: propsSchema.safeParse(schemaInput(values, copy)).success };
}

/** Every path of a value (keys and list indexes). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

/** Values that JSON cannot hold, which the fuzz corpus does not make. */
const nastier = fc.constantFrom<unknown>(
  NaN,
  Infinity,
  -Infinity,
  -0,
  2 ** 31,
  2 ** 31 - 1,
  1e21,
  0.5,
  undefined,
  '',
  [undefined],
  [null],
  new Array(1),
);

const withNastier: fc.Arbitrary<PackageManagerProps> = validProps.chain((props) => {
  const all = paths(props);
  if (all.length === 0) return fc.constant(props);
  return fc.tuple(fc.constantFrom(...all), nastier).map(([path, v]) => {
    const copy = structuredClone(props) as Record<string | number, unknown>;
    let cur = copy;
    for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
    cur[path[path.length - 1]] = v;
    return copy as PackageManagerProps;
  });
});

describe('the fast check agrees with the zod schema', () => {
  it.each([
    ['valid props', validProps],
    ['props with one field broken', brokenProps],
    ['props with a value JSON cannot hold', withNastier],
  ] as const)('on %s', (_name, arbitrary) => {
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(arbitrary, (props) => {
        const { fast, zod } = verdicts(props);
        seen[zod ? 'valid' : 'invalid']++;
        if (fast !== zod) throw new Error(`fast check says ${fast}, zod says ${zod} for ${JSON.stringify(props)}`);
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
    expect(seen.valid + seen.invalid).toBe(RUNS);
  });

  it('on hand-picked edge cases', () => {
    const cases: [string, unknown][] = [
      ['replicas', NaN],
      ['replicas', Infinity],
      ['replicas', 2 ** 31 - 1],
      ['replicas', 2 ** 31],
      ['replicas', -0],
      ['service', { port: 65535, nodePort: 30000, targetPort: 'http' }],
      ['service', { targetPort: 'no--dash' }],
      ['service', { targetPort: 0 }],
      ['nodeSelector', { 'example.com/team': '' }],
      ['nodeSelector', { 'example.com/team': 'x'.repeat(64) }],
      ['nodeSelector', { '/team': 'a' }],
      ['tolerations', Object.assign(new Array(2), { 1: { operator: 'Exists' } })],
      ['tolerations', [undefined]],
      ['pod', { env: [{ name: 'A', value: 'b' }], port: 8080 }],
      ['pod', { env: [{ name: 'A', valuee: 'b' }] }],
      ['livenessProbe', { enabled: 'yes' }],
      ['livenessProbe', { enabled: false, periodSeconds: 'x' }],
      ['livenessProbe', []],
      ['extraObjects', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { 'bad key': 'v' } }]],
      ['extraObjects', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { good: 'v' } }]],
      ['extraObjects', [{ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'x', labels: { a: 1 } } }]],
      ['extraObjects', [{ apiVersion: 'apps/v1', kind: 'Deploymnt', metadata: { name: 'x' } }]],
      ['extraObjects', [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: '' } }]],
      ['configFromSecrets', { Postgres: { URL: { name: 'db', key: 'url' } } }],
      ['configFromSecrets', { Postgres: { URL: { name: 'db' } } }],
      ['awsCredentialsSecret', { key: 'k' }],
      ['extraConfig', { X: { a: [1, 'b', true] } }],
      ['extraConfig', { X: { a: [[1]] } }],
      ['config', { Git: { PollInterval: 1.5 } }],
      ['config', { Server: { PythonVersion: '/opt/python/3.12' } }],
      ['ingress', { enabled: true, hosts: [{ host: 'a', paths: [{ pathType: 'Prefix' }] }] }],
      ['podDisruptionBudget', { minAvailable: '50' }],
      ['resources', { requests: { cpu: -1 } }],
      ['resources', { requests: { cpu: '1.5' } }],
    ];
    for (const [key, value] of cases) {
      const { fast, zod } = verdicts({ [key]: value } as PackageManagerProps);
      expect({ key, value, fast }).toEqual({ key, value, fast: zod });
    }
    expect(verdicts({ releaseName: 'a', namespace: 'Not-A-Label' })).toEqual({ fast: false, zod: false });
    expect(verdicts({ releaseName: 'a', namespace: 'ok' })).toEqual({ fast: true, zod: true });
  });
});

describe('what the fast check trusts', () => {
  it.each(CHART_VERSIONS.flatMap((v) => [true, false].map((s) => [v, s] as const)))(
    "chart %s's defaults (sandboxing %s) pass the full zod schema",
    (chartVersion, enableSandboxing) => {
      const { values } = mergeOverDefaults({ chartVersion, enableSandboxing });
      expect(propsSchema.safeParse(values).success).toBe(true);
      // The defaults it skips the Kubernetes checks for are these, not a copy of anyone's props.
      expect(isKnownValid(values.pod?.containerSecurityContext)).toBe(true);
      expect(isKnownValid(values.livenessProbe)).toBe(true);
    },
  );

  it("does not trust a default's copy someone changed", () => {
    const { values } = mergeOverDefaults({ pod: { containerSecurityContext: { runAsUser: 999 } } });
    expect(isKnownValid(values.pod?.containerSecurityContext)).toBe(false);
    expect(verdicts({ pod: { containerSecurityContext: { runAsUsr: 999 } as never } })).toEqual({ fast: false, zod: false });
  });
});

describe('the config tables the fast check derives', () => {
  const unwrap = (s: z.ZodTypeAny): z.ZodTypeAny => {
    let cur = s;
    while (cur instanceof z.ZodOptional || cur instanceof z.ZodEffects) cur = cur instanceof z.ZodOptional ? cur.unwrap() : cur.innerType();
    return cur;
  };
  const zodSections = Object.entries(configSchema.shape).map(
    ([section, s]) => [section, (unwrap(s as z.ZodTypeAny) as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>] as const,
  );
  const keysOfKind = (kind: new (...args: never[]) => z.ZodTypeAny) =>
    new Set(
      zodSections.flatMap(([section, keys]) =>
        Object.entries(keys)
          .filter(([, t]) => unwrap(t) instanceof kind)
          .map(([k]) => `${section}.${k}`),
      ),
    );

  it('lists the sections and keys of the zod schema', () => {
    expect(new Map(KNOWN_CONFIG)).toEqual(new Map(zodSections.map(([section, keys]) => [section, Object.keys(keys)])));
  });

  it('finds the same boolean, number and list keys', () => {
    expect(BOOLEAN_KEYS).toEqual(keysOfKind(z.ZodBoolean));
    expect(INTEGER_KEYS).toEqual(keysOfKind(z.ZodNumber));
    expect(LIST_KEYS).toEqual(keysOfKind(z.ZodArray));
    expect([...BOOLEAN_KEYS, ...INTEGER_KEYS, ...LIST_KEYS]).toEqual(
      expect.arrayContaining(['Metrics.Enabled', 'Git.BuildRetries', 'Server.RVersion']),
    );
  });
});

describe('the typing of the checks', () => {
  it('refuses a check with a key too many, a key too few, or a wider type (a compile-time test)', () => {
    // @ts-expect-error a key the type does not have
    const extra: Check<{ a?: string }> = obj({ a: str, b: str });
    // @ts-expect-error a key of the type missing
    const missing: Check<{ a?: string; b?: string }> = obj({ a: str });
    // @ts-expect-error a check accepting more than the type
    const wider: Check<{ a?: 'x' }> = obj({ a: str });
    // A check accepting less is allowed (the zod schema explains what it refuses).
    const narrower: Check<{ a?: string }> = obj({ a: oneOf('x') });
    expect([extra({ b: '' }), missing({ b: '' }), wider({ a: 'y' }), narrower({ a: 'y' })]).toEqual([true, false, true, false]);
  });
});
