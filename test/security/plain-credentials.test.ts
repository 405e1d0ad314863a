/**
 * Issue 19, item 4: credentials in command lines, annotations, labels and probe headers are warned about (with their
 * paths, never their values), and acknowledged like every warning; harmless ones are not.
 */
import type { PackageManagerProps } from '../../src';
import { synthProps } from '../helpers/synth';
import { CHART_VERSIONS } from '../../src/chart-versions';
import { defaultsOf } from '../../src/model';
import { plainCredentialsIn } from '../../src/validation/rules/plain-credentials';

const SECRET = 'Zq8fJ2kLmN4pXw';
const warned = (props: PackageManagerProps) => {
  const { pm } = synthProps({ enableSandboxing: false, ...props });
  expect(JSON.stringify(pm.warnings)).not.toContain(SECRET);
  return pm.warnings.filter((w) => w.id.startsWith('ppm:secret-in-')).map((w) => [w.id, w.path]);
};

describe('credentials in plain sight', () => {
  it('in command lines: a word that holds one, the value after a flag named like a secret, lifecycle hooks', () => {
    expect(
      warned({
        args: ['--config', '/etc/x.gcfg', '--password', SECRET, `--api-token=${SECRET}`, '--token', '$(TOKEN)'],
        extraContainers: [
          {
            name: 'side',
            image: 'busybox:1',
            command: ['sh', '-c', `curl -H "Authorization: Bearer ${SECRET}" http://x`],
            lifecycle: { postStart: { exec: { command: ['login', `https://u:${SECRET}@h`] } } },
          },
        ],
      } as PackageManagerProps),
    ).toEqual([
      ['ppm:secret-in-command', 'args[3]'],
      ['ppm:secret-in-command', 'args[4]'],
      ['ppm:secret-in-command', 'extraContainers[0].command[2]'],
      ['ppm:secret-in-command', 'extraContainers[0].lifecycle.postStart.exec.command[1]'],
    ]);
  });

  it('in annotations and labels: a key named like a secret, a value that is a credential', () => {
    expect(
      warned({
        pod: { annotations: { 'example.com/token': SECRET, 'example.com/db': `postgres://u:${SECRET}@db/x`, ok: 'yes' } },
        service: { annotations: { 'vendor.io/api-key': SECRET } },
      } as PackageManagerProps),
    ).toEqual(
      expect.arrayContaining([
        ['ppm:secret-in-metadata', 'pod.annotations["example.com/token"]'],
        ['ppm:secret-in-metadata', 'pod.annotations["example.com/db"]'],
        ['ppm:secret-in-metadata', 'service.annotations["vendor.io/api-key"]'],
      ]),
    );
  });

  it('in probe headers: Authorization, an API key, a credential value', () => {
    const httpGet = {
      path: '/__ping__',
      port: 4242,
      httpHeaders: [
        { name: 'Authorization', value: `Basic ${SECRET}` },
        { name: 'X-Api-Key', value: SECRET },
        { name: 'Accept', value: 'text/plain' },
      ],
    };
    expect(warned({ livenessProbe: { enabled: true, httpGet } } as unknown as PackageManagerProps)).toEqual([
      ['ppm:secret-in-probe-header', 'livenessProbe.httpGet.httpHeaders[0].value'],
      ['ppm:secret-in-probe-header', 'livenessProbe.httpGet.httpHeaders[1].value'],
    ]);
  });

  it('acknowledged like any warning', () => {
    const props = { args: ['--password', SECRET], acknowledgeWarnings: ['ppm:secret-in-command'] } as PackageManagerProps;
    expect(warned(props)).toEqual([]);
  });

  it.each(CHART_VERSIONS)(
    "skips the chart's defaults, which hold no credential (%s, walked as a copy the rule would not skip)",
    (version) => {
      const copy = structuredClone(defaultsOf(version));
      expect(plainCredentialsIn(copy)).toEqual([]);
      // The walk does look into such a copy: a credential put into it is found.
      (copy as { podAnnotations?: Record<string, string> }).podAnnotations = { token: 'x' };
      expect(plainCredentialsIn(copy).map(({ id, path }) => ({ id, path }))).toEqual([
        { id: 'ppm:secret-in-metadata', path: 'podAnnotations.token' },
      ]);
    },
  );
});
