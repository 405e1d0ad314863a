/** The props of all-values.ts (every chart value) synthesize, and each value lands where the chart puts it. */
import { find, synthProps } from '../helpers/synth';
import { allValues } from './all-values';

describe('every chart value as a prop', () => {
  const { license: _l, ...rest } = allValues;
  const props = {
    ...rest,
    license: { key: 'LICENSE-KEY', server: 'licenses.example.com:8989', file: { contents: 'LICENSE FILE', mountSubPath: true } },
  };
  const { objects } = synthProps(props);

  it('synthesizes every object', () => {
    expect(objects.map((o) => o.kind).sort()).toEqual([
      'ConfigMap',
      'ConfigMap',
      'Deployment',
      'Ingress',
      'Job',
      'PersistentVolumeClaim',
      'PodDisruptionBudget',
      'Secret',
      'Secret',
      'Secret',
      'Secret',
      'Service',
      'ServiceAccount',
      'ServiceMonitor',
    ]);
  });

  it('puts pod values on the pod', () => {
    const spec = find(objects, 'Deployment').spec.template.spec;
    expect(spec.hostAliases).toEqual([{ ip: '10.0.0.1', hostnames: ['git.internal'] }]);
    expect(spec.priorityClassName).toBe('high');
    expect(spec.serviceAccountName).toBe('ppm');
    expect(spec.containers.map((c: { name: string }) => c.name)).toEqual(['rspm', 'sidecar']);
    expect(spec.containers[1].resources.limits.memory).toBe(64);
    expect(spec.containers[0].startupProbe.httpGet.port).toBe('metrics');
  });

  it('applies serviceAccount.labels (the chart declares them but forgets to)', () => {
    expect(find(objects, 'ServiceAccount').metadata.labels.team).toBe('platform');
  });
});
