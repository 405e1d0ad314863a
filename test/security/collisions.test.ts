/**
 * Issue 13, item 8: one list of what we render. An extra object named like
 * any object we render is refused; pod.labels cannot change the selector
 * labels; license.file.secretKey cannot be "..".
 */
import type { PackageManagerProps } from '../../src';
import { renderInstance } from '../../src/render';
import { synthProps } from '../helpers/synth';
import { issuesOf } from '../helpers/issues';

/** Props that render every object this library can render. */
const EVERYTHING: PackageManagerProps = {
  namespace: 'default',
  serviceAccount: { create: true },
  awsAccessKeyId: 'AKIAEXAMPLE',
  awsSecretAccessKey: 'aws-secret-1',
  license: { key: 'license-key-1', file: { contents: 'license file' } },
  rstudioPMKey: 'encryption-key-1',
  config: { Postgres: { Password: 'db-password-1' } },
  sharedStorage: { create: true },
  ingress: { enabled: true, hosts: [{ host: 'ppm.example.com', paths: ['/'] }] },
  serviceMonitor: { enabled: true },
  podDisruptionBudget: { minAvailable: 1 },
  networkPolicy: { enabled: true },
};

describe('item 8: extra objects cannot replace ours', () => {
  const rendered = renderInstance(EVERYTHING, { releaseName: 'my-release', namespace: 'default' });
  const ours = rendered.objects.map((o) => o.manifest);

  it('renders all 15 members of the list of what we render', () => {
    expect(Object.entries(rendered.names).filter(([, v]) => v !== undefined).length).toBe(15);
    expect(ours.length).toBe(15);
  });

  it.each(ours.map((m) => [`${m.kind} ${m.metadata.name}`, m]))('an extra object named like our %s is refused', (_name, m) => {
    const extra = { apiVersion: m.apiVersion, kind: m.kind, metadata: { name: m.metadata.name, namespace: m.metadata.namespace } };
    const issues = issuesOf(() => synthProps({ ...EVERYTHING, extraObjects: [extra] }));
    expect(issues).toEqual([{ path: 'extraObjects[0]', message: expect.stringMatching(/one would replace the other on apply/) }]);
  });

  it('another name, another namespace or another kind is fine', () => {
    const secret = ours.find((m) => m.kind === 'Secret')!;
    for (const metadata of [{ name: `${secret.metadata.name}-x` }, { name: secret.metadata.name, namespace: 'elsewhere' }])
      expect(() => synthProps({ ...EVERYTHING, extraObjects: [{ apiVersion: 'v1', kind: 'Secret', metadata }] })).not.toThrow();
    expect(() =>
      synthProps({ ...EVERYTHING, extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: secret.metadata.name } }] }),
    ).not.toThrow();
  });
});

describe('item 8: labels and keys the API server would refuse', () => {
  it('pod.labels that change a selector label are an error; the same value, or other labels, are fine', () => {
    expect(issuesOf(() => synthProps({ pod: { labels: { 'app.kubernetes.io/name': 'other' } } }))).toEqual([
      {
        path: 'pod.labels["app.kubernetes.io/name"]',
        message: expect.stringMatching(/is a selector label of the Deployment \("rstudio-pm"\)/),
      },
    ]);
    expect(() => synthProps({ pod: { labels: { 'app.kubernetes.io/instance': 'my-release', team: 'a' } } })).not.toThrow();
  });

  it.each(['..', '.', '..data'])('license.file.secretKey %j is an error', (secretKey) => {
    expect(issuesOf(() => synthProps({ license: { file: { contents: 'x', secretKey, mountSubPath: true } } }))).toContainEqual({
      path: 'license.file.secretKey',
      message: expect.stringMatching(/not "\." or "\.\."/),
      value: 'shown',
    });
  });
});
