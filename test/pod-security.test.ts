/** Pod Security Standards (v1.28): hardened mode passes "restricted"; the default fails exactly the two sandboxing controls. */
import type { PackageManagerProps } from '../src';
import { podSecurityFailures, podTemplateOf } from './helpers/pod-security';
import { find, synthProps, withoutNoLicense } from './helpers/synth';

const template = (props: PackageManagerProps, kind = 'Deployment') => podTemplateOf(find(synthProps(props).objects, kind))!;

describe('Pod Security Standards', () => {
  it('enableSandboxing: false passes the restricted profile', () => {
    expect(podSecurityFailures(template({ enableSandboxing: false }), 'restricted')).toEqual([]);
  });

  it('also with storage, license file, AWS credentials, probes and resources', () => {
    const props: PackageManagerProps = {
      enableSandboxing: false,
      sharedStorage: { create: true },
      license: { file: { secret: 'lic' } },
      awsCredentialsSecret: { name: 'aws' },
      livenessProbe: { enabled: true },
      resources: { requests: { enabled: true }, limits: { enabled: true } },
    };
    expect(podSecurityFailures(template(props), 'restricted')).toEqual([]);
  });

  it('the default fails exactly the two controls sandboxing needs, at baseline and restricted', () => {
    const t = template({});
    expect(podSecurityFailures(t, 'baseline')).toEqual([
      'appArmorProfile: forbidden AppArmor profiles (container.apparmor.security.beta.kubernetes.io/rspm="unconfined")',
      'seccompProfile_baseline: seccompProfile type "Unconfined"',
    ]);
    expect(podSecurityFailures(t, 'restricted').map((f) => f.split(':')[0])).toEqual(['appArmorProfile', 'seccompProfile_restricted']);
  });

  it('warns about it at synth, with the fix', () => {
    const { pm } = synthProps({});
    expect(pm.warnings).toContainEqual({
      id: 'ppm:sandboxing',
      path: 'enableSandboxing',
      message: expect.stringMatching(/fails the Pod Security Standards "baseline".*Set enableSandboxing: false/),
    });
    expect(withoutNoLicense(synthProps({ enableSandboxing: false }).pm.warnings)).toEqual([]);
  });

  it('the migration Job needs root with CHOWN and DAC_OVERRIDE: baseline passes, restricted cannot', () => {
    const t = template({ sharedStorage: { create: true } }, 'Job');
    expect(podSecurityFailures(t, 'baseline')).toEqual([]);
    expect(podSecurityFailures(t, 'restricted').map((f) => f.split(':')[0])).toEqual([
      'allowPrivilegeEscalation',
      'runAsNonRoot',
      'seccompProfile_restricted',
      'capabilities_restricted',
    ]);
  });

  it('the checker can fail: a privileged sidecar fails baseline', () => {
    const t = template({
      enableSandboxing: false,
      extraContainers: [{ name: 'side', image: 'busybox', securityContext: { privileged: true } }],
    });
    expect(podSecurityFailures(t, 'baseline')).toEqual(['privileged: privileged (containers "side")']);
  });
});
