/**
 * Issue 13, item 4: settings reach Package Manager under environment variable
 * names Kubernetes accepts and gcfgenv reads; case variants are errors;
 * configFromSecrets is checked like config.
 */
import type { PackageManagerProps } from '../../src';
import { settingEnvName, settingEnvProblem } from '../../src/config/secrets';
import { find, synthProps, synthValues } from '../helpers/synth';
import { issuesOf } from '../helpers/issues';

const ref = { name: 'git-creds', key: 'token' };
const env = (props: PackageManagerProps) =>
  find(synthProps(props).objects, 'Deployment').spec.template.spec.containers[0].env as { name: string; valueFrom?: unknown }[];

describe('item 4: variable names of subsections', () => {
  it('keeps a subsection as written, as gcfgenv reads it (PACKAGEMANAGER_<SECTION>_<sub>_<KEY>)', () => {
    expect(settingEnvName('Git "my-repo"', 'Token')).toBe('PACKAGEMANAGER_GIT_my-repo_TOKEN');
    expect(settingEnvName('Open-ID', 'Client-Secret')).toBe('PACKAGEMANAGER_OPEN_ID_CLIENT_SECRET');
    expect(env({ configFromSecrets: { 'Git "my_repo"': { Token: ref } } })).toContainEqual({
      name: 'PACKAGEMANAGER_GIT_my_repo_TOKEN',
      valueFrom: { secretKeyRef: ref },
    });
  });

  it.each([
    ['configFromSecrets', { configFromSecrets: { 'Git "my repo"': { Token: ref } } }, 'configFromSecrets["Git \\"my repo\\""].Token'],
    ['an inline secret setting', { extraConfig: { 'Git "my repo"': { Token: 'tok-123456' } } }, 'extraConfig["Git \\"my repo\\""].Token'],
    ['a non-ASCII section', { extraConfig: { Über: { Password: 'pw-123456' } } }, 'extraConfig["Über"].Password'],
  ] as [string, PackageManagerProps, string][])('refuses a name Kubernetes rejects, with the reason (%s)', (_what, props, path) => {
    const issues = issuesOf(() => synthProps(props));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(/Kubernetes does not allow in an environment variable name/) });
    expect(settingEnvProblem('Git "my repo"', 'Token')).toMatch(/rename the subsection/);
  });
});

describe('item 4: case variants are errors', () => {
  it.each([
    ['Proxy/proxy sections', { extraConfig: { Proxy: { Host: 'a' }, proxy: { Port: '1' } } }, 'extraConfig.proxy', /same section/],
    [
      'URL/url keys',
      { extraConfig: { Proxy: { URL: 'http://a', url: 'http://b' } } },
      'extraConfig.Proxy.url',
      /same key, which would get two values/,
    ],
    [
      'a secret setting in two spellings (two variables of one name)',
      { extraConfig: { Proxy: { Password: 'pw-123456', password: 'pw-654321' } } },
      'extraConfig.Proxy.password',
      /same key/,
    ],
    [
      'a typed key spelled another way in extraConfig',
      { extraConfig: { HTTP: { listen: ':8080' } } },
      'extraConfig.HTTP.listen',
      /config\.HTTP\.Listen/,
    ],
    [
      'an untyped config section and extraConfig in two spellings',
      { config: { Proxy: { Host: 'a' } }, extraConfig: { PROXY: { Port: '1' } } },
      'extraConfig.PROXY',
      /same section/,
    ],
    [
      'the same key in config and extraConfig',
      { config: { Proxy: { Host: 'a' } }, extraConfig: { Proxy: { Host: 'b' } } },
      'extraConfig.Proxy.Host',
      /also set as config\.Proxy\.Host/,
    ],
  ] as [string, PackageManagerProps, string, RegExp][])('%s', (_what, props, path, message) => {
    expect(issuesOf(() => synthProps(props))).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('a section is one section whatever its case, but a subsection is case-sensitive', () => {
    expect(() => synthProps({ extraConfig: { 'Repo "A"': { X: '1' }, 'Repo "a"': { X: '2' } } })).not.toThrow();
    expect(issuesOf(() => synthProps({ extraConfig: { 'Repo "a"': { X: '1' }, 'repo "a"': { X: '2' } } }))[0].path).toBe(
      'extraConfig["repo \\"a\\""]',
    );
  });
});

describe('item 4: configFromSecrets is checked and typed like config', () => {
  it('a typo of a known key is an error that names the key, like in config', () => {
    const issues = issuesOf(() => synthValues({ configFromSecrets: { Postgres: { Pasword: ref } } }));
    expect(issues).toEqual([{ path: 'configFromSecrets.Postgres.Pasword', message: 'unknown key; did you mean Postgres.Password?' }]);
    // @ts-expect-error a typo of a typed key does not compile either
    const typo: PackageManagerProps = { configFromSecrets: { Postgres: { Pasword: ref } } };
    void typo;
  });

  it('a known name in another case is read as the known one, with a warning', () => {
    const { objects, pm } = synthValues({ configFromSecrets: { postgres: { password: ref } } });
    expect(find(objects, 'Deployment').spec.template.spec.containers[0].env).toContainEqual({
      name: 'PACKAGEMANAGER_POSTGRES_PASSWORD',
      valueFrom: { secretKeyRef: ref },
    });
    expect(pm.warnings.filter((w) => w.id === 'ppm:config-spelling').map((w) => w.path)).toEqual([
      'configFromSecrets.postgres',
      'configFromSecrets.postgres.password',
    ]);
  });

  it('two spellings of one setting, a bad Secret key, a setting the construct reads to render: errors', () => {
    expect(
      issuesOf(() => synthProps({ configFromSecrets: { Postgres: { Password: ref }, postgres: { password: ref } } })).map((i) => i.path),
    ).toEqual(['configFromSecrets.postgres.password']);
    expect(issuesOf(() => synthProps({ configFromSecrets: { Proxy: { Password: { name: 'p', key: '..' } } } }))[0]).toMatchObject({
      path: 'configFromSecrets.Proxy.Password.key',
    });
    expect(issuesOf(() => synthProps({ configFromSecrets: { HTTP: { Listen: ref } } }))[0]).toEqual({
      path: 'configFromSecrets.HTTP.Listen',
      message: expect.stringMatching(/cannot come from a Secret: the construct reads config\.HTTP\.Listen to render the pod/),
    });
  });

  it('a pod.env entry of the same name as a setting from a Secret is an error (one value would be lost)', () => {
    const issues = issuesOf(() =>
      synthProps({
        configFromSecrets: { Postgres: { Password: ref } },
        pod: { env: [{ name: 'PACKAGEMANAGER_POSTGRES_PASSWORD', valueFrom: { secretKeyRef: ref } }] },
      }),
    );
    expect(issues).toEqual([
      { path: 'pod.env[0].name', message: expect.stringMatching(/also set from configFromSecrets\.Postgres\.Password/) },
    ]);
  });
});
