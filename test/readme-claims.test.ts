/**
 * What the README says about defaults, exit codes and members, each sentence checked against the code: every test
 * finds its sentence in the README (whitespace-insensitive) and checks the behaviour it states, so changing either
 * side fails. The generated tables (members, commands, flags, exit codes, props) are checked by test/docs.test.ts;
 * each object member's name and existence by test/member-docs.test.ts; the port, namespace and loadValues statements
 * by test/doc-statements.test.ts. Everything here runs in-process.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CHART_RECORDS, CHART_VERSIONS, DEFAULT_CHART_VERSION } from '../src/chart-versions';
import { parseDiffArgs } from '../src/cli/diff';
import { EXIT_CODES } from '../src/cli/exit-codes';
import { EXIT } from '../src/diff/report';
import { defaultsOf } from '../src/model';
import { Testing } from 'cdk8s';
import { PackageManager, render, type PackageManagerProps } from '../src';
import { parseYamlDocuments } from '../src/values/yaml';
import { runCli } from './helpers/cli-run';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
/** The README says this (line breaks and indentation are any whitespace). */
const says = (text: string) => expect(README).toContain(text.replace(/\s+/g, ' '));
/** A doc of docs/ that the README links says this. */
const docSays = (file: string, text: string) =>
  expect(readFileSync(join(ROOT, 'docs', file), 'utf8').replace(/\s+/g, ' ')).toContain(text.replace(/\s+/g, ' '));

type Obj = { kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } } & Record<string, any>;
const SANDBOX: PackageManagerProps = { acknowledgeWarnings: ['ppm:sandboxing'] };
const objects = (props: PackageManagerProps = {}) => render({ ...SANDBOX, ...props }) as unknown as Obj[];
const kind = (objs: Obj[], k: string) => objs.find((o) => o.kind === k);
const podSpec = (objs: Obj[]) => kind(objs, 'Deployment')!.spec.template.spec;

/** `cdk8s-ppm ARGV` in-process, with files in memory; `objects()` parses what it printed. */
function cli(argv: string[], files: Record<string, string> = {}, env: Record<string, string> = {}) {
  const r = runCli(argv, { files, env });
  return { ...r, objects: () => parseYamlDocuments(r.stdout) as Obj[] };
}
const ACK = ['--acknowledge-warning', 'ppm:sandboxing,ppm:no-license'];

describe('chart versions and their defaults', () => {
  it('0.5.29 is the default, 0.20.4 the other; anything else is an error listing these two', () => {
    says("versions 0.5.29 (Package Manager 2024.04.4, the default) and 0.20.4 (Package Manager 2026.08.0, `chartVersion: '0.20.4'`)");
    says('`0.5.29` is the default; `0.20.4` is the latest release. Anything else is an error listing these two.');
    says(
      "| `--version VERSION` | template, lint, diff, schema | chart version: 0.5.29 or 0.20.4 (default 0.5.29; diff: the render's helm.sh/chart labels) |",
    );
    expect(DEFAULT_CHART_VERSION).toBe('0.5.29');
    const schema = cli(['schema']).stdout;
    expect(schema).toBe(readFileSync(join(ROOT, 'schemas', 'values-0.5.29.schema.json'), 'utf8')); // schema: --version 0.5.29
    expect(CHART_VERSIONS).toEqual(['0.5.29', '0.20.4']);
    expect([CHART_RECORDS['0.5.29'].appVersion, CHART_RECORDS['0.20.4'].appVersion]).toEqual(['2024.04.4', '2026.08.0']);
    expect(() => render({ chartVersion: '0.9.9' as never })).toThrow(/"0\.5\.29", "0\.20\.4"/);
  });

  describe('the table of what differs between the versions', () => {
    const v5 = objects();
    const v20 = objects({ chartVersion: '0.20.4' });

    it('Package Manager, and the app.kubernetes.io/version label', () => {
      says('| Package Manager | 2024.04.4 | 2026.08.0 (also the `app.kubernetes.io/version` label) |');
      expect(kind(v20, 'Deployment')!.metadata.labels!['app.kubernetes.io/version']).toBe('2026.08.0');
      expect(kind(v5, 'Deployment')!.metadata.labels!['app.kubernetes.io/version']).toBe('2024.04.4');
    });

    it('image, and image.tagPrefix refused by 0.20.4', () => {
      says(
        '| image | `rstudio/rstudio-package-manager:ubuntu2204-2024.04.4` (`<tagPrefix><version>`) | `posit/package-manager:2026.08.0-ubuntu-24.04` (`<version>-<image.os>`); a non-empty `image.tagPrefix` is refused |',
      );
      expect(podSpec(v5).containers[0].image).toBe('rstudio/rstudio-package-manager:ubuntu2204-2024.04.4');
      expect(podSpec(v20).containers[0].image).toBe('posit/package-manager:2026.08.0-ubuntu-24.04');
      expect(() => render({ ...SANDBOX, chartVersion: '0.20.4', image: { tagPrefix: 'x-' } })).toThrow(/image\.tagPrefix/);
    });

    it('pod securityContext, and null removing each field or all', () => {
      says('| pod `securityContext` | none | `fsGroup: 999`, `fsGroupChangePolicy: OnRootMismatch` (`null` removes each, or all) |');
      expect(podSpec(v5).securityContext).toBeUndefined();
      expect(podSpec(v20).securityContext).toEqual({ fsGroup: 999, fsGroupChangePolicy: 'OnRootMismatch' });
      const one = objects({ chartVersion: '0.20.4', pod: { securityContext: { fsGroup: null } } } as never);
      expect(podSpec(one).securityContext).toEqual({ fsGroupChangePolicy: 'OnRootMismatch' });
      expect(podSpec(objects({ chartVersion: '0.20.4', pod: { securityContext: null } } as never)).securityContext).toBeUndefined();
    });

    it("revisionHistoryLimit: Kubernetes' default (unset) and 3", () => {
      says("| `revisionHistoryLimit` | Kubernetes' default (10) | 3 |");
      expect(kind(v5, 'Deployment')!.spec.revisionHistoryLimit).toBeUndefined();
      expect(kind(v20, 'Deployment')!.spec.revisionHistoryLimit).toBe(3);
    });

    it('startup probe path', () => {
      says('| startup probe path | `/__ping__` | `/__api__/status` |');
      const path = (objs: Obj[]) => podSpec(objs).containers[0].startupProbe?.httpGet?.path;
      const on = { startupProbe: { enabled: true } } as never;
      expect([path(objects(on)), path(objects({ ...(on as object), chartVersion: '0.20.4' }))]).toEqual(['/__ping__', '/__api__/status']);
    });

    it('migration Job on and off ("chart 0.20.4 (which runs no migration Job by default)")', () => {
      says('| migration Job (`enableMigration`) | on | off |');
      says('chart 0.20.4 (which runs no migration Job by default)');
      expect([defaultsOf('0.5.29').enableMigration, defaultsOf('0.20.4').enableMigration]).toEqual([true, false]);
      const storage = { sharedStorage: { create: true } };
      expect(kind(objects(storage), 'Job')).toBeDefined();
      expect(kind(objects({ ...storage, chartVersion: '0.20.4' }), 'Job')).toBeUndefined();
    });
  });

  it("config is merged over the chart's HTTP.Listen and Metrics.Enabled", () => {
    says(
      "with every typed key of `config` (Package Manager's `rstudio-pm.gcfg`, merged over the chart's `HTTP.Listen` and `Metrics.Enabled`)",
    );
    for (const v of CHART_VERSIONS) expect(defaultsOf(v).config).toEqual({ HTTP: { Listen: ':4242' }, Metrics: { Enabled: true } });
  });
});

describe('defaults of the props', () => {
  it('sandboxing is the default, and warned about unless acknowledged or explicit', () => {
    says('| `ppm:sandboxing` | sandboxed Git builds (the default) need an unconfined container');
    says('an explicit `enableSandboxing: true` counts as acknowledging `ppm:sandboxing`');
    expect(defaultsOf(undefined).enableSandboxing).toBe(true);
    expect(render({}).warnings.map((w) => w.id)).toContain('ppm:sandboxing');
    expect(render({ enableSandboxing: true }).warnings.map((w) => w.id)).not.toContain('ppm:sandboxing');
  });

  it('several replicas with the default SQLite database are the warning ppm:replicas-sqlite', () => {
    says('with the default SQLite database, several replicas are the warning `ppm:replicas-sqlite`');
    const shared = { replicas: 2, sharedStorage: { create: true, accessModes: ['ReadWriteMany'] } } as PackageManagerProps;
    expect(render({ ...SANDBOX, ...shared }).warnings.map((w) => w.id)).toContain('ppm:replicas-sqlite');
    const postgres = { config: { Database: { Provider: 'postgres' }, Postgres: { URL: 'postgres://db/ppm' } } } as never;
    expect(render({ ...SANDBOX, ...shared, ...(postgres as object) }).warnings.map((w) => w.id)).not.toContain('ppm:replicas-sqlite');
  });

  it('a probe naming its own handler replaces the default httpGet', () => {
    says('a probe that names its own handler (`exec`, `tcpSocket`, `grpc`) replaces the default `httpGet`');
    expect(podSpec(objects()).containers[0].readinessProbe.httpGet).toBeDefined();
    const probe = podSpec(objects({ readinessProbe: { exec: { command: ['true'] } } } as never)).containers[0].readinessProbe;
    expect(probe.httpGet).toBeUndefined();
    expect(probe.exec).toEqual({ command: ['true'] });
  });

  it("the root check fails unless rootCheckIsFatal: false (the chart's check)", () => {
    says("`config.Launcher.ServerUser = root` fails unless `rootCheckIsFatal: false` (the chart's check)");
    const root = { config: { Launcher: { ServerUser: 'root' } } } as never;
    expect(() => objects(root)).toThrow(/ServerUser/);
    expect(() => objects({ ...(root as object), rootCheckIsFatal: false })).not.toThrow();
  });

  it("no namespace prop: no metadata.namespace; cdk8s-ppm keeps Helm's default", () => {
    says(
      "without a `namespace` prop or an enclosing Chart namespace, objects carry no `metadata.namespace` (`kubectl apply -n team` decides; `cdk8s-ppm` keeps Helm's `default`)",
    );
    expect(objects().filter((o) => 'namespace' in o.metadata)).toEqual([]);
    expect([
      ...new Set(
        cli(['template', 'r1', ...ACK])
          .objects()
          .map((o) => o.metadata.namespace),
      ),
    ]).toEqual(['default']);
  });

  it('typed storageClassName "" renders "", while "" in a values file is unset', () => {
    says(
      '`sharedStorage.storageClassName: \'\'` renders `storageClassName: ""` (bind to a pre-created volume), while `""` in a values file keeps the chart\'s meaning (unset)',
    );
    const pvc = kind(objects({ sharedStorage: { create: true, storageClassName: '' } }), 'PersistentVolumeClaim')!;
    expect(pvc.spec.storageClassName).toBe('');
    const fromValues = cli([
      'template',
      'r1',
      ...ACK,
      '--set',
      'sharedStorage.create=true',
      '--set-string',
      'sharedStorage.storageClassName=',
    ]);
    expect(fromValues.code).toBe(0);
    expect('storageClassName' in kind(fromValues.objects(), 'PersistentVolumeClaim')!.spec).toBe(false);
  });
});

describe('null removes a default', () => {
  const template = (...set: string[]) => {
    const r = cli(['template', 'r1', ...ACK, ...set.flatMap((s) => ['--set', s])]);
    expect(r.stderr).toBe('');
    return r.objects();
  };

  it("in any file or --set: the chart's default goes away", () => {
    says(
      "a `null` — in any file, at any depth, or `--set key=null` — removes the chart's default (`pod.containerSecurityContext.runAsUser: null`,",
    );
    const container = (objs: Obj[]) => podSpec(objs).containers[0];
    expect(container(template()).securityContext.runAsUser).toBe(999);
    expect('runAsUser' in container(template('pod.containerSecurityContext.runAsUser=null')).securityContext).toBe(false);
  });

  it('then Kubernetes or Package Manager decides: maxSurge: ~, config.HTTP.Listen: ~', () => {
    says("`maxSurge: ~` is Kubernetes' 25 %, `config.HTTP.Listen: ~` Package Manager's `:4242`");
    const deployment = kind(template('strategy.rollingUpdate.maxSurge=null'), 'Deployment')!;
    expect(deployment.spec.strategy.rollingUpdate).toEqual({ maxUnavailable: 0 });
    const gcfg = kind(template('config.HTTP.Listen=null'), 'ConfigMap')!.data['rstudio-pm.gcfg'] as string;
    expect(gcfg).not.toMatch(/Listen = :4242/);
    expect(podSpec(template('config.HTTP.Listen=null')).containers[0].ports[0].containerPort).toBe(4242);
  });

  it("image.imagePullPolicy: ~ leaves the field out (Kubernetes' default)", () => {
    says('`image.imagePullPolicy: ~` leaves the field out (helm: `""`, both mean Kubernetes\' default)');
    expect(podSpec(template()).containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect('imagePullPolicy' in podSpec(template('image.imagePullPolicy=null')).containers[0]).toBe(false);
  });
});

describe('exit codes the README states outside the exit codes table', () => {
  it('template: an unknown flag or a bad --set exits 2 naming it; a values problem exits 1 without the file', () => {
    says(
      "An unknown flag or a bad `--set` is an error that names it (exit 2); a values problem exits 1 and never echoes a file's content.",
    );
    const flag = cli(['template', 'r1', '--nope']);
    expect([flag.code, flag.stderr]).toEqual([EXIT_CODES.usage, expect.stringContaining('--nope')]);
    const set = cli(['template', 'r1', '--set', 'a[x]=1']);
    expect([set.code, set.stderr]).toEqual([EXIT_CODES.usage, expect.stringContaining('a[x]')]);
    const values = cli(['template', 'r1', '-f', 'v.yaml'], { 'v.yaml': 'replicas: -1 # secret-ish-content\n' });
    expect(values.code).toBe(EXIT_CODES.failed);
    expect(values.stderr).toMatch(/replicas/);
    expect(values.stderr).not.toContain('secret-ish-content');
  });

  describe('diff: the exit of each kind of difference', () => {
    const chart = readFileSync(join(ROOT, 'test', 'fixtures', 'parity', 'expected', 'chart-ci-empty.yaml'), 'utf8');
    const diff = (extra: string[], render = chart) =>
      cli(['diff', 'my-release', '-n', 'posit', '--from', 'c.yaml', ...extra], { 'c.yaml': render }).code;

    it('same, label/annotation only and checksum only exit 0', () => {
      says('| same | nothing differs');
      says('| label/annotation only | `helm.sh/chart` and `app.kubernetes.io/managed-by` gone or changed');
      says("| checksum only | a pod template's `checksum/*` annotation differs: the pods roll once | 0 |");
      says('exit 0 means nothing changes but labels, annotations and checksums');
      const ours = cli(['template', 'my-release', '-n', 'posit', ...ACK]).stdout;
      expect(diff([], ours)).toBe(0); // same
      expect(diff([])).toBe(0); // the chart's labels
      const checksum = chart.replace(/(checksum\/config: )"?[0-9a-f]+"?/, '$1"0000"');
      expect(checksum).not.toBe(chart);
      expect(diff([], checksum)).toBe(0);
    });

    it('a deliberate fix exits 1, or 0 with --accept-fix NAME (or all); a real change exits 1', () => {
      says(
        "| deliberate fix | one of the chart's bugs this library fixes on purpose, named (list below) | 1, or 0 with `--accept-fix NAME` (or `all`) |",
      );
      says('| real change | anything else, with the field path and both values (secrets hidden) | 1 |');
      const fix = ['--set', 'serviceAccount.labels.team=data'];
      expect(diff(fix)).toBe(1);
      expect(diff([...fix, '--accept-fix', 'service-account-labels'])).toBe(0);
      expect(diff([...fix, '--accept-fix', 'all'])).toBe(0);
      expect(diff(['--set', 'service.port=81'])).toBe(1);
    });

    it('exit 2: the diff could not be made', () => {
      says('Exit status 2 means the diff could not be made (a file that cannot be read, values that are refused).');
      expect(cli(['diff', 'my-release', '--from', 'missing.yaml']).code).toBe(2);
      expect(diff(['--set', 'replicas=-1'])).toBe(2);
    });

    it("the diff library's exit codes are the command's", () => {
      expect(EXIT).toEqual({ same: EXIT_CODES.ok, differs: EXIT_CODES.failed, trouble: EXIT_CODES.usage });
    });

    it('--output is text by default', () => {
      says('| `-o, --output FORMAT` | diff | the report as text (default) or json |');
      expect(parseDiffArgs(['r1', '--from', 'c.yaml']).output).toBe('text');
    });
  });
});

describe('namespaces of the command line', () => {
  it('-n defaults to HELM_NAMESPACE, else default', () => {
    says('| `-n, --namespace NS` | template, lint, diff | release namespace (default $HELM_NAMESPACE, or "default") |');
    says('`-n` defaults to `HELM_NAMESPACE` as in Helm');
    const ns = (env: Record<string, string>) => [
      ...new Set(
        cli(['template', 'r1', ...ACK], {}, env)
          .objects()
          .map((o) => o.metadata.namespace),
      ),
    ];
    expect(ns({ HELM_NAMESPACE: 'team-a' })).toEqual(['team-a']);
    expect(ns({})).toEqual(['default']);
  });
});

/**
 * The defaults of docs/props.md that are described rather than given as a value (a `@default - …` in src/props.ts):
 * test/docs.test.ts checks the literal ones and the "none"/"unset" ones against the chart-version records; these
 * are checked here on what renders. Each row: the prop path, the default cell as docs/props.md has it, the check.
 */
describe("docs/props.md's described defaults are what renders", () => {
  const PROPS_MD = readFileSync(join(ROOT, 'docs', 'props.md'), 'utf8');
  const defaultCell = (path: string) => {
    const row = PROPS_MD.split('\n').find((l) => l.startsWith(`| \`${path}\` |`));
    if (!row) throw new Error(`docs/props.md has no row for ${path}`);
    return row.split(/(?<!\\)\|/)[3].trim();
  };
  const container = (objs: Obj[]) => podSpec(objs).containers[0];
  const bare = objects();

  const ROWS: readonly [path: string, cell: string, check: () => void][] = [
    [
      'nameOverride',
      'the chart name, `rstudio-pm`',
      () => expect(kind(bare, 'Deployment')!.spec.selector.matchLabels['app.kubernetes.io/name']).toBe('rstudio-pm'),
    ],
    [
      'fullnameOverride',
      '`<release>-rstudio-pm`, or the release name when it contains the name',
      () => {
        expect(kind(objects({ releaseName: 'r1' }), 'Service')!.metadata.name).toBe('r1-rstudio-pm');
        expect(kind(objects({ releaseName: 'my-rstudio-pm-x' }), 'Service')!.metadata.name).toBe('my-rstudio-pm-x');
      },
    ],
    [
      'versionOverride',
      "the chart's app version: 2024.04.4 (chart 0.5.29), 2026.08.0 (chart 0.20.4)",
      () => expect(container(bare).image).toMatch(/2024\.04\.4$/),
    ],
    [
      'sharedStorage.storageClassName',
      "the cluster's default storage class",
      () => expect('storageClassName' in kind(objects({ sharedStorage: { create: true } }), 'PersistentVolumeClaim')!.spec).toBe(false),
    ],
    ['service.clusterIP', 'assigned by Kubernetes', () => expect(kind(bare, 'Service')!.spec.clusterIP).toBeUndefined()],
    ['service.loadBalancerIP', 'assigned by the cloud provider', () => expect(kind(bare, 'Service')!.spec.loadBalancerIP).toBeUndefined()],
    ['service.nodePort', 'assigned by Kubernetes', () => expect(kind(bare, 'Service')!.spec.ports[0].nodePort).toBeUndefined()],
    ['command', "the image's entrypoint", () => expect(container(bare).command).toBeUndefined()],
    ['args', "the image's arguments", () => expect(container(bare).args).toBeUndefined()],
    [
      'pod.containerSecurityContext',
      "`{ runAsUser: 999, runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'Unconfined' } }` (`RuntimeDefault` instead of `Unconfined` when `enableSandboxing` is false)",
      () => {
        expect(container(bare).securityContext).toEqual({
          runAsUser: 999,
          runAsNonRoot: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'Unconfined' },
        });
        expect(container(objects({ enableSandboxing: false })).securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
      },
    ],
    [
      'pod.port',
      'the port of `config.HTTP.Listen` (4242)',
      () => {
        expect(container(bare).ports[0].containerPort).toBe(4242);
        expect(container(objects({ config: { HTTP: { Listen: ':5000' } } })).ports[0].containerPort).toBe(5000);
      },
    ],
    [
      'resources.requests.memory',
      "'2Gi' for requests, '4Gi' for limits",
      () => {
        expect(container(bare).resources).toBeUndefined(); // rendered only when enabled (`false` by default)
        const on = { resources: { requests: { enabled: true }, limits: { enabled: true } } };
        expect(container(objects(on)).resources).toEqual({
          requests: { memory: '2Gi', cpu: '100m', 'ephemeral-storage': '100Mi' },
          limits: { memory: '4Gi', cpu: '2000m', 'ephemeral-storage': '200Mi' },
        });
      },
    ],
    [
      'readinessProbe',
      'enabled; `httpGet /__ping__` on 4242, delay 3s, period 3s, timeout 1s, 1 success, 3 failures',
      () =>
        expect(container(bare).readinessProbe).toEqual({
          httpGet: { path: '/__ping__', port: 4242 },
          initialDelaySeconds: 3,
          periodSeconds: 3,
          timeoutSeconds: 1,
          successThreshold: 1,
          failureThreshold: 3,
        }),
    ],
    [
      'livenessProbe',
      'disabled; `httpGet /__ping__` on 4242, delay 10s, period 5s, timeout 2s, 10 failures',
      () => {
        expect(container(bare).livenessProbe).toBeUndefined();
        expect(container(objects({ livenessProbe: { enabled: true } } as never)).livenessProbe).toMatchObject({
          httpGet: { path: '/__ping__', port: 4242 },
          initialDelaySeconds: 10,
          periodSeconds: 5,
          timeoutSeconds: 2,
          failureThreshold: 10,
        });
      },
    ],
    [
      'startupProbe',
      'disabled; `httpGet /__ping__` (chart 0.5.29) or `/__api__/status` (chart 0.20.4) on 4242, delay 10s, period 10s, timeout 1s, 30 failures',
      () => {
        expect(container(bare).startupProbe).toBeUndefined();
        expect(container(objects({ startupProbe: { enabled: true } } as never)).startupProbe).toMatchObject({
          httpGet: { path: '/__ping__', port: 4242 },
          initialDelaySeconds: 10,
          periodSeconds: 10,
          timeoutSeconds: 1,
          failureThreshold: 30,
        });
      },
    ],
    [
      'ingress.ingressClassName',
      "the cluster's default ingress class",
      () => {
        const ingress = kind(
          objects({ ingress: { enabled: true, hosts: [{ host: 'ppm.example.com', paths: ['/'] }] } } as never),
          'Ingress',
        )!;
        expect(ingress.spec.ingressClassName).toBeUndefined();
      },
    ],
    [
      'serviceAccount.name',
      'the full name when created, else `default`',
      () => {
        expect(podSpec(bare).serviceAccountName).toBe(kind(bare, 'Service')!.metadata.name);
        expect(podSpec(objects({ serviceAccount: { create: false } })).serviceAccountName).toBe('default');
      },
    ],
    [
      'serviceMonitor.namespace',
      'the release namespace',
      () =>
        expect(kind(objects({ namespace: 'posit', serviceMonitor: { enabled: true } }), 'ServiceMonitor')!.metadata.namespace).toBe(
          'posit',
        ),
    ],
    [
      'podDisruptionBudget.unhealthyPodEvictionPolicy',
      "Kubernetes' default (`IfHealthyBudget`)",
      () =>
        expect(
          kind(objects({ podDisruptionBudget: { minAvailable: 1 } }), 'PodDisruptionBudget')!.spec.unhealthyPodEvictionPolicy,
        ).toBeUndefined(),
    ],
    [
      'networkPolicy.metricsFrom',
      'the namespace `monitoring` (`kubernetes.io/metadata.name: monitoring`)',
      () => {
        const policy = kind(objects({ networkPolicy: { enabled: true } }), 'NetworkPolicy')!;
        const metrics = policy.spec.ingress.find((r: { ports: { port: number }[] }) => r.ports.some((p) => p.port === 2112));
        expect(metrics.from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]);
        const http = policy.spec.ingress.find((r: { ports: { port: number }[] }) => r.ports.some((p) => p.port === 4242));
        expect(http.from).toBeUndefined(); // networkPolicy.ingressFrom: everyone
        expect(policy.spec.egress).toEqual([{}]); // networkPolicy.egress: all egress allowed
      },
    ],
    ['networkPolicy.ingressFrom', 'everyone', () => undefined],
    ['networkPolicy.egress', 'all egress allowed', () => undefined],
    [
      'httpRoute.rules',
      'one rule matching `PathPrefix /`',
      () => {
        const route = kind(objects({ httpRoute: { enabled: true, parentRefs: [{ name: 'gw' }] } } as never), 'HTTPRoute')!;
        expect(route.spec.rules).toHaveLength(1);
        expect(route.spec.rules[0].matches ?? [{ path: { type: 'PathPrefix', value: '/' } }]).toEqual([
          { path: { type: 'PathPrefix', value: '/' } },
        ]);
        expect(route.spec.hostnames).toBeUndefined(); // httpRoute.hostnames: every host name the listener accepts
      },
    ],
    ['httpRoute.hostnames', "every host name the Gateway's listener accepts", () => undefined],
    [
      'automountServiceAccountToken',
      "unset: nothing is rendered (the chart's output), and Kubernetes mounts the token",
      () => expect('automountServiceAccountToken' in podSpec(bare)).toBe(false),
    ],
    ['releaseName', 'the construct id', () => expect(new PackageManager(Testing.chart(), 'r9', { ...SANDBOX }).releaseName).toBe('r9')],
  ];

  it.each(ROWS)('%s: %s', (path, cell, check) => {
    expect(defaultCell(path)).toBe(cell);
    check();
  });
});

describe('the docs the README links: their defaults and exit codes', () => {
  it('security.md: metrics from metricsFrom, else the namespace of serviceMonitor.namespace, else monitoring; egress all allowed', () => {
    docSays('security.md', 'to the metrics port from `metricsFrom`, else the namespace of `serviceMonitor.namespace`, else `monitoring`');
    docSays('security.md', 'Egress is all allowed by default');
    const metricsPeers = (props: PackageManagerProps) => {
      const policy = kind(objects({ networkPolicy: { enabled: true }, ...props }), 'NetworkPolicy')!;
      return [
        policy.spec.ingress.find((r: { ports: { port: number }[] }) => r.ports.some((p) => p.port === 2112)).from,
        policy.spec.egress,
      ];
    };
    const ns = (name: string) => [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } }];
    expect(metricsPeers({})).toEqual([ns('monitoring'), [{}]]);
    expect(metricsPeers({ namespace: 'posit', serviceMonitor: { enabled: true, namespace: 'prom' } })[0]).toEqual(ns('prom'));
    const own = [{ podSelector: { matchLabels: { app: 'prometheus' } } }];
    expect(
      metricsPeers({
        namespace: 'posit',
        serviceMonitor: { enabled: true, namespace: 'prom' },
        networkPolicy: { enabled: true, metricsFrom: own },
      })[0],
    ).toEqual(own);
  });

  it('security.md: sandboxing is the default; automountServiceAccountToken unset renders nothing', () => {
    docSays('security.md', 'The default (`enableSandboxing: true`, sandboxed Git builds)');
    docSays('security.md', "Unset, nothing is rendered (the chart's output)");
    expect(defaultsOf(undefined).enableSandboxing).toBe(true);
    expect(objects().filter((o) => JSON.stringify(o).includes('automountServiceAccountToken'))).toEqual([]);
  });

  it("repositories.md: type r is the default; the script's waits; Server.SockFileDir's default", () => {
    docSays('repositories.md', '(type r is the default)');
    docSays('repositories.md', '`PPM_SETUP_WAIT_SECONDS` (5), `PPM_SETUP_RETRY_SECONDS` (60), `PPM_SETUP_WAIT_TRIES` (none: wait forever)');
    docSays('repositories.md', '(`Server.SockFileDir`, by default `/var/run/rstudio-pm`)');
    const objs = objects({ repositories: [{ name: 'cran', sources: ['cran'] }] });
    const script = Object.values(
      kind(
        objs.filter((o) => o.metadata.name.endsWith('-repositories')),
        'ConfigMap',
      )!.data,
    ).join('\n');
    expect(script).toContain('--type=');
    expect(script).toMatch(/--name='?cran'? --type='?r'?/);
    expect(script).toContain('WAIT_SECONDS="${PPM_SETUP_WAIT_SECONDS:-5}"');
    expect(script).toContain('RETRY_SECONDS="${PPM_SETUP_RETRY_SECONDS:-60}"');
    expect(script).toContain('WAIT_TRIES="${PPM_SETUP_WAIT_TRIES:-}"');
    expect(JSON.stringify(podSpec(objs))).toContain('/var/run/rstudio-pm');
  });

  it('errors.md: a refusal is exit 1 in the CLI', () => {
    docSays('errors.md', 'What this library refuses (an error: nothing is rendered, exit code 1 in the CLI)');
    expect(cli(['template', 'r1', '--set', 'replicas=-1']).code).toBe(EXIT_CODES.failed);
  });

  /** Claims checked by a suite that runs processes or real charts: the doc says it, and the test that checks it is there. */
  it.each([
    [
      'umbrella.md',
      "It exits as a plain `diff` does: 0 when the subchart's objects differ in nothing but labels",
      'test/values/umbrella.test.ts',
      'exits 0 when the subchart objects match, and says how many others it left out',
    ],
    [
      'umbrella.md',
      'is refused (exit 2)',
      'test/values/umbrella.test.ts',
      'exits 2 when no object comes from the subchart, or the render has no # Source: comments',
    ],
    [
      'errors.md',
      'A write error on stdout (`> /dev/full`) is one line on stderr and exit 1',
      'test/cli/io-limits.test.ts',
      'write errors are one line and exit 1',
    ],
    [
      'repositories.md',
      '`PPM_SETUP_ONCE=1` (exit when done, 1 on a failure)',
      'test/repositories/apply.test.ts',
      'reports a failed command and retries the whole run (once: exits 1)',
    ],
    ['repositories.md', 'again (nothing changes, exit 0)', 'test/repositories/apply.test.ts', 'second run changes nothing'],
  ])('%s: "%s" (%s)', (file, text, testFile, testName) => {
    docSays(file, text);
    expect(readFileSync(join(ROOT, testFile), 'utf8')).toContain(testName);
  });
});

describe('members the README names in its prose', () => {
  it("warnings are cdk8s metadata of type ppm:warning on the construct's node, and pm.warnings", () => {
    says("is recorded on the construct's node (cdk8s metadata of type `ppm:warning`, and `pm.warnings`)");
    const pm = new PackageManager(Testing.chart(), 'w1', { replicas: 2, sharedStorage: { create: true, accessModes: ['ReadWriteMany'] } });
    const metadata = pm.node.metadata.filter((m) => m.type === 'ppm:warning').map((m) => m.data as { id: string });
    expect(metadata.map((m) => m.id)).toEqual(expect.arrayContaining(['ppm:sandboxing', 'ppm:replicas-sqlite']));
    expect(pm.warnings).toEqual(metadata);
  });

  it("a PackageManagerValidationError's issues hold { path, message, value? }, value 'shown' or 'hidden'", () => {
    says(
      "its `issues` list holds `{ path, message, value? }`, where `value` says whether the message shows the bad value, `'shown'`, or hid it as a possible secret, `'hidden'`",
    );
    let error: unknown;
    try {
      render({ replicas: -1, license: { key: 42 as never } });
    } catch (e) {
      error = e;
    }
    const issues = (error as { issues: { path: string; message: string; value?: string }[] }).issues;
    expect(issues.find((i) => i.path === 'replicas')).toMatchObject({ message: expect.stringMatching(/got -1$/), value: 'shown' });
    expect(issues.find((i) => i.path === 'license.key')).toMatchObject({ value: 'hidden' });
    expect(issues.find((i) => i.path === 'license.key')!.message).not.toContain('42');
  });
});

describe('the quick start', () => {
  it('renders what the README says it renders', () => {
    says(
      '`dist/packages.k8s.yaml` holds the ServiceAccount, ConfigMap, PersistentVolumeClaim, Service, Deployment and Ingress of chart 0.20.4 (which runs no migration Job by default), all in namespace `posit`',
    );
    says('(with the license file in the Secret `ppm-license`, key `license.lic`)');
    const raw = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = raw.indexOf("new PackageManager(chart, 'ppm', ") + "new PackageManager(chart, 'ppm', ".length;
    const props = new Function(`return (${raw.slice(start, raw.indexOf('\n});', start))}\n})`)() as PackageManagerProps;
    expect(props.chartVersion).toBe('0.20.4');
    const objs = render({ ...props, namespace: 'posit', acknowledgeWarnings: ['ppm:sandboxing'] }) as unknown as Obj[];
    expect(objs.map((o) => o.kind).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'Ingress',
      'PersistentVolumeClaim',
      'Service',
      'ServiceAccount',
    ]);
    expect([...new Set(objs.map((o) => o.metadata.namespace))]).toEqual(['posit']);
    const volume = podSpec(objs).volumes.find((v: { secret?: { secretName: string } }) => v.secret?.secretName === 'ppm-license');
    expect(volume).toBeDefined(); // the whole Secret is mounted: its key license.lic is the file the pod reads
    expect(podSpec(objs).containers[0].env).toContainEqual({ name: 'RSPM_LICENSE_FILE_PATH', value: '/etc/rstudio-licensing/license.lic' });
  });
});

describe('the Command line section', () => {
  it('-h/--help after any command prints its help (exit 0); --version and version print the version', () => {
    says('`-h`/`--help` after any command prints its help, `--version` (or `version`) prints the version');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(cli(['version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    for (const command of ['template', 'diff', 'lint', 'schema', 'completion', 'version', 'help'])
      expect(cli([command, '-h'])).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^usage: cdk8s-ppm ${command}\\b`)) });
  });

  it("a usage error is one line naming the problem and the command's --help", () => {
    says("A usage error is one line naming the problem and the command's `--help`.");
    const r = cli(['lint', '--nope']);
    expect(r.code).toBe(EXIT_CODES.usage);
    expect(r.stderr).toMatch(/^Error: .*--nope.* \(see 'cdk8s-ppm lint --help'\)\n$/);
  });

  it('schema prints the JSON Schema (draft 2020-12) of a chart version', () => {
    says('`cdk8s-ppm schema [--version V]` prints the JSON Schema (draft 2020-12) of the chart values of chart version V');
    const schema = JSON.parse(cli(['schema', '--version', '0.20.4']).stdout) as { $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});

/** README claims checked by a suite of their own: the README says it, and the test that checks it is there. */
it.each([
  [
    'every value of the chart is a prop with the same name, nesting and default',
    'test/chart-versions.test.ts',
    "holds the chart's values.yaml, value for value",
  ],
  [
    'every value of the chart is a prop with the same name, nesting and default',
    'test/docs.test.ts',
    'every @default of the props and config keys is the value the code uses, for each chart version',
  ],
  ['`-n` defaults to `HELM_NAMESPACE` as in Helm', 'test/cli/habits.test.ts', 'is the namespace of diff too'],
  [
    '`diff` reads the chart version from the `helm.sh/chart` labels of the release when `--version` is not given, and warns when `--version` disagrees with them',
    'test/cli/habits.test.ts',
    "reads the chart version from the release's helm.sh/chart labels when --version is not given",
  ],
])('README: "%s" (%s)', (text, testFile, testName) => {
  says(text);
  expect(readFileSync(join(ROOT, testFile), 'utf8')).toContain(testName);
});
