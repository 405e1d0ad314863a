/**
 * Table of bad inputs: each must fail synthesis with PackageManagerValidationError
 * naming the prop path and the essence of the problem.
 */
import type { PackageManagerProps } from '../../src';
import { synthProps, synthValues } from '../helpers/synth';
import { issuesOf } from '../helpers/issues';

type Case = [name: string, props: unknown, path: string, message: RegExp];

const CASES: Case[] = [
  // types, enums, unknown keys
  ['unknown top-level key', { servce: {} }, 'servce', /unknown key; did you mean service\?/],
  ['unknown nested key', { service: { tpye: 'NodePort' } }, 'service.tpye', /did you mean service\.type\?/],
  ['unknown key without a close match', { service: { zzzzzzzz: 1 } }, 'service.zzzzzzzz', /known keys here: type, annotations/],
  ['replicas as a string', { replicas: '2' }, 'replicas', /must be a number; got "2"/],
  ['fractional replicas', { replicas: 1.5 }, 'replicas', /whole number/],
  ['negative replicas', { replicas: -1 }, 'replicas', /at least 0/],
  ['bad service type', { service: { type: 'Internal' } }, 'service.type', /one of "ClusterIP", "NodePort", "LoadBalancer"; got "Internal"/],
  ['bad strategy type', { strategy: { type: 'BlueGreen' } }, 'strategy.type', /one of "RollingUpdate", "Recreate"/],
  ['bad pull policy', { image: { imagePullPolicy: 'Sometimes' } }, 'image.imagePullPolicy', /"Always", "IfNotPresent", "Never"/],
  [
    'bad ingress pathType',
    { ingress: { enabled: true, hosts: [{ host: 'h', paths: [{ path: '/', pathType: 'Other' }] }] } },
    'ingress.hosts[0].paths[0].pathType',
    /"Exact", "Prefix", "ImplementationSpecific"; got "Other"/,
  ],
  ['command as a string', { command: 'sleep 1000' }, 'command', /must be a list/],
  ['boolean flag as a string', { enableSandboxing: 'yes' }, 'enableSandboxing', /true or false/],
  // ports and quantities
  ['service port 0', { service: { port: 0 } }, 'service.port', /1-65535/],
  ['service port 70000', { service: { port: 70000 } }, 'service.port', /1-65535/],
  ['nodePort out of range', { service: { type: 'NodePort', nodePort: 8080 } }, 'service.nodePort', /30000-32767/],
  [
    'bad storage quantity',
    { sharedStorage: { create: true, requests: { storage: '10GB' } } },
    'sharedStorage.requests.storage',
    /quantity such as "500m", "2Gi" or "1.5"; got "10GB"/,
  ],
  ['bad memory quantity', { resources: { requests: { enabled: true, memory: 'lots' } } }, 'resources.requests.memory', /quantity/],
  ['bad maxSurge', { strategy: { rollingUpdate: { maxSurge: '50' } } }, 'strategy.rollingUpdate.maxSurge', /percentage such as "25%"/],
  ['bad PDB percentage', { podDisruptionBudget: { minAvailable: '1.5%' } }, 'podDisruptionBudget.minAvailable', /percentage/],
  // paths
  ['relative sharedStorage.path', { sharedStorage: { mount: true, path: 'var/lib' } }, 'sharedStorage.path', /absolute path/],
  [
    'relative license mountPath',
    { license: { file: { secret: 's', mountPath: 'etc/lic' } } },
    'license.file.mountPath',
    /must be an absolute path \(starting with "\/"\); got "etc\/lic"/,
  ],
  [
    'relative Prefix ingress path',
    { ingress: { enabled: true, hosts: [{ host: 'h.example.com', paths: ['admin'] }] } },
    'ingress.hosts[0].paths[0]',
    /Prefix path must start with "\/"/,
  ],
  // names and labels
  ['release name too long', { releaseName: 'a'.repeat(54) }, 'releaseName', /at most 53 characters/],
  ['release name with upper case', { releaseName: 'MyRelease' }, 'releaseName', /lower-case/],
  ['full name starting with a digit', { releaseName: '1ppm' }, 'releaseName', /DNS-1035 label/],
  ['bad fullnameOverride', { fullnameOverride: 'Package_Manager' }, 'fullnameOverride', /DNS-1035/],
  ['bad nameOverride', { nameOverride: 'ppm!' }, 'nameOverride', /label value/],
  ['bad namespace', { namespace: 'Posit' }, 'namespace', /DNS-1123 label/],
  ['bad pod label value', { pod: { labels: { tier: 'x'.repeat(64) } } }, 'pod.labels.tier', /at most 63/],
  ['bad pod label key', { pod: { labels: { 'bad key': 'x' } } }, 'pod.labels["bad key"]', /keys must be a name/],
  ['bad annotation key', { service: { annotations: { '-x': 'y' } } }, 'service.annotations["-x"]', /keys must be a name/],
  ['bad serviceAccount name', { serviceAccount: { name: 'My_SA' } }, 'serviceAccount.name', /DNS-1123 name/],
  ['bad claim name', { sharedStorage: { create: true, name: 'Data' } }, 'sharedStorage.name', /DNS-1123 name/],
  ['bad license secret name', { license: { file: { secret: 'my_secret' } } }, 'license.file.secret', /DNS-1123 name/],
  ['bad license secretKey', { license: { file: { secret: 's', secretKey: 'a/b.lic' } } }, 'license.file.secretKey', /Secret key/],
  ['bad image repository', { image: { repository: 'Registry/PPM Image' } }, 'image.repository', /image repository/],
  ['bad image tag', { image: { tag: 'latest version' } }, 'image.tag', /image tag/],
  [
    'bad serviceMonitor namespace',
    { serviceMonitor: { enabled: true, namespace: 'Monitoring' } },
    'serviceMonitor.namespace',
    /DNS-1123 label/,
  ],
  [
    'migration Job name too long',
    { fullnameOverride: 'x'.repeat(50), sharedStorage: { create: true } },
    'enableMigration',
    /at most 63: set enableMigration: false/,
  ],
  ['bad ingress host', { ingress: { enabled: true, hosts: [{ host: 'Bad_Host', paths: ['/'] }] } }, 'ingress.hosts[0].host', /DNS name/],
  ['bad clusterIP', { service: { clusterIP: '10.0.0.300' } }, 'service.clusterIP', /IP address or "None"/],
  // cross-prop rules
  [
    'PDB with both limits',
    { podDisruptionBudget: { minAvailable: 1, maxUnavailable: 1 } },
    'podDisruptionBudget',
    /exactly one of minAvailable and maxUnavailable/,
  ],
  ['PDB with neither limit', { podDisruptionBudget: { unhealthyPodEvictionPolicy: 'AlwaysAllow' } }, 'podDisruptionBudget', /exactly one/],
  [
    'replicas without shared data',
    { replicas: 2 },
    'replicas',
    /would not share their data directory .*: mount shared storage with ReadWriteMany .* or a shared volume of pod.volumes .* or use S3/,
  ],
  [
    'replicas with ReadWriteOnce storage',
    { replicas: 3, sharedStorage: { create: true, accessModes: ['ReadWriteOnce'] } },
    'replicas',
    /ReadWriteMany/,
  ],
  ['AWS key id without secret', { awsAccessKeyId: 'AKIA' }, 'awsSecretAccessKey', /required when awsAccessKeyId is set/],
  [
    'license file both ways',
    { license: { file: { secret: 's', contents: 'LICENSE' } } },
    'license.file',
    /either license.file.contents .* or license.file.secret/,
  ],
  ['ingress without hosts', { ingress: { enabled: true } }, 'ingress.hosts', /at least one/],
  ['root server user', { config: { Launcher: { ServerUser: 'root' } } }, 'config.Launcher.ServerUser', /rootCheckIsFatal: false/],
  // gcfg
  ['gcfg key with underscore', { extraConfig: { Server: { Data_Dir: '/x' } } }, 'extraConfig.Server.Data_Dir', /not a gcfg name/],
  ['gcfg section with a dot', { extraConfig: { 'Server.X': { A: 'b' } } }, 'extraConfig["Server.X"]', /not a gcfg name/],
  [
    'typo in a typed key',
    { config: { Server: { Data_Dir: '/x' } } },
    'config.Server.Data_Dir',
    /unknown key; did you mean Server.DataDir\?/,
  ],
  ['typo in a typed section', { config: { Sever: { Address: 'x' } } }, 'config.Sever', /unknown section; did you mean Server\?/],
  [
    'typed value of the wrong type',
    { config: { Metrics: { Enabled: 'yes please' } } },
    'config.Metrics.Enabled',
    /true or false; got "yes please"/,
  ],
  ['typed enum value', { config: { Storage: { Default: 'S4' } } }, 'config.Storage.Default', /"file", "s3"/],
  ['bad duration', { config: { Git: { PollInterval: '5 minutes' } } }, 'config.Git.PollInterval', /Go duration/],
  ['bad cron schedule', { config: { CRAN: { SyncSchedule: 'daily' } } }, 'config.CRAN.SyncSchedule', /cron schedule of 5 fields/],
  ['bad listen address', { config: { HTTP: { Listen: 'localhost' } } }, 'config.HTTP.Listen', /\[host\]:port/],
  ['s3 without a bucket', { config: { Storage: { Default: 's3' } } }, 'config.Storage.Default', /S3Storage.Bucket is not set/],
  ['postgres without a URL', { config: { Database: { Provider: 'postgres' } } }, 'config.Database.Provider', /Postgres.URL is not set/],
  [
    'HTTPS without a certificate',
    { config: { HTTPS: { Listen: ':443', Key: '/k.pem' } } },
    'config.HTTPS.Certificate',
    /required when config.HTTPS.Listen is set/,
  ],
  ['metrics on the HTTP port', { config: { Metrics: { Listen: ':4242' } } }, 'config.Metrics.Listen', /port 4242, which HTTP uses too/],
  [
    'same key in config and extraConfig',
    { config: { Server: { Address: 'a' } }, extraConfig: { Server: { Address: 'b' } } },
    'extraConfig.Server.Address',
    /also set as config.Server.Address/,
  ],
  ['gcfg value with CR', { config: { Server: { Address: 'a\rb' } } }, 'config.Server.Address', /carriage return/],
  ['gcfg value with NUL in a list', { config: { Server: { RVersion: ['/opt/R', 'a\0'] } } }, 'config.Server.RVersion[1]', /NUL/],
  ['gcfg keys differing in case', { config: { Server: { Address: 'a', address: 'b' } } }, 'config.Server.address', /case-insensitive/],
  ['gcfg nested map value', { config: { Server: { Address: { a: 1 } } } }, 'config.Server.Address', /must be a string/],
  [
    'gcfg nested map value in extraConfig',
    { extraConfig: { Other: { Key: { a: 1 } } } },
    'extraConfig.Other.Key',
    /string|number|true or false|list/,
  ],
  // Kubernetes-shaped values
  [
    'unknown probe field',
    { livenessProbe: { enabled: true, httpGet: { path: '/', prot: 4242 } } },
    'livenessProbe.httpGet.prot',
    /unknown field; did you mean port\?/,
  ],
  ['probe port as a float', { readinessProbe: { httpGet: { port: 42.5 } } }, 'readinessProbe.httpGet.port', /whole number or a string/],
  [
    'probe with two handlers',
    { livenessProbe: { enabled: true, exec: { command: ['x'] }, httpGet: { path: '/', port: 1 } } },
    'livenessProbe',
    /2 handlers/,
  ],
  ['liveness successThreshold', { livenessProbe: { enabled: true, successThreshold: 2 } }, 'livenessProbe.successThreshold', /must be 1/],
  ['env var without name', { pod: { env: [{ value: 'x' }] } }, 'pod.env[0].name', /is required/],
  [
    'env var with value and valueFrom',
    { pod: { env: [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'x' } } }] } },
    'pod.env[0]',
    /not both/,
  ],
  [
    'volume mount of a missing volume',
    { pod: { volumeMounts: [{ name: 'ca', mountPath: '/ca' }] } },
    'pod.volumeMounts[0].name',
    /not a volume of the pod/,
  ],
  [
    'volume named like ours',
    { pod: { volumes: [{ name: 'rstudio-pm-config', emptyDir: {} }] } },
    'pod.volumes[0].name',
    /already a volume of the pod \(PackageManager adds it\)/,
  ],
  [
    'mount on our config path',
    { pod: { volumes: [{ name: 'x', emptyDir: {} }], volumeMounts: [{ name: 'x', mountPath: '/etc/rstudio-pm/rstudio-pm.gcfg' }] } },
    'pod.volumeMounts[0].mountPath',
    /already mounted/,
  ],
  ['sidecar named rspm', { extraContainers: [{ name: 'rspm', image: 'busybox' }] }, 'extraContainers[0].name', /already a container/],
  ['sidecar without image', { extraContainers: [{ name: 'side' }] }, 'extraContainers[0].image', /is required/],
  [
    'bad toleration field',
    { tolerations: [{ key: 'k', operater: 'Exists' }] },
    'tolerations[0].operater',
    /unknown field; did you mean operator\?/,
  ],
  [
    'bad resource quantity in a sidecar',
    { extraContainers: [{ name: 's', image: 'b', resources: { limits: { memory: '1GB' } } }] },
    'extraContainers[0].resources.limits.memory',
    /quantity/,
  ],
  ['affinity typo', { affinity: { nodeAfinity: {} } }, 'affinity.nodeAfinity', /did you mean nodeAffinity\?/],
  [
    'extra object without a name',
    { extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }] },
    'extraObjects[0].metadata.name',
    /must be a string/,
  ],
  [
    'extra object named like ours',
    { extraObjects: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-release-rstudio-pm' } }] },
    'extraObjects[0]',
    /is Service "my-release-rstudio-pm", like the Service PackageManager renders: one would replace the other on apply; rename it/,
  ],
  // httpRoute (Gateway API)
  ['httpRoute without parentRefs', { httpRoute: { enabled: true } }, 'httpRoute.parentRefs', /no parentRefs are given: name the Gateway/],
  [
    'httpRoute hostname with a port',
    { httpRoute: { enabled: true, parentRefs: [{ name: 'gw' }], hostnames: ['ppm.example.com:443'] } },
    'httpRoute.hostnames[0]',
    /lower-case DNS name.*no port/,
  ],
  [
    'httpRoute parentRef typo',
    { httpRoute: { enabled: true, parentRefs: [{ name: 'gw', namespce: 'x' }] } },
    'httpRoute.parentRefs[0].namespce',
    /unknown field; did you mean namespace\?/,
  ],
  [
    'httpRoute filter without its member',
    { httpRoute: { enabled: true, parentRefs: [{ name: 'gw' }], rules: [{ filters: [{ type: 'URLRewrite' }] }] } },
    'httpRoute.rules[0].filters[0]',
    /URLRewrite filter: give urlRewrite/,
  ],
  // repositories and sources
  [
    'repository name with a slash',
    { repositories: [{ name: 'team/r' }] },
    'repositories[0].name',
    /1-64 letters, digits, "-", "_" or "\.", starting with a letter or digit; got "team\/r"/,
  ],
  [
    'subscription to an undeclared source',
    { repositories: [{ name: 'all', sources: ['cran', 'internl'] }], sources: [{ name: 'internal', type: 'local' }] },
    'repositories[0].sources[1]',
    /neither built in \(cran, pypi, bioconductor\) nor declared in sources; did you mean internal\?/,
  ],
  [
    'Python repository on a CRAN source',
    { repositories: [{ name: 'py', type: 'python', sources: ['cran'] }] },
    'repositories[0].sources[0]',
    /subscribes a python repository to the cran source "cran"; a python repository takes sources of type pypi, curated-pypi/,
  ],
  ['duplicate repository', { repositories: [{ name: 'a' }, { name: 'a' }] }, 'repositories[1].name', /repeats repositories\[0\]/],
  [
    'duplicate source',
    {
      sources: [
        { name: 's', type: 'local' },
        { name: 's', type: 'git' },
      ],
    },
    'sources[1].name',
    /repeats sources\[0\]/,
  ],
  ['declared built-in source', { sources: [{ name: 'cran', type: 'cran' }] }, 'sources[0].name', /is the built-in source "cran"/],
  [
    'snapshot on a local source',
    { sources: [{ name: 's', type: 'local', snapshot: '2025-01-01' }] },
    'sources[0].snapshot',
    /is for sources of type cran-snapshot or curated-cran, not local/,
  ],
  [
    'curated CRAN without a snapshot',
    { sources: [{ name: 's', type: 'curated-cran' }] },
    'sources[0].snapshot',
    /starts from a CRAN snapshot/,
  ],
  ['bad source type', { sources: [{ name: 's', type: 'conda' }] }, 'sources[0].type', /"bioconductor", "cran", "cran-snapshot"/],
  [
    'repeated subscription',
    { repositories: [{ name: 'a', sources: ['cran', 'cran'] }] },
    'repositories[0].sources[1]',
    /subscribe to each source once/,
  ],
  [
    'a volume named like the setup socket',
    { repositories: [{ name: 'a' }], pod: { volumes: [{ name: 'rspm-socket', emptyDir: {} }] } },
    'pod.volumes[0].name',
    /is a volume PackageManager adds for repositories and sources/,
  ],
];

describe('bad inputs are clear errors at synth time', () => {
  it('has at least 40 distinct cases', () => {
    expect(new Set(CASES.map((c) => c[0])).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s', (_name, props, path, message) => {
    const issues = issuesOf(() => synthProps(props as PackageManagerProps));
    const issue = issues.find((i) => i.path === path);
    expect({ paths: issues.map((i) => i.path), message: issue?.message }).toEqual({
      paths: expect.arrayContaining([path]),
      message: expect.stringMatching(message),
    });
  });

  it('reports every problem at once', () => {
    const issues = issuesOf(() =>
      synthProps({
        replicas: '2',
        service: { port: 0, tpye: 'x' },
        license: { file: { mountPath: 'x' } },
      } as unknown as PackageManagerProps),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['license.file.mountPath', 'replicas', 'service.port', 'service.tpye']);
  });

  it('never shows a secret value', () => {
    const issues = issuesOf(() =>
      synthProps({ rstudioPMKey: 42, awsSecretAccessKey: ['s3cr3t'], license: { key: { k: 'v' } } } as unknown as PackageManagerProps),
    );
    const text = JSON.stringify(issues);
    expect(text).not.toMatch(/s3cr3t|"v"/);
  });

  it('formats the error for people: one line per problem under a header', () => {
    try {
      synthProps({
        service: { tpye: 'NodePort' },
        license: { file: { secret: 's', mountPath: 'etc/lic' } },
      } as unknown as PackageManagerProps);
    } catch (e) {
      expect((e as Error).message).toBe(
        [
          'PackageManager test/my-release: 2 invalid values:',
          '  - license.file.mountPath: must be an absolute path (starting with "/"); got "etc/lic"',
          '  - service.tpye: unknown key; did you mean service.type?',
        ].join('\n'),
      );
    }
    expect.assertions(1);
  });

  it('goes for values files through the same schema', () => {
    const issues = issuesOf(() => synthValues({ service: { port: 'eighty' } }));
    expect(issues).toEqual([{ path: 'service.port', message: 'must be a number; got "eighty"', value: 'shown' }]);
  });
});
