/**
 * Issue 13, item 2 (and the "Done when" property): secrets never show in a
 * ConfigMap, an annotation, a label, an error, a warning or anything printed,
 * whatever the entry point (typed props, a values file, templated extra
 * objects) and whether the input is good or bad.
 */
import fc from 'fast-check';
import { deepMerge } from '../../src/leaf/objects';
import { ENTRY_POINTS, collectOutputs, expectNoSecretLeaks, leaksOf } from '../helpers/secret-leaks';

// Renders many Secrets: their checksums' real cost is checksums.test.ts's business.
jest.mock('crypto', () => jest.requireActual('../helpers/cheap-scrypt').cryptoWithCheapScrypt());

type Obj = Record<string, any>;

/** A secret that cannot occur by chance in any output (upper and lower case, digits, not hex-only). */
const secretArb = fc.stringMatching(/^[A-Za-z0-9]{8,20}$/).map((s) => `Zq${s}Xw`);

/** Where a secret can be given, as valid input: the part of the props that carries it. */
const VALID: Record<string, (s: string) => Obj> = {
  'license.key': (s) => ({ license: { key: s } }),
  'license.file.contents': (s) => ({ license: { file: { contents: `-----BEGIN LICENSE-----\n${s}\n` } } }),
  'AWS keys': (s) => ({ awsAccessKeyId: `AKIA${s}`, awsSecretAccessKey: s }),
  rstudioPMKey: (s) => ({ rstudioPMKey: s }),
  'config.Postgres.Password': (s) => ({ config: { Postgres: { Password: s } } }),
  'a password in a URL': (s) => ({ config: { Postgres: { URL: `postgres://ppm:${s}@db/ppm` } } }),
  'a password in a query string': (s) => ({
    config: { Postgres: { UsageDataURL: `postgres://ppm@db/usage?sslmode=require&password=${s}` } },
  }),
  'a libpq DSN': (s) => ({ extraConfig: { Reports: { DSN: `host=db user=ppm password=${s}` } } }),
  'extraConfig Passwd': (s) => ({ extraConfig: { Proxy: { Passwd: s } } }),
  'extraConfig ApiKey in a subsection': (s) => ({ extraConfig: { 'Git "github_com"': { ApiKey: s } } }),
  'a plain pod.env secret (warned)': (s) => ({ pod: { env: [{ name: 'PACKAGEMANAGER_POSTGRES_PASSWORD', value: s }] } }),
  'an extra Secret': (s) => ({
    extraObjects: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'extra' }, stringData: { token: s } }],
  }),
};

/** Where a secret can be given wrongly: each is an error, which must not show it. */
const BAD: Record<string, (s: string) => Obj> = {
  'license given as a string (the parent of license.key)': (s) => ({ license: s }),
  'license.file given as a string': (s) => ({ license: { file: s } }),
  'license.key as a list': (s) => ({ license: { key: [s] } }),
  'awsSecretAccessKey as a map': (s) => ({ awsAccessKeyId: 'AKIAEXAMPLE', awsSecretAccessKey: { value: s } }),
  'rstudioPMKey as a list': (s) => ({ rstudioPMKey: [s, s] }),
  'a line break in awsSecretAccessKey': (s) => ({
    awsAccessKeyId: 'AKIAEXAMPLE',
    awsSecretAccessKey: `${s}\ncredential_process = /bin/sh`,
  }),
  'config.Postgres.Password as a list': (s) => ({ config: { Postgres: { Password: [s] } } }),
  'config.Postgres given as a string': (s) => ({ config: { Postgres: s } }),
  'extraConfig section as a string': (s) => ({ extraConfig: { Proxy: `password=${s}` } }),
  'extraConfig Token as a map': (s) => ({ extraConfig: { Proxy: { Token: { v: s } } } }),
  'a URL with a password where a number belongs': (s) => ({ config: { Git: { BuildRetries: `https://u:${s}@h` } } }),
  'pod.env[].value of the wrong type': (s) => ({ pod: { env: [{ name: 'DB', value: { v: s } }] } }),
  'pod.env[] with value and valueFrom': (s) => ({
    pod: { env: [{ name: 'DB_PASSWORD', value: s, valueFrom: { secretKeyRef: { name: 'a', key: 'b' } } }] },
  }),
  'pod.env given as a string': (s) => ({ pod: { env: `PASSWORD=${s}` } }),
  'a sidecar env value of the wrong type': (s) => ({
    extraContainers: [{ name: 'side', image: 'busybox:1', env: [{ name: 'T', value: [s] }] }],
  }),
  'extra Secret stringData of the wrong type': (s) => ({
    extraObjects: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' }, stringData: { token: { v: s } } }],
  }),
  'extra Secret data with a bad key': (s) => ({
    extraObjects: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' }, stringData: { 'bad key': s } }],
  }),
  'a secret in a subsection name': (s) => ({ extraConfig: { [`Git "https://u:${s}@github.com"`]: { Branch: 'main' } } }),
  'a secret setting whose subsection cannot be a variable name': (s) => ({ extraConfig: { 'Git "my repo"': { Token: s } } }),
  'an annotation named like a secret, of the wrong type': (s) => ({ pod: { annotations: { 'example.com/token': [s] } } }),
};

/** Only values files have these: strings read as YAML, and templated extra objects. */
const BAD_VALUES_ONLY: Record<string, (s: string) => Obj> = {
  'templated extra object that is not valid YAML once rendered': (s) => ({
    rstudioPMKey: s,
    extraObjects: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: k\nstringData:\n  key: {{ .Values.rstudioPMKey }}\n bad: indent'],
  }),
  'templated extra object with an unsupported function': (s) => ({
    rstudioPMKey: s,
    extraObjects: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: k\nstringData:\n  key: {{ .Values.rstudioPMKey | sha256sum }}'],
  }),
  'templated extra object of the wrong shape': (s) => ({
    license: { key: s },
    extraObjects: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: k\nstringData:\n  key:\n    nested: {{ .Values.license.key }}'],
  }),
  'command as a string that is not YAML': (s) => ({ command: `["/bin/sh", "--password=${s}"` }),
  'a templated extra object with the secret in a key': (s) => ({
    rstudioPMKey: s,
    extraObjects: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: k\ndata:\n  "{{ .Values.rstudioPMKey }} x": y'],
  }),
};

const entries = Object.entries(ENTRY_POINTS);

describe('no secret leaves a Secret: every entry point, good and bad input', () => {
  it.each(entries.flatMap(([entry]) => Object.keys(VALID).map((place) => [entry, place])))(
    '%s: %s renders (or, with a broken file, fails) without showing it',
    (entry, place) => {
      const secret = 'Zq8fJ2kLmN4pXw';
      const outputs = expectNoSecretLeaks(ENTRY_POINTS[entry], VALID[place](secret), [secret]);
      expect(outputs.threw).toBe(entry.includes('broken YAML') ? 'validation' : undefined);
    },
  );

  it.each(entries.flatMap(([entry]) => Object.keys(BAD).map((place) => [entry, place])))(
    '%s: %s is an error that does not show it',
    (entry, place) => {
      const secret = 'Zq8fJ2kLmN4pXw';
      const outputs = expectNoSecretLeaks(ENTRY_POINTS[entry], BAD[place](secret), [secret]);
      expect(outputs.threw).toBe('validation');
    },
  );

  it.each(Object.keys(BAD_VALUES_ONLY))('values file: %s is an error that does not show it', (place) => {
    const secret = 'Zq8fJ2kLmN4pXw';
    const outputs = expectNoSecretLeaks(ENTRY_POINTS['values file (fromValues)'], BAD_VALUES_ONLY[place](secret), [secret]);
    expect(outputs.threw).toBe('validation');
  });

  it('property: random props carrying random secrets in random places, through every entry point', () => {
    const valid = Object.keys(VALID);
    const bad = [...Object.keys(BAD), ...Object.keys(BAD_VALUES_ONLY)];
    const placement = fc.record({
      places: fc.uniqueArray(fc.constantFrom(...valid), { minLength: 1, maxLength: 4 }),
      broken: fc.option(fc.constantFrom(...bad), { nil: undefined }),
      secrets: fc.array(secretArb, { minLength: 5, maxLength: 5 }),
      entry: fc.constantFrom(...entries.map(([name]) => name)),
    });
    fc.assert(
      fc.property(placement, ({ places, broken, secrets, entry }) => {
        const used: string[] = [];
        let input: Obj = {};
        places.forEach((place, i) => {
          input = deepMerge(input, VALID[place](secrets[i]));
          used.push(secrets[i]);
        });
        const valuesOnly = broken !== undefined && broken in BAD_VALUES_ONLY;
        const runEntry = valuesOnly ? 'values file (fromValues)' : entry;
        if (broken) {
          input = deepMerge(input, (BAD[broken] ?? BAD_VALUES_ONLY[broken])(secrets[4]));
          used.push(secrets[4]);
        }
        const outputs = collectOutputs(ENTRY_POINTS[runEntry], input);
        const leaks = leaksOf(outputs, used);
        if (leaks.length > 0 || outputs.threw === 'crash') throw new Error(`${runEntry}: ${leaks.join('; ') || 'crashed'}`);
        if ((broken || runEntry.includes('broken YAML')) && outputs.threw !== 'validation')
          throw new Error(`${runEntry}: ${broken} was accepted`);
      }),
      { numRuns: 60, seed: 1313 },
    );
  }, 120_000);
});
