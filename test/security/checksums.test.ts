/**
 * Issue 13, item 3: a reader of the Deployment cannot test guesses of a
 * secret from its checksum annotation faster than scrypt allows. Timings are
 * not tested (bench/checksum.js measures them): the parameters are.
 */
import { createHash, createHmac, scryptSync } from 'crypto';
import type { PackageManagerProps } from '../../src';
import { render } from '../../src';
import { SECRET_CHECKSUM_COST, SECRET_CHECKSUM_SALT } from '../../src/checksums';
import { estimatedSecretBits, secretsOfEntry, STRONG_SECRET_BITS } from '../../src/leaf/secret-strength';

type Obj = Record<string, any>;

// The real scrypt, counted.
jest.mock('crypto', () => {
  const actual = jest.requireActual('crypto');
  return { ...actual, scryptSync: jest.fn(actual.scryptSync) };
});
const scryptCalls = scryptSync as unknown as jest.Mock;

const annotationsOf = (objects: Obj[]) => objects.find((o) => o.kind === 'Deployment')!.spec.template.metadata.annotations;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** JSON with sorted keys: what a fast checksum of a manifest would hash. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Obj)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

const CASES: [string, PackageManagerProps, string, (secret: string) => PackageManagerProps][] = [
  ['checksum/key', { rstudioPMKey: 'sunshine7' }, 'Secret', (s) => ({ rstudioPMKey: s })],
  [
    'checksum/config-secrets',
    { config: { Postgres: { Password: 'sunshine7' } } },
    'Secret',
    (s) => ({ config: { Postgres: { Password: s } } }),
  ],
  [
    'checksum/aws-creds',
    { awsAccessKeyId: 'AKIAEXAMPLE', awsSecretAccessKey: 'sunshine7' },
    'Secret',
    (s) => ({ awsAccessKeyId: 'AKIAEXAMPLE', awsSecretAccessKey: s }),
  ],
  [
    'checksum/license',
    { license: { key: 'sunshine7' }, restartOnLicenseChange: true },
    'Secret',
    (s) => ({ license: { key: s }, restartOnLicenseChange: true }),
  ],
];

describe('item 3: checksums of Secrets cannot be used to test guesses quickly', () => {
  it.each(CASES)('%s is not a fast hash of anything a reader of the Deployment can rebuild', (annotation, props, _kind, withSecret) => {
    const objects = render(props, { releaseName: 'rel', namespace: 'ns' }) as Obj[];
    const value = annotationsOf(objects)[annotation];
    expect(value).toMatch(/^[0-9a-f]{64}$/);
    // A reader knows everything but the secret: the Secret's name, labels, keys. Guess right, hash fast:
    const guessed = render(withSecret('sunshine7'), { releaseName: 'rel', namespace: 'ns' }).filter((o) => o.kind === 'Secret');
    const fastGuesses = [
      ...guessed.map((s) => sha256(canonical(s))),
      ...guessed.map((s) => sha256(JSON.stringify(s))),
      sha256(canonical({ apiVersion: 'v1', kind: 'List', metadata: { name: 'checksum' }, items: guessed })),
      sha256('sunshine7'),
    ];
    expect(fastGuesses).not.toContain(value);
  });

  it("use one scrypt key per instance with at least 16 MiB per guess (N = 2^14, r = 8), over the Secrets' data, salted per object", () => {
    expect(SECRET_CHECKSUM_COST.N).toBeGreaterThanOrEqual(2 ** 14);
    expect(SECRET_CHECKSUM_COST.r).toBeGreaterThanOrEqual(8);
    expect(128 * SECRET_CHECKSUM_COST.N * SECRET_CHECKSUM_COST.r).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    // The documented construction, recomputed: key = scrypt(canonical data of all the instance's Secrets, salt of
    // their kinds/namespaces/names); each annotation = HMAC-SHA256(key, its Secrets' identities and data).
    const objects = render(
      { rstudioPMKey: 'k-1', awsAccessKeyId: 'AKIA1', awsSecretAccessKey: 's-1' },
      { releaseName: 'rel', namespace: 'ns' },
    ) as Obj[];
    const secrets = objects.filter((o) => o.kind === 'Secret');
    expect(secrets).toHaveLength(2);
    const byName = (suffix: string) => secrets.find((s) => s.metadata.name.endsWith(suffix))!;
    const material = (s: Obj) => ({ data: s.data ?? {}, stringData: s.stringData ?? {}, type: s.type ?? 'Opaque' });
    const id = (s: Obj) => `Secret/ns/${s.metadata.name}`;
    // The groups in the order of their names: awsCreds, key.
    const ordered = [byName('-aws-creds'), byName('-key')];
    const salt = [SECRET_CHECKSUM_SALT, ...ordered.map(id)].join('\0');
    const { N, r, p, keyLength } = SECRET_CHECKSUM_COST;
    const key = scryptSync(canonical(ordered.map(material)), salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 });
    const hmac = (s: Obj) =>
      createHmac('sha256', key)
        .update(canonical([[id(s), material(s)]]))
        .digest('hex');
    expect(annotationsOf(objects)['checksum/aws-creds']).toBe(hmac(ordered[0]));
    expect(annotationsOf(objects)['checksum/key']).toBe(hmac(ordered[1]));
  });

  it('stay deterministic, and change when (and only when) the Secret data changes', () => {
    const a = (props: PackageManagerProps, ns = 'ns') => annotationsOf(render(props, { releaseName: 'rel', namespace: ns }) as Obj[]);
    const base = a({ rstudioPMKey: 'k-1', awsAccessKeyId: 'AKIA1', awsSecretAccessKey: 's-1' });
    expect(a({ rstudioPMKey: 'k-1', awsAccessKeyId: 'AKIA1', awsSecretAccessKey: 's-1' })).toEqual(base);
    expect(a({ rstudioPMKey: 'k-1', awsAccessKeyId: 'AKIA1', awsSecretAccessKey: 's-1', revisionHistoryLimit: 3 })).toEqual(base);
    // One key per instance: a change of one Secret changes every Secret checksum of the instance (the same pods restart).
    const changed = a({ rstudioPMKey: 'k-2', awsAccessKeyId: 'AKIA1', awsSecretAccessKey: 's-1' });
    expect(changed['checksum/key']).not.toBe(base['checksum/key']);
    expect(changed['checksum/aws-creds']).not.toBe(base['checksum/aws-creds']);
    expect(changed['checksum/config']).toBe(base['checksum/config']);
    // Another installation (namespace) of the same secret: another salt, so no guess is computed once for all.
    expect(a({ rstudioPMKey: 'k-1' }, 'other')['checksum/key']).not.toBe(base['checksum/key']);
    // Two annotations of one instance never share a value.
    expect(new Set([base['checksum/key'], base['checksum/aws-creds']]).size).toBe(2);
  });

  it('cost one scrypt per instance with Secrets, and none when the same data is rendered again', () => {
    scryptCalls.mockClear();
    const all = {
      rstudioPMKey: 'k-9',
      awsAccessKeyId: 'AKIA9',
      awsSecretAccessKey: 's-9',
      license: { key: 'l-9' },
      restartOnLicenseChange: true,
    };
    render({ ...all, config: { Postgres: { Password: 'p-9' } } }, { releaseName: 'once', namespace: 'ns' });
    expect(scryptCalls).toHaveBeenCalledTimes(1);
    render({ ...all, config: { Postgres: { Password: 'p-9' } } }, { releaseName: 'once', namespace: 'ns' });
    expect(scryptCalls).toHaveBeenCalledTimes(1);
    render({ replicas: 1 }, { releaseName: 'none', namespace: 'ns' });
    expect(scryptCalls).toHaveBeenCalledTimes(1);
  });

  it('are the chart\'s sha256("") for a Secret that is not rendered, and plain sha256 for the ConfigMap', () => {
    const a = annotationsOf(render({}) as Obj[]);
    expect(a['checksum/key']).toBe(sha256(''));
    expect(a['checksum/aws-creds']).toBe(sha256(''));
    const objects = render({}) as Obj[];
    expect(a['checksum/config']).toBe(sha256(canonical(objects.find((o) => o.kind === 'ConfigMap'))));
  });
});

describe('the cost follows the secrets: no stretching only when every secret is estimated unguessable', () => {
  // Generated the way operators generate them (fixed here, so that the test is deterministic).
  const STRONG = {
    rstudioPMKey: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    awsAccessKeyId: 'AKIAZ7N2Q4K3JX5VW6YB',
    awsSecretAccessKey: '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',
    config: { Postgres: { Password: 'Xk3rQ9mV2pL7wZ1tB8nC5jH0gF4dS6aE+yU/oI2iW9c=' } },
  };

  it('strong secrets cost no scrypt; one weak secret of the instance brings scrypt back for all', () => {
    scryptCalls.mockClear();
    const strong = annotationsOf(render(STRONG, { releaseName: 'strong', namespace: 'ns' }) as Obj[]);
    expect(scryptCalls).not.toHaveBeenCalled();
    expect(strong['checksum/key']).toMatch(/^[0-9a-f]{64}$/);
    expect(strong['checksum/key']).not.toBe(sha256(STRONG.rstudioPMKey));
    for (const weak of [
      { config: { Postgres: { Password: 'sunshine7' } } },
      { config: { Postgres: { Password: 'correct horse battery staple' } } }, // a passphrase: 4 words, ~52 bits
      { config: { Postgres: { Password: 'q8Ld2fH7kWz3mP0rT5xV9b' } } }, // random, but 22 characters
      { awsSecretAccessKey: 'aws-secret-0' },
      // a long URL around a short password: the password is what a guess has to find
      {
        config: {
          Postgres: { URL: 'postgres://packagemanager:sunshine7@db-primary.prod.eu-west-1.example.internal:5432/ppm?sslmode=verify-full' },
        },
      },
    ]) {
      scryptCalls.mockClear();
      render({ ...STRONG, ...weak }, { releaseName: 'weak', namespace: 'ns' });
      expect(scryptCalls).toHaveBeenCalledTimes(1);
    }
  });

  it('strong checksums stay deterministic and follow every secret', () => {
    const a = (props: PackageManagerProps) => annotationsOf(render(props, { releaseName: 'rel', namespace: 'ns' }) as Obj[]);
    expect(a(STRONG)).toEqual(a(STRONG));
    const other = a({ ...STRONG, awsSecretAccessKey: 'r9Md3gJ8lXa4nQ1sU6yW0cO2dK5hT7zB+fV/pJjR' });
    expect(other['checksum/aws-creds']).not.toBe(a(STRONG)['checksum/aws-creds']);
  });
});

describe('estimatedSecretBits', () => {
  it.each([
    ['sunshine7', false],
    ['correct horse battery staple', false],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', false],
    ['0123456789012345678901234567890123456789', false],
    ['ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ12', false],
    ['q8Ld2fH7kWz3mP0rT5xV9bN1cJ4gS6yA+eU/oIiQ', true],
    ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', true],
  ])('%s: strong %s', (secret, strong) => {
    expect(estimatedSecretBits(secret) >= STRONG_SECRET_BITS).toBe(strong);
  });

  it('reads the secrets of an AWS credentials file: the secret key, not the section or the key id', () => {
    expect(secretsOfEntry('[default]\naws_access_key_id=AKIA1\naws_secret_access_key=s-1\n')).toEqual(['s-1']);
  });

  it('scores a padded base64 line whole, not as an INI line with an empty value', () => {
    const key = 'q8Ld2fH7kWz3mP0rT5xV9bN1cJ4gS6yAeUoIiQ7wZ3k='; // no + or /: it reads as `key=` to an INI reader
    expect(secretsOfEntry(key)).toEqual([key]);
    expect(estimatedSecretBits(secretsOfEntry(key)[0])).toBeGreaterThanOrEqual(STRONG_SECRET_BITS);
  });

  it.each([
    ['postgres://ppm:sunshine7@db.example.internal:5432/packagemanager?sslmode=require', ['sunshine7']],
    ['postgres://ppm:sun%40shine@db.example.internal/ppm', ['sun@shine']],
    ['postgres://db.example.internal/ppm?user=ppm&password=sunshine7&sslpassword=k3y', ['sunshine7', 'k3y']],
    ["host=db.example.internal port=5432 dbname=ppm user=ppm password='sun shine' sslmode=require", ['sun shine']],
    ['Server=db.example.internal;Database=ppm;User Id=ppm;Pwd=sunshine7;', ['sunshine7']],
  ])('reads only the passwords of a connection URL or string: %s', (line, passwords) => {
    expect(secretsOfEntry(line)).toEqual(passwords);
  });

  it('reads any parameter named like a secret, not only passwords: a short token in a long URL', () => {
    const url = 'https://packages.example.internal/repos/cran/latest/bin/linux/jammy?token=sunshine7&arch=x86_64';
    expect(secretsOfEntry(url)).toEqual(['sunshine7']);
  });

  it('does not let a long connection URL make its short password look strong', () => {
    const url = 'postgres://packagemanager:sunshine7@db-primary.prod.eu-west-1.example.internal:5432/packagemanager?sslmode=verify-full';
    expect(estimatedSecretBits(url)).toBeGreaterThanOrEqual(STRONG_SECRET_BITS);
    expect(secretsOfEntry(url).every((s) => estimatedSecretBits(s) >= STRONG_SECRET_BITS)).toBe(false);
  });

  it('keeps a URL without a password whole', () => {
    const url = 'https://hooks.example.com/services/T0000/B0000/q8Ld2fH7kWz3mP0rT5xV9bN1';
    expect(secretsOfEntry(url)).toEqual([url]);
  });
});

it('counts a repeated block once', () => {
  const block = 'q8Ld2fH7kWz3mP0r';
  expect(estimatedSecretBits(block.repeat(4))).toBeLessThan(STRONG_SECRET_BITS);
  expect(estimatedSecretBits(block.repeat(4))).toBeCloseTo(estimatedSecretBits(block + block.slice(0, 2)), 0);
});
