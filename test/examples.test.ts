/** Every example in examples/ synthesizes (in-process, one App each) to the objects it promises. */
import { readFileSync } from 'fs';
import { App, Chart } from 'cdk8s';
import { PackageManager } from '../src';
import * as main from '../examples/main';
import * as minimal from '../examples/minimal';
import * as highAvailability from '../examples/high-availability';
import * as ingressTls from '../examples/ingress-tls';
import * as gatewayTls from '../examples/gateway-tls';
import * as repositories from '../examples/repositories';
import * as licenseSecret from '../examples/license-secret';
import * as fromHelmValues from '../examples/from-helm-values';
import * as manyTeams from '../examples/many-teams';
import * as openshift from '../examples/openshift';
import * as migration from '../examples/migration';
import * as argoCd from '../examples/argo-cd';
import * as flux from '../examples/flux';
import * as airGapped from '../examples/air-gapped';
import * as cloudnativePg from '../examples/cloudnative-pg';
import * as wiring from '../examples/wiring';
import { exitCodeOf, fixesFound } from '../src/diff';
import { parityDiff, parseManifests } from './helpers/parity';
import { validateManifests } from './helpers/k8s-validate';
import { find, withoutNoLicense, type Obj } from './helpers/synth';

/** The chart's objects (resolved once) and its PackageManager. */
function synth(chart: Chart): { objects: Obj[]; pm: PackageManager } {
  const pm = chart.node.children.find((c): c is PackageManager => c instanceof PackageManager);
  if (!pm) throw new Error(`no PackageManager in chart ${chart.node.id}`);
  return { objects: chart.toJson(), pm };
}

/**
 * Warnings besides the advisory every default-sandboxing release gets (enableSandboxing vs. Pod Security Standards):
 * the examples must not trigger any.
 */
/** Warnings but the sandboxing notice and ppm:no-license (most examples leave the license to the reader). */
const warnings = (pm: PackageManager) => withoutNoLicense(pm.warnings).filter((w) => w.path !== 'enableSandboxing');
const ids = (objects: Obj[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
const container = (objects: Obj[]) => find(objects, 'Deployment').spec.template.spec.containers[0];
const envOf = (objects: Obj[]) => Object.fromEntries((container(objects).env ?? []).map((e: Obj) => [e.name, e.value ?? e.valueFrom]));

describe('examples', () => {
  it('main: the app `cdk8s synth` runs', () => {
    const { objects, pm } = synth(main.build(new App()));
    expect(warnings(pm)).toEqual([]);
    expect(ids(objects)).toEqual([
      'ConfigMap/ppm-rstudio-pm-config',
      'Deployment/ppm-rstudio-pm',
      'Ingress/ppm-rstudio-pm',
      'Job/ppm-rstudio-pm-chown-shared-storage',
      'PersistentVolumeClaim/ppm-rstudio-pm-shared-storage',
      'Service/ppm-rstudio-pm',
      'ServiceAccount/ppm-rstudio-pm',
    ]);
    expect(find(objects, 'Deployment').spec.replicas).toBe(2);
    expect(find(objects, 'PersistentVolumeClaim').spec).toMatchObject({
      storageClassName: 'efs-sc',
      resources: { requests: { storage: '100Gi' } },
    });
  });

  it('openshift: no fixed UID, GID or fsGroup; chart 0.20.4; restricted-compatible', () => {
    const { objects, pm } = synth(openshift.build(new App()));
    expect(withoutNoLicense(pm.warnings)).toEqual([]);
    const spec = find(objects, 'Deployment').spec.template.spec;
    expect(spec).not.toHaveProperty('securityContext');
    expect(spec.containers[0].securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(spec.containers[0].image).toBe('posit/package-manager:2026.08.0-ubuntu-24.04');
    expect(ids(objects)).not.toContain('Job/ppm-rstudio-pm-chown-shared-storage');
  });

  it('minimal: the defaults, in namespace posit', () => {
    const { objects, pm } = synth(minimal.build(new App()));
    expect(warnings(pm)).toEqual([]);
    expect(ids(objects)).toEqual([
      'ConfigMap/ppm-rstudio-pm-config',
      'Deployment/ppm-rstudio-pm',
      'Service/ppm-rstudio-pm',
      'ServiceAccount/ppm-rstudio-pm',
    ]);
    expect(objects.every((o) => o.metadata.namespace === 'posit')).toBe(true);
    const deployment = find(objects, 'Deployment');
    expect(deployment.spec.replicas).toBe(1);
    expect(container(objects).image).toBe('rstudio/rstudio-package-manager:ubuntu2204-2024.04.4');
    expect(deployment.spec.template.spec.serviceAccountName).toBe('ppm-rstudio-pm');
  });

  it('high-availability: 3 pods over zones, S3 via IRSA, PostgreSQL, secrets from existing Secrets', () => {
    const { objects, pm } = synth(highAvailability.build(new App()));
    expect(warnings(pm)).toEqual([]);
    expect(ids(objects)).toEqual([
      'ConfigMap/ppm-rstudio-pm-config',
      'Deployment/ppm-rstudio-pm',
      'PodDisruptionBudget/ppm-rstudio-pm',
      'Service/ppm-rstudio-pm',
      'ServiceAccount/ppm-rstudio-pm',
    ]);
    expect(objects.every((o) => o.metadata.namespace === 'posit')).toBe(true);
    expect(find(objects, 'ServiceAccount').metadata.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/ppm-s3',
    });

    const gcfg: string = find(objects, 'ConfigMap').data['rstudio-pm.gcfg'];
    expect(gcfg).toMatch(/^\[Storage\]\nDefault = s3$/m);
    expect(gcfg).toMatch(/^Bucket = example-ppm-packages$/m);
    expect(gcfg).toMatch(/^\[Database\]\nProvider = postgres$/m);
    expect(gcfg).toMatch(/^URL = postgres:\/\/ppm@ppm-db\.example\.internal:5432\/ppm\?sslmode=require$/m);
    expect(gcfg).not.toMatch(/Password/i);

    const deployment = find(objects, 'Deployment');
    expect(deployment.spec.replicas).toBe(3);
    expect(envOf(objects)).toEqual({
      PACKAGEMANAGER_ENCRYPTION_KEY: { secretKeyRef: { name: 'ppm-encryption', key: 'key' } },
      PACKAGEMANAGER_POSTGRES_PASSWORD: { secretKeyRef: { name: 'ppm-db', key: 'password' } },
      PACKAGEMANAGER_POSTGRES_USAGEDATAPASSWORD: { secretKeyRef: { name: 'ppm-db', key: 'usage-password' } },
    });
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
    const selector = deployment.spec.selector.matchLabels;
    const spread = deployment.spec.template.spec.topologySpreadConstraints;
    expect(spread.map((c: Obj) => c.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    for (const c of spread) expect(c.labelSelector.matchLabels).toEqual(selector);
    const pdb = find(objects, 'PodDisruptionBudget');
    expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: selector } });
  });

  it('ingress-tls: nginx Ingress with a cert-manager certificate', () => {
    const { objects, pm } = synth(ingressTls.build(new App()));
    expect(warnings(pm)).toEqual([]);
    const ingress = find(objects, 'Ingress', 'ppm-rstudio-pm');
    expect(ingress.metadata.namespace).toBe('posit');
    expect(ingress.metadata.annotations['cert-manager.io/cluster-issuer']).toBe('letsencrypt-prod');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.tls).toEqual([{ hosts: [ingressTls.HOST], secretName: 'packages-tls' }]);
    expect(ingress.spec.rules).toEqual([
      {
        host: ingressTls.HOST,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'ppm-rstudio-pm', port: { number: 80 } } } }] },
      },
    ]);
    expect(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']).toMatch(/^Address = https:\/\/packages\.example\.com$/m);
  });

  it('repositories: the setup script for an R, a Python and a combined repository, and its container', () => {
    const { objects, pm } = synth(repositories.build(new App()));
    expect(warnings(pm)).toEqual([]);
    const script: string = find(objects, 'ConfigMap', 'ppm-rstudio-pm-repositories').data['setup.sh'];
    expect(script.split('\n').filter((l) => /^ {2}(run|create_source) .*\|\| return 1$/.test(l))).toEqual([
      "  create_source 'internal' --type='local' || return 1",
      "  run create repo --name='cran' --type='r' --description='All of CRAN' --succeed-on-existing || return 1",
      "  run subscribe --repo='cran' --source='cran' --succeed-on-existing || return 1",
      "  run create repo --name='pypi' --type='python' --description='All of PyPI' --succeed-on-existing || return 1",
      "  run subscribe --repo='pypi' --source='pypi' --succeed-on-existing || return 1",
      "  run create repo --name='all' --type='r' --description='Internal R packages, then CRAN' --succeed-on-existing || return 1",
      "  run subscribe --repo='all' --source='internal' --succeed-on-existing || return 1",
      "  run subscribe --repo='all' --source='cran' --succeed-on-existing || return 1",
    ]);
    const pod = find(objects, 'Deployment').spec.template;
    expect(pod.spec.containers.map((c: Obj) => c.name)).toEqual(['rspm', 'repository-setup']);
    expect(validateManifests(objects)).toEqual([]);
  });

  it('gateway-tls: an HTTPRoute on the HTTPS listener of a Gateway whose certificate cert-manager issues; no Ingress', () => {
    const { objects, pm } = synth(gatewayTls.build(new App()));
    expect(warnings(pm)).toEqual([]);
    expect(objects.some((o) => o.kind === 'Ingress')).toBe(false);
    const gateway = find(objects, 'Gateway', 'packages');
    expect(gateway.metadata.annotations['cert-manager.io/cluster-issuer']).toBe('letsencrypt-prod');
    expect(gateway.spec.listeners[0]).toMatchObject({ name: 'https', hostname: gatewayTls.HOST, tls: { mode: 'Terminate' } });
    const route = find(objects, 'HTTPRoute', 'ppm-rstudio-pm');
    expect(route.metadata.namespace).toBe('posit');
    expect(route.spec).toEqual({
      parentRefs: [{ name: 'packages', sectionName: 'https' }],
      hostnames: [gatewayTls.HOST],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'ppm-rstudio-pm', port: 80 }] }],
    });
    expect(validateManifests([route])).toEqual([]);
    expect(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']).toMatch(/^Address = https:\/\/packages\.example\.com$/m);
  });

  it('license-secret: the license file mounted from an existing Secret', () => {
    const { objects, pm } = synth(licenseSecret.build(new App()));
    expect(warnings(pm)).toEqual([]);
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
    expect(envOf(objects)).toEqual({ RSPM_LICENSE_FILE_PATH: '/etc/rstudio-licensing/ppm.lic' });
    expect(container(objects).volumeMounts).toContainEqual({ name: 'license-file', mountPath: '/etc/rstudio-licensing' });
    expect(find(objects, 'Deployment').spec.template.spec.volumes).toContainEqual({
      name: 'license-file',
      secret: { secretName: 'ppm-license' },
    });
  });

  it('many-teams: one release per team, each in its own namespace', () => {
    const charts = manyTeams.build(new App());
    expect(charts).toHaveLength(manyTeams.TEAMS.length);
    charts.forEach((chart, i) => {
      const team = manyTeams.TEAMS[i];
      const { objects, pm } = synth(chart);
      expect(warnings(pm)).toEqual([]);
      expect(pm.releaseName).toBe(team);
      expect(objects.every((o) => o.metadata.namespace === `ppm-${team}`)).toBe(true);
      expect(find(objects, 'Deployment').metadata.name).toBe(`${team}-rstudio-pm`);
      expect(find(objects, 'PersistentVolumeClaim').metadata.name).toBe(`${team}-rstudio-pm-shared-storage`);
      expect(find(objects, 'Ingress').spec.rules[0].host).toBe(`${team}.packages.example.com`);
    });
  });

  it('from-helm-values: the same manifests as helm template printed', () => {
    const { objects, pm } = synth(fromHelmValues.build(new App()));
    expect(pm.releaseName).toBe('my-release');
    expect(pm.namespace).toBe('posit');
    const helmOutput = readFileSync(fromHelmValues.HELM_OUTPUT_FILE, 'utf8');
    const expected = parseManifests(helmOutput);
    expect(ids(objects)).toEqual(ids(expected));
    expect(fromHelmValues.diffAgainstHelm(objects, helmOutput)).toEqual({ onlyInHelm: [], onlyInCdk8s: [] });
    expect(parityDiff(expected, objects, 'posit')).toEqual([]);
  });

  it('migration: the diff of a real chart render names the hook Job; without it, nothing but labels and checksums', () => {
    const asInstalled = migration.report(migration.values({}));
    expect(fixesFound(asInstalled.objects)).toEqual(['helm-hook-job']);
    expect(asInstalled.objects.filter((o) => o.kind === 'change')).toEqual([]);
    expect(exitCodeOf(asInstalled)).toBe(1);
    expect(exitCodeOf(asInstalled, ['helm-hook-job'])).toBe(0);

    const decided = migration.report();
    expect(exitCodeOf(decided)).toBe(0);
    expect(Object.fromEntries(decided.objects.map((o) => [o.ref.kind, o.kind]))).toEqual({
      ServiceAccount: 'label',
      ConfigMap: 'label',
      PersistentVolumeClaim: 'label',
      Service: 'label',
      Deployment: 'checksum',
    });
    // The app renders what the report compared: the same objects as the chart, by name.
    const { objects, pm } = synth(migration.build(new App()));
    expect(warnings(pm)).toEqual([]);
    expect(ids(objects)).toEqual(decided.objects.map((o) => `${o.ref.kind}/${o.ref.name}`).sort());
  });

  it('argo-cd: no hook Job, the claim kept by Argo CD, an Application named like the release', () => {
    const { release, argocd } = argoCd.build(new App());
    const { objects, pm } = synth(release);
    expect(warnings(pm)).toEqual([]);
    expect(objects.some((o) => o.kind === 'Job')).toBe(false);
    expect(find(objects, 'PersistentVolumeClaim').metadata.annotations).toEqual({
      'helm.sh/resource-policy': 'keep',
      'argocd.argoproj.io/sync-options': 'Delete=false,Prune=false',
    });
    const application = find(argocd.toJson(), 'Application');
    expect(application.metadata).toEqual({ name: pm.releaseName, namespace: 'argocd' });
    expect(application.spec.destination.namespace).toBe(pm.namespace);
    // Argo CD's default tracking label is the release's instance label: the same value, so nothing is rewritten.
    expect(find(objects, 'Deployment').spec.selector.matchLabels['app.kubernetes.io/instance']).toBe(application.metadata.name);
  });

  it('flux: the claim kept by Flux, the Job pinned and recreated by Flux when it changes', () => {
    const { release, flux: kustomization } = flux.build(new App());
    const { objects, pm } = synth(release);
    expect(warnings(pm)).toEqual([]);
    expect(find(objects, 'PersistentVolumeClaim').metadata.annotations['kustomize.toolkit.fluxcd.io/prune']).toBe('disabled');
    const job = find(objects, 'Job');
    expect(job.metadata.annotations['kustomize.toolkit.fluxcd.io/force']).toBe('enabled');
    expect(job.spec.template.spec.containers[0].image).toBe('busybox:1.36.1');
    expect(find(kustomization.toJson(), 'Kustomization').spec).toMatchObject({
      path: './dist',
      prune: true,
      targetNamespace: pm.namespace,
    });
  });

  it('air-gapped: every image from the internal registry, each pod with its pull Secret', () => {
    const { objects, pm } = synth(airGapped.build(new App()));
    expect(warnings(pm)).toEqual([]);
    const pods = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job').map((o) => o.spec.template.spec);
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      for (const c of [...(pod.initContainers ?? []), ...pod.containers]) expect(c.image.startsWith(`${airGapped.REGISTRY}/`)).toBe(true);
      expect(pod.imagePullSecrets).toEqual([{ name: 'internal-registry' }]);
    }
    expect(container(objects).image).toBe(`${airGapped.REGISTRY}/posit/rstudio-package-manager:ubuntu2204-2024.04.4`);
  });

  it("cloudnative-pg: Postgres.URL from the operator's Secret (key uri), no password in the ConfigMap", () => {
    const chart = cloudnativePg.build(new App());
    const { objects, pm } = synth(chart);
    expect(warnings(pm)).toEqual([]);
    expect(envOf(objects)).toMatchObject({
      PACKAGEMANAGER_POSTGRES_URL: { secretKeyRef: { name: `${cloudnativePg.CLUSTER}-app`, key: 'uri' } },
      PACKAGEMANAGER_POSTGRES_USAGEDATAPASSWORD: { secretKeyRef: { name: `${cloudnativePg.CLUSTER}-app`, key: 'password' } },
    });
    const gcfg: string = find(objects, 'ConfigMap').data['rstudio-pm.gcfg'];
    expect(gcfg).toMatch(/^\[Database\]\nProvider = postgres$/m);
    expect(gcfg).not.toMatch(/^URL =/m);
    expect(gcfg).toMatch(/^UsageDataURL = postgres:\/\/ppm@ppm-db-rw\.posit:5432\/ppm_usage$/m);
    expect(find(objects, 'Cluster').spec.bootstrap.initdb).toEqual({ database: 'ppm', owner: 'ppm' });
    expect(find(objects, 'Database').spec).toEqual({ name: 'ppm_usage', owner: 'ppm', cluster: { name: cloudnativePg.CLUSTER } });
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
  });

  it('wiring (cdk8s-plus-33): the policy, Ingress, HTTPRoute, PDB and anti-affinity reach the pods and the Service', () => {
    const { objects, pm } = synth(wiring.build(new App()));
    expect(warnings(pm)).toEqual([]);
    const byName = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name)!;
    const pmDeployment = byName('Deployment', pm.fullName);
    const podLabels = pmDeployment.spec.template.metadata.labels;
    const selects = (matchLabels: Record<string, string>) => Object.entries(matchLabels).every(([k, v]) => podLabels[k] === v);
    // The members are what the Service and the pods have.
    const service = byName('Service', pm.serviceName);
    const http = service.spec.ports.find((p: Obj) => p.name === pm.servicePortName);
    expect([http.port, http.targetPort, pm.servicePort, pm.targetPort, pm.metricsPort]).toEqual([80, 4242, 80, 4242, 2112]);
    expect(container([pmDeployment]).ports.map((p: Obj) => p.containerPort)).toEqual([pm.targetPort, pm.metricsPort]);
    // The NetworkPolicy selects the pods and lets in the controller on the pods' port, Prometheus on the metrics port.
    const policy = objects.find((o) => o.kind === 'NetworkPolicy')!;
    expect(selects(policy.spec.podSelector.matchLabels)).toBe(true);
    expect(policy.spec.ingress.map((r: Obj) => r.ports)).toEqual([[{ port: 4242, protocol: 'TCP' }], [{ port: 2112, protocol: 'TCP' }]]);
    expect(byName('Ingress', 'packages').spec.rules[0].http.paths[0].backend).toEqual({
      service: { name: 'ppm-rstudio-pm', port: { number: 80 } },
    });
    expect(byName('HTTPRoute', 'packages').spec.rules[0].backendRefs).toEqual([{ name: 'ppm-rstudio-pm', port: 80 }]);
    expect(selects(byName('PodDisruptionBudget', 'packages').spec.selector.matchLabels)).toBe(true);
    const antiAffinity = byName('Deployment', 'build-runner').spec.template.spec.affinity.podAntiAffinity;
    expect(selects(antiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels)).toBe(true);
    // The Secrets given as cdk8s-plus-33 constructs.
    const spec = pmDeployment.spec.template.spec;
    expect(spec.volumes).toContainEqual(expect.objectContaining({ secret: expect.objectContaining({ secretName: 'ppm-license' }) }));
    expect(envOf([pmDeployment]).PACKAGEMANAGER_POSTGRES_URL).toEqual({ secretKeyRef: { name: 'ppm-postgres', key: 'uri' } });
  });

  it('diffAgainstHelm reports the objects on one side only', () => {
    const objects = [
      { kind: 'ConfigMap', metadata: { name: 'my-release-rstudio-pm-config' } },
      { kind: 'Secret', metadata: { name: 'extra' } },
    ];
    const helmOutput = 'kind: ConfigMap\nmetadata: {name: my-release-rstudio-pm-config}\n---\nkind: Service\nmetadata: {name: svc}\n';
    expect(fromHelmValues.diffAgainstHelm(objects, helmOutput)).toEqual({ onlyInHelm: ['Service/svc'], onlyInCdk8s: ['Secret/extra'] });
  });
});
