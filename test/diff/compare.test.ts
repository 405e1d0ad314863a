/** The comparison rules (src/diff/compare.ts) under the parity contract: each rule lets through what it allows and no more. */
import { parse as parseIniPackage } from 'ini';
import { compareManifests, sameData } from '../../src/diff/compare';
import { formatPath } from '../../src/errors';
import { valueAt, type Obj } from '../../src/leaf/objects';
import { parseIni } from '../../src/diff/ini';
import { parityDiff } from '../helpers/parity';

const NS = 'posit';

function deployment(): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: NS, labels: { 'app.kubernetes.io/name': 'rstudio-pm', 'helm.sh/chart': 'rstudio-pm-0.5.29' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'rstudio-pm' } },
      template: {
        metadata: {
          labels: { 'app.kubernetes.io/name': 'rstudio-pm' },
          annotations: { 'checksum/config': 'a'.repeat(64) },
        },
        spec: {
          containers: [
            {
              name: 'rspm',
              image: 'x',
              env: [
                { name: 'A', value: '1' },
                { name: 'B', value: '2' },
              ],
              ports: [{ containerPort: 4242 }],
            },
          ],
        },
      },
    },
  };
}
const configMap = (gcfg: string): Obj => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c', namespace: NS },
  data: { 'rstudio-pm.gcfg': gcfg },
});
const awsSecret = (credentials: string): Obj => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 's', namespace: NS },
  stringData: { credentials },
});

/** Our side: the chart's object changed by `edit`. */
function ours(chart: Obj, edit: (o: Obj) => void): Obj {
  const o = structuredClone(chart);
  edit(o);
  return o;
}

describe('the parity rules on the shipped comparison', () => {
  it('equal renders have no problem', () => {
    expect(parityDiff([deployment()], [deployment()], NS)).toEqual([]);
  });

  it('rule 1: the same set of objects, nothing missing, nothing extra', () => {
    const extra = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: NS } };
    expect(parityDiff([deployment()], [deployment(), extra], NS)).toEqual(['extra object: v1 Service posit/s']);
    expect(parityDiff([deployment(), extra], [deployment()], NS)).toEqual(['missing object: v1 Service posit/s']);
  });

  it('rule 2: deep-equal, scalar types included', () => {
    expect(parityDiff([deployment()], [ours(deployment(), (o) => (o.spec.replicas = '1'))], NS)).toEqual([
      'apps/v1 Deployment posit/d: spec.replicas: construct "1", chart 1',
    ]);
  });

  it('rule 2a: the Helm labels dropped, app.kubernetes.io labels added on the object only; other labels exactly', () => {
    const helmFree = ours(deployment(), (o) => {
      delete o.metadata.labels['helm.sh/chart'];
      o.metadata.labels['app.kubernetes.io/managed-by'] = 'cdk8s';
      o.metadata.labels['app.kubernetes.io/version'] = '2024.04.4';
    });
    expect(parityDiff([deployment()], [helmFree], NS)).toEqual([]);
    expect(parityDiff([deployment()], [ours(deployment(), (o) => (o.metadata.labels.team = 'x'))], NS)).toEqual([
      'apps/v1 Deployment posit/d: metadata.labels.team: construct "x", chart undefined',
    ]);
    expect(
      parityDiff([deployment()], [ours(deployment(), (o) => (o.spec.template.metadata.labels['app.kubernetes.io/version'] = '1'))], NS),
    ).toEqual(['apps/v1 Deployment posit/d: spec.template.metadata.labels["app.kubernetes.io/version"]: construct "1", chart undefined']);
    // The Helm labels are dropped from pod template labels too.
    const chartWithHelmPodLabel = ours(deployment(), (o) => (o.spec.template.metadata.labels['helm.sh/chart'] = 'rstudio-pm-0.5.29'));
    expect(parityDiff([chartWithHelmPodLabel], [deployment()], NS)).toEqual([]);
  });

  it('rule 2b: checksums present on both sides, 64 lowercase hex; values not compared', () => {
    expect(
      parityDiff(
        [deployment()],
        [ours(deployment(), (o) => (o.spec.template.metadata.annotations['checksum/config'] = 'b'.repeat(64)))],
        NS,
      ),
    ).toEqual([]);
    expect(
      parityDiff(
        [deployment()],
        [ours(deployment(), (o) => (o.spec.template.metadata.annotations['checksum/config'] = 'B'.repeat(64)))],
        NS,
      ),
    ).toEqual([
      `apps/v1 Deployment posit/d: spec.template.metadata.annotations["checksum/config"]: construct "${'B'.repeat(64)}", chart "${'a'.repeat(64)}" (not a SHA-256 checksum (64 lowercase hex characters))`,
    ]);
    expect(
      parityDiff([deployment()], [ours(deployment(), (o) => delete o.spec.template.metadata.annotations['checksum/config'])], NS),
    ).toHaveLength(1);
  });

  it('rule 2c: a namespace the chart leaves out, only on Ingress and PodDisruptionBudget', () => {
    const ingress = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' }, spec: {} };
    expect(parityDiff([ingress], [ours(ingress, (o) => (o.metadata.namespace = NS))], NS)).toEqual([]);
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } };
    expect(parityDiff([svc], [ours(svc, (o) => (o.metadata.namespace = NS))], NS)).toEqual([
      'v1 Service posit/s: metadata.namespace: construct "posit", chart undefined',
    ]);
    // Another namespace than the release's never matches.
    expect(parityDiff([ingress], [ours(ingress, (o) => (o.metadata.namespace = 'other'))], NS)).toHaveLength(2);
  });

  it('rule 2d: rstudio-pm.gcfg compares as parsed gcfg', () => {
    const chart = configMap('[Server]\nAddress = https://a\n\n[HTTP]\nListen = :4242\n');
    expect(parityDiff([chart], [configMap('[http]\nlisten=":4242"\n[server]\naddress = https://a ; comment\n')], NS)).toEqual([]);
    expect(parityDiff([chart], [configMap('[Server]\nAddress = https://b\n[HTTP]\nListen = :4242\n')], NS)).toEqual([
      'v1 ConfigMap posit/c: data["rstudio-pm.gcfg"].server.address: construct ["https://b"], chart ["https://a"]',
    ]);
    expect(parityDiff([chart], [configMap('[Server\n')], NS)[0]).toMatch(/rstudio-pm.gcfg does not parse: line 1/);
  });

  it('rule 2e: the AWS credentials compare as parsed INI', () => {
    const chart = awsSecret('[default]\naws_access_key_id = AK\naws_secret_access_key = SK\n');
    expect(parityDiff([chart], [awsSecret('[default]\naws_access_key_id=AK\naws_secret_access_key=SK')], NS)).toEqual([]);
    expect(parityDiff([chart], [awsSecret('[default]\naws_access_key_id = AK2\naws_secret_access_key = SK\n')], NS)).toHaveLength(1);
  });

  it('rule 4: a null is the same as no key', () => {
    expect(parityDiff([ours(deployment(), (o) => (o.spec.paused = null))], [deployment()], NS)).toEqual([]);
  });

  it('lists: named items compare by name, and their order counts', () => {
    const reordered = ours(deployment(), (o) => o.spec.template.spec.containers[0].env.reverse());
    expect(parityDiff([deployment()], [reordered], NS)).toEqual([
      'apps/v1 Deployment posit/d: spec.template.spec.containers[rspm].env: construct ["B","A"], chart ["A","B"] (the items are in another order)',
    ]);
    const changed = ours(deployment(), (o) => (o.spec.template.spec.containers[0].env[1].value = '3'));
    expect(parityDiff([deployment()], [changed], NS)).toEqual([
      'apps/v1 Deployment posit/d: spec.template.spec.containers[rspm].env[B].value: construct "3", chart "2"',
    ]);
    const longer = ours(deployment(), (o) => o.spec.template.spec.containers[0].ports.push({ containerPort: 2112 }));
    expect(parityDiff([deployment()], [longer], NS)).toEqual([
      'apps/v1 Deployment posit/d: spec.template.spec.containers[rspm].ports: construct [{"containerPort":4242},{"containerPort":2112}], chart [{"containerPort":4242}]',
    ]);
  });

  it('never changes its inputs', () => {
    const chart = [deployment()];
    const mine = [ours(deployment(), (o) => (o.spec.replicas = 3))];
    const before = JSON.stringify([chart, mine]);
    compareManifests(chart, mine, { namespace: NS });
    expect(JSON.stringify([chart, mine])).toBe(before);
  });
});

describe('pieces', () => {
  it('formatPath writes paths as people read them', () => {
    expect(formatPath(['spec', 'template', 'spec', 'containers', { name: 'rspm' }, 'ports', 0, 'containerPort'])).toBe(
      'spec.template.spec.containers[rspm].ports[0].containerPort',
    );
    expect(formatPath(['metadata', 'labels', 'helm.sh/chart'])).toBe('metadata.labels["helm.sh/chart"]');
    expect(formatPath([])).toBe('');
  });

  it('valueAt follows names, indexes and keys', () => {
    expect(valueAt(deployment(), ['spec', 'template', 'spec', 'containers', { name: 'rspm' }, 'env', { name: 'B' }, 'value'])).toBe('2');
    expect(valueAt(deployment(), ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'])).toBe(4242);
    expect(valueAt(deployment(), ['spec', 'nothing', 'here'])).toBeUndefined();
  });

  it('sameData: JSON equality, scalar types included', () => {
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });

  it.each([
    '[default]\naws_access_key_id = AK\naws_secret_access_key = SK\n',
    '; comment\n[default]\naws_access_key_id=AK\n# another\n\n[prod]\nregion = "eu-west-1"\n',
    'top = 1\n[a]\nk = v = w\n',
  ])('parseIni reads an AWS credentials file as the ini package does: %j', (text) => {
    expect(parseIni(text)).toEqual(JSON.parse(JSON.stringify(normalizeIni(parseIniPackage(text)))));
  });

  it('parseIni names the line of a bad file, never its content', () => {
    expect(() => parseIni('[default]\nsecretvalue\n')).toThrow(/^line 2: expected "key = value" or "\[section\]"$/);
  });
});

/** The ini package puts keys before any section at the top level; parseIni puts them in section "". */
function normalizeIni(parsed: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v === 'object' && v !== null) out[k] = v as Record<string, unknown>;
    else (out[''] ??= {})[k] = v;
  }
  return out;
}
