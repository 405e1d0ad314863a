/** Opt-in props: what later chart versions added, Deployment metadata, the migration Job, the NetworkPolicy. */
import type { PackageManagerProps } from '../src';
import { find, synthProps, synthValues } from './helpers/synth';

const objectsOf = (props: PackageManagerProps) => synthProps(props).objects;

describe('what later chart versions added', () => {
  it('revisionHistoryLimit', () => {
    expect(find(objectsOf({ revisionHistoryLimit: 3 }), 'Deployment').spec.revisionHistoryLimit).toBe(3);
    expect(find(objectsOf({}), 'Deployment').spec.revisionHistoryLimit).toBeUndefined();
  });

  it('service.targetPort', () => {
    const sidecar = { name: 'auth', image: 'proxy:1', ports: [{ name: 'http', containerPort: 8080 }] };
    expect(find(objectsOf({ service: { targetPort: 'http' }, extraContainers: [sidecar] }), 'Service').spec.ports[0].targetPort).toBe(
      'http',
    );
  });

  it('pod.port names the container port only, as chart 0.20.4 does, with a warning when Package Manager listens elsewhere', () => {
    const { objects, pm } = synthProps({ pod: { port: 8080 }, livenessProbe: { enabled: true } });
    const c = find(objects, 'Deployment').spec.template.spec.containers[0];
    expect(c.ports[0]).toEqual({ containerPort: 8080 });
    expect([c.livenessProbe.httpGet.port, c.readinessProbe.httpGet.port]).toEqual([4242, 4242]);
    expect(find(objects, 'Service').spec.ports[0].targetPort).toBe(4242);
    expect(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']).toContain('[HTTP]\nListen = :4242');
    expect(pm.warnings.map((w) => [w.id, w.path])).toContainEqual(['ppm:port-mismatch', 'pod.port']);
  });

  it('config.HTTP.Listen moves the container port, the probes and the Service target (a deliberate fix)', () => {
    const { objects, pm } = synthProps({ config: { HTTP: { Listen: ':8080' } }, livenessProbe: { enabled: true } });
    const c = find(objects, 'Deployment').spec.template.spec.containers[0];
    expect(c.ports[0]).toEqual({ containerPort: 8080 });
    expect([c.livenessProbe.httpGet.port, c.readinessProbe.httpGet.port]).toEqual([8080, 8080]);
    expect(find(objects, 'Service').spec.ports[0].targetPort).toBe(8080);
    expect(pm.warnings.map((w) => w.id)).not.toContain('ppm:port-mismatch');
  });

  it('pod.hostAliases', () => {
    const spec = find(objectsOf({ pod: { hostAliases: [{ ip: '10.0.0.1', hostnames: ['git'] }] } }), 'Deployment').spec.template.spec;
    expect(spec.hostAliases).toEqual([{ ip: '10.0.0.1', hostnames: ['git'] }]);
  });

  it('PVC labels', () => {
    expect(
      find(objectsOf({ sharedStorage: { create: true, labels: { backup: 'daily' } } }), 'PersistentVolumeClaim').metadata.labels,
    ).toMatchObject({
      backup: 'daily',
      'app.kubernetes.io/name': 'rstudio-pm',
    });
  });

  it('are read from newer values files too', () => {
    const { objects } = synthValues({ revisionHistoryLimit: 3, service: { targetPort: 4242 }, pod: { port: 4242, hostAliases: [] } });
    expect(find(objects, 'Deployment').spec.revisionHistoryLimit).toBe(3);
  });
});

describe('Deployment metadata and the migration Job', () => {
  it('labels and annotates the Deployment itself, not its pods', () => {
    const d = find(
      objectsOf({ deployment: { labels: { team: 'data' }, annotations: { 'reloader.stakater.com/auto': 'true' } } }),
      'Deployment',
    );
    expect(d.metadata.labels.team).toBe('data');
    expect(d.metadata.annotations).toEqual({ 'reloader.stakater.com/auto': 'true' });
    expect(d.spec.template.metadata.labels.team).toBeUndefined();
  });

  it('sets the Job image, pull secrets, scheduling and a tighter security context', () => {
    const job = find(
      objectsOf({
        sharedStorage: { create: true },
        migrationJob: {
          image: 'busybox:1.36.1',
          imagePullSecrets: [{ name: 'reg' }],
          nodeSelector: { pool: 'system' },
          tolerations: [{ key: 'system', operator: 'Exists' }],
          containerSecurityContext: { allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } },
        },
      }),
      'Job',
    );
    const spec = job.spec.template.spec;
    expect(spec.containers[0].image).toBe('busybox:1.36.1');
    expect(spec.containers[0].securityContext).toEqual({
      capabilities: { add: ['CHOWN', 'DAC_OVERRIDE'], drop: ['ALL'] },
      allowPrivilegeEscalation: false,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(spec.imagePullSecrets).toEqual([{ name: 'reg' }]);
    expect(spec.nodeSelector).toEqual({ pool: 'system' });
    expect(spec.tolerations).toEqual([{ key: 'system', operator: 'Exists' }]);
  });

  it("keeps the chart's busybox image by default", () => {
    expect(find(objectsOf({ sharedStorage: { create: true } }), 'Job').spec.template.spec.containers[0].image).toBe('busybox');
  });
});

describe('NetworkPolicy', () => {
  it('is not created by default', () => {
    expect(objectsOf({}).some((o) => o.kind === 'NetworkPolicy')).toBe(false);
  });

  it('allows HTTP from everywhere, metrics from the monitoring namespace, all egress', () => {
    const np = find(objectsOf({ networkPolicy: { enabled: true } }), 'NetworkPolicy');
    expect(np.spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'rstudio-pm', 'app.kubernetes.io/instance': 'my-release' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { ports: [{ protocol: 'TCP', port: 4242 }] },
        {
          ports: [{ protocol: 'TCP', port: 2112 }],
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        },
      ],
      egress: [{}],
    });
  });

  it('takes the peers and egress rules given, and follows the ports', () => {
    const np = find(
      objectsOf({
        config: { HTTP: { Listen: ':8080' }, Metrics: { Enabled: false } },
        networkPolicy: {
          enabled: true,
          ingressFrom: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
          egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] }],
        },
      }),
      'NetworkPolicy',
    );
    expect(np.spec.ingress).toEqual([
      {
        ports: [{ protocol: 'TCP', port: 8080 }],
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
      },
    ]);
    expect(np.spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] }]);
  });

  it('checks the peers strictly', () => {
    expect(() =>
      synthProps({ networkPolicy: { enabled: true, ingressFrom: [{ namespaceSelectr: {} }] } } as unknown as PackageManagerProps),
    ).toThrow(/networkPolicy.ingressFrom\[0\].namespaceSelectr: unknown field; did you mean namespaceSelector\?/);
  });
});
