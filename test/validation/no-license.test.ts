/** Issue 19: a Package Manager with no license at all is the warning ppm:no-license (the chart renders it; PPM does not start). */
import type { PackageManagerProps } from '../../src';
import { runCli } from '../helpers/cli-run';
import { synthProps, synthValues } from '../helpers/synth';

const ids = (pm: { warnings: readonly { id: string }[] }) => pm.warnings.map((w) => w.id);
const secretRef = { name: 'ppm-license', key: 'key' };

describe('no license at all', () => {
  it('is the warning ppm:no-license on license, saying each way to give one and how to acknowledge it', () => {
    const { pm } = synthProps({});
    const w = pm.warnings.find((x) => x.id === 'ppm:no-license');
    expect(w?.path).toBe('license');
    for (const way of ['license.key', 'license.keySecret', 'license.server', 'license.file', "acknowledgeWarnings: ['ppm:no-license']"])
      expect(w?.message).toContain(way);
  });

  it.each<[string, PackageManagerProps]>([
    ['a key Secret', { license: { keySecret: secretRef } }],
    ['a license server', { license: { server: 'licenses.example.com:8999' } }],
    ['a license file from a Secret', { license: { file: { secret: 'ppm-license-file' } } }],
    ['RSPM_LICENSE from a Secret in pod.env', { pod: { env: [{ name: 'RSPM_LICENSE', valueFrom: { secretKeyRef: secretRef } }] } }],
    ['RSPM_LICENSE_SERVER in pod.env', { pod: { env: [{ name: 'RSPM_LICENSE_SERVER', value: 'licenses.example.com:8999' }] } }],
  ])('is not warned with %s', (_what, props) => {
    expect(ids(synthProps(props).pm)).not.toContain('ppm:no-license');
  });

  it('an empty RSPM_LICENSE in pod.env is no license', () => {
    expect(ids(synthProps({ pod: { env: [{ name: 'RSPM_LICENSE', value: '' }] } }).pm)).toContain('ppm:no-license');
  });

  it('acknowledging it silences it', () => {
    expect(ids(synthProps({ acknowledgeWarnings: ['ppm:no-license'] }).pm)).not.toContain('ppm:no-license');
  });

  it('values files: none without a license, one with a chart license value of either version', () => {
    expect(ids(synthValues({}).pm)).toContain('ppm:no-license');
    expect(ids(synthValues({ license: { server: 'licenses.example.com:8999' } }).pm)).not.toContain('ppm:no-license');
    expect(ids(synthValues({ license: { file: { secret: 'ppm-license-file' } } }).pm)).not.toContain('ppm:no-license');
  });

  it('the CLI renders (exit 0) and prints the warning once on stderr; --acknowledge-warning silences it', () => {
    const r = runCli(['template', 'my-release', 'rstudio/rstudio-pm', '-n', 'posit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kind: Deployment');
    expect(r.stderr.match(/^WARNING \[ppm:no-license\] license: /gm)).toHaveLength(1);
    const quiet = runCli(['template', 'my-release', 'rstudio/rstudio-pm', '-n', 'posit', '--acknowledge-warning', 'ppm:no-license']);
    expect(quiet.stderr).not.toContain('ppm:no-license');
    expect(quiet.stdout).toBe(r.stdout);
  });
});
