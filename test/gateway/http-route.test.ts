/**
 * httpRoute: a Gateway API HTTPRoute to the Service, with `helm create`'s names, on both chart versions; checked
 * against the Gateway API v1 HTTPRoute CRD (test/fixtures/k8s/SOURCES.md) and refused with paths where it would not
 * attach or Gateway API would refuse it.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CHART_VERSIONS, render, type PackageManagerProps } from '../../src';
import { issuesOf } from '../helpers/issues';
import { validateManifests } from '../helpers/k8s-validate';
import { find, synthProps, synthValues } from '../helpers/synth';

const FIXTURES = join(__dirname, '..', 'fixtures', 'k8s');
const gateway = { name: 'shared', namespace: 'gateway-system', sectionName: 'https' };
const enabled: PackageManagerProps = { httpRoute: { enabled: true, parentRefs: [gateway], hostnames: ['ppm.example.com'] } };
const messages = (props: PackageManagerProps) => issuesOf(() => render(props)).map((i) => `${i.path}: ${i.message}`);

describe('httpRoute', () => {
  it('is off by default: no HTTPRoute', () => {
    for (const chartVersion of CHART_VERSIONS) expect(render({ chartVersion }).some((o) => o.kind === 'HTTPRoute')).toBe(false);
  });

  it.each(CHART_VERSIONS)('renders a valid HTTPRoute to the Service on its port (chart %s)', (chartVersion) => {
    const { objects } = synthProps({ ...enabled, chartVersion, namespace: 'posit', service: { port: 8080 } });
    const route = find(objects, 'HTTPRoute');
    const service = find(objects, 'Service');
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.metadata).toMatchObject({ name: 'my-release-rstudio-pm', namespace: 'posit' });
    expect(route.metadata.labels).toEqual(service.metadata.labels);
    expect(route.spec).toEqual({
      parentRefs: [gateway],
      hostnames: ['ppm.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: service.metadata.name, port: 8080 }] }],
    });
    expect(service.spec.ports[0].port).toBe(8080);
    expect(validateManifests(objects)).toEqual([]);
  });

  it('beside the Ingress or instead of it', () => {
    const both = synthProps({ ...enabled, ingress: { enabled: true, hosts: [{ host: 'ppm.example.com', paths: ['/'] }] } }).objects;
    expect(both.map((o) => o.kind)).toEqual(expect.arrayContaining(['Ingress', 'HTTPRoute']));
    expect(synthProps(enabled).objects.some((o) => o.kind === 'Ingress')).toBe(false);
  });

  it('takes annotations, labels, matches and filters, as given', () => {
    const { objects } = synthProps({
      httpRoute: {
        enabled: true,
        annotations: { 'example.com/team': 'data' },
        labels: { tier: 'web' },
        parentRefs: [gateway],
        rules: [
          {
            matches: [{ path: { type: 'PathPrefix', value: '/cran' } }, { headers: [{ name: 'X-Mirror', value: 'yes' }] }],
            filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Via', value: 'gateway' }] } }],
          },
          { filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { remove: ['Server'] } }] },
        ],
      },
    });
    const route = find(objects, 'HTTPRoute');
    expect(route.metadata.annotations).toEqual({ 'example.com/team': 'data' });
    expect(route.metadata.labels.tier).toBe('web');
    expect(route.spec.hostnames).toBeUndefined();
    expect(route.spec.rules.map((r: { backendRefs: unknown }) => r.backendRefs)).toEqual([
      [{ name: 'my-release-rstudio-pm', port: 80 }],
      [{ name: 'my-release-rstudio-pm', port: 80 }],
    ]);
    expect(route.spec.rules[1].matches).toBeUndefined();
    expect(validateManifests(objects)).toEqual([]);
  });

  it.each(CHART_VERSIONS)('is read from a values file with the same keys (chart %s)', (chartVersion) => {
    const values = { httpRoute: { enabled: true, parentRefs: [{ name: 'gw' }], hostnames: ['ppm.example.com'], rules: null } };
    const { objects } = synthValues(values, 'ppm', 'posit', chartVersion);
    const route = find(objects, 'HTTPRoute');
    // `rules: null` removes the default rule: one rule without matches, which Gateway API reads as every path.
    expect(route.spec.rules).toEqual([{ backendRefs: [{ name: 'ppm-rstudio-pm', port: 80 }] }]);
    expect(validateManifests(objects)).toEqual([]);
  });

  it('is refused with paths where it would attach nowhere or Gateway API would refuse it', () => {
    expect(messages({ httpRoute: { enabled: true } })).toEqual([
      expect.stringMatching(/^httpRoute.parentRefs: httpRoute.enabled is true but no parentRefs/),
    ]);
    expect(
      messages({ httpRoute: { ...enabled.httpRoute, hostnames: ['PPM.example.com', '10.0.0.1', 'ppm.example.com:443', '*.example.com'] } }),
    ).toEqual([
      expect.stringMatching(/^httpRoute.hostnames\[0\]: must be a lower-case DNS name/),
      expect.stringMatching(/^httpRoute.hostnames\[1\]: must be a lower-case DNS name/),
      expect.stringMatching(/^httpRoute.hostnames\[2\]: must be a lower-case DNS name/),
    ]);
    expect(messages({ httpRoute: { ...enabled.httpRoute, parentRefs: [gateway, gateway] } })).toEqual([
      'httpRoute.parentRefs[1]: repeats httpRoute.parentRefs[0]: give each reference to the same Gateway its own sectionName',
    ]);
    expect(messages({ httpRoute: { ...enabled.httpRoute, rules: [{ matches: [{ path: { type: 'Exact', value: 'cran' } }] }] } })).toEqual([
      expect.stringMatching(/^httpRoute.rules\[0\].matches\[0\].path.value: a Exact path must start with "\/"/),
    ]);
    expect(
      messages({
        httpRoute: {
          ...enabled.httpRoute,
          rules: [{ filters: [{ type: 'RequestHeaderModifier' }, { type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }] }],
        },
      }),
    ).toEqual([
      'httpRoute.rules[0].filters[0]: is a RequestHeaderModifier filter: give requestHeaderModifier',
      expect.stringMatching(
        /^httpRoute.rules\[0\].filters\[1\]: is a RequestRedirect, which Gateway API refuses in a rule that has backends/,
      ),
    ]);
  });

  it('checks parent refs, matches and filters against the CRD schema, with paths', () => {
    const bad = {
      httpRoute: {
        enabled: true,
        parentRefs: [{ name: 'gw', sectionname: 'https' }],
        rules: [
          {
            matches: [{ path: { type: 'Prefix', value: '/' } }],
            filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath' } } }],
          },
        ],
      },
    } as unknown as PackageManagerProps;
    expect(messages(bad)).toEqual([
      'httpRoute.parentRefs[0].sectionname: unknown field; did you mean sectionName?',
      expect.stringMatching(/^httpRoute.rules\[0\].matches\[0\].path.type: must be one of "Exact", "PathPrefix", "RegularExpression"/),
    ]);
    expect(messages({ httpRoute: { ...enabled.httpRoute, parentRefs: [{ name: 'gw', port: 70000 }] } })).toEqual([
      expect.stringMatching(/^httpRoute.parentRefs\[0\].port: must be at most 65535/),
    ]);
  });

  it('warns when a restricted NetworkPolicy admits no namespace of the Gateway', () => {
    const peer = (ns: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } });
    const warned = (ingressFrom: object[]) =>
      synthProps({ ...enabled, networkPolicy: { enabled: true, ingressFrom } }).pm.warnings.filter(
        (w) => w.id === 'ppm:gateway-not-admitted',
      );
    expect(warned([peer('other')]).map((w) => w.path)).toEqual(['networkPolicy.ingressFrom']);
    expect(warned([peer('other')])[0].message).toContain('namespace "gateway-system"');
    expect(warned([peer('gateway-system')])).toEqual([]);
    expect(synthProps({ ...enabled, networkPolicy: { enabled: true } }).pm.warnings.map((w) => w.id)).not.toContain(
      'ppm:gateway-not-admitted',
    );
  });
});

describe('the Gateway API CRD fixture', () => {
  it('is the file SOURCES.md names, by its sha256', () => {
    const sources = readFileSync(join(FIXTURES, 'SOURCES.md'), 'utf8');
    const file = 'gateway.networking.k8s.io_httproutes.yaml';
    const row = sources.split('\n').find((l) => l.includes(`\`${file}\``));
    const sha = createHash('sha256')
      .update(readFileSync(join(FIXTURES, file)))
      .digest('hex');
    expect(row).toContain(`\`${sha}\``);
  });
});
