/**
 * Records what real helm 3.16.4 makes of a fixed table of values files and
 * `--set` lines, for the jest tests (test/values/helm-fixtures.test.ts), which
 * then need no helm:
 *
 *   ts-node --transpile-only scripts/helm-values/record.ts
 *
 * writes test/fixtures/helm-values/recorded.json. Each case is run alone with
 * a chart whose values.yaml is `empty`, `mini` (a small hand-written one) or
 * the real 0.5.29 one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { SetFlag } from '../../src/values/strvals';
import { RAW_FILES, RAW_SETS, SET_VALUES, type Case } from './generate';
import { chartValues, pool, realChart, ROOT, runAlone, type ChartValues } from './harness';
import { ensureHelm, HELM_VERSION } from './helm-binary';

const OUT = join(ROOT, 'test', 'fixtures', 'helm-values');

/** A small chart values.yaml with every shape coalescing cares about. */
const MINI = `replicas: 1
name: ""
enabled: false
nothing: null
image:
  repository: repo
  tag: ""
  pullSecrets: []
service:
  type: ClusterIP
  port: 80
  annotations: {}
config:
  HTTP:
    Listen: ":4242"
  Metrics:
    Enabled: true
list: [1, 2]
pod:
  env: []
  securityContext: {}
  labels:
    a: b
`;

interface FixtureCase {
  name: string;
  chart: 'empty' | 'mini' | '0.5.29';
  files: (string | { base64: string })[];
  flags: [SetFlag, string][];
}

const cases: FixtureCase[] = [];
const add = (name: string, chart: FixtureCase['chart'], files: FixtureCase['files'], flags: FixtureCase['flags'] = []) =>
  cases.push({ name, chart, files, flags });

// 1. Values files as go-yaml v2 + JSON read them.
RAW_FILES.forEach((text, i) => add(`file ${i}`, 'empty', [text]));
add('every plain scalar', 'empty', [
  `${[
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    'Y',
    'N',
    'Yes',
    'NO',
    'True',
    'TRUE',
    'false',
    'yES',
    'oN',
    '~',
    'null',
    'Null',
    'NULL',
    'nUll',
    '0',
    '-0',
    '+1',
    '-1',
    '0755',
    '-0755',
    '08',
    '09.5',
    '0x1F',
    '0X1f',
    '-0x1F',
    '+0x10',
    '0o17',
    '0b101',
    '-0b11',
    '1_000',
    '1__0',
    '_1',
    '1_0.5',
    '.5_5',
    '._5',
    '1e3',
    '1E3',
    '1.5',
    '-1.5e-3',
    '.5',
    '+.5',
    '1.',
    '1e400',
    '1e-400',
    '-0.0',
    '0.1',
    '6.02e23',
    '9223372036854775807',
    '9223372036854775808',
    '18446744073709551615',
    '18446744073709551616',
    '0777777777777777777777777',
    '0xFFFFFFFFFFFFFFFF',
    '0xFFFFFFFFFFFFFFFFFF',
    '12:30',
    '1:2:3',
    '2024-06-01',
    '2024-1-2',
    '2001-12-14t21:59:43.10-05:00',
    'hello',
    'a:b',
    'a#b',
    '.',
    '+',
    '=',
    '0x',
    'nan',
    'inf',
  ]
    .map((v, i) => `v${i}: ${v}`)
    .join('\n')}\n`,
]);
add('every key type', 'empty', [
  'y: a\nyes: b\n1: c\n007: d\n0x1F: e\n1.5: f\n1e3: g\n0.1: h\n12:30: i\n2024-06-01: j\n__proto__: k\nconstructor: l\nn: m\n',
]);
for (const [name, bytes] of [
  ['invalid UTF-8', [0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]],
  ['a NUL byte', [0x61, 0x3a, 0x20, 0x00, 0x0a]],
  ['a PNG header', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['UTF-16 LE with a BOM', [0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00, 0x20, 0x00, 0x31, 0x00, 0x0a, 0x00]],
  ['UTF-8 with a BOM', [0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0x31, 0x0a]],
] as const) {
  add(`binary: ${name}`, 'empty', [{ base64: Buffer.from(bytes).toString('base64') }]);
}
add('several files merge', 'empty', ['a: {b: 1, c: [1, 2]}\nd: 1\n', 'a: {c: [3], e: null}\nd: {x: 1}\n', 'a: 5\n']);
add('empty and comment-only layers change nothing', 'empty', ['a: 1\n', '', '# c\n', '~\n']);

// 2. --set and its siblings.
// (a[65536]=1 works too, but its 65537-item list is left out of the fixture: a unit test covers it.)
RAW_SETS.forEach(([flag, expr], i) => expr.includes('[65536]') || add(`set ${i}`, 'empty', [], [[flag, expr]]));
SET_VALUES.forEach((v, i) =>
  add(
    `--set value ${i}`,
    'empty',
    [],
    [
      ['--set', `a=${v}`],
      ['--set-string', `s=${v}`],
      ['--set-literal', `l=${v}`],
    ],
  ),
);
add(
  'flags apply in helm order whatever the order given',
  'empty',
  ['k: file\n'],
  [
    ['--set-literal', 'k=literal'],
    ['--set-file', 'k=f.txt'],
    ['--set-string', 'k=string'],
    ['--set', 'k=set'],
    ['--set-json', 'k="json"'],
  ],
);
add(
  'set-json before set',
  'empty',
  [],
  [
    ['--set', 'a.b=1'],
    ['--set-json', 'a={"c":2}'],
  ],
);
add('set over a file list item', 'empty', ['list: [{a: 1}, {b: 2}]\n'], [['--set', 'list[1].c=3,list[3]=x']]);

// 3. Coalescing over a chart's values.
const MINI_CASES: [string, string[], [SetFlag, string][]][] = [
  ['null deletes a chart key', ['replicas: null\nimage: {tag: null}\nconfig: {HTTP: null, Metrics: {Enabled: null}}\n'], []],
  ['null on a key the chart lacks stays null', ['extra: null\nimage: {other: null}\npod: {labels: {c: null}}\n'], []],
  ['null deletes a whole default map', ['pod: null\nservice: {annotations: null}\n'], []],
  ['--set null deletes', [], [['--set', 'replicas=null,image.tag=null,pod.labels.a=null']]],
  ['a later file null over an earlier value still deletes the default', ['image: {tag: x}\n', 'image: {tag: null}\n'], []],
  ['a later value over an earlier null restores it', ['image: {tag: null}\n', 'image: {tag: x}\n'], []],
  ['map over chart scalar (warning)', ['replicas: {a: 1}\nname: {b: 2}\nnothing: {c: 3}\n'], []],
  ['scalar over chart map', ['service: 5\nimage: {pullSecrets: x}\nconfig: {HTTP: off}\n'], []],
  ['nested map over scalar and scalar over map (warnings)', ['image: {tag: {x: 1}}\nconfig: {HTTP: 1}\n'], []],
  ['lists replace', ['list: [9]\nimage: {pullSecrets: [{name: s}]}\npod: {env: [{name: A, value: "1"}]}\n'], []],
  ['maps merge deeply', ['config: {HTTP: {Other: 1}, New: {X: y}}\npod: {labels: {c: d}}\n'], []],
  ['falsy values are kept', ['enabled: false\nname: ""\nreplicas: 0\nlist: []\n'], []],
  ['empty user map keeps the defaults', ['image: {}\nconfig: {}\n'], []],
  ['null inside a list is kept', ['list: [1, null]\n'], []],
  ['set-json map over a default map merges', [], [['--set-json', 'image={"tag":"t","repository":null}']]],
];
for (const [name, files, flags] of MINI_CASES) add(name, 'mini', files, flags);
add(
  'real chart: nulls delete defaults',
  '0.5.29',
  ['pod: {securityContext: null, env: null}\nlicense: {file: null}\nconfig: {Metrics: null}\n'],
  [['--set', 'image.tag=null,replicas=null,sharedStorage.annotations=null']],
);
add(
  'real chart: typical values',
  '0.5.29',
  ['replicas: 2\nsharedStorage: {create: yes, mount: on}\nconfig: {Server: {Address: "https://x"}}\n'],
  [
    ['--set', 'image.tag=2024.04.4,service.port=8080'],
    ['--set-string', 'pod.annotations.a=1'],
  ],
);

async function main(): Promise<void> {
  const helm = ensureHelm(join(ROOT, '.cache', 'helm'));
  const charts = new Map<string, ChartValues>([
    ['empty', chartValues('empty', '')],
    ['mini', chartValues('mini', MINI)],
    ['0.5.29', realChart('0.5.29')],
  ]);
  const work = mkdtempSync(join(tmpdir(), 'helm-record-'));
  const recorded = await pool(
    cases.map((fc, id) => [fc, id] as const),
    4,
    async ([fc, id]) => {
      const c: Case = {
        id,
        version: fc.chart,
        files: fc.files.map((f) => ({ raw: typeof f === 'string' ? f : Buffer.from(f.base64, 'base64') })),
        flags: {},
        extraFiles: { 'f.txt': 'from a file\n' },
        batchable: false,
      };
      for (const [flag, expr] of fc.flags) (c.flags[flag] ??= []).push({ raw: expr });
      const outcome = await runAlone(helm, work, c, charts.get(fc.chart)!);
      const expect =
        'error' in outcome
          ? { error: outcome.error.replace(/^Error: /, '').split('\n')[0] }
          : {
              valuesJson: JSON.stringify(outcome.values, (_k, v) => (Object.is(v, -0) ? '__NEGATIVE_ZERO__' : v)).replace(
                /"__NEGATIVE_ZERO__"/g,
                '-0',
              ),
              warnings: [...(outcome.warnings ?? [])].sort(),
            };
      return { ...fc, expect };
    },
  );
  rmSync(work, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const body = {
    about: `What helm ${HELM_VERSION} makes of each case (recorded by scripts/helm-values/record.ts; do not edit by hand)`,
    helm: HELM_VERSION,
    charts: { empty: '', mini: MINI },
    setFile: { 'f.txt': 'from a file\n' },
    cases: recorded,
  };
  writeFileSync(join(OUT, 'recorded.json'), `${JSON.stringify(body, null, 1)}\n`);
  const errors = recorded.filter((r) => 'error' in r.expect).length;
  console.log(`recorded ${recorded.length} cases (${errors} refused by helm) into ${join(OUT, 'recorded.json')}`);
}

void main();
