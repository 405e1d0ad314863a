/** Issue 13, item 6: the NetworkPolicy admits exactly the ports the Service and the ServiceMonitor use. */
import type { PackageManagerProps } from '../../src';
import { find, synthProps } from '../helpers/synth';
import { issuesOf } from '../helpers/issues';

type Obj = Record<string, any>;
const objectsOf = (props: PackageManagerProps) =>
  synthProps({ namespace: 'posit', ...props, networkPolicy: { enabled: true, ...props.networkPolicy } }).objects;
const ingressOf = (objects: Obj[]) => find(objects, 'NetworkPolicy').spec.ingress as Obj[];
const monitoring = (ns: string) => [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } }];
const authSidecar = { name: 'auth', image: 'oauth2-proxy:7', ports: [{ name: 'auth', containerPort: 8080 }] };

describe('item 6: the NetworkPolicy follows the Service and the ServiceMonitor', () => {
  it('with service.targetPort on an auth sidecar, admits the sidecar port only: Package Manager cannot be reached around it', () => {
    for (const targetPort of [8080, 'auth'] as const) {
      const objects = objectsOf({ service: { targetPort }, extraContainers: [authSidecar] });
      expect(find(objects, 'Service').spec.ports[0].targetPort).toBe(targetPort);
      expect(ingressOf(objects)[0]).toEqual({ ports: [{ protocol: 'TCP', port: 8080 }] });
      expect(JSON.stringify(ingressOf(objects))).not.toContain('4242');
    }
  });

  it('a named targetPort that no container has is an error (the Service would send traffic nowhere)', () => {
    expect(issuesOf(() => synthProps({ service: { targetPort: 'web' } }))).toEqual([
      {
        path: 'service.targetPort',
        message: expect.stringMatching(/names the port "web", which no container of the pod has \(named ports: metrics\)/),
      },
    ]);
  });

  it('config.HTTPS.Listen: a container port and a policy rule', () => {
    const objects = objectsOf({
      config: { HTTPS: { Listen: ':8443', Certificate: '/tls/tls.crt', Key: '/tls/tls.key' } },
      networkPolicy: { ingressFrom: monitoring('ingress') },
    });
    const c = find(objects, 'Deployment').spec.template.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 4242 }, { name: 'https', containerPort: 8443 }, { name: 'metrics', containerPort: 2112 }]);
    expect(ingressOf(objects)[0]).toEqual({
      ports: [
        { protocol: 'TCP', port: 4242 },
        { protocol: 'TCP', port: 8443 },
      ],
      from: monitoring('ingress'),
    });
  });

  it('HTTPS on the port of HTTP or metrics is an error', () => {
    const https = (Listen: string) => ({ config: { HTTPS: { Listen, Certificate: '/c', Key: '/k' } } });
    expect(issuesOf(() => synthProps(https(':4242')))[0]).toMatchObject({
      path: 'config.HTTPS.Listen',
      message: expect.stringMatching(/HTTP uses too/),
    });
    expect(issuesOf(() => synthProps(https(':2112')))[0]).toMatchObject({
      path: 'config.HTTPS.Listen',
      message: expect.stringMatching(/metrics use too/),
    });
  });

  it('takes the metrics peers from serviceMonitor.namespace; metricsFrom given still wins', () => {
    expect(ingressOf(objectsOf({ serviceMonitor: { enabled: true, namespace: 'observability' } }))[1]).toEqual({
      ports: [{ protocol: 'TCP', port: 2112 }],
      from: monitoring('observability'),
    });
    expect(
      ingressOf(
        objectsOf({ serviceMonitor: { enabled: true, namespace: 'observability' }, networkPolicy: { metricsFrom: monitoring('prom') } }),
      )[1].from,
    ).toEqual(monitoring('prom'));
    expect(ingressOf(objectsOf({}))[1].from).toEqual(monitoring('monitoring'));
  });

  it.each([
    [{ ingressFrom: [] }, 'networkPolicy.ingressFrom', /empty list, which Kubernetes reads as "from anywhere"/],
    [{ metricsFrom: [] }, 'networkPolicy.metricsFrom', /empty list, which Kubernetes reads as "from anywhere"/],
    [{ ingressFrom: [{}] }, 'networkPolicy.ingressFrom[0]', /empty peer/],
  ] as [Obj, string, RegExp][])('refuses empty peers (%#)', (np, path, message) => {
    expect(issuesOf(() => synthProps({ networkPolicy: { enabled: true, ...np } }))).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });

  it('a port name a sidecar shares with the Package Manager container is an error (names are unique in a pod)', () => {
    const side = { name: 'side', image: 'busybox:1', ports: [{ name: 'metrics', containerPort: 9000 }] };
    expect(issuesOf(() => synthProps({ extraContainers: [side] }))).toEqual([
      { path: 'extraContainers[0].ports[0].name', message: expect.stringMatching(/"metrics" is already a port of the rspm container/) },
    ]);
  });
});
