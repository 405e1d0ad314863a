/** Values files read as Helm reads them: null removes defaults, falsy means off, no false refusals (issue: Helm-faithful values). */
import { parseGcfg } from '../../src/gcfg/parse';
import { find, synthValues, type Obj } from '../helpers/synth';
import { issuesOf } from '../helpers/issues';

const deployment = (values: unknown, chartVersion?: '0.5.29' | '0.20.4') =>
  find(synthValues(values, 'my-release', 'posit', chartVersion).objects, 'Deployment');
const container = (values: unknown, chartVersion?: '0.5.29' | '0.20.4') =>
  deployment(values, chartVersion).spec.template.spec.containers[0];

describe('null removes a default, at any depth', () => {
  it('inside a default map: runAsUser (OpenShift), a probe field, an annotation', () => {
    expect(container({ pod: { containerSecurityContext: { runAsUser: null } } }).securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'Unconfined' },
    });
    expect(container({ readinessProbe: { successThreshold: null } }).readinessProbe).not.toHaveProperty('successThreshold');
    const pvc = find(synthValues({ sharedStorage: { create: true, annotations: null } }).objects, 'PersistentVolumeClaim');
    expect(pvc.metadata.annotations).toBeUndefined();
  });

  it('a whole map: no container securityContext; 0.20.4 pod securityContext per key or whole', () => {
    expect(container({ pod: { containerSecurityContext: null } })).not.toHaveProperty('securityContext');
    expect(deployment({ pod: { securityContext: null } }, '0.20.4').spec.template.spec).not.toHaveProperty('securityContext');
    expect(deployment({ pod: { securityContext: { fsGroup: null } } }, '0.20.4').spec.template.spec.securityContext).toEqual({
      fsGroupChangePolicy: 'OnRootMismatch',
    });
    expect(deployment({ pod: { securityContext: {} } }, '0.20.4').spec.template.spec.securityContext).toEqual({
      fsGroup: 999,
      fsGroupChangePolicy: 'OnRootMismatch',
    });
    expect(deployment({ revisionHistoryLimit: null }, '0.20.4').spec).not.toHaveProperty('revisionHistoryLimit');
  });

  it('a falsy value where the chart tests with if/with means none, even over a default map', () => {
    const sa = find(synthValues({ serviceAccount: { create: true, annotations: false } }).objects, 'ServiceAccount');
    expect(sa.metadata.annotations).toBeUndefined();
    // The claim's annotations are printed without a test: Helm fails on `annotations: false`.
    expect(issuesOf(() => synthValues({ sharedStorage: { create: true, annotations: false } }))).toContainEqual({
      path: 'sharedStorage.annotations',
      message: expect.stringMatching(/prints it as the annotations map without testing it \(Helm fails/),
    });
    expect(deployment({ pod: { securityContext: false } }, '0.20.4').spec.template.spec).not.toHaveProperty('securityContext');
  });

  it.each([
    [{ image: { tagPrefix: null } }, 'image.tagPrefix', /%!s\(<nil>\).*set it to "" for no prefix/],
    [{ license: { file: { contents: 'x', mountPath: null } } }, 'license.file.mountPath', /removed \(null\) while a license file is given/],
    [
      { resources: { limits: { enabled: true, cpu: null } } },
      'resources.limits.cpu',
      /removed \(null\) while resources.limits.enabled is true/,
    ],
    [{ sharedStorage: { create: true, accessModes: null } }, 'sharedStorage.accessModes', /without access modes/],
    [{ sharedStorage: { create: true, accessModes: [] } }, 'sharedStorage.accessModes', /without access modes/],
  ])('refuses %j, which the chart renders broken', (values, path, message) => {
    expect(issuesOf(() => synthValues(values))).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});

describe('no false refusals', () => {
  it('a password inside config.Postgres.URL: the URL goes to the Secret and the Postgres rule still sees it', () => {
    const { objects } = synthValues({
      config: { Database: { Provider: 'postgres' }, Postgres: { URL: 'postgres://ppm:Zq8fJ2kLmN4p@db/ppm' } },
    });
    expect(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']).not.toContain('Zq8fJ2kLmN4p');
    expect(find(objects, 'Secret').stringData).toEqual({ 'Postgres.URL': 'postgres://ppm:Zq8fJ2kLmN4p@db/ppm' });
  });

  it('the same through configFromSecrets', () => {
    expect(() =>
      synthValues({ config: { Database: { Provider: 'postgres' } }, configFromSecrets: { Postgres: { URL: { name: 'db', key: 'url' } } } }),
    ).not.toThrow();
  });

  it('an NFS volume of pod.volumes at the data directory shares data between replicas; emptyDir does not', () => {
    const nfs = {
      replicas: 2,
      config: { Database: { Provider: 'postgres' }, Postgres: { URL: 'postgres://ppm@db/ppm' } },
      pod: {
        volumes: [{ name: 'data', nfs: { server: 'nfs.example.com', path: '/ppm' } }],
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/rstudio-pm' }],
      },
    };
    expect(() => synthValues(nfs)).not.toThrow();
    const emptyDir = { ...nfs, pod: { ...nfs.pod, volumes: [{ name: 'data', emptyDir: {} }] } };
    expect(issuesOf(() => synthValues(emptyDir)).map((i) => i.path)).toEqual(['replicas']);
  });

  it('several replicas with the default SQLite database are a warning, not an error', () => {
    const { pm } = synthValues({ replicas: 2, sharedStorage: { create: true } });
    expect(pm.warnings.map((w) => w.id)).toContain('ppm:replicas-sqlite');
  });

  it('a probe override that gives only httpGet.path keeps the default port; an empty httpGet gets path and port', () => {
    expect(container({ readinessProbe: { httpGet: { path: '/health' } } }).readinessProbe.httpGet).toEqual({ path: '/health', port: 4242 });
    expect(container({ readinessProbe: { httpGet: {} } }).readinessProbe.httpGet).toEqual({ path: '/__ping__', port: 4242 });
  });

  it('numbers given as strings render as the chart renders them; numbers in command/args are text', () => {
    const d = deployment({ pod: { port: '5000' }, revisionHistoryLimit: '5', service: { targetPort: '4242' } });
    expect(d.spec.template.spec.containers[0].ports[0]).toEqual({ containerPort: 5000 });
    expect(d.spec.revisionHistoryLimit).toBe(5);
    expect(find(synthValues({ service: { targetPort: '4242' } }).objects, 'Service').spec.ports[0].targetPort).toBe(4242);
    expect(container({ command: ['sleep', 1000] }).command).toEqual(['sleep', '1000']);
    expect(container({ command: [] })).not.toHaveProperty('command');
  });

  it.each([
    [{ readinessProbe: { enabled: '' } }, (o: Obj[]) => find(o, 'Deployment').spec.template.spec.containers[0].readinessProbe, undefined],
    [{ serviceAccount: { create: '' } }, (o: Obj[]) => o.find((x) => x.kind === 'ServiceAccount'), undefined],
    [
      { ingress: { enabled: 'true', hosts: [{ host: 'a.example.com', paths: ['/'] }] } },
      (o: Obj[]) => o.find((x) => x.kind === 'Ingress')?.kind,
      'Ingress',
    ],
    [{ enableMigration: 0, sharedStorage: { create: true } }, (o: Obj[]) => o.find((x) => x.kind === 'Job'), undefined],
  ])('%j is read as Helm reads it', (values, pick, expected) => {
    expect(pick(synthValues(values).objects)).toEqual(expected);
  });

  it.each([['false'], ['no'], ['0']])('a quoted %j is an error: Helm reads it as true', (text) => {
    expect(issuesOf(() => synthValues({ serviceAccount: { create: text } }))).toEqual([
      { path: 'serviceAccount.create', message: expect.stringMatching(/which Helm reads as true .*write false without quotes/) },
    ]);
  });

  it('a top-level global map is accepted and ignored', () => {
    expect(() => synthValues({ global: { imageRegistry: 'r.example.com' } })).not.toThrow();
  });
});

describe('what the differential run against the real chart found (each read as helm reads it)', () => {
  it.each([['tolerations'], ['extraContainers'], ['pod.env'], ['image.imagePullSecrets'], ['command']])(
    '%s: {} is off, like []',
    (path) => {
      const values = path.split('.').reduceRight<unknown>((v, k) => ({ [k]: v }), {});
      expect(() => synthValues(values)).not.toThrow();
    },
  );

  it('a config setting set to null without a chart default is written empty, as the chart prints it', () => {
    const gcfg = find(synthValues({ config: { Server: { Address: null } } }).objects, 'ConfigMap').data['rstudio-pm.gcfg'];
    expect(parseGcfg(gcfg).server).toEqual({ address: [''] });
  });

  it.each([['livenessProbe'], ['resources'], ['serviceAccount'], ['pod'], ['license.file'], ['config.Metrics']])(
    '%s: null is an error (the chart reads its fields and Helm fails)',
    (path) => {
      const values = path.split('.').reduceRight<unknown>((v, k) => ({ [k]: v }), null);
      expect(issuesOf(() => synthValues(values))).toContainEqual({ path, message: expect.stringMatching(/chart reads its fields/) });
    },
  );

  it.each([['yes'], ['1'], ['True'], ['on'], ['enabled']])('a quoted %j where a boolean is tested is on, as Helm reads it', (text) => {
    expect(find(synthValues({ serviceMonitor: { enabled: text } }).objects, 'ServiceMonitor').kind).toBe('ServiceMonitor');
  });

  it('"" for a value the chart prints leaves it to Kubernetes', () => {
    const d = deployment({ strategy: { type: '' }, pod: { terminationGracePeriodSeconds: '' } });
    expect(d.spec.strategy).toEqual({}); // the chart prints `type:` with nothing, then no rollingUpdate
    expect(d.spec.template.spec).not.toHaveProperty('terminationGracePeriodSeconds');
    expect(find(synthValues({ service: { type: '' } }).objects, 'Service').spec).not.toHaveProperty('type');
  });

  it('a null member of a map without a default renders as nothing', () => {
    const pdb = find(synthValues({ podDisruptionBudget: { minAvailable: null, maxUnavailable: 1 } }).objects, 'PodDisruptionBudget');
    expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: expect.anything() });
    expect(deployment({ pod: { labels: { team: null, app: 'x' } } }).spec.template.metadata.labels).not.toHaveProperty('team');
  });

  it('sharedStorage.path: null with storage mounted is an error, not a silently missing mount', () => {
    expect(issuesOf(() => synthValues({ sharedStorage: { mount: true, path: null } }))).toContainEqual({
      path: 'sharedStorage.path',
      message: expect.stringMatching(/without a mount path/),
    });
  });

  it('strategy.rollingUpdate: null with RollingUpdate says what is missing', () => {
    expect(issuesOf(() => synthValues({ strategy: { rollingUpdate: null } }))).toEqual([
      { path: 'strategy.rollingUpdate', message: expect.stringMatching(/removed \(null\).*Recreate/) },
    ]);
  });

  it('names, license contents and versions must be text: Helm fails or corrupts the image on a number or boolean', () => {
    expect(issuesOf(() => synthValues({ nameOverride: true })).map((i) => i.path)).toEqual(['nameOverride']);
    expect(issuesOf(() => synthValues({ versionOverride: 2024.08 })).map((i) => i.path)).toEqual(['versionOverride']);
  });

  it('a number of storage stays a number; pod annotations print numbers as Go does', () => {
    const pvc = find(synthValues({ sharedStorage: { create: true, requests: { storage: 10 } } }).objects, 'PersistentVolumeClaim');
    expect(pvc.spec.resources.requests.storage).toBe(10);
    expect(deployment({ pod: { annotations: { big: 1000000 } } }).spec.template.metadata.annotations.big).toBe('1e+06');
  });
});
