/**
 * Output rule: with `enableSandboxing: false` (hardened mode) every pod we render is meant to
 * pass Pod Security "restricted": say which container or pod setting of the rendered Deployment
 * does not, and why, and what the migration Job costs. It reads the rendered objects; it renders nothing.
 */
import { CONTAINER_NAME } from '../../constants';
import type { Model } from '../../model';
import type { Manifest, RenderedObject } from '../../parts/manifest';
import type { PackageManagerWarning } from '../../warnings';
import { restrictedFindings, type PodSecurityFinding } from '../../leaf/pod-security';

/** Findings of one pod template, as `control (reason)` lines. */
const describeFindings = (findings: readonly PodSecurityFinding[]) => findings.map((f) => `${f.control} (${f.reason})`).join(', ');

/** True for an image reference with a tag or digest. */
const pinned = (image: string) => image.includes('@') || /:[^/]+$/.test(image);

/** The pod template of a rendered workload. */
const podTemplate = (m: Manifest) => (m.spec as { template: { metadata: object; spec: object } }).template;

/** The `ppm:pod-security` warnings of the rendered Deployment and migration Job (none unless hardened). */
export function hardenedPodSecurity(model: Model, objects: readonly RenderedObject[]): PackageManagerWarning[] {
  if (model.values.enableSandboxing) return [];
  const warnings: PackageManagerWarning[] = [];
  const warn = (path: string, message: string) => warnings.push({ id: 'ppm:pod-security', path, message });
  const v = model.values;
  const rendered = (id: string) => objects.find((o) => o.id === id)?.manifest;
  const deployment = rendered('Deployment');
  const findings = deployment ? restrictedFindings(podTemplate(deployment)) : [];
  const where = new Map<string, string>([[CONTAINER_NAME, 'pod.containerSecurityContext']]);
  (v.extraContainers ?? []).forEach((c, i) => where.set(c.name, `extraContainers[${i}]`));
  (v.initContainers ?? []).forEach((c, i) => where.set(c.name, `initContainers[${i}]`));
  const byPath = new Map<string, PodSecurityFinding[]>();
  for (const f of findings) {
    const path =
      f.container === undefined ? (f.control === 'volumeTypes' ? 'pod.volumes' : 'pod.securityContext') : (where.get(f.container) ?? 'pod');
    byPath.set(path, [...(byPath.get(path) ?? []), f]);
  }
  for (const [path, list] of byPath) {
    const who = list[0].container === undefined ? 'the pod' : `the container ${JSON.stringify(list[0].container)}`;
    warn(
      path,
      `with enableSandboxing: false the pods are meant to pass Pod Security "restricted", but ${who} fails ${describeFindings(list)}: fix these controls (a restricted container sets allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true and seccompProfile: { type: "RuntimeDefault" })`,
    );
  }
  const job = rendered('MigrationJob');
  if (!job) return warnings;
  const jobFindings = restrictedFindings(podTemplate(job));
  const image = v.migrationJob?.image ?? '';
  warn(
    'enableMigration',
    `renders the migration Job ${JSON.stringify(model.objects.migrationJob?.name)}, which runs as root with CHOWN and DAC_OVERRIDE to hand the shared storage to uid 999, so it cannot pass Pod Security "restricted"${jobFindings.length ? `: it fails ${describeFindings(jobFindings)}` : ''} (it passes "baseline")${pinned(image) ? '' : `; its image ${JSON.stringify(image)} is not pinned to a version (set migrationJob.image, e.g. "busybox:1.36.1")`}. Set enableMigration: false unless Package Manager ran as root on this storage before; then run it once, in a namespace that allows "baseline"`,
  );
  return warnings;
}
