/**
 * repositories and sources: what the props render (the ConfigMap with the setup script, the setup container, the
 * checksum). test/repositories/apply.test.ts runs the script against a fake `rspm`.
 */
import { CHART_VERSIONS, render, type PackageManagerProps } from '../../src';
import { DECLARED, repositoriesConfigMap } from '../helpers/repositories';
import { validateManifests } from '../helpers/k8s-validate';
import { podSecurityFailures, podTemplateOf } from '../helpers/pod-security';
import { find, synthProps, type Obj } from '../helpers/synth';

describe('the rendered setup', () => {
  it.each(CHART_VERSIONS)(
    'a ConfigMap with the script, a setup container sharing the socket, a checksum on the pod (chart %s)',
    (chartVersion) => {
      const { objects } = synthProps({ ...DECLARED, chartVersion, namespace: 'posit' });
      const cm = repositoriesConfigMap(objects);
      expect(cm.metadata.name).toBe('my-release-rstudio-pm-repositories');
      const script: string = cm.data['setup.sh'];
      expect(script).toContain("run create repo --name='cran' --type='r' --description='CRAN' --succeed-on-existing");
      expect(script).toContain("run subscribe --repo='all' --source='internal' --succeed-on-existing");
      const pod = find(objects, 'Deployment').spec.template;
      const [main, setup] = [pod.spec.containers[0], pod.spec.containers.at(-1)];
      expect(setup).toMatchObject({
        name: 'repository-setup',
        image: main.image,
        command: ['/bin/sh', '/opt/ppm-repository-setup/setup.sh'],
      });
      expect(main.volumeMounts).toContainEqual({ name: 'rspm-socket', mountPath: '/var/run/rstudio-pm' });
      expect(setup.volumeMounts).toContainEqual({ name: 'rspm-socket', mountPath: '/var/run/rstudio-pm' });
      expect(pod.spec.volumes).toContainEqual({ name: 'repository-setup', configMap: { name: 'my-release-rstudio-pm-repositories' } });
      expect(pod.metadata.annotations['checksum/repositories']).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(setup)).not.toMatch(/token|password/i);
      expect(validateManifests(objects)).toEqual([]);
    },
  );

  it('follows Server.SockFileDir, and the checksum follows the declarations', () => {
    const { objects } = synthProps({ ...DECLARED, config: { Server: { SockFileDir: '/tmp/ppm' } } } as PackageManagerProps);
    expect(find(objects, 'Deployment').spec.template.spec.containers[0].volumeMounts).toContainEqual({
      name: 'rspm-socket',
      mountPath: '/tmp/ppm',
    });
    const sum = (props: PackageManagerProps) =>
      find(synthProps(props).objects, 'Deployment').spec.template.metadata.annotations['checksum/repositories'];
    expect(sum(DECLARED)).toBe(sum(DECLARED));
    expect(sum(DECLARED)).not.toBe(sum({ ...DECLARED, repositories: [...DECLARED.repositories!, { name: 'more' }] }));
  });

  it.each(CHART_VERSIONS)('keeps a hardened pod "restricted": the setup container has no privileges (chart %s)', (chartVersion) => {
    const { objects, pm } = synthProps({ ...DECLARED, chartVersion, enableSandboxing: false });
    expect(pm.warnings.filter((w) => w.id === 'ppm:pod-security')).toEqual([]);
    expect(podSecurityFailures(podTemplateOf(find(objects, 'Deployment'))!, 'restricted')).toEqual([]);
  });

  it('changes nothing when nothing is declared', () => {
    for (const props of [{}, { repositories: [], sources: [] }]) {
      const objects = render(props);
      expect(objects.some((o) => o.metadata.name.endsWith('-repositories'))).toBe(false);
      const pod = find(objects as Obj[], 'Deployment').spec.template;
      expect(pod.spec.containers.map((c: Obj) => c.name)).toEqual(['rspm']);
      expect(pod.metadata.annotations['checksum/repositories']).toBeUndefined();
      expect(JSON.stringify(pod)).not.toContain('rspm-socket');
    }
  });
});
