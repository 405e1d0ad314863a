/**
 * The reproducers of issue 23, one test each: what helm 3.16.4 renders with the real chart
 * (`helm template my-release CHART -n posit -f FILE`), or a refusal for a reason the README states.
 */
import { errorLines, explain } from './refusal-reasons';
import { find, kinds, template, VERSIONS } from './render';

describe.each(VERSIONS)('chart %s', (version) => {
  const t = (yaml: string, args: readonly string[] = []) => template(yaml, version, args);

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

  it('3: values the chart never reads are not checked (a warning says so); labels and annotations print as text', () => {
    const sa = t('{serviceAccount: {labels: {cost-center: 1234, flag: true}}}');
    expect(sa.code).toBe(0);
    expect(find(sa, 'ServiceAccount')!.metadata.labels).toMatchObject({ 'cost-center': '1234', flag: 'true' });
    const svc = t('{service: {annotations: {team: 1}}, pod: {labels: {team: 2}}}');
    expect(find(svc, 'Service')!.metadata.annotations.team).toBe('1');
    expect(find(svc, 'Deployment')!.spec.template.metadata.labels.team).toBe('2');
    for (const [values, path, gate] of [
      ['{ingress: {enabled: false, annotations: {a: 1}}}', 'ingress.annotations', 'ingress.enabled'],
      ['{serviceAccount: {create: false, annotations: {a: 1}}}', 'serviceAccount.annotations', 'serviceAccount.create'],
      ['{serviceMonitor: {additionalLabels: {a: true}}}', 'serviceMonitor.additionalLabels', 'serviceMonitor.enabled'],
      ['{livenessProbe: {enabled: false, httpGet: 5}}', 'livenessProbe.httpGet', 'livenessProbe.enabled'],
      ['{resources: {requests: {memory: {}, cpu: true}}}', 'resources.requests.cpu', 'resources.requests.enabled'],
      ['{sharedStorage: {requests: 0, name: true}}', 'sharedStorage.name', 'sharedStorage.create and sharedStorage.mount'],
    ]) {
      const r = t(values);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`[ppm:ignored-value] ${path}: is not used: ${gate}`);
    }
    // On, they are read and checked: a number there is an error as before.
    expect(t('{ingress: {enabled: true, hosts: [{host: a.example.com, paths: ["/"]}], annotations: {a: {b: 1}}}}').code).toBe(1);
  });

  it('4: a falsy map (false, 0, "") is off wherever the chart tests the map', () => {
    for (const falsy of ['false', '0', '""']) {
      const r = t(`{pod: {containerSecurityContext: ${falsy}, lifecycle: ${falsy}, securityContext: ${falsy}}, nodeSelector: ${falsy}}`);
      expect(r.code).toBe(0);
      const pod = find(r, 'Deployment')!.spec.template.spec;
      expect(pod.containers[0].securityContext).toBeUndefined();
      expect(pod.nodeSelector).toBeUndefined();
      const recreate = t(`{strategy: {type: Recreate, rollingUpdate: ${falsy}}}`);
      expect(find(recreate, 'Deployment')!.spec.strategy).toEqual({ type: 'Recreate' });
    }
    // With a rolling update, the chart reads the fields of rollingUpdate and helm fails: so do we, saying why.
    expect(t('{strategy: {rollingUpdate: false}}').stderr).toMatch(/strategy\.rollingUpdate: is removed .*Helm fails to render it/);
  });

  it('5: a null removes a value, which is then unset (Kubernetes or Package Manager decides), never 0 or empty', () => {
    const surge = t('{strategy: {rollingUpdate: {maxSurge: ~}}}');
    expect(surge.code).toBe(0);
    expect(find(surge, 'Deployment')!.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } });
    for (const values of ['{config: {HTTP: {Listen: ~}}}', '{config: {HTTP: ~}}']) {
      const r = t(values);
      expect(r.code).toBe(0);
      expect(find(r, 'ConfigMap')!.data['rstudio-pm.gcfg']).not.toMatch(/Listen/);
      expect(find(r, 'Deployment')!.spec.template.spec.containers[0].ports[0].containerPort).toBe(4242);
    }
    // An empty Listen is not a removal: it turns HTTP off, and the port the chart follows is gone.
    expect(t('{config: {HTTP: {Listen: ""}}}').code).toBe(1);
  });

  it('6: numbers in string settings and untyped settings are written as the chart prints them', () => {
    const r = t('{config: {S3Storage: {Bucket: 12345}, Server: {Address: 1000000}, Custom: {Big: 1.5e10, Int: 42, Flag: true}}}');
    expect(r.code).toBe(0);
    const gcfg = find(r, 'ConfigMap')!.data['rstudio-pm.gcfg'];
    expect(gcfg).toMatch(/Bucket = 12345\n/);
    expect(gcfg).toMatch(/Address = 1e\+06\n/);
    expect(gcfg).toMatch(/Big = 1\.5e\+10\n/);
    expect(gcfg).toMatch(/Int = 42\n/);
    expect(gcfg).toMatch(/Flag = true\n/);
    // A password is a string setting too (kept out of the ConfigMap, as every password is), printed as Go prints it.
    const pw = t('{config: {Postgres: {Password: 12345, UsageDataPassword: 12345678}}}');
    expect(pw.code).toBe(0);
    expect(find(pw, 'Secret')!.stringData).toMatchObject({ 'Postgres.Password': '12345', 'Postgres.UsageDataPassword': '1.2345678e+07' });
    // The chart compares Launcher.ServerUser with "root": helm fails on a number, and so do we, saying why.
    expect(t('{config: {Launcher: {ServerUser: 1000}}}').stderr).toMatch(
      /config\.Launcher\.ServerUser: is the number 1000, but the chart compares it with "root" and Helm fails/,
    );
  });

  it('7: nulls under keys without a chart default are kept as helm keeps them', () => {
    // helm renders a PodDisruptionBudget whose only limit is null: a budget without limits, which we refuse.
    const r = t('{podDisruptionBudget: {minAvailable: ~}}');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/podDisruptionBudget: holds only nulls \(minAvailable\), which Helm renders as a PodDisruptionBudget/);
    const kept = t('{podDisruptionBudget: {minAvailable: 1, maxUnavailable: ~}}');
    expect(find(kept, 'PodDisruptionBudget')!.spec).toMatchObject({ minAvailable: 1 });
    expect(find(kept, 'PodDisruptionBudget')!.spec.maxUnavailable).toBeUndefined();
  });

  it('8: messages name the value as written and hide only secrets', () => {
    expect(t('{config: {Custom: {K: {a: 1}}}}').stderr).toMatch(/- config\.Custom\.K: /);
    expect(t('{pod: {labels: {env: "bad value!"}}}').stderr).toContain('got "bad value!"');
    const env = t(
      '{pod: {env: [{name: PACKAGEMANAGER_POSTGRES_PASSWORD, valueFrom: {secretKeyRef: {name: s, key: password}}}]}, config: {Postgres: {Password: hunter2hunter2}}}',
    );
    expect(env.stderr).toContain('PACKAGEMANAGER_POSTGRES_PASSWORD is also set from the secret setting Postgres.Password');
    expect(env.stderr).not.toContain('hunter2');
  });

  it("11: what stays different is the README's list, each as it says", () => {
    const m = t('{config: {Metrics: {Enabled: 0}}, serviceMonitor: {enabled: true}}');
    expect(find(m, 'ConfigMap')!.data['rstudio-pm.gcfg']).toMatch(/Enabled = false/);
    expect(kinds(m)).not.toContain('ServiceMonitor');
    const p = t('{image: {imagePullPolicy: ~}}');
    expect(find(p, 'Deployment')!.spec.template.spec.containers[0].imagePullPolicy).toBeUndefined();
    const port = t('{service: {port: "8080"}, ingress: {enabled: true, hosts: [{host: a.example.com, paths: ["/"]}]}}');
    expect(find(port, 'Ingress')!.spec.rules[0].http.paths[0].backend.service.port).toEqual({ number: 8080 });
    // Where helm crashes on a null or scalar map the chart reads fields of, we refuse and say so.
    expect(t('{livenessProbe: ~}').stderr).toMatch(/livenessProbe: is null, but the chart reads its fields \(Helm fails to render it\)/);
  });
  it('the differential run of seeds 777001/777002: each leftover renders as helm does, or is refused for a stated reason', () => {
    const reasons = (yaml: string) => errorLines(t(yaml).stderr).map((l) => explain(l)?.id);
    // Strings the chart prints unquoted stay strings (helm writes the boolean true there, which Kubernetes refuses).
    const lic = t('{license: {file: {secret: "true"}}, rstudioPMKey: "False"}');
    expect(lic.code).toBe(0);
    const pod = find(lic, 'Deployment')!.spec.template.spec;
    expect(pod.volumes.find((v: { secret?: unknown }) => v.secret).secret.secretName).toBe('true');
    expect(lic.objects.find((o) => o.kind === 'Secret' && /key$/.test(o.metadata.name))!.stringData).toEqual({ 'rstudio-pm.key': 'False' });
    // pod.port: ~ (chart 0.20.4 prints `containerPort:` empty); chart 0.5.29 never reads pod.port and writes 4242.
    if (version === '0.20.4') expect(reasons('{pod: {port: ~}}')).toEqual(['removed-default']);
    else expect(find(t('{pod: {port: ~}}'), 'Deployment')!.spec.template.spec.containers[0].ports[0].containerPort).toBe(4242);
    // A bare port in HTTP.Listen: Go's net.Listen needs ":12345" (docs/errors.md).
    expect(reasons('{config: {HTTP: {Listen: 12345}}}')).toEqual(['listen-address']);
    // pod.annotations: false: the chart ranges over it and helm fails ("range can't iterate over false").
    expect(reasons('{pod: {annotations: false}}')).toEqual(['ranged-scalar']);
    expect(t('{pod: {annotations: []}}').code).toBe(0);
  });
  it('numbers of 1e6 or more print as helm prints them: in full from --set (int64), as 1e+06 from a values file (float64)', () => {
    const set = ['--set', 'config.Server.Address=1000000,pod.annotations.n=4000000,image.tag=2000000', '--set', 'args={3000000}'];
    const fromSet = t('{}', set);
    const fromFile = t('{config: {Server: {Address: 1000000}}, pod: {annotations: {"n": 4000000}}, args: [3000000]}');
    for (const [r, printed] of [
      [fromSet, ['1000000', '4000000', '3000000']],
      [fromFile, ['1e+06', '4e+06', '3e+06']],
    ] as const) {
      expect(r.code).toBe(0);
      expect(find(r, 'ConfigMap')!.data['rstudio-pm.gcfg']).toContain(`Address = ${printed[0]}\n`);
      const pod = find(r, 'Deployment')!.spec.template;
      expect(pod.metadata.annotations.n).toBe(printed[1]);
      expect(pod.spec.containers[0].args).toEqual([printed[2]]);
    }
    expect(find(fromSet, 'Deployment')!.spec.template.spec.containers[0].image).toMatch(/:2000000$/);
    // From a file, the tag is "2e+06", as helm renders it: not an image tag, so an error.
    expect(t('{image: {tag: 2000000}}').stderr).toContain('gives the image tag "2e+06"');
    // In templates too: `{{ .Values.x }}` of a --set integer prints in full.
    const tpl = '{extraObjects: [{apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {k: "n={{ .Values.pod.labels.n }}"}}]}';
    expect(t(tpl, ['--set', 'pod.labels.n=5000000']).objects.find((o) => o.metadata.name === 'x')!.data.k).toBe('n=5000000');
    expect(t(tpl, ['--set-json', 'pod.labels.n=5000000']).objects.find((o) => o.metadata.name === 'x')!.data.k).toBe('n=5e+06');
    // --set service.port=8080 is an int64, which the chart's Ingress tests neither as int nor float64: helm writes
    // `port: {}`; the README's deviation: the port number.
    const ing = t('{ingress: {enabled: true, hosts: [{host: a.example.com, paths: ["/"]}]}}', ['--set', 'service.port=8080']);
    expect(find(ing, 'Ingress')!.spec.rules[0].http.paths[0].backend.service.port).toEqual({ number: 8080 });
    // An address that is not an IP where the API server wants one is refused for that reason (docs/errors.md).
    expect(errorLines(t('{service: {type: LoadBalancer, loadBalancerIP: "false"}}').stderr).map((l) => explain(l)?.id)).toEqual([
      'service-ip',
    ]);
    // A later flag that replaces the value takes its type: --set-string keeps the text, --set-json gives a float64.
    const replaced = t('{}', ['--set', 'config.Server.Address=1000000', '--set-string', 'config.Server.Address=5e6']);
    expect(find(replaced, 'ConfigMap')!.data['rstudio-pm.gcfg']).toContain('Address = 5e6\n');
  });
});
