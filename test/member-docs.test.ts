/**
 * What the TSDoc of each object member of `PackageManager` says (and so the README's member table, generated from
 * it): the object's name (`FULL-…`) and when it exists. Each member is absent by default (present, for those the
 * TSDoc says exist always or by default) and present with the props its "when" names.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing, type ApiObject } from 'cdk8s';
import { PackageManager, type PackageManagerProps } from '../src';
import { CATALOGUE } from '../src/catalogue';
import { WARNINGS } from '../src/warnings';

const ACK = { acknowledgeWarnings: Object.keys(WARNINGS) } as PackageManagerProps;
const FULL = 'r1-rstudio-pm';

/** Each object member: the props that make it exist (undefined: it exists with no props), and its name's suffix. */
const EXISTS_WITH: Record<string, { props?: PackageManagerProps; name: string }> = {
  configMap: { name: '-config' },
  deployment: { name: '' },
  service: { name: '' },
  serviceAccount: { name: '' },
  repositoriesConfigMap: { props: { repositories: [{ name: 'cran', sources: ['cran'] }] }, name: '-repositories' },
  persistentVolumeClaim: { props: { sharedStorage: { create: true } }, name: '-shared-storage' },
  ingress: { props: { ingress: { enabled: true, hosts: [{ host: 'ppm.example.com', paths: ['/'] }] } } as never, name: '' },
  httpRoute: { props: { httpRoute: { enabled: true, parentRefs: [{ name: 'gw' }] } } as never, name: '' },
  serviceMonitor: { props: { serviceMonitor: { enabled: true }, config: { Metrics: { Enabled: true } } }, name: '' },
  podDisruptionBudget: { props: { podDisruptionBudget: { minAvailable: 1 } }, name: '' },
  licenseSecret: { props: { license: { key: 'k' } }, name: '-license' },
  licenseFileSecret: { props: { license: { file: { contents: 'c' } } }, name: '-license-file' },
  awsCredentialsSecret: { props: { awsAccessKeyId: 'id', awsSecretAccessKey: 's' }, name: '-aws-creds' },
  encryptionKeySecret: { props: { rstudioPMKey: 'k' }, name: '-rstudio-pm-key' },
  configSecretsSecret: { props: { config: { Postgres: { Password: 'p' } } } as never, name: '-config-secrets' },
  networkPolicy: { props: { networkPolicy: { enabled: true } }, name: '' },
  migrationJob: { props: { sharedStorage: { create: true }, enableMigration: true }, name: '-chown-shared-storage' },
};

const source = readFileSync(join(__dirname, '..', 'src', 'package-manager.ts'), 'utf8');
/** The one-line TSDoc comment right above `declare public readonly MEMBER`. */
function docOf(member: string): string {
  const m = new RegExp(`/\\*\\*\\s*((?:(?!\\*/)[\\s\\S])*?)\\s*\\*/\\s*declare public readonly ${member}\\??:`).exec(source);
  if (!m) throw new Error(`no TSDoc above ${member}`);
  return m[1].replace(/\s*\n\s*\*\s*/g, ' ');
}

const build = (props: PackageManagerProps = {}) =>
  new PackageManager(Testing.chart(), 'r1', { ...ACK, ...props }) as unknown as Record<string, ApiObject | undefined>;
const bare = build();

describe('the object members are what their TSDoc says', () => {
  it('covers every member of the catalogue', () => {
    expect(Object.keys(EXISTS_WITH).sort()).toEqual(CATALOGUE.map((c) => c.member).sort());
  });

  it.each(Object.keys(EXISTS_WITH))('%s: its name and when it exists', (member) => {
    const { props, name } = EXISTS_WITH[member];
    const doc = docOf(member);
    const built = props ? build(props) : bare;
    expect(built[member]?.name).toBe(`${FULL}${name}`);
    expect(doc).toContain(`\`FULL${name}\``);
    if (props === undefined) {
      expect(doc).toMatch(/; always\.$|\(the default\)\.$/);
      return;
    }
    expect(bare[member]).toBeUndefined();
    expect(doc).toMatch(/, when /);
    // The props the "when" names (`a.b`) are the ones set here.
    const named = [...doc.slice(doc.indexOf(', when ')).matchAll(/`([A-Za-z.]+)`/g)].map((m) => m[1].split('.')[0]);
    for (const key of named) expect(Object.keys(props)).toContain(key);
  });

  it('the ServiceAccount is the default, and goes away with serviceAccount.create: false', () => {
    expect(build({ serviceAccount: { create: false } }).serviceAccount).toBeUndefined();
    expect(docOf('serviceAccount')).toContain('when `serviceAccount.create` (the default)');
  });

  it('the ServiceMonitor needs metrics on (the default)', () => {
    expect(build({ serviceMonitor: { enabled: true }, config: { Metrics: { Enabled: false } } }).serviceMonitor).toBeUndefined();
    expect(docOf('serviceMonitor')).toContain('`config.Metrics.Enabled` (the default)');
  });

  it('the chown Job needs enableMigration (the default), with storage created or mounted', () => {
    expect(build({ sharedStorage: { create: true }, enableMigration: false }).migrationJob).toBeUndefined();
    expect(build({ sharedStorage: { mount: true, name: 'pre-made' } }).migrationJob).toBeDefined();
  });
});
