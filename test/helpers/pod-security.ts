/**
 * The Pod Security Standards (Kubernetes v1.28), baseline and restricted, as the
 * PodSecurity admission evaluates a workload's pod template. Written from the
 * standard (kubernetes.io/docs/concepts/security/pod-security-standards): each
 * control returns the reason it fails, or nothing.
 */
type Obj = Record<string, any>;

const BASELINE_CAPS = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
]);
const RESTRICTED_VOLUMES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);

interface Template {
  metadata: Obj;
  spec: Obj;
}
type Control = (t: Template, containers: Obj[]) => string | undefined;

const allContainers = (spec: Obj): Obj[] => [
  ...(spec.initContainers ?? []),
  ...(spec.containers ?? []),
  ...(spec.ephemeralContainers ?? []),
];
const names = (cs: Obj[]) => cs.map((c) => `"${c.name}"`).join(', ');

const baseline: Record<string, Control> = {
  hostProcess: ({ spec }, cs) =>
    spec.securityContext?.windowsOptions?.hostProcess || cs.some((c) => c.securityContext?.windowsOptions?.hostProcess)
      ? 'hostProcess'
      : undefined,
  hostNamespaces: ({ spec }) => (spec.hostNetwork || spec.hostPID || spec.hostIPC ? 'host namespaces' : undefined),
  privileged: (_t, cs) =>
    cs.some((c) => c.securityContext?.privileged)
      ? `privileged (containers ${names(cs.filter((c) => c.securityContext?.privileged))})`
      : undefined,
  capabilities_baseline: (_t, cs) => {
    const bad = cs.filter((c) => (c.securityContext?.capabilities?.add ?? []).some((a: string) => !BASELINE_CAPS.has(a)));
    return bad.length ? `non-default capabilities (containers ${names(bad)})` : undefined;
  },
  hostPathVolumes: ({ spec }) => ((spec.volumes ?? []).some((v: Obj) => v.hostPath) ? 'hostPath volumes' : undefined),
  hostPorts: (_t, cs) => (cs.some((c) => (c.ports ?? []).some((p: Obj) => p.hostPort)) ? 'hostPort' : undefined),
  appArmorProfile: ({ metadata }) => {
    const bad = Object.entries(metadata.annotations ?? {}).filter(
      ([k, v]) =>
        k.startsWith('container.apparmor.security.beta.kubernetes.io/') && v !== 'runtime/default' && !String(v).startsWith('localhost/'),
    );
    return bad.length ? `forbidden AppArmor profiles (${bad.map(([k, v]) => `${k}="${v}"`).join(', ')})` : undefined;
  },
  seLinuxOptions: ({ spec }, cs) => {
    const opts = [spec.securityContext?.seLinuxOptions, ...cs.map((c) => c.securityContext?.seLinuxOptions)].filter(Boolean);
    return opts.some((o: Obj) => !SELINUX_TYPES.has(o.type ?? '') || o.user || o.role) ? 'seLinuxOptions' : undefined;
  },
  procMount: (_t, cs) =>
    cs.some((c) => c.securityContext?.procMount && c.securityContext.procMount !== 'Default') ? 'procMount' : undefined,
  seccompProfile_baseline: ({ spec }, cs) => {
    const bad = [spec.securityContext?.seccompProfile, ...cs.map((c) => c.securityContext?.seccompProfile)].some(
      (p) => p?.type === 'Unconfined',
    );
    return bad ? 'seccompProfile type "Unconfined"' : undefined;
  },
  sysctls: ({ spec }) =>
    (spec.securityContext?.sysctls ?? []).some((s: Obj) => !SAFE_SYSCTLS.has(s.name)) ? 'forbidden sysctls' : undefined,
};

const restrictedOnly: Record<string, Control> = {
  restrictedVolumes: ({ spec }) => {
    const bad = (spec.volumes ?? []).filter((v: Obj) => Object.keys(v).some((k) => k !== 'name' && !RESTRICTED_VOLUMES.has(k)));
    return bad.length ? `restricted volume types (${bad.map((v: Obj) => v.name).join(', ')})` : undefined;
  },
  allowPrivilegeEscalation: (_t, cs) => {
    const bad = cs.filter((c) => c.securityContext?.allowPrivilegeEscalation !== false);
    return bad.length ? `allowPrivilegeEscalation != false (containers ${names(bad)})` : undefined;
  },
  runAsNonRoot: ({ spec }, cs) => {
    const pod = spec.securityContext?.runAsNonRoot;
    const bad = cs.filter(
      (c) => c.securityContext?.runAsNonRoot === false || (c.securityContext?.runAsNonRoot === undefined && pod !== true),
    );
    return pod === false || bad.length ? `runAsNonRoot != true (containers ${names(bad)})` : undefined;
  },
  runAsUser: ({ spec }, cs) =>
    spec.securityContext?.runAsUser === 0 || cs.some((c) => c.securityContext?.runAsUser === 0) ? 'runAsUser=0' : undefined,
  seccompProfile_restricted: ({ spec }, cs) => {
    const ok = (p?: Obj) => p?.type === 'RuntimeDefault' || p?.type === 'Localhost';
    const podOk = ok(spec.securityContext?.seccompProfile);
    const bad = cs.filter((c) => (c.securityContext?.seccompProfile ? !ok(c.securityContext.seccompProfile) : !podOk));
    return bad.length ? `seccompProfile (containers ${names(bad)} must set type to "RuntimeDefault" or "Localhost")` : undefined;
  },
  capabilities_restricted: (_t, cs) => {
    const bad = cs.filter((c) => {
      const caps = c.securityContext?.capabilities ?? {};
      return !(caps.drop ?? []).includes('ALL') || (caps.add ?? []).some((a: string) => a !== 'NET_BIND_SERVICE');
    });
    return bad.length ? `unrestricted capabilities (containers ${names(bad)})` : undefined;
  },
};

/** The failed controls (`control: reason`) of a pod template under a profile. */
export function podSecurityFailures(template: Template, level: 'baseline' | 'restricted'): string[] {
  const cs = allContainers(template.spec);
  const controls: Record<string, Control> = level === 'baseline' ? baseline : { ...baseline, ...restrictedOnly };
  if (level === 'restricted') {
    delete controls.seccompProfile_baseline;
    delete controls.capabilities_baseline;
    delete controls.hostPathVolumes;
  }
  return Object.entries(controls).flatMap(([id, control]) => {
    const reason = control(template, cs);
    return reason ? [`${id}: ${reason}`] : [];
  });
}

/** The pod template of a workload object, if it is one. */
export function podTemplateOf(o: Obj): Template | undefined {
  if (o.kind === 'Pod') return { metadata: o.metadata ?? {}, spec: o.spec };
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template;
  return ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(o.kind) ? o.spec?.template : undefined;
}
