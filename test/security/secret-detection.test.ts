/**
 * Issue 13, item 1: secrets found by name and by value never reach the
 * ConfigMap; item 5: plain secrets in pod.env are warned about, and AWS keys
 * cannot inject lines into the credentials file.
 */
import type { PackageManagerProps } from '../../src';
import { isSecretName, isSecretSetting, isSecretValue } from '../../src/config/secrets';
import { parseGcfg } from '../../src/gcfg/parse';
import { find, synthProps } from '../helpers/synth';
import { issuesOf } from '../helpers/issues';

// Renders many Secrets: their checksums' real cost is checksums.test.ts's business.
jest.mock('crypto', () => jest.requireActual('../helpers/cheap-scrypt').cryptoWithCheapScrypt());

const CONFIG_SECRETS = 'my-release-rstudio-pm-config-secrets';
const gcfg = (objects: Record<string, any>[]) => find(objects, 'ConfigMap').data['rstudio-pm.gcfg'] as string;
const envNames = (objects: Record<string, any>[]) =>
  (find(objects, 'Deployment').spec.template.spec.containers[0].env ?? []).map((e: { name: string }) => e.name);

describe('item 1: secrets by value', () => {
  it.each([
    ['a password in a query string', 'Postgres', 'URL', 'postgres://ppm@db/ppm?sslmode=require&password=hunter2-q'],
    ['sslpassword in a query string', 'Postgres', 'UsageDataURL', 'postgres://ppm@db/usage?sslmode=verify-full&sslpassword=hunter2-ssl'],
    ['a libpq key/value DSN', 'Postgres', 'URL', 'host=db user=ppm password=hunter2-dsn dbname=ppm'],
    ['a URL with a password', 'Postgres', 'URL', 'postgres://ppm:hunter2-url@db:5432/ppm'],
  ])('%s is moved out of the ConfigMap into the Secret', (_what, section, key, value) => {
    const { objects, pm } = synthProps({ config: { [section]: { [key]: value } } } as PackageManagerProps);
    expect(gcfg(objects)).not.toContain('hunter2');
    expect(find(objects, 'Secret', CONFIG_SECRETS).stringData).toEqual({ [`${section}.${key}`]: value });
    expect(envNames(objects)).toContain(`PACKAGEMANAGER_${section.toUpperCase()}_${key.toUpperCase()}`);
    expect(pm.warnings.map((w) => [w.id, w.path])).toContainEqual(['ppm:inline-secret', `config.${section}.${key}`]);
  });

  it('a private key, an Authorization value or a service token in a value is a secret; a URL, cron schedule or path without a credential is not', () => {
    for (const v of [
      '-----BEGIN RSA PRIVATE KEY-----\nMIIE...',
      'Bearer eyJhbGciOiJIUzI1NiJ9.e30',
      'https://ghp_0123456789abcdefghijABCDEFGHIJ@github.com/org/repo',
      'glpat-0123456789abcdefghij',
    ])
      expect([v, isSecretValue(v)]).toEqual([v, true]);
    for (const v of [
      'postgres://ppm@db:5432/ppm?sslmode=require',
      'https://packages.example.com:8080/a?b=c',
      '0 2 * * *',
      '/etc/ssl/key.pem',
    ])
      expect(isSecretValue(v)).toBe(false);
  });
});

describe('item 1: secrets by name', () => {
  const names = ['Passwd', 'Pwd', 'Passphrase', 'ApiKey', 'SecretKey', 'SecretAccessKey', 'PrivateKey', 'Credentials', 'Tokens', 'DSN'];

  it.each(names)('extraConfig Foo.%s is kept out of the ConfigMap, with a warning', (name) => {
    const { objects, pm } = synthProps({ extraConfig: { Foo: { [name]: 'value-that-is-secret' } } });
    expect(gcfg(objects)).not.toContain('value-that-is-secret');
    expect(find(objects, 'Secret', CONFIG_SECRETS).stringData).toEqual({ [`Foo.${name}`]: 'value-that-is-secret' });
    expect(pm.warnings.map((w) => w.path)).toContain(`extraConfig.Foo.${name}`);
  });

  it('matches names without case, "-" or "_" (client_secret, api-token), not path-valued keys', () => {
    for (const n of ['client_secret', 'API-Token', 'db_password', 'sessionKey', 'PACKAGEMANAGER_ENCRYPTION_KEY', 'RSPM_LICENSE'])
      expect([n, isSecretName(n)]).toEqual([n, true]);
    for (const n of ['Key', 'Certificate', 'EncryptionKeyPath', 'KeyFile', 'LicenseType', 'AccessKeyId', 'URL', 'Listen', 'Bypass'])
      expect([n, isSecretName(n)]).toEqual([n, false]);
    expect(isSecretSetting('RequireToken', true)).toBe(false);
  });

  it('HTTPS.Key (a path) stays in the ConfigMap', () => {
    const { objects } = synthProps({ config: { HTTPS: { Listen: ':8443', Certificate: '/etc/tls/tls.crt', Key: '/etc/tls/tls.key' } } });
    expect(parseGcfg(gcfg(objects)).https).toEqual({ listen: [':8443'], certificate: ['/etc/tls/tls.crt'], key: ['/etc/tls/tls.key'] });
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
  });

  it('a credential in a section name is an error: it cannot be kept out of the ConfigMap', () => {
    const issues = issuesOf(() => synthProps({ extraConfig: { 'Git "https://ci:tok3n-value@git.example.com/r"': { Branch: 'main' } } }));
    expect(issues.map((i) => i.message).join('\n')).toMatch(/section name holds a credential/);
    expect(JSON.stringify(issues)).not.toContain('tok3n-value');
  });
});

describe('item 5: plain secrets in pod.env, line breaks in AWS keys', () => {
  it.each([
    ['PACKAGEMANAGER_POSTGRES_PASSWORD', /configFromSecrets \(e\.g\. \{ Postgres: \{ Password: \{ name, key \} \} \}/],
    ['PACKAGEMANAGER_ENCRYPTION_KEY', /rstudioPMKeySecret/],
    ['RSPM_LICENSE', /license\.keySecret/],
    ['MY_API_TOKEN', /valueFrom\.secretKeyRef/],
  ])('a plain %s in pod.env is warned about, pointing at valueFrom.secretKeyRef', (name, fix) => {
    const { pm } = synthProps({ enableSandboxing: false, pod: { env: [{ name, value: 'hunter2-env' }] } });
    const w = pm.warnings.find((x) => x.id === 'ppm:plain-secret-env');
    expect(w).toMatchObject({ path: 'pod.env[0].value', message: expect.stringMatching(/valueFrom\.secretKeyRef/) });
    expect(w?.message).toMatch(fix);
    expect(JSON.stringify(pm.warnings)).not.toContain('hunter2-env');
  });

  it('also in sidecars, and not for references or harmless values', () => {
    const { pm } = synthProps({
      enableSandboxing: false,
      pod: {
        env: [
          { name: 'PACKAGEMANAGER_POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
          { name: 'TZ', value: 'UTC' },
        ],
      },
      extraContainers: [{ name: 'side', image: 'proxy:1', env: [{ name: 'UPSTREAM', value: 'https://u:p4ss-word@up' }] }],
    });
    expect(pm.warnings.filter((w) => w.id === 'ppm:plain-secret-env').map((w) => w.path)).toEqual(['extraContainers[0].env[0].value']);
  });

  it.each(['awsAccessKeyId', 'awsSecretAccessKey'] as const)(
    'a CR or LF in %s is an error (it would add lines to the credentials file)',
    (key) => {
      for (const bad of ['abc\ncredential_process = /bin/sh -c id', 'abc\r[other]']) {
        const props = { awsAccessKeyId: 'AKIAEXAMPLE', awsSecretAccessKey: 'secret-key', [key]: bad };
        const issues = issuesOf(() => synthProps(props));
        expect(issues).toContainEqual({ path: key, message: expect.stringMatching(/line break.*credentials file/) });
        expect(JSON.stringify(issues)).not.toContain('credential_process = /bin');
      }
    },
  );
});

describe('issue 19: the widened value detection', () => {
  const SECRET_FORMS: [string, string][] = [
    ['a PGP private key', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF...'],
    ['an OpenSSH private key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['a Bearer credential after a header name', 'Authorization: Bearer abcdef0123456789'],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['an AWS temporary key id', 'ASIAIOSFODNN7EXAMPLE'],
    ['a Stripe live key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['a GitHub fine-grained token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'],
    ['a GitLab token', 'glpat-xxxxxxxxxxxxxxxxxxxx'],
    ['a Slack bot token', 'xoxb-123456789012-abcdefghij'],
    ['a Slack webhook', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
    ['an npm token', 'npm_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['an Azure connection string', 'DefaultEndpointsProtocol=https;AccountName=ppm;AccountKey=abc123==;EndpointSuffix=core.windows.net'],
    ['an S3 presigned URL', 'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0123456789abcdef'],
    ['an Azure SAS URL', 'https://a.blob.core.windows.net/c/b?sv=2022-11-02&sig=abcdEFGH1234%3D'],
    ['a --password flag and its value', '/bin/ppm --password hunter2-flag'],
    ['a --token= flag', 'run --api-token=abcd'],
    ['a Google API key', 'AIzaSyA1234567890abcdefghijklmnopqrstuv'],
    ['a Slack app token', 'xapp-1-A0123456789-0123456789'],
    ['a DigitalOcean token', `dop_v1_${'0123456789abcdef'.repeat(4)}`],
    ['a Shopify token', `shpat_${'0123456789abcdef'.repeat(2)}`],
    ['a SendGrid key', 'SG.abcdefghijklmnop.qrstuvwxyz012345'],
    ['a PyPI token', `pypi-${'AgEIcHlwaS5vcmc'.repeat(3)}`],
    ['an OpenAI key', `sk-proj-${'abcdefgh'.repeat(4)}`],
    ['a Hugging Face token', `hf_${'abcdefghij'.repeat(3)}`],
    ['a GitHub token as a URL user', 'https://ghp_0123456789abcdefghijABCDEFGHIJ@github.com/org/repo'],
  ];

  it.each(SECRET_FORMS)('%s is a secret', (_what, v) => {
    expect(isSecretValue(v)).toBe(true);
  });

  it.each([
    ['prose with Basic', 'Basic'],
    ['a flag without a secret name', '--config /etc/rstudio-pm/rstudio-pm.gcfg'],
    ['a flag named like a secret, then another flag', '--password-file /run/secrets/pw'],
    ['an unsigned S3 URL', 'https://b.s3.amazonaws.com/k?versionId=3'],
    ['a short AKIA word', 'AKIAEXAMPLE'],
    ['an image', 'rstudio/rstudio-package-manager:ubuntu2204-2024.04.4'],
    ['a Slack workspace URL', 'https://example.slack.com/archives/C01'],
  ])('%s is not', (_what, v) => {
    expect(isSecretValue(v)).toBe(false);
  });
});
