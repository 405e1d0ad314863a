/** What the docs say about ports, the namespace and loadValues is what the code does. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import { loadValues, PackageManager, PackageManagerValidationError, render } from '../src';

const read = (f: string) => readFileSync(join(__dirname, '..', f), 'utf8');

describe('docs statements', () => {
  it('pod.port names the container port only: Listen, probes and the Service target stay on config.HTTP.Listen', () => {
    const objects = render({ pod: { port: 5000 }, acknowledgeWarnings: ['ppm:port-mismatch', 'ppm:sandboxing'] });
    const deployment = objects.find((o) => o.kind === 'Deployment') as never as {
      spec: {
        template: { spec: { containers: { ports: { containerPort: number }[]; readinessProbe?: { httpGet: { port: number } } }[] } };
      };
    };
    const container = deployment.spec.template.spec.containers[0];
    expect(container.ports[0].containerPort).toBe(5000);
    expect(container.readinessProbe?.httpGet.port).toBe(4242);
    const service = objects.find((o) => o.kind === 'Service') as never as { spec: { ports: { targetPort: number }[] } };
    expect(service.spec.ports[0].targetPort).toBe(4242);
    const gcfg = (objects.find((o) => o.kind === 'ConfigMap') as never as { data: Record<string, string> }).data['rstudio-pm.gcfg'];
    expect(gcfg).toMatch(/Listen = :4242/);
    const props = read('src/props.ts');
    expect(props).toContain('the Service target do not follow it (they follow `config.HTTP.Listen`)');
    expect(props).toContain('@default - the HTTP port: the port of `config.HTTP.Listen`, else 4242 (not `pod.port`)');
  });

  it('the namespace member is undefined without a namespace prop or an enclosing Chart namespace, as the README says', () => {
    const chart = Testing.chart();
    const pm = new PackageManager(chart, 'pm', { acknowledgeWarnings: ['ppm:sandboxing'] });
    expect(pm.namespace).toBeUndefined();
    const synthesized = Testing.synth(chart) as { metadata: { namespace?: string } }[];
    expect(synthesized.length).toBeGreaterThan(0);
    expect(synthesized.filter((o) => 'namespace' in o.metadata)).toEqual([]);
    expect(render({ acknowledgeWarnings: ['ppm:sandboxing'] }).filter((o) => 'namespace' in (o.metadata ?? {}))).toEqual([]);
    expect(read('src/package-manager.ts')).toContain(
      "else the enclosing Chart's, else none (`undefined`: the objects\n   * carry no `metadata.namespace`",
    );
  });

  it('the wiring members: the Service name and port, the pods port, the metrics port (undefined when metrics are off)', () => {
    const pm = new PackageManager(Testing.chart(), 'pm');
    expect([pm.serviceName, pm.servicePort, pm.servicePortName, pm.targetPort, pm.metricsPort]).toEqual([
      'pm-rstudio-pm',
      80,
      'rspm',
      4242,
      2112,
    ]);
    const other = new PackageManager(Testing.chart(), 'other', {
      service: { port: 8080 },
      config: { HTTP: { Listen: ':5000' }, Metrics: { Enabled: false } },
      acknowledgeWarnings: ['ppm:sandboxing'],
    });
    expect([other.servicePort, other.targetPort, other.metricsPort]).toEqual([8080, 5000, undefined]);
    // The README's member table is generated from these TSDoc comments (test/docs.test.ts).
    const source = read('src/package-manager.ts');
    expect(source).toContain('Port of the Service (`service.port`, 80 by default)');
    expect(source).toContain('Port the pods listen on and the Service targets (4242 by default)');
    expect(source).toContain(
      'Port of the Prometheus metrics listener (2112 by default), when `config.Metrics.Enabled`; undefined when metrics are off.',
    );
  });

  it('loadValues throws PackageManagerValidationError, as documented', () => {
    let thrown: unknown;
    try {
      loadValues({ files: ['x.yaml'], readFile: () => 'a: [' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PackageManagerValidationError);
    expect(PackageManagerValidationError.isPackageManagerValidationError(thrown)).toBe(true); // the brand, across copies
    expect((thrown as PackageManagerValidationError).issues.length).toBeGreaterThan(0);
    expect(read('src/index.ts')).toContain('@throws ValuesError (a PackageManagerValidationError)');
  });
});
