/** The construct: defaults, exposed children, naming, namespace, patching, determinism, checksums, warnings. */
import { App, Chart, JsonPatch, Testing, Yaml } from 'cdk8s';
import { PackageManager, PackageManagerValidationError } from '../src';
import { checksum } from '../src/checksums';
import type { PackageManagerProps } from '../src';
import { find, synthProps, otherWarnings } from './helpers/synth';

describe('PackageManager with default props', () => {
  const { pm, objects } = synthProps({});

  it('renders the chart defaults: ServiceAccount, ConfigMap, Service, Deployment', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/my-release-rstudio-pm',
      'ConfigMap/my-release-rstudio-pm-config',
      'Service/my-release-rstudio-pm',
      'Deployment/my-release-rstudio-pm',
    ]);
  });

  it('matches the reviewed snapshot', () => {
    // Reviewed by hand against fixtures/parity/expected/chart-ci-empty.yaml (namespace "default" here).
    expect(objects).toMatchSnapshot();
  });

  it('exposes each object as a child, absent ones as undefined', () => {
    expect(pm.deployment.kind).toBe('Deployment');
    expect(pm.configMap.kind).toBe('ConfigMap');
    expect(pm.service.kind).toBe('Service');
    expect(pm.serviceAccount?.kind).toBe('ServiceAccount');
    for (const absent of [
      pm.ingress,
      pm.persistentVolumeClaim,
      pm.serviceMonitor,
      pm.podDisruptionBudget,
      pm.licenseSecret,
      pm.licenseFileSecret,
      pm.awsCredentialsSecret,
      pm.encryptionKeySecret,
      pm.migrationJob,
    ]) {
      expect(absent).toBeUndefined();
    }
    expect(pm.extraObjects).toEqual([]);
  });

  it('names the release after the construct id and, without a namespace from the props or a Chart, sets none', () => {
    expect(pm.releaseName).toBe('my-release');
    expect(pm.namespace).toBeUndefined();
    expect(pm.fullName).toBe('my-release-rstudio-pm');
    expect(objects.every((o) => !('namespace' in o.metadata))).toBe(true);
  });

  it('a ServiceMonitor without a namespace selects its own; one in another namespace needs the release namespace', () => {
    const sm = find(synthProps({ serviceMonitor: { enabled: true } }).objects, 'ServiceMonitor');
    expect(sm.metadata).not.toHaveProperty('namespace');
    expect(sm.spec).not.toHaveProperty('namespaceSelector');
    expect(() => synthProps({ serviceMonitor: { enabled: true, namespace: 'monitoring' } })).toThrow(
      /serviceMonitor.namespace: puts the ServiceMonitor in "monitoring", but the release has no namespace/,
    );
  });

  it('labels every object with app.kubernetes.io labels', () => {
    for (const o of objects) {
      expect(o.metadata.labels).toEqual({
        'app.kubernetes.io/name': 'rstudio-pm',
        'app.kubernetes.io/instance': 'my-release',
        'app.kubernetes.io/version': '2024.04.4',
        'app.kubernetes.io/managed-by': 'cdk8s',
      });
    }
  });
});

describe('PackageManager construction', () => {
  it("takes the enclosing Chart's namespace", () => {
    const chart = Testing.chart();
    const c = new Chart(chart, 'ns', { namespace: 'team-a' });
    const pm = new PackageManager(c, 'ppm');
    expect(pm.namespace).toBe('team-a');
    expect(pm.deployment.toJson().metadata.namespace).toBe('team-a');
  });

  it('lets props set the release name and namespace', () => {
    const { pm, objects } = synthProps({ releaseName: 'rstudio-pm-prod', namespace: 'posit' });
    expect(pm.fullName).toBe('rstudio-pm-prod');
    expect(objects.every((o) => o.metadata.namespace === 'posit')).toBe(true);
  });

  it('lets users patch the objects it exposes', () => {
    const chart = Testing.chart();
    const pm = new PackageManager(chart, 'ppm');
    pm.deployment.addJsonPatch(JsonPatch.add('/spec/template/spec/hostNetwork', false));
    expect(pm.deployment.toJson().spec.template.spec.hostNetwork).toBe(false);
  });

  it('renders each object of a full configuration', () => {
    const { pm } = synthProps({
      license: { key: 'k', file: { contents: 'LICENSE' } },
      awsAccessKeyId: 'id',
      awsSecretAccessKey: 'secret',
      rstudioPMKey: 'key',
      sharedStorage: { create: true },
      ingress: { enabled: true, hosts: [{ host: 'h', paths: ['/'] }] },
      serviceMonitor: { enabled: true },
      podDisruptionBudget: { minAvailable: 1 },
      extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra' } }],
    });
    expect(
      [
        pm.licenseSecret,
        pm.licenseFileSecret,
        pm.awsCredentialsSecret,
        pm.encryptionKeySecret,
        pm.persistentVolumeClaim,
        pm.ingress,
        pm.serviceMonitor,
        pm.podDisruptionBudget,
        pm.migrationJob,
        ...pm.extraObjects,
      ].map((o) => o?.kind),
    ).toEqual([
      'Secret',
      'Secret',
      'Secret',
      'Secret',
      'PersistentVolumeClaim',
      'Ingress',
      'ServiceMonitor',
      'PodDisruptionBudget',
      'Job',
      'ConfigMap',
    ]);
  });

  it('gives byte-identical YAML for the same props, whatever the order of their keys', () => {
    const props: PackageManagerProps = {
      replicas: 2,
      sharedStorage: { create: true, accessModes: ['ReadWriteMany'] },
      config: { Server: { RVersion: ['/b', '/a'] }, CRAN: { SyncSchedule: '0 0 * * *' }, Database: { Provider: 'postgres' } },
      configFromSecrets: { Postgres: { URL: { name: 'db', key: 'url' } } },
      pod: {
        annotations: { z: '1', a: '2' },
        env: [
          { name: 'B', value: '2' },
          { name: 'A', value: '1' },
        ],
      },
      service: { annotations: { y: '1', b: '2' } },
    };
    // The same props with every map's keys in reverse order (list order is meaning, so it stays).
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    expect(JSON.stringify(reversed(props))).not.toBe(JSON.stringify(props));
    const yaml = (p: PackageManagerProps) => Yaml.stringify(...synthProps(p).objects);
    const first = yaml(props);
    expect(yaml(props)).toBe(first);
    expect(yaml(reversed(props) as PackageManagerProps)).toBe(first);
  });

  it('does not see later changes to the props it was given', () => {
    const env = [{ name: 'A', value: '1' }];
    const chart = Testing.chart();
    const pm = new PackageManager(chart, 'ppm', { pod: { env } });
    env[0].value = 'changed';
    expect(pm.deployment.toJson().spec.template.spec.containers[0].env).toEqual([{ name: 'A', value: '1' }]);
  });

  it("unwraps cdk8s's IntOrString and Quantity where a JavaScript user passes them", async () => {
    const { k8s } = await import('cdk8s-plus-28');
    const probe = {
      enabled: true,
      httpGet: { path: '/x', port: k8s.IntOrString.fromNumber(4242) },
    } as unknown as PackageManagerProps['livenessProbe'];
    const c = find(synthProps({ livenessProbe: probe }).objects, 'Deployment').spec.template.spec.containers[0];
    expect(c.livenessProbe.httpGet.port).toBe(4242);
  });
});

describe('props merge over the defaults like Helm values', () => {
  const container = (props: PackageManagerProps) => find(synthProps(props).objects, 'Deployment').spec.template.spec.containers[0];

  it('merges a probe over its default', () => {
    expect(container({ livenessProbe: { enabled: true, periodSeconds: 30 } }).livenessProbe).toEqual({
      httpGet: { path: '/__ping__', port: 4242 },
      initialDelaySeconds: 10,
      periodSeconds: 30,
      timeoutSeconds: 2,
      failureThreshold: 10,
    });
  });

  it('replaces the default httpGet when a probe names another handler', () => {
    const probe = container({ livenessProbe: { enabled: true, exec: { command: ['true'] } } }).livenessProbe;
    expect(probe.httpGet).toBeUndefined();
    expect(probe.exec).toEqual({ command: ['true'] });
  });

  it('renders no readiness probe when it is disabled', () => {
    expect(container({ readinessProbe: { enabled: false } }).readinessProbe).toBeUndefined();
  });

  it('merges config over the default HTTP and Metrics sections', () => {
    const { pm } = synthProps({ config: { Server: { Address: 'https://x' } } });
    expect(pm.configMap.toJson().data['rstudio-pm.gcfg']).toBe(
      '[HTTP]\nListen = :4242\n\n[Metrics]\nEnabled = true\n\n[Server]\nAddress = https://x\n',
    );
  });

  it('renders resources only for the enabled parts, as strings', () => {
    expect(container({ resources: { limits: { enabled: true, cpu: 2 } } }).resources).toEqual({
      limits: { memory: '4Gi', cpu: '2', 'ephemeral-storage': '200Mi' },
    });
  });
});

describe('checksums restart the pods when (and only when) what they cover changes', () => {
  const annotations = (props: PackageManagerProps) => find(synthProps(props).objects, 'Deployment').spec.template.metadata.annotations;
  const base: PackageManagerProps = { awsAccessKeyId: 'a', awsSecretAccessKey: 'b', rstudioPMKey: 'k' };

  it('are sha256 hex of the covered object, and of nothing when it is absent', () => {
    const a = annotations({});
    expect(a['checksum/aws-creds']).toBe(checksum(undefined));
    expect(a['checksum/key']).toBe(checksum(undefined));
    expect(a['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
  });

  // One scrypt key per instance covers all the Secrets it creates: a change of one changes every Secret checksum
  // (all restart the same pods), never the ConfigMap's; a change of the ConfigMap changes only its own.
  it.each([
    ['checksum/config', { config: { Server: { Address: 'https://changed' } } }, ['checksum/config']],
    ['checksum/aws-creds', { awsSecretAccessKey: 'changed' }, ['checksum/aws-creds', 'checksum/key']],
    ['checksum/key', { rstudioPMKey: 'changed' }, ['checksum/aws-creds', 'checksum/key']],
  ] as const)('%s changes with what it covers', (_name, change, changed: readonly string[]) => {
    const before = annotations(base);
    const after = annotations({ ...base, ...change });
    for (const k of ['checksum/config', 'checksum/aws-creds', 'checksum/key']) {
      if (changed.includes(k)) expect(after[k]).not.toBe(before[k]);
      else expect(after[k]).toBe(before[k]);
    }
  });

  it('do not change with unrelated props', () => {
    const before = annotations(base);
    const after = annotations({ ...base, replicas: 1, pod: { labels: { a: 'b' } }, service: { port: 8080 } });
    expect(after).toStrictEqual(before);
  });
});

describe("the chart's guards and notes", () => {
  it('refuses a config that runs the server as root', () => {
    expect(() => synthProps({ config: { Launcher: { ServerUser: 'root' } } })).toThrow(PackageManagerValidationError);
    expect(() => synthProps({ config: { launcher: { serveruser: 'root' } } } as PackageManagerProps)).toThrow(/non-root/);
  });

  it('allows it with rootCheckIsFatal: false', () => {
    const { pm } = synthProps({ rootCheckIsFatal: false, config: { Launcher: { ServerUser: 'root' } } });
    expect(pm.configMap.toJson().data['rstudio-pm.gcfg']).toContain('ServerUser = root');
  });

  it('warns about a hand-set Licensing.LicenseType and the deprecated pod.serviceAccountName', () => {
    const { pm } = synthProps({ config: { Licensing: { LicenseType: 'local' } }, pod: { serviceAccountName: 'old' } });
    expect(otherWarnings(pm).map((w) => w.path)).toEqual(['config.Licensing.LicenseType', 'pod.serviceAccountName']);
    expect(otherWarnings(pm).map((w) => w.id)).toEqual(['ppm:license-type', 'ppm:deprecated-value']);
    // The two notes and the sandboxing notice, each recorded once on the node.
    const recorded = pm.node.metadata.filter((e) => e.type === 'ppm:warning').map((e) => (e.data as { id: string }).id);
    expect(recorded.filter((id) => id !== 'ppm:no-license')).toEqual(['ppm:license-type', 'ppm:deprecated-value', 'ppm:sandboxing']);
  });

  it('runs the pod as pod.serviceAccountName when that deprecated value is set', () => {
    const spec = find(synthProps({ pod: { serviceAccountName: 'old' } }).objects, 'Deployment').spec.template.spec;
    expect(spec.serviceAccountName).toBe('old');
  });

  it('sets Licensing.LicenseType = remote with a license server', () => {
    const { pm } = synthProps({ license: { server: 'lic:8989' } });
    expect(pm.configMap.toJson().data['rstudio-pm.gcfg']).toContain('[Licensing]\nLicenseType = remote');
  });
});

describe('names', () => {
  it.each([
    [{}, 'my-release', 'my-release-rstudio-pm'],
    [{}, 'rstudio-pm-prod', 'rstudio-pm-prod'],
    [{ nameOverride: 'ppm' }, 'my-release', 'my-release-ppm'],
    [{ fullnameOverride: 'x'.repeat(62) + '-y' }, 'r', 'x'.repeat(62)],
    [{}, 'a'.repeat(53), 'a'.repeat(53) + '-rstudio-p'],
  ])('%j with release %s gives %s', (props, release, full) => {
    const chart = new Chart(new App(), 'c');
    expect(new PackageManager(chart, 'id', { ...props, releaseName: release }).fullName).toBe(full);
  });
});
