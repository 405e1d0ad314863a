/** Secrets by construct reference (a cdk8s-plus ISecret wherever a Secret is named), and warnings for inline secrets in typed props. */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  acknowledgeWarning,
  collectWarnings,
  PackageManager,
  PackageManagerValidationError,
  render,
  type PackageManagerProps,
} from '../src';
import { find, newChart, type Obj } from './helpers/synth';
import { thrown } from './helpers/thrown';

function build(props: (chart: Chart) => PackageManagerProps, namespace = 'posit') {
  const chart = new Chart(new App({ outdir: '/dev/null' }), 'c', { namespace, disableResourceNameHashes: true });
  const pm = new PackageManager(chart, 'ppm', props(chart));
  return { pm, objects: chart.toJson() as Obj[] };
}
const container = (objects: Obj[]) => find(objects, 'Deployment').spec.template.spec.containers[0];
const env = (objects: Obj[]) => Object.fromEntries((container(objects).env ?? []).map((e: Obj) => [e.name, e.valueFrom ?? e.value]));
const volumes = (objects: Obj[]) => find(objects, 'Deployment').spec.template.spec.volumes ?? [];

const validationError = (fn: () => unknown): PackageManagerValidationError => thrown(fn, PackageManagerValidationError);

describe('a cdk8s-plus ISecret wherever a Secret is referenced', () => {
  it('Secret.fromSecretName for the license key, the encryption key and a config setting', () => {
    const { objects } = build((chart) => ({
      license: { keySecret: { secret: kplus.Secret.fromSecretName(chart, 'lic', 'ppm-license'), key: 'key' } },
      rstudioPMKeySecret: { secret: kplus.Secret.fromSecretName(chart, 'enc', 'ppm-encryption'), key: 'key' },
      config: { Database: { Provider: 'postgres' } },
      configFromSecrets: { Postgres: { URL: { secret: kplus.Secret.fromSecretName(chart, 'db', 'ppm-db-app'), key: 'uri' } } },
    }));
    expect(env(objects)).toEqual({
      RSPM_LICENSE: { secretKeyRef: { name: 'ppm-license', key: 'key' } },
      PACKAGEMANAGER_ENCRYPTION_KEY: { secretKeyRef: { name: 'ppm-encryption', key: 'key' } },
      PACKAGEMANAGER_POSTGRES_URL: { secretKeyRef: { name: 'ppm-db-app', key: 'uri' } },
    });
  });

  it('a Secret of the same app: its name, whatever cdk8s makes of it, and it follows a rename', () => {
    const names = ['license', 'license-v2'].map((id) => {
      const chart = new Chart(new App({ outdir: '/dev/null' }), 'c', { namespace: 'posit' }); // with name hashes
      const secret = new kplus.Secret(chart, id, { stringData: { 'ppm.lic': 'x' } });
      const pm = new PackageManager(chart, 'ppm', { license: { file: { secret, secretKey: 'ppm.lic' } } });
      const volume = find(chart.toJson(), 'Deployment').spec.template.spec.volumes.find((v: Obj) => v.name === 'license-file');
      expect(volume.secret.secretName).toBe(secret.name);
      expect(pm.node.path).toBe('c/ppm');
      return secret.name;
    });
    expect(names[0]).not.toBe(names[1]);
    expect(names[0]).toMatch(/^c-license-c8[0-9a-f]+$/);
  });

  it('the AWS credentials Secret, with or without its key', () => {
    const mount = (props: PackageManagerProps['awsCredentialsSecret']) =>
      volumes(build(() => ({ awsCredentialsSecret: props })).objects).find((v: Obj) => v.secret?.secretName === 'aws');
    const chart = newChart();
    expect(mount({ secret: kplus.Secret.fromSecretName(chart, 'a', 'aws') })).toBeDefined();
    expect(mount({ secret: kplus.Secret.fromSecretName(chart, 'b', 'aws'), key: 'creds.ini' })?.secret.items).toEqual([
      { key: 'creds.ini', path: 'credentials' },
    ]);
    // The same as by name.
    expect(mount({ secret: kplus.Secret.fromSecretName(chart, 'c', 'aws'), key: 'creds.ini' })).toEqual(
      mount({ name: 'aws', key: 'creds.ini' }),
    );
  });

  it('a Secret of another namespace is an error naming both namespaces', () => {
    const e = validationError(() =>
      build((chart) => {
        const other = new Chart(chart.node.scope!, 'other', { namespace: 'vault' });
        return { license: { keySecret: { secret: new kplus.Secret(other, 's', { metadata: { name: 'lic' } }), key: 'k' } } };
      }),
    );
    expect(e.issues).toEqual([
      {
        path: 'license.keySecret.secret',
        message:
          'the Secret lic is in namespace vault and the release in posit: a pod reads only Secrets of its own namespace; create the Secret in posit',
      },
    ]);
  });

  it('something that is not a Secret, and a name given twice, are errors with the path', () => {
    const e = validationError(() =>
      build(() => ({
        rstudioPMKeySecret: { secret: {} as kplus.ISecret, key: 'k' },
        configFromSecrets: { Postgres: { Password: { secret: { name: 'x' } as kplus.ISecret, name: 'y', key: 'k' } as never } },
      })),
    );
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([
      [
        'rstudioPMKeySecret.secret',
        "must be a cdk8s-plus Secret (ISecret), e.g. kplus.Secret.fromSecretName(this, 'db', 'ppm-db'); got a map",
      ],
      [
        'configFromSecrets.Postgres.Password',
        'give the Secret either by name ({ name, key }) or as a construct ({ secret, key }), not both',
      ],
    ]);
  });

  it('the rules about Secret references still apply: a reference and an inline value for the same secret', () => {
    const e = validationError(() =>
      build((chart) => ({ license: { key: 'k', keySecret: { secret: kplus.Secret.fromSecretName(chart, 's', 'lic'), key: 'k' } } })),
    );
    expect(e.issues.map((i) => i.path)).toContain('license.keySecret');
  });

  it('the pure core takes anything shaped like a Secret (its name), without cdk8s', () => {
    const manifests = render({ license: { file: { secret: { name: 'ppm-license' } as kplus.ISecret } } }, { namespace: 'posit' });
    const deployment = manifests.find((m) => m.kind === 'Deployment') as Obj;
    expect(deployment.spec.template.spec.volumes).toContainEqual({ name: 'license-file', secret: { secretName: 'ppm-license' } });
  });
});

describe('inline secrets in typed props: a warning that can be acknowledged', () => {
  const inline = (pm: PackageManager) => pm.warnings.filter((w) => w.id === 'ppm:inline-secret-prop');

  it('warns for each inline secret, naming the reference to use instead, never the value', () => {
    const chart = newChart();
    const pm = new PackageManager(chart, 'ppm', {
      license: { key: 'license-key-value' },
      rstudioPMKey: 'encryption-key-value',
      awsAccessKeyId: 'AKIAEXAMPLE',
      awsSecretAccessKey: 'secret-access-key-value',
    });
    expect(inline(pm).map((w) => w.path)).toEqual(['license.key', 'awsAccessKeyId', 'awsSecretAccessKey', 'rstudioPMKey']);
    expect(inline(pm)[0].message).toContain('license.keySecret');
    expect(JSON.stringify(pm.warnings)).not.toMatch(/key-value|AKIAEXAMPLE/);
  });

  it('is acknowledged per instance or for a scope', () => {
    const chart = newChart();
    const acked = new PackageManager(chart, 'a', {
      license: { key: 'license-key-value' },
      acknowledgeWarnings: ['ppm:inline-secret-prop'],
    });
    expect(inline(acked)).toEqual([]);
    const chart2 = newChart();
    new PackageManager(chart2, 'b', { license: { file: { contents: 'license-file-value' } } });
    expect(collectWarnings(chart2).filter((w) => w.id === 'ppm:inline-secret-prop')).toHaveLength(1);
    acknowledgeWarning(chart2, 'ppm:inline-secret-prop');
    expect(collectWarnings(chart2).filter((w) => w.id === 'ppm:inline-secret-prop')).toEqual([]);
  });

  it('a values file keeps the chart habit without it', () => {
    const pm = PackageManager.fromValues(newChart(), 'r', { license: { key: 'license-key-value' }, rstudioPMKey: 'encryption-key-value' });
    expect(inline(pm)).toEqual([]);
  });

  it('references give no such warning', () => {
    const pm = new PackageManager(newChart(), 'ppm', { license: { keySecret: { name: 'lic', key: 'k' } } });
    expect(inline(pm)).toEqual([]);
  });
});
