/** Secrets by reference, secrets kept out of ConfigMaps, and checksums of what we create. */
import type { PackageManagerProps } from '../src';
import { PackageManagerValidationError } from '../src';
import { parseGcfg } from '../src/gcfg/parse';
import { find, otherWarnings, synthProps, synthValues } from './helpers/synth';

// Renders many Secrets: their checksums' real cost is checksums.test.ts's business.
jest.mock('crypto', () => jest.requireActual('./helpers/cheap-scrypt').cryptoWithCheapScrypt());

const pod = (props: PackageManagerProps) => find(synthProps(props).objects, 'Deployment').spec.template;
const envOf = (props: PackageManagerProps) => pod(props).spec.containers[0].env as { name: string; value?: string; valueFrom?: unknown }[];
const ref = (name: string, key: string) => ({ secretKeyRef: { name, key } });

describe('secret references', () => {
  it('takes the license key from an existing Secret', () => {
    const { objects } = synthProps({ license: { keySecret: { name: 'lic', key: 'k' } } });
    expect(find(objects, 'Deployment').spec.template.spec.containers[0].env).toEqual([
      { name: 'RSPM_LICENSE', valueFrom: ref('lic', 'k') },
    ]);
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
  });

  it('mounts a license file from an existing Secret (the chart already can)', () => {
    const t = pod({ license: { file: { secret: 'lic', secretKey: 'ppm.lic' } } });
    expect(t.spec.volumes).toContainEqual({ name: 'license-file', secret: { secretName: 'lic' } });
    expect(t.spec.containers[0].env).toEqual([{ name: 'RSPM_LICENSE_FILE_PATH', value: '/etc/rstudio-licensing/ppm.lic' }]);
  });

  it('takes the encryption key from an existing Secret', () => {
    expect(envOf({ rstudioPMKeySecret: { name: 'enc', key: 'key' } })).toEqual([
      { name: 'PACKAGEMANAGER_ENCRYPTION_KEY', valueFrom: ref('enc', 'key') },
    ]);
  });

  it('takes the Postgres passwords, or any setting, from existing Secrets', () => {
    const env = envOf({
      configFromSecrets: {
        Postgres: { Password: { name: 'db', key: 'pw' }, UsageDataPassword: { name: 'db', key: 'usage' } },
        'Repo "x"': { Token: { name: 't', key: 'k' } },
      },
    });
    expect(env).toEqual([
      { name: 'PACKAGEMANAGER_POSTGRES_PASSWORD', valueFrom: ref('db', 'pw') },
      { name: 'PACKAGEMANAGER_POSTGRES_USAGEDATAPASSWORD', valueFrom: ref('db', 'usage') },
      { name: 'PACKAGEMANAGER_REPO_x_TOKEN', valueFrom: ref('t', 'k') },
    ]);
  });

  it('mounts an existing AWS credentials Secret where the chart mounts its own', () => {
    const t = pod({ awsCredentialsSecret: { name: 'aws', key: 'creds.ini' } });
    expect(t.spec.containers[0].volumeMounts).toContainEqual({ name: 'aws-creds', readOnly: true, mountPath: '/home/rstudio-pm/.aws' });
    expect(t.spec.volumes).toContainEqual({
      name: 'aws-creds',
      secret: { secretName: 'aws', items: [{ key: 'creds.ini', path: 'credentials' }] },
    });
    expect(pod({ awsCredentialsSecret: { name: 'aws' } }).spec.volumes).toContainEqual({
      name: 'aws-creds',
      secret: { secretName: 'aws' },
    });
  });

  it.each([
    [{ license: { key: 'k', keySecret: { name: 'a', key: 'b' } } }, 'license.keySecret'],
    [{ rstudioPMKey: 'k', rstudioPMKeySecret: { name: 'a', key: 'b' } }, 'rstudioPMKeySecret'],
    [{ awsAccessKeyId: 'a', awsSecretAccessKey: 'b', awsCredentialsSecret: { name: 'c' } }, 'awsCredentialsSecret'],
    [
      { config: { Postgres: { Password: 'inline-pw' } }, configFromSecrets: { Postgres: { Password: { name: 'a', key: 'b' } } } },
      'configFromSecrets.Postgres.Password',
    ],
    [
      { configFromSecrets: { Postgres: { Password: { name: 'a', key: 'b' }, password: { name: 'a', key: 'c' } } } },
      'configFromSecrets.Postgres.password',
    ],
  ] as [PackageManagerProps, string][])('refuses a reference and an inline value for the same thing (%#)', (props, path) => {
    try {
      synthProps(props);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(PackageManagerValidationError);
      expect((e as PackageManagerValidationError).issues.map((i) => i.path)).toContain(path);
    }
  });
});

describe('no secret in a ConfigMap, ever', () => {
  it.each([
    [
      'Postgres.Password',
      { Postgres: { Password: 'hunter2-secret' } },
      'PACKAGEMANAGER_POSTGRES_PASSWORD',
      'Postgres.Password',
      'hunter2-secret',
    ],
    [
      'Postgres.UsageDataPassword',
      { Postgres: { UsageDataPassword: 'usage-secret' } },
      'PACKAGEMANAGER_POSTGRES_USAGEDATAPASSWORD',
      'Postgres.UsageDataPassword',
      'usage-secret',
    ],
    [
      'a URL with a password',
      { Postgres: { URL: 'postgres://ppm:p%40ss@db:5432/ppm' } },
      'PACKAGEMANAGER_POSTGRES_URL',
      'Postgres.URL',
      'postgres://ppm:p%40ss@db:5432/ppm',
    ],
  ])('moves %s into a Secret and passes it as an environment variable', (_what, config, env, key, value) => {
    const { pm, objects } = synthProps({ config } as PackageManagerProps);
    const gcfg = find(objects, 'ConfigMap').data['rstudio-pm.gcfg'];
    expect(gcfg).not.toContain(value);
    const secret = find(objects, 'Secret', 'my-release-rstudio-pm-config-secrets');
    expect(secret.stringData).toEqual({ [key]: value });
    const t = find(objects, 'Deployment').spec.template;
    expect(t.spec.containers[0].env).toContainEqual({ name: env, valueFrom: ref('my-release-rstudio-pm-config-secrets', key) });
    expect(t.metadata.annotations['checksum/config-secrets']).toMatch(/^[0-9a-f]{64}$/);
    expect(
      otherWarnings(pm)
        .map((w) => w.message)
        .join('\n'),
    ).not.toContain(value);
    expect(pm.configSecretsSecret?.kind).toBe('Secret');
  });

  it('detects any key ending in Password, Secret or Token, in config or extraConfig', () => {
    const { objects } = synthProps({
      extraConfig: { Proxy: { Password: 'proxy-pw-1' }, OpenIDConnect: { ClientSecret: 'oidc-s3cret' }, Git: { AccessToken: 'tok-12345' } },
    });
    const gcfg = parseGcfg(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']);
    expect(gcfg.proxy).toEqual({});
    expect(find(objects, 'Secret', 'my-release-rstudio-pm-config-secrets').stringData).toEqual({
      'Proxy.Password': 'proxy-pw-1',
      'OpenIDConnect.ClientSecret': 'oidc-s3cret',
      'Git.AccessToken': 'tok-12345',
    });
  });

  it('keeps a URL without a password in the ConfigMap', () => {
    const { objects } = synthProps({ config: { Postgres: { URL: 'postgres://ppm@db:5432/ppm' } } });
    expect(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']).toContain('URL = postgres://ppm@db:5432/ppm');
  });

  it('works for values files too, and never shows the secret in a warning or an error', () => {
    const { pm, objects } = synthValues({ config: { Postgres: { Password: 'from-values-pw' } } });
    expect(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']).not.toContain('from-values-pw');
    expect(JSON.stringify(pm.warnings)).not.toContain('from-values-pw');
    expect(() => synthProps({ config: { Postgres: { Password: ['list-pw-1'] } } } as unknown as PackageManagerProps)).toThrow(
      /must be a string; got \(hidden: a secret\)/,
    );
  });
});

describe('checksums', () => {
  it('restart the pods on a license Secret change when asked, only for Secrets created here', () => {
    const annotations = (props: PackageManagerProps) => pod(props).metadata.annotations;
    expect(annotations({ license: { key: 'a' } })['checksum/license']).toBeUndefined();
    const a = annotations({ license: { key: 'a' }, restartOnLicenseChange: true })['checksum/license'];
    const b = annotations({ license: { key: 'b' }, restartOnLicenseChange: true })['checksum/license'];
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(annotations({ license: { file: { contents: 'x' } }, restartOnLicenseChange: true })['checksum/license']).toMatch(
      /^[0-9a-f]{64}$/,
    );
    expect(
      annotations({ license: { keySecret: { name: 'l', key: 'k' } }, restartOnLicenseChange: true })['checksum/license'],
    ).toBeUndefined();
    expect(annotations({ license: { file: { secret: 'l' } }, restartOnLicenseChange: true })['checksum/license']).toBeUndefined();
  });
});
