/**
 * The umbrella cases recorded by record-umbrella.ts (and checked against the
 * recording by test/values/umbrella.test.ts): values files given after the
 * umbrella's own values.yaml, and --set lines.
 */
export const UMBRELLA_CASES: readonly { name: string; files: string[]; set: string[] }[] = [
  {
    name: 'values under the chart name, globals, another subchart',
    files: [
      `global:
  imageRegistry: r.example
  registry:
    port: 5000
rstudio-pm:
  replicas: 1
  image:
    tag: 2024.04.4
  service:
    type: NodePort
  global:
    own: sub
    imageRegistry: sub.example
postgres:
  size: 2Gi
`,
    ],
    set: [],
  },
  {
    name: 'globals: the umbrella wins, maps merge, the subchart keeps its own keys',
    files: [
      `global:
  s: parent
  a:
    x: 1
    b: 2
    nested:
      deep: parent
  onlyParent: [1, 2]
rstudio-pm:
  global:
    s: sub
    t: subOnly
    a:
      b: 9
      z: 3
      nested:
        deep: sub
        other: sub
`,
    ],
    set: [],
  },
  {
    name: '--set addresses the subchart and the globals',
    files: [],
    set: [
      'rstudio-pm.replicas=1,rstudio-pm.service.port=8080',
      'global.fromSet=yes',
      'rstudio-pm.pod.env[0].name=A,rstudio-pm.pod.env[0].value=b',
    ],
  },
  {
    name: 'nulls under the subchart key do not remove its defaults (helm 3.16.4)',
    files: [
      `global:
  gone: null
rstudio-pm:
  image:
    tag: null
  pod:
    env: null
    labels:
      a: null
      b: kept
    volumes:
      - name: v
        emptyDir:
          medium: null
  service:
    annotations: null
  global:
    subNull: null
`,
    ],
    set: ['rstudio-pm.replicas=null'],
  },
  {
    name: 'the alias: its values, its enabled condition, its chart name',
    files: [
      `ppm:
  enabled: true
  replicas: 1
  service:
    type: LoadBalancer
rstudio-pm:
  enabled: false
`,
    ],
    set: [],
  },
  {
    name: 'the enabled condition on the chart name',
    files: [],
    set: ['rstudio-pm.enabled=false'],
  },
];
