/**
 * The reproducers of issue 23, one test each: what helm 3.16.4 renders with the real chart
 * (`helm template my-release CHART -n posit -f FILE`), or a refusal for a reason the README states.
 */
import { find, kinds, template, VERSIONS } from './render';

describe.each(VERSIONS)('chart %s', (version) => {
  const t = (yaml: string) => template(yaml, version);

  it('1: a quoted false in config.Metrics.Enabled is refused, never objects silently dropped', () => {
    for (const v of ['"false"', '"no"', '"0"', '"False"', '""', '"nope"', '"yes"', '"True"']) {
      const r = t(`{config: {Metrics: {Enabled: ${v}}}, serviceMonitor: {enabled: true}}`);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /config\.Metrics\.Enabled: is the string .*Helm reads any non-empty string as true.*write true or false without quotes/,
      );
    }
    // "true" both read and print alike: rendered as helm does, the ServiceMonitor, port 2112 and `Enabled = true`.
    const r = t('{config: {Metrics: {Enabled: "true"}}, serviceMonitor: {enabled: true}}');
    expect(r.code).toBe(0);
    expect(kinds(r)).toContain('ServiceMonitor');
    expect(find(r, 'ConfigMap')!.data['rstudio-pm.gcfg']).toMatch(/Enabled = true/);
  });

  it('9: the root check is case-sensitive, as the chart and Package Manager are', () => {
    expect(t('{config: {Launcher: {ServerUser: Root}}}').code).toBe(0);
    expect(t('{config: {Launcher: {ServerUser: root}}}').stderr).toMatch(/config\.Launcher\.ServerUser: is "root"/);
  });

  it('10: small floats in the gcfg are written as helm writes them', () => {
    const r = t('{config: {CustomSection: {Odd: 2.5e-7, Small: 0.00001, Big: 0.5}}}');
    const gcfg = find(r, 'ConfigMap')!.data['rstudio-pm.gcfg'];
    expect(gcfg).toMatch(/Odd = 2\.5e-07\n/);
    expect(gcfg).toMatch(/Small = 1e-05\n/);
    expect(gcfg).toMatch(/Big = 0\.5\n/);
  });

  it('2: a missing value prints as nothing, a field of a missing value fails as in helm', () => {
    const r = t('{extraObjects: [{apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {k: "x{{ .Values.nope }}y"}}]}');
    expect(r.code).toBe(0);
    expect(r.objects.find((o) => o.metadata.name === 'x')!.data.k).toBe('xy');
    const s = t('{pod: {containerSecurityContext: {seLinuxOptions: {user: "a{{ .Values.image.nope }}b"}}}}');
    expect(find(s, 'Deployment')!.spec.template.spec.containers[0].securityContext.seLinuxOptions.user).toBe('ab');
    const f = t('{pod: {containerSecurityContext: {seccompProfile: {type: "{{ .Values.nope.deeper }}"}}}}');
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/\.Values\.nope is not set, so \.deeper of it cannot be read \(Helm fails too\)/);
  });
});
