/** The strict Kubernetes 1.28 validator (helpers/k8s-validate): it passes valid manifests, fails planted problems, and passes every parity case. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { validateManifests } from './helpers/k8s-validate';
import { readYaml, synthValues } from './helpers/synth';
import type { Obj } from './helpers/synth';

const NS = 'posit';
const LABELS = { 'app.kubernetes.io/name': 'rstudio-pm', 'app.kubernetes.io/instance': 'demo' };

const container = (): Obj => ({
  name: 'rstudio-pm',
  image: 'rstudio/rstudio-package-manager:ubuntu2204-2024.08.0',
  imagePullPolicy: 'IfNotPresent',
  ports: [
    { name: 'http', containerPort: 4242 },
    { name: 'metrics', containerPort: 2112 },
  ],
  env: [
    { name: 'RSPM_LICENSE', valueFrom: { secretKeyRef: { name: 'demo-license', key: 'license' } } },
    { name: 'RSTUDIO_PM_DEBUG', value: '0' },
  ],
  volumeMounts: [
    { name: 'config', mountPath: '/etc/rstudio-pm/rstudio-pm.gcfg', subPath: 'rstudio-pm.gcfg' },
    { name: 'data', mountPath: '/var/lib/rstudio-pm' },
  ],
  livenessProbe: { httpGet: { path: '/__ping__', port: 4242 }, initialDelaySeconds: 10, successThreshold: 1 },
  readinessProbe: { httpGet: { path: '/__ping__', port: 'http' }, successThreshold: 2 },
  resources: {
    requests: { cpu: '500m', memory: '1Gi', 'ephemeral-storage': '.5Gi' },
    limits: { cpu: 2, memory: '2Gi', 'ephemeral-storage': '1e9' },
  },
  securityContext: { runAsUser: 999, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
});

/** A valid manifest set: one of each kind the construct renders. */
function validSet(): Obj[] {
  const metadata = (name: string): Obj => ({ name, namespace: NS, labels: { ...LABELS } });
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata('demo-rstudio-pm') },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata('demo-rstudio-pm-config'),
      data: { 'rstudio-pm.gcfg': '[Server]\nAddress = http://localhost\n' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: metadata('demo-license'),
      type: 'Opaque',
      data: { license: 'bGljZW5zZQ==' },
      stringData: { 'license.lic': 'text' },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: metadata('demo-rstudio-pm-shared-storage'),
      spec: { accessModes: ['ReadWriteMany'], storageClassName: 'nfs', resources: { requests: { storage: '10Gi' } } },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...metadata('demo-rstudio-pm'), annotations: { 'example.com/owner': 'team' } },
      spec: {
        type: 'NodePort',
        selector: { ...LABELS },
        ports: [
          { name: 'http', port: 80, targetPort: 4242, nodePort: 30080, protocol: 'TCP' },
          { name: 'metrics', port: 2112, targetPort: 'metrics' },
        ],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata('demo-rstudio-pm'),
      spec: {
        replicas: 1,
        selector: { matchLabels: { ...LABELS } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        template: {
          metadata: { labels: { ...LABELS }, annotations: { 'checksum/config': 'abc123' } },
          spec: {
            serviceAccountName: 'demo-rstudio-pm',
            containers: [container()],
            volumes: [
              { name: 'config', configMap: { name: 'demo-rstudio-pm-config', defaultMode: 420 } },
              { name: 'data', persistentVolumeClaim: { claimName: 'demo-rstudio-pm-shared-storage' } },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: metadata('demo-rstudio-pm'),
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['ppm.example.com'], secretName: 'ppm-tls' }],
        rules: [
          {
            host: 'ppm.example.com',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'demo-rstudio-pm', port: { number: 80 } } } }] },
          },
        ],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: metadata('demo-rstudio-pm'),
      spec: { minAvailable: 1, selector: { matchLabels: { ...LABELS } } },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: metadata('demo-rstudio-pm-migrate'),
      spec: {
        backoffLimit: 2,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'busybox:1.36', command: ['true'] }] } },
      },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: metadata('demo-rstudio-pm'),
      spec: {
        selector: { matchLabels: { ...LABELS } },
        namespaceSelector: { matchNames: [NS] },
        endpoints: [{ port: 'metrics', interval: '30s', path: '/metrics', targetPort: 2112 }],
      },
    },
  ];
}

/** The object of a kind in a set, to plant a problem in. */
function of(objects: Obj[], kind: string): Obj {
  const found = objects.find((o) => o.kind === kind);
  if (!found) throw new Error(`no ${kind}`);
  return found;
}

const pod = (objects: Obj[]): Obj => of(objects, 'Deployment').spec.template.spec;
const ctr = (objects: Obj[]): Obj => pod(objects).containers[0];

describe('validateManifests', () => {
  it('passes a valid set of every kind the construct renders', () => {
    expect(validateManifests(validSet())).toEqual([]);
  });

  /** [planted problem, how to plant it, the exact problems expected]. */
  const planted: [string, (objects: Obj[]) => void, string[]][] = [
    [
      'unknown field at depth',
      (os) => (ctr(os).foo = 1),
      ['Deployment/demo-rstudio-pm: .spec.template.spec.containers[0]: unknown field "foo"'],
    ],
    [
      'field names are case-sensitive',
      (os) => (of(os, 'Deployment').spec.Replicas = 1),
      ['Deployment/demo-rstudio-pm: .spec: unknown field "Replicas"'],
    ],
    [
      'replicas as a string',
      (os) => (of(os, 'Deployment').spec.replicas = '2'),
      ['Deployment/demo-rstudio-pm: .spec.replicas: expected integer, got string "2"'],
    ],
    [
      'int32 out of range',
      (os) => (of(os, 'Deployment').spec.replicas = 2 ** 31),
      ['Deployment/demo-rstudio-pm: .spec.replicas: expected an int32, got number 2147483648'],
    ],
    [
      'a bad quantity "1Gb"',
      (os) => (ctr(os).resources.limits.memory = '1Gb'),
      [
        'Deployment/demo-rstudio-pm: .spec.template.spec.containers[0].resources.limits.memory: expected a quantity such as 500m, 1Gi or 2, got string "1Gb"',
      ],
    ],
    [
      'a bad quantity "1GB" in a PVC',
      (os) => (of(os, 'PersistentVolumeClaim').spec.resources.requests.storage = '1GB'),
      [
        'PersistentVolumeClaim/demo-rstudio-pm-shared-storage: .spec.resources.requests.storage: expected a quantity such as 500m, 1Gi or 2, got string "1GB"',
      ],
    ],
    [
      'requests above limits',
      (os) => (ctr(os).resources.requests.cpu = '2500m'),
      [
        'Deployment/demo-rstudio-pm: .spec.template.spec.containers[0].resources.requests.cpu: must be less than or equal to cpu limit of 2',
      ],
    ],
    [
      'int-or-string neither int nor string',
      (os) => (of(os, 'Service').spec.ports[0].targetPort = true),
      ['Service/demo-rstudio-pm: .spec.ports[0].targetPort: expected integer or string, got boolean true'],
    ],
    [
      'an unknown kind',
      (os) => os.push({ apiVersion: 'v1', kind: 'Fnord', metadata: { name: 'x' } }),
      ['Fnord/x: .apiVersion: v1 Fnord is not served by Kubernetes 1.28 nor defined by a known CRD'],
    ],
    [
      'policy/v1beta1 PodDisruptionBudget (removed in 1.25)',
      (os) => (of(os, 'PodDisruptionBudget').apiVersion = 'policy/v1beta1'),
      [
        'PodDisruptionBudget/demo-rstudio-pm: .apiVersion: policy/v1beta1 PodDisruptionBudget is not served by Kubernetes 1.28 nor defined by a known CRD (it is served as policy/v1)',
      ],
    ],
    [
      'a label value of 64 characters',
      (os) => (of(os, 'ConfigMap').metadata.labels.version = 'v'.repeat(64)),
      [
        'ConfigMap/demo-rstudio-pm-config: .metadata.labels.version: invalid value "' +
          'v'.repeat(64) +
          '": must be no more than 63 characters',
      ],
    ],
    [
      'a label key with a bad prefix',
      (os) => (of(os, 'ConfigMap').metadata.labels['Example.com/x'] = 'y'),
      [
        'ConfigMap/demo-rstudio-pm-config: .metadata.labels key "Example.com/x": invalid value "Example.com/x": prefix must be a DNS subdomain',
      ],
    ],
    [
      'an annotation value that is not a string',
      (os) => (of(os, 'Deployment').spec.template.metadata.annotations['checksum/config'] = 1),
      ['Deployment/demo-rstudio-pm: .spec.template.metadata.annotations["checksum/config"]: expected string, got number 1'],
    ],
    [
      'a volumeMount without a volume',
      (os) => (ctr(os).volumeMounts[1].name = 'dta'),
      ['Deployment/demo-rstudio-pm: .spec.template.spec.containers[0].volumeMounts[1].name: not found: no volume named "dta"'],
    ],
    [
      'a mountPath used twice',
      (os) => (ctr(os).volumeMounts[1].mountPath = '/etc/rstudio-pm/rstudio-pm.gcfg'),
      [
        'Deployment/demo-rstudio-pm: .spec.template.spec.containers[0].volumeMounts[1].mountPath: must be unique: "/etc/rstudio-pm/rstudio-pm.gcfg" is mounted twice',
      ],
    ],
    [
      'a volume with two sources',
      (os) => (pod(os).volumes[0].emptyDir = {}),
      ['Deployment/demo-rstudio-pm: .spec.template.spec.volumes[0]: may not specify more than 1 volume type, got configMap, emptyDir'],
    ],
    [
      'a probe with two handlers',
      (os) => (ctr(os).livenessProbe.tcpSocket = { port: 4242 }),
      [
        'Deployment/demo-rstudio-pm: .spec.template.spec.containers[0].livenessProbe: may not specify more than 1 handler type, got httpGet, tcpSocket',
      ],
    ],
    [
      'duplicate container names',
      (os) => pod(os).containers.push(container()),
      ['Deployment/demo-rstudio-pm: .spec.template.spec.containers[1].name: duplicate container name "rstudio-pm"'],
    ],
    [
      'a container without an image',
      (os) => delete of(os, 'Job').spec.template.spec.containers[0].image,
      ['Job/demo-rstudio-pm-migrate: .spec.template.spec.containers[0].image: required'],
    ],
    [
      'an env var with value and valueFrom',
      (os) => (ctr(os).env[0].value = 'x'),
      ['Deployment/demo-rstudio-pm: .spec.template.spec.containers[0].env[0].valueFrom: may not be specified when `value` is not empty'],
    ],
    [
      'a selector that does not match the template',
      (os) => (of(os, 'Deployment').spec.selector.matchLabels.tier = 'web'),
      ['Deployment/demo-rstudio-pm: .spec.template.metadata.labels: `selector` does not match template `labels`'],
    ],
    [
      'a ServiceMonitor unknown field',
      (os) => (of(os, 'ServiceMonitor').spec.endpoints[0].scrapeInterval = '30s'),
      ['ServiceMonitor/demo-rstudio-pm: .spec.endpoints[0]: unknown field "scrapeInterval"'],
    ],
    [
      'a ServiceMonitor unknown metadata field (metadata is a real ObjectMeta)',
      (os) => (of(os, 'ServiceMonitor').metadata.label = {}),
      ['ServiceMonitor/demo-rstudio-pm: .metadata: unknown field "label"'],
    ],
    [
      'a ServiceMonitor interval against its pattern',
      (os) => (of(os, 'ServiceMonitor').spec.endpoints[0].interval = '30 seconds'),
      [
        'ServiceMonitor/demo-rstudio-pm: .spec.endpoints[0].interval: string "30 seconds" does not match ^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$',
      ],
    ],
    [
      'a Service port 70000',
      (os) => (of(os, 'Service').spec.ports[0].port = 70000),
      ['Service/demo-rstudio-pm: .spec.ports[0].port: invalid value 70000: must be between 1 and 65535, inclusive'],
    ],
    [
      'a nodePort out of range',
      (os) => (of(os, 'Service').spec.ports[0].nodePort = 8080),
      ['Service/demo-rstudio-pm: .spec.ports[0].nodePort: invalid value 8080: must be in the range 30000-32767'],
    ],
    [
      'Service ports without names',
      (os) => of(os, 'Service').spec.ports.forEach((p: Obj) => delete p.name),
      [
        'Service/demo-rstudio-pm: .spec.ports[0].name: required when there is more than one port',
        'Service/demo-rstudio-pm: .spec.ports[1].name: required when there is more than one port',
      ],
    ],
    [
      'a Service name that is not a DNS-1035 label',
      (os) => (of(os, 'Service').metadata.name = '1-rstudio-pm'),
      ['Service/1-rstudio-pm: .metadata.name: invalid value "1-rstudio-pm": must be a DNS-1035 label ([a-z]([-a-z0-9]*[a-z0-9])?)'],
    ],
    [
      'an Ingress relative Prefix path',
      (os) => (of(os, 'Ingress').spec.rules[0].http.paths[0].path = 'ppm'),
      ['Ingress/demo-rstudio-pm: .spec.rules[0].http.paths[0].path: must be an absolute path for pathType Prefix, got string "ppm"'],
    ],
    [
      'a Job name of 64 characters',
      (os) => (of(os, 'Job').metadata.name = 'j'.repeat(64)),
      [`Job/${'j'.repeat(64)}: .metadata.name: must be no more than 63 characters (it becomes the pods' job-name label), got 64`],
    ],
    [
      'a Job that restarts Always',
      (os) => (of(os, 'Job').spec.template.spec.restartPolicy = 'Always'),
      ['Job/demo-rstudio-pm-migrate: .spec.template.spec.restartPolicy: must be "OnFailure" or "Never" for a Job, got string "Always"'],
    ],
    [
      'a PDB with minAvailable and maxUnavailable',
      (os) => (of(os, 'PodDisruptionBudget').spec.maxUnavailable = '10%'),
      ['PodDisruptionBudget/demo-rstudio-pm: .spec: minAvailable and maxUnavailable cannot be both set'],
    ],
    [
      'a ConfigMap key with a bad character, and a value that is not a string',
      (os) => (of(os, 'ConfigMap').data['a b'] = true),
      [
        'ConfigMap/demo-rstudio-pm-config: .data["a b"]: expected string, got boolean true',
        'ConfigMap/demo-rstudio-pm-config: .data key "a b": invalid value "a b": must consist of alphanumeric characters, "-", "_" or "."',
      ],
    ],
    [
      'Secret data that is not base64',
      (os) => (of(os, 'Secret').data.license = 'not base64!'),
      ['Secret/demo-license: .data.license: expected base64 data, got string "not base64!"'],
    ],
    [
      'an enum value the API does not have',
      (os) => (ctr(os).imagePullPolicy = 'Sometimes'),
      [
        'Deployment/demo-rstudio-pm: .spec.template.spec.containers[0].imagePullPolicy: unsupported value "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      ],
    ],
    [
      'a missing required field',
      (os) => delete of(os, 'Ingress').spec.rules[0].http.paths[0].pathType,
      ['Ingress/demo-rstudio-pm: .spec.rules[0].http.paths[0]: missing required field "pathType"'],
    ],
  ];

  it.each(planted)('reports %s', (_, plant, expected) => {
    const objects = validSet();
    plant(objects);
    expect(validateManifests(objects)).toEqual(expected);
  });

  it('accepts both forms of int-or-string and of Quantity', () => {
    const objects = validSet();
    expect(of(objects, 'Service').spec.ports.map((p: Obj) => typeof p.targetPort)).toEqual(['number', 'string']);
    of(objects, 'ServiceMonitor').spec.endpoints.push({ port: 'http', targetPort: 'http' });
    Object.assign(ctr(objects).resources.requests, { cpu: 0.5, memory: '1e3', 'nvidia.com/gpu': 1 });
    Object.assign(ctr(objects).resources.limits, { cpu: '+2', memory: '1.5Gi', 'nvidia.com/gpu': '1' });
    expect(validateManifests(objects)).toEqual([]);
  });

  it('treats null as absent', () => {
    const objects = validSet();
    Object.assign(of(objects, 'Deployment').metadata, { creationTimestamp: null, annotations: null });
    Object.assign(of(objects, 'Deployment').spec, { replicas: null, strategy: { type: 'RollingUpdate', rollingUpdate: null } });
    Object.assign(ctr(objects), { ports: null, resources: { limits: { cpu: null } } });
    of(objects, 'ServiceMonitor').spec.endpoints[0].relabelings = null;
    of(objects, 'Deployment').status = null;
    expect(validateManifests(objects)).toEqual([]);
  });
});

describe('every parity case renders manifests a Kubernetes 1.28 apiserver accepts', () => {
  const DIR = join(__dirname, 'fixtures', 'parity');
  const rendered = readdirSync(join(DIR, 'cases'))
    .filter((f) => f.endsWith('.values.yaml'))
    .map((f) => f.replace(/\.values\.yaml$/, ''))
    .filter((c) => !existsSync(join(DIR, 'expected', `${c}.error.txt`)) && !existsSync(join(DIR, 'cases', `${c}.reject`)))
    .sort();

  const releaseOf = (name: string): string => {
    const file = join(DIR, 'cases', `${name}.release`);
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : 'my-release';
  };

  it('has cases to check', () => {
    expect(rendered.length).toBeGreaterThan(0);
  });

  it.each(rendered)('%s', (name) => {
    const { objects } = synthValues(readYaml(join(DIR, 'cases', `${name}.values.yaml`)), releaseOf(name), NS);
    expect(objects.length).toBeGreaterThan(0);
    expect(validateManifests(objects)).toEqual([]);
  });
});
