import { ApiObject, Testing } from 'cdk8s';
import { CATALOGUE, EXTRA_OBJECTS, templateOf, type ObjectMember } from '../src/catalogue';
import { PackageManager } from '../src';
import { render } from '../src/render';

/** Props that render every object of the catalogue. */
const EVERYTHING = {
  serviceAccount: { create: true },
  license: { key: 'k', file: { contents: 'LICENSE' } },
  awsAccessKeyId: 'id',
  awsSecretAccessKey: 'secret',
  rstudioPMKey: 'key',
  config: { Git: { Password: 'inline' }, Metrics: { Enabled: true } },
  sharedStorage: { create: true },
  enableMigration: true,
  ingress: { enabled: true, hosts: [{ host: 'h', paths: ['/'] }] },
  serviceMonitor: { enabled: true },
  podDisruptionBudget: { minAvailable: 1 },
  networkPolicy: { enabled: true },
  httpRoute: { enabled: true, parentRefs: [{ name: 'gateway' }] },
  repositories: [{ name: 'cran', sources: ['cran'] }],
  extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra' } }],
  acknowledgeWarnings: ['ppm:inline-secret', 'ppm:inline-secret-prop'],
} as never;

// Compile time: every catalogue member is a member of PackageManager holding an ApiObject.
const members: { readonly [m in ObjectMember]: ApiObject } = {} as Required<PackageManager>;
void members;

describe('the catalogue of rendered objects', () => {
  it('gives each object a member of the construct that holds it, and its kind', () => {
    const pm = new PackageManager(Testing.chart(), 'ppm', EVERYTHING);
    for (const { id, member, kind } of CATALOGUE) {
      const object = (pm as unknown as Record<string, ApiObject | undefined>)[member];
      expect({ id, kind: object?.kind, child: object === pm.node.tryFindChild(id) }).toEqual({ id, kind, child: true });
    }
    expect(pm.extraObjects.map((o) => o.node.id)).toEqual(['ExtraObject0']);
  });

  it('is the order render() writes the objects in', () => {
    const kinds = render(EVERYTHING).map((m) => m.kind);
    expect(kinds).toEqual([...CATALOGUE.map((e) => e.kind), 'ConfigMap']);
  });

  it('names the templates of the chart (both versions have the same), and the templates of objects the chart lacks', () => {
    const chart = [
      'configmap.yaml',
      'deployment.yaml',
      'extra-objects.yaml',
      'ingress.yaml',
      'poddisruptionbudget.yaml',
      'post-upgrade-chown-job.yaml',
      'pvc.yaml',
      'secret-aws-creds.yaml',
      'secret-license.yaml',
      'secret-rstudio-pm-key.yaml',
      'serviceaccount.yaml',
      'servicemonitor.yaml',
      'svc.yaml',
    ].map((f) => `templates/${f}`);
    const ours = new Set([...CATALOGUE.map((e) => e.template), EXTRA_OBJECTS.template]);
    expect([...ours].sort()).toEqual(
      [...chart, 'templates/networkpolicy.yaml', 'templates/httproute.yaml', 'templates/repositories-configmap.yaml'].sort(),
    );
  });

  it('maps construct ids to templates, extra objects included, and refuses an unknown id', () => {
    expect(templateOf('ExtraObject12')).toBe('templates/extra-objects.yaml');
    expect(templateOf('LicenseFileSecret')).toBe('templates/secret-license.yaml');
    expect(() => templateOf('Nothing')).toThrow('no chart template for the object Nothing');
  });
});
