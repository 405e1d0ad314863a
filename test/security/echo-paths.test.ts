/**
 * Issue 19, item 4: the six paths on which an error quoted a secret, one test
 * each, and `cdk8s-ppm diff` hiding every value the library's detector marks
 * secret (by name and by value; env, annotations, labels, `data` of any kind),
 * in text and in JSON, while still saying that it differs.
 */
import { main } from '../../src/cli/main';
import { runDiff } from '../../src/cli/diff';
import { render } from '../../src/render';
import { valuesToProps } from '../../src/values/from-values';
import { stringify } from 'yaml';
import { fakeIO } from '../helpers/diff-io';

type Obj = Record<string, any>;

const SECRET = 'Zq8fJ2kLmN4pXw';

/** `cdk8s-ppm ARGV` on fake files: exit code and everything printed. */
function cli(argv: string[], files: Record<string, string> = {}): { code: number; text: string } {
  let text = '';
  const code = main(argv, {
    stdout: (t) => void (text += t),
    stderr: (t) => void (text += t),
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return files[path];
    },
    readStdin: () => '',
  });
  return { code, text };
}

/** Runs a command line that must fail, and must not show the secret; returns what it printed. */
function failsWithoutSecret(argv: string[], files: Record<string, string> = {}, secret = SECRET): string {
  const { code, text } = cli(argv, files);
  expect(code).not.toBe(0);
  expect(text).toMatch(/Error|:/);
  expect(text).not.toContain(secret);
  return text;
}

describe('the six echo paths of the review: errors never quote the secret', () => {
  it('YAML anchors and aliases: `Password: *S3cret` does not print the name of the anchor', () => {
    const file = `config:\n  Postgres:\n    Password: *${SECRET}\n`;
    const text = failsWithoutSecret(['template', 'r', '-f', 'v.yaml'], { 'v.yaml': file });
    expect(text).toContain('v.yaml:3:15: unknown anchor referenced');
    expect(failsWithoutSecret(['lint', '-f', 'v.yaml'], { 'v.yaml': file })).toContain('unknown anchor');
    // An anchor that contains its own alias.
    failsWithoutSecret(['template', 'r', '-f', 'v.yaml'], { 'v.yaml': `a: &${SECRET} [*${SECRET}]\n` });
  });

  it.each([
    ['a block scalar header with text after it', `config:\n  Postgres:\n    Password: |9 ${SECRET}\n`],
    ['a block scalar header with extra characters', `config:\n  Postgres:\n    Password: |${SECRET}\n`],
    ['an escape sequence', `config:\n  Postgres:\n    Password: "\\U${SECRET}"\n`],
  ])('YAML block headers and tokens: %s', (_what, file) => {
    const text = failsWithoutSecret(['template', 'r', '-f', 'v.yaml'], { 'v.yaml': file });
    expect(text).toMatch(/v\.yaml:3:\d+: /);
  });

  it.each([
    ['an unsupported function', `{{ "${SECRET}" | nope }}`],
    ['a stray parenthesis', `{{ printf "${SECRET}" ) }}`],
    ['an unterminated string', `{{ printf "${SECRET} }}`],
    ['piping into a string', `{{ .Values.x | "${SECRET}" }}`],
    ['a raw string', '{{ printf `' + SECRET + '` ) }}'],
    ['an unknown include', `{{ include "${SECRET}" . }}`],
    ['an unexpected else', `{{ else "${SECRET}" }}`],
  ])('template actions with string literals: %s', (_what, action) => {
    const file = stringify({ extraObjects: [`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: ${action}\n`] });
    const text = failsWithoutSecret(['template', 'r', '-f', 'v.yaml'], { 'v.yaml': file });
    expect(text).toContain('extraObjects[0]: template not supported');
  });

  it('--set configFromSecrets.…=: a value where the { secret, key } map belongs is not shown', () => {
    const text = failsWithoutSecret(['template', 'r', '--set', `configFromSecrets.Postgres.Password=${SECRET}`]);
    expect(text).toContain('configFromSecrets.Postgres.Password: must be a map; got (hidden: a secret)');
    failsWithoutSecret(['template', 'r', '--set', `configFromSecrets.Postgres=${SECRET}`]);
  });

  it('--set rstudioPMKeySecret.secret=: a string where the Secret belongs is not shown', () => {
    const text = failsWithoutSecret(['template', 'r', '--set', `rstudioPMKeySecret.secret=${SECRET}`]);
    expect(text).toContain('rstudioPMKeySecret.secret: must be a cdk8s-plus Secret');
    expect(text).toContain('got a string (hidden: a secret)');
  });

  it.each([
    ['--set', `license.key=abc,${SECRET}`],
    ['--set', `license.key=abc,${SECRET}.more`],
    ['--set-string', `rstudioPMKey=abc,${SECRET}`],
    ['--set', `a=b,license.key=abc,${SECRET}`],
  ])('the part of a --set after a comma: %s %s', (flag, expression) => {
    const text = failsWithoutSecret(['template', 'r', flag, expression]);
    expect(text).toContain('the text after a "," (not shown: it may be the rest of a value) has no "="');
    expect(text).toContain('write a comma in a value as "\\,"');
  });

  it('credentials in a -f, --from or --set-file URL', () => {
    const url = `https://ppm:${SECRET}@example.com/values.yaml`;
    expect(failsWithoutSecret(['template', 'r', '-f', url])).toContain('values file https://…@example.com/values.yaml: remote');
    expect(failsWithoutSecret(['lint', '-f', url])).toContain('https://…@example.com/values.yaml');
    expect(failsWithoutSecret(['diff', 'r', '--from', url])).toContain('--from https://…@example.com/values.yaml: cannot read it');
    expect(failsWithoutSecret(['template', 'r', '--set-file', `license.file.contents=${url}`])).toContain('https://…@example.com');
    // A token as the user of the URL.
    failsWithoutSecret(['template', 'r', '-f', `https://ghp_${SECRET}${SECRET}@github.com/o/r/v.yaml`]);
  });
});

const RELEASE = 'rel';
const NS = 'posit';

function ours(values: Record<string, unknown>): Obj[] {
  const { props } = valuesToProps(values, { releaseName: RELEASE, namespace: NS });
  return JSON.parse(JSON.stringify(render({ ...props, releaseName: RELEASE, namespace: NS })));
}

/** Runs `cdk8s-ppm diff` (text and JSON) of `chart` against `values`; everything it printed. */
function diffOutputs(values: Record<string, unknown>, chart: Obj[]): { text: string; json: Obj; code: number } {
  const files = { 'values.yaml': stringify(values), 'chart.yaml': chart.map((o) => stringify(o)).join('---\n') };
  const args = [RELEASE, '-n', NS, '-f', 'values.yaml', '--from', 'chart.yaml'];
  const io = fakeIO(files);
  const code = runDiff(args, io);
  const jio = fakeIO(files);
  runDiff([...args, '-o', 'json'], jio);
  return { text: [...io.out, ...io.err].join(''), json: JSON.parse(jio.out.join('')), code };
}

describe('cdk8s-ppm diff hides what the detector marks secret, and says that it differs', () => {
  const extraCm = (data: Obj) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra', namespace: NS }, data });
  const secrets = {
    // By name: the chart side holds the old value, ours the new one.
    envByName: ['DB_PASS', 'old-Zq1aB2cD3eF4', 'new-Zq1aB2cD3eF4'],
    envByValue: ['DATABASE_URL', 'postgres://u:Zq5pw6old@db/ppm', 'postgres://u:Zq5pw6new@db/ppm'],
    bearer: ['AUTH_HEADER_VALUE', 'Bearer Zq7tokenOld1234', 'Bearer Zq7tokenNew1234'],
  };
  const values = {
    pod: {
      env: Object.values(secrets).map(([name, , now]) => ({ name, value: now })),
      annotations: { 'example.com/token': 'Zq9annNew1234', 'example.com/plain': 'https://u:Zq9annUrlNew@h' },
      labels: { 'api-key': 'Zq9labNew1234' },
    },
    extraObjects: [extraCm({ password: 'Zq9cmNew1234', dsn: 'host=db password=Zq9dsnNew1234' })],
  };

  it('in env (by name and by value), annotations, labels and an extra ConfigMap’s data, in text and JSON', () => {
    const chart = ours(values);
    const dep = chart.find((o) => o.kind === 'Deployment')!;
    for (const [name, old] of Object.values(secrets))
      dep.spec.template.spec.containers[0].env.find((e: Obj) => e.name === name).value = old;
    dep.spec.template.metadata.annotations['example.com/token'] = 'Zq9annOld1234';
    dep.spec.template.metadata.annotations['example.com/plain'] = 'https://u:Zq9annUrlOld@h';
    dep.spec.template.metadata.labels['api-key'] = 'Zq9labOld1234';
    const cm = chart.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'extra')!;
    cm.data = { password: 'Zq9cmOld1234', dsn: 'host=db password=Zq9dsnOld1234' };
    const { text, json, code } = diffOutputs(values, chart);
    expect(code).toBe(1);
    const all = text + JSON.stringify(json);
    for (const s of ['Zq1aB2cD3eF4', 'Zq5pw6', 'Zq7token', 'Zq9ann', 'Zq9lab', 'Zq9cm', 'Zq9dsn']) expect(all).not.toContain(s);
    // Each still shows as a difference.
    expect(text).toMatch(/env\[DB_PASS\]\.value: \(hidden: a secret\) → \(hidden: a secret\)/);
    expect(text).toMatch(/env\[DATABASE_URL\]\.value: \(hidden: a secret\)/);
    expect(text).toMatch(/data\.password: \(hidden: a secret\) → \(hidden: a secret\)/);
    expect(text).toContain('annotations["example.com/token"]: (hidden: a secret) → (hidden: a secret)');
    expect(text).toContain('labels.api-key: (hidden: a secret) → (hidden: a secret)');
    const paths = (json.objects as Obj[]).flatMap((o) => o.differences.map((d: Obj) => d.path));
    expect(paths).toEqual(expect.arrayContaining(['data.password', 'data.dsn']));
  });

  it('a whole object or list only on one side hides the secrets it holds', () => {
    const chart = ours(values).filter((o) => !(o.kind === 'ConfigMap' && o.metadata.name === 'extra'));
    const dep = chart.find((o) => o.kind === 'Deployment')!;
    dep.spec.template.spec.containers[0].env = [];
    const { text, json } = diffOutputs(values, chart);
    const all = text + JSON.stringify(json);
    for (const s of ['Zq1aB2cD3eF4', 'Zq5pw6', 'Zq7token', 'Zq9cm']) expect(all).not.toContain(s);
    expect(text).toContain('ConfigMap posit/extra (v1) — only in ours');
  });
});
