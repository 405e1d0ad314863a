/** Typed config: one port drives everything, gcfg-style reading of values, unknown keys pass with a warning. */
import type { PackageManagerProps } from '../src';
import { parseGcfg } from '../src/gcfg/parse';
import { find, synthProps, synthValues, otherWarnings } from './helpers/synth';

const gcfgOf = (props: PackageManagerProps) => parseGcfg(synthProps(props).pm.configMap.toJson().data['rstudio-pm.gcfg']);

describe('one port drives everything', () => {
  it('moves the container port, the probes and the Service target with HTTP.Listen', () => {
    const { objects } = synthProps({
      config: { HTTP: { Listen: ':8080' } },
      livenessProbe: { enabled: true },
      startupProbe: { enabled: true },
    });
    const pod = find(objects, 'Deployment').spec.template.spec;
    const c = pod.containers[0];
    expect(c.ports[0]).toEqual({ containerPort: 8080 });
    expect([c.livenessProbe.httpGet.port, c.startupProbe.httpGet.port, c.readinessProbe.httpGet.port]).toEqual([8080, 8080, 8080]);
    expect(find(objects, 'Service').spec.ports[0]).toMatchObject({ name: 'rspm', port: 80, targetPort: 8080 });
  });

  it('keeps a probe port set explicitly', () => {
    const c = find(
      synthProps({ config: { HTTP: { Listen: ':8080' } }, readinessProbe: { httpGet: { path: '/x', port: 9999 } } }).objects,
      'Deployment',
    ).spec.template.spec.containers[0];
    expect(c.readinessProbe.httpGet).toEqual({ path: '/x', port: 9999 });
  });

  it('moves the metrics container port, Service port and prometheus.io/port with Metrics.Listen', () => {
    const { objects } = synthProps({ config: { Metrics: { Listen: ':9100' } }, serviceMonitor: { enabled: true } });
    const tpl = find(objects, 'Deployment').spec.template;
    expect(tpl.spec.containers[0].ports[1]).toEqual({ name: 'metrics', containerPort: 9100 });
    expect(tpl.metadata.annotations['prometheus.io/port']).toBe('9100');
    expect(find(objects, 'Service').spec.ports[1]).toEqual({ name: 'metrics', port: 9100 });
    expect(find(objects, 'ServiceMonitor').spec.endpoints).toEqual([{ port: 'metrics' }]);
  });

  it('reads a bare port and a host:port', () => {
    const c = find(synthProps({ config: { HTTP: { Listen: '0.0.0.0:5000' }, Metrics: { Listen: '2113' } } }).objects, 'Deployment').spec
      .template.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 5000 }, { name: 'metrics', containerPort: 2113 }]);
  });
});

describe('config values are read the way gcfg reads them', () => {
  it('takes gcfg booleans and numeric strings from values files', () => {
    const { pm, objects } = synthValues({
      // (config.Metrics.Enabled, which the chart tests as Helm does, takes no strings: test/fidelity.)
      config: { Git: { BuildRetries: '5', AllowUnsandboxedGitBuilds: 'off' }, Server: { RVersion: '/opt/R/4.3.2' } },
    });
    expect(find(objects, 'Deployment').spec.template.spec.containers[0].ports).toEqual([
      { containerPort: 4242 },
      { name: 'metrics', containerPort: 2112 },
    ]);
    expect(parseGcfg(pm.configMap.toJson().data['rstudio-pm.gcfg'])).toMatchObject({
      git: { buildretries: ['5'], allowunsandboxedgitbuilds: ['false'] },
      server: { rversion: ['/opt/R/4.3.2'] },
    });
  });

  it('reads a known name in another case as the known name, with a warning', () => {
    const { pm } = synthValues({ config: { postgres: { Url: 'postgres://u@db/ppm' }, Database: { Provider: 'postgres' } } });
    expect(parseGcfg(pm.configMap.toJson().data['rstudio-pm.gcfg']).postgres).toEqual({ url: ['postgres://u@db/ppm'] });
    expect(pm.configMap.toJson().data['rstudio-pm.gcfg']).toContain('[Postgres]\nURL = postgres://u@db/ppm');
    expect(otherWarnings(pm).map((w) => w.path)).toEqual(['config.postgres', 'config.postgres.Url']);
  });

  it('passes unknown sections and keys through, listed in one warning', () => {
    const { pm } = synthValues({ config: { OpenIDConnect: { ClientId: 'ppm' }, Server: { FrobnicateEverything: true } } });
    expect(gcfgOf({ extraConfig: { OpenIDConnect: { ClientId: 'ppm' }, Server: { FrobnicateEverything: true } } })).toMatchObject({
      openidconnect: { clientid: ['ppm'] },
      server: { frobnicateeverything: ['true'] },
    });
    expect(otherWarnings(pm)).toEqual([
      {
        id: 'ppm:config-untyped',
        path: 'config',
        message: expect.stringContaining(
          'not typed by this library, written to rstudio-pm.gcfg as given: OpenIDConnect, Server.FrobnicateEverything',
        ),
      },
    ]);
  });

  it('writes extraConfig without warnings, lists as repeated keys', () => {
    const { pm } = synthProps({ extraConfig: { CRAN: { Source: ['a', 'b'] }, 'Repo "cran"': { Description: 'x;y' } } });
    expect(otherWarnings(pm)).toEqual([]);
    expect(parseGcfg(pm.configMap.toJson().data['rstudio-pm.gcfg'])).toMatchObject({
      cran: { source: ['a', 'b'] },
      'repo "cran"': { description: ['x;y'] },
    });
  });
});

describe('cross-key warnings', () => {
  it('warns when the data directory is not on the shared storage', () => {
    const { pm } = synthProps({ sharedStorage: { mount: true, name: 'data', path: '/data' } });
    expect(otherWarnings(pm)).toEqual([
      { id: 'ppm:data-dir', path: 'sharedStorage.path', message: expect.stringContaining('set config.Server.DataDir to "/data"') },
    ]);
    expect(
      otherWarnings(
        synthProps({ sharedStorage: { mount: true, name: 'data', path: '/data' }, config: { Server: { DataDir: '/data' } } }).pm,
      ),
    ).toEqual([]);
  });
});
