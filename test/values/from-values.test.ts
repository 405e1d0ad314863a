/** `fromValues`: the chart's YAML habits become props; unknown and stale keys are handled by rule. */
import { PackageManagerValidationError } from '../../src';
import { parseYaml } from '../../src/values/yaml';
import { find, synthValues, otherWarnings } from '../helpers/synth';
import { thrown } from '../helpers/thrown';

const values = (yaml: string) => parseYaml(yaml);
const deployment = (yaml: string) => find(synthValues(values(yaml)).objects, 'Deployment');
const container = (yaml: string) => deployment(yaml).spec.template.spec.containers[0];

const errorOf = (fn: () => unknown): PackageManagerValidationError => thrown(fn, PackageManagerValidationError);

describe('PackageManager.fromValues', () => {
  it('treats false, "" and {} as unset where the chart does', () => {
    const { objects } = synthValues(
      values(`
license: { key: false, server: "", file: { contents: false, secret: "" } }
awsAccessKeyId: false
rstudioPMKey: ""
command: false
args: ""
initContainers: false
service: { nodePort: false, clusterIP: "" }
sharedStorage: { storageClassName: false, name: "" }
podDisruptionBudget: {}
affinity: {}
`),
    );
    expect(objects.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'Service', 'ServiceAccount']);
    const c = find(objects, 'Deployment').spec.template.spec.containers[0];
    expect(c.command).toBeUndefined();
    expect(c.env).toBeUndefined();
  });

  it('reads command and args given as YAML strings, and keeps lists as lists', () => {
    expect(container(`command: '["sleep","1000"]'\nargs: '[]'`)).toMatchObject({ command: ['sleep', '1000'], args: [] });
    // The chart would print a list with %v and turn it into one element ("a b"); we keep the list.
    expect(container(`command: ["/bin/sh", "-c", "run"]`).command).toEqual(['/bin/sh', '-c', 'run']);
  });

  it('refuses a command string that is not a YAML list of strings', () => {
    const e = errorOf(() => synthValues(values(`command: "sleep 1000"`)));
    expect(e.issues[0]).toMatchObject({ path: 'command' });
    expect(e.issues[0].message).toMatch(/must be a list/);
  });

  it('takes ingress paths as strings or maps', () => {
    const ing = find(
      synthValues(values(`ingress: { enabled: true, hosts: [{ host: h, paths: ["/", { path: /x, pathType: Exact }, { path: /y }] }] }`))
        .objects,
      'Ingress',
    );
    expect(ing.spec.rules[0].http.paths.map((p: any) => [p.path, p.pathType])).toEqual([
      ['/', 'Prefix'],
      ['/x', 'Exact'],
      ['/y', 'Prefix'],
    ]);
  });

  it('quotes pod annotation values to strings, as the chart does', () => {
    expect(deployment(`pod: { annotations: { cost: 1234, flag: true } }`).spec.template.metadata.annotations).toMatchObject({
      cost: '1234',
      flag: 'true',
    });
  });

  it('reads numbers the chart prints unquoted, and text the chart only uses as text', () => {
    const d = deployment(`replicas: "1"\nimage: { tag: 2024.04 }\nstrategy: { rollingUpdate: { maxUnavailable: "1" } }`);
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy.rollingUpdate.maxUnavailable).toBe(1);
    expect(d.spec.template.spec.containers[0].image).toBe('rstudio/rstudio-package-manager:2024.04');
  });

  it('drops the keys older charts used, with a warning each', () => {
    const { pm } = synthValues(values(`storageClaim: x\nnodePort: 32420\nmetricsNodePort: 32112\nimage: { pullPolicy: Always }`));
    expect(
      otherWarnings(pm)
        .map((w) => w.path)
        .sort(),
    ).toEqual(['image.pullPolicy', 'metricsNodePort', 'nodePort', 'storageClaim']);
    expect(otherWarnings(pm).find((w) => w.path === 'image.pullPolicy')!.message).toMatch(/use image.imagePullPolicy/);
  });

  it('records its warnings on the node, with their id', () => {
    const { pm } = synthValues(values(`storageClaim: x`));
    expect(pm.node.metadata.filter((m) => m.type === 'ppm:warning').map((m) => m.data)).toContainEqual({
      id: 'ppm:stale-value',
      path: 'storageClaim',
      message: 'is ignored: not used since chart 0.2: use sharedStorage',
    });
  });

  it('refuses any other unknown key, naming the closest known one', () => {
    const e = errorOf(() => synthValues(values(`servce: { type: NodePort }\nservice: { tpye: NodePort }`)));
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: 'servce', message: 'unknown key; did you mean service?' },
        { path: 'service.tpye', message: 'unknown key; did you mean service.type?' },
      ]),
    );
  });

  it('evaluates templates in pod.containerSecurityContext with the values', () => {
    const sc = container(`enableSandboxing: false\npod: { containerSecurityContext: { runAsUser: 1000 } }`).securityContext;
    expect(sc).toEqual({
      runAsUser: 1000,
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('evaluates templates in extraObjects, strings and maps', () => {
    const { objects } = synthValues(
      values(`
extraObjects:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: "{{ .Release.Name }}-map" }
    data: { replicas: "{{ .Values.replicas }}" }
  - |
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: {{ include "rstudio-pm.fullname" . }}-str
      labels:
        {{- include "rstudio-pm.selectorLabels" . | nindent 8 }}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: { name: second }
`),
    );
    // A value that starts with "{{" is quoted by the chart's toYaml, so it stays a string.
    expect(find(objects, 'ConfigMap', 'my-release-map').data).toEqual({ replicas: '1' });
    expect(find(objects, 'ConfigMap', 'my-release-rstudio-pm-str').metadata.labels).toEqual({
      'app.kubernetes.io/name': 'rstudio-pm',
      'app.kubernetes.io/instance': 'my-release',
    });
    expect(find(objects, 'ConfigMap', 'second')).toBeDefined();
  });

  it('refuses an unsupported template, naming the value', () => {
    const e = errorOf(() => synthValues(values(`extraObjects: ["{{ toJson .Values }}"]`)));
    expect(e.issues).toEqual([
      { path: 'extraObjects[0]', message: expect.stringMatching(/template not supported: the function "toJson"/) },
    ]);
  });

  it('refuses a values file that is not a map', () => {
    expect(() => synthValues(['a'])).toThrow(/a values file must hold a map/);
  });

  it('accepts an empty values file', () => {
    expect(synthValues(null).objects).toHaveLength(4);
  });
});
