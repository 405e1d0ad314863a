/**
 * Issue 13, item 7: with enableSandboxing: false everything we render passes
 * Pod Security "restricted" or says why not; the service account token is
 * opt-out, without changing the chart's output unless asked.
 */
import type { PackageManagerProps } from '../../src';
import { podSecurityFailures, podTemplateOf } from '../helpers/pod-security';
import { find, synthProps } from '../helpers/synth';

type Obj = Record<string, any>;
const podSecurityWarnings = (props: PackageManagerProps) => synthProps(props).pm.warnings.filter((w) => w.id === 'ppm:pod-security');

describe('item 7: hardened mode says what does not pass "restricted"', () => {
  it('the migration Job: a warning naming the controls it fails (root, CHOWN, DAC_OVERRIDE) and its unpinned image', () => {
    const props: PackageManagerProps = { enableSandboxing: false, sharedStorage: { create: true } };
    const job = podTemplateOf(find(synthProps(props).objects, 'Job'))!;
    const failed = podSecurityFailures(job, 'restricted').map((f) => f.split(':')[0]);
    const [w] = podSecurityWarnings(props);
    expect(w.path).toBe('enableMigration');
    for (const control of ['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile', 'capabilities'])
      expect(w.message).toContain(control);
    expect(failed).toEqual(['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted', 'capabilities_restricted']);
    expect(w.message).toMatch(/its image "busybox" is not pinned/);
    expect(w.message).toMatch(/passes "baseline"/);
  });

  it('a pinned, tightened Job still cannot pass (root): the warning names what is left', () => {
    const [w] = podSecurityWarnings({
      enableSandboxing: false,
      sharedStorage: { create: true },
      migrationJob: {
        image: 'busybox:1.36.1',
        containerSecurityContext: { allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } },
      },
    });
    expect(w.message).toMatch(/fails capabilities \(adds CHOWN, DAC_OVERRIDE\), runAsNonRoot/);
    expect(w.message).not.toMatch(/not pinned|allowPrivilegeEscalation/);
  });

  it('a sidecar or init container that breaks "restricted" is reported with the container and the controls', () => {
    const warnings = podSecurityWarnings({
      enableSandboxing: false,
      extraContainers: [{ name: 'side', image: 'busybox:1', securityContext: { privileged: true } }],
      initContainers: [
        {
          name: 'init',
          image: 'busybox:1',
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          },
        },
      ],
    });
    expect(warnings.map((w) => w.path)).toEqual(['extraContainers[0]']);
    expect(warnings[0].message).toMatch(/the container "side" fails privileged \(privileged: true\), allowPrivilegeEscalation/);
  });

  it('a pod setting that breaks "restricted" is reported where it is set', () => {
    const warnings = podSecurityWarnings({
      enableSandboxing: false,
      pod: { volumes: [{ name: 'host', hostPath: { path: '/var/run' } }], volumeMounts: [{ name: 'host', mountPath: '/host' }] },
    });
    expect(warnings.map((w) => [w.path, w.message.match(/fails (\w+)/)?.[1]])).toEqual([['pod.volumes', 'volumeTypes']]);
  });

  // Each of these fails Pod Security 1.28 "restricted" in ../shared/tools/podsecurity (pss.js), with the same control.
  it.each([
    [
      'pod runAsNonRoot: false (even when every container says true)',
      { pod: { securityContext: { runAsNonRoot: false } } },
      'runAsNonRoot',
    ],
    ['pod runAsUser: 0', { pod: { securityContext: { runAsUser: 0 } } }, 'runAsUser'],
    ['pod seLinuxOptions type spc_t', { pod: { securityContext: { seLinuxOptions: { type: 'spc_t' } } } }, 'seLinuxOptions'],
    ['pod seLinuxOptions with a user', { pod: { securityContext: { seLinuxOptions: { user: 'system_u' } } } }, 'seLinuxOptions'],
    [
      'an AppArmor annotation naming a container the pod does not have',
      { pod: { annotations: { 'container.apparmor.security.beta.kubernetes.io/ghost': 'unconfined' } } },
      'appArmorProfile',
    ],
  ] as [string, PackageManagerProps, string][])('the gaps of the review: %s', (_what, props, control) => {
    const warnings = podSecurityWarnings({ enableSandboxing: false, ...props });
    expect(warnings.map((w) => [w.path, w.message.match(/the pod fails (\w+)/)?.[1]])).toEqual([['pod.securityContext', control]]);
    const t = podTemplateOf(find(synthProps({ enableSandboxing: false, ...props }).objects, 'Deployment'))!;
    expect(podSecurityFailures(t, 'restricted').map((f) => f.split(':')[0].replace(/_restricted$/, ''))).toContain(control);
  });

  it('nothing to say when everything passes, nor with sandboxing on (its own warning covers it)', () => {
    expect(podSecurityWarnings({ enableSandboxing: false, sharedStorage: { create: true }, enableMigration: false })).toEqual([]);
    expect(podSecurityWarnings({ sharedStorage: { create: true } })).toEqual([]);
  });
});

describe('item 7: automountServiceAccountToken', () => {
  const objects = (props: PackageManagerProps) =>
    synthProps({ serviceAccount: { create: true }, sharedStorage: { create: true }, ...props }).objects;

  it('unset renders what the chart renders: no field anywhere', () => {
    const o = objects({});
    expect(find(o, 'ServiceAccount').automountServiceAccountToken).toBeUndefined();
    expect(find(o, 'Deployment').spec.template.spec.automountServiceAccountToken).toBeUndefined();
    expect(find(o, 'Job').spec.template.spec.automountServiceAccountToken).toBeUndefined();
  });

  it('false turns the token off on the ServiceAccount and every pod', () => {
    const o = objects({ automountServiceAccountToken: false });
    expect(find(o, 'ServiceAccount').automountServiceAccountToken).toBe(false);
    expect(find(o, 'Deployment').spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(find(o, 'Job').spec.template.spec.automountServiceAccountToken).toBe(false);
  });

  it('false keeps the IRSA annotation (the webhook projects its own token) and true asks for the token', () => {
    const o = objects({
      automountServiceAccountToken: false,
      serviceAccount: { create: true, annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/ppm' } },
    });
    expect(find(o, 'ServiceAccount').metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/ppm' });
    const on = objects({ automountServiceAccountToken: true }) as Obj[];
    expect(find(on, 'Deployment').spec.template.spec.automountServiceAccountToken).toBe(true);
    expect(find(on, 'ServiceAccount').automountServiceAccountToken).toBeUndefined();
  });
});
