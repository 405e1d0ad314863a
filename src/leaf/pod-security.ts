/**
 * The Pod Security Standards' "restricted" profile (Kubernetes v1.28), as the
 * PodSecurity admission evaluates a pod template: which controls a pod and
 * each of its containers fail. Written from the standard
 * (kubernetes.io/docs/concepts/security/pod-security-standards).
 */
import type { Obj } from './objects';

/** One failed control: of a container (by name) or of the pod. */
export interface PodSecurityFinding {
  /** The container's name; absent for a control of the pod. */
  readonly container?: string;
  /** The control, as the standard names it, e.g. `runAsNonRoot`. */
  readonly control: string;
  /** What fails it, in words. */
  readonly reason: string;
}

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
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
]);
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const seccompOk = (p?: Obj) => p?.type === 'RuntimeDefault' || p?.type === 'Localhost';

/** The controls of "restricted" a container fails, given its pod. */
function containerFindings(c: Obj, pod: Obj, annotations: Obj): PodSecurityFinding[] {
  const sc: Obj = c.securityContext ?? {};
  const psc: Obj = pod.securityContext ?? {};
  const out: [string, string][] = [];
  if (sc.privileged) out.push(['privileged', 'privileged: true']);
  if (sc.windowsOptions?.hostProcess) out.push(['hostProcess', 'windowsOptions.hostProcess: true']);
  if (sc.allowPrivilegeEscalation !== false) out.push(['allowPrivilegeEscalation', 'allowPrivilegeEscalation is not false']);
  const caps: Obj = sc.capabilities ?? {};
  const added = (caps.add ?? []).filter((a: string) => a !== 'NET_BIND_SERVICE');
  if (!(caps.drop ?? []).includes('ALL') || added.length > 0)
    out.push([
      'capabilities',
      [...(!(caps.drop ?? []).includes('ALL') ? ['does not drop ALL'] : []), ...(added.length ? [`adds ${added.join(', ')}`] : [])].join(
        ' and ',
      ),
    ]);
  if (sc.runAsNonRoot === false || (sc.runAsNonRoot === undefined && psc.runAsNonRoot !== true))
    out.push(['runAsNonRoot', 'runAsNonRoot is not true (on the container or the pod)']);
  if (sc.runAsUser === 0 || (sc.runAsUser === undefined && psc.runAsUser === 0)) out.push(['runAsUser', 'runAsUser is 0 (root)']);
  if (sc.seccompProfile ? !seccompOk(sc.seccompProfile) : !seccompOk(psc.seccompProfile))
    out.push(['seccompProfile', 'seccompProfile type is not RuntimeDefault or Localhost (on the container or the pod)']);
  if (sc.procMount !== undefined && sc.procMount !== 'Default') out.push(['procMount', `procMount ${sc.procMount}`]);
  const se = sc.seLinuxOptions;
  if (se && (!SELINUX_TYPES.has(se.type ?? '') || se.user || se.role))
    out.push(['seLinuxOptions', 'seLinuxOptions beyond the allowed types']);
  if ((c.ports ?? []).some((p: Obj) => p.hostPort)) out.push(['hostPorts', 'a hostPort']);
  const apparmor = annotations[`${APPARMOR_PREFIX}${c.name}`];
  if (apparmor !== undefined && apparmor !== 'runtime/default' && !String(apparmor).startsWith('localhost/'))
    out.push(['appArmorProfile', `AppArmor profile ${JSON.stringify(apparmor)}`]);
  return out.map(([control, reason]) => ({ container: c.name, control, reason }));
}

/** The controls of "restricted" a pod template fails: the pod's own, then each container's. */
export function restrictedFindings(template: { metadata?: Obj; spec: Obj }): PodSecurityFinding[] {
  const pod = template.spec;
  const psc: Obj = pod.securityContext ?? {};
  const out: PodSecurityFinding[] = [];
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) out.push({ control: 'hostNamespaces', reason: 'host network, PID or IPC namespace' });
  for (const v of pod.volumes ?? []) {
    const kinds = Object.keys(v).filter((k) => k !== 'name' && !RESTRICTED_VOLUMES.has(k));
    if (kinds.length > 0) out.push({ control: 'volumeTypes', reason: `volume ${JSON.stringify(v.name)} is of type ${kinds.join(', ')}` });
  }
  const sysctls = (psc.sysctls ?? []).filter((s: Obj) => !SAFE_SYSCTLS.has(s.name));
  if (sysctls.length > 0) out.push({ control: 'sysctls', reason: `sysctls ${sysctls.map((s: Obj) => s.name).join(', ')}` });
  if (psc.seccompProfile && !seccompOk(psc.seccompProfile))
    out.push({ control: 'seccompProfile', reason: `pod seccompProfile type ${psc.seccompProfile.type}` });
  if (psc.windowsOptions?.hostProcess) out.push({ control: 'hostProcess', reason: 'pod windowsOptions.hostProcess: true' });
  const annotations: Obj = template.metadata?.annotations ?? {};
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) out.push(...containerFindings(c, pod, annotations));
  return out;
}
