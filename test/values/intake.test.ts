/** Issue 19 item 2 and the Helm habits of item 1: what the library API cannot read is one error naming the path. */
import { App, Chart } from 'cdk8s';
import { Secret } from 'cdk8s-plus-28';
import { PackageManager, PackageManagerValidationError, loadValues } from '../../src';
import { MAX_NESTING } from '../../src/values/intake';
import { issuesOf } from '../helpers/issues';
import { synthValues } from '../helpers/synth';

const chart = () => new Chart(new App({ outdir: '/dev/null' }), 'c', { disableResourceNameHashes: true });
const fromValues = (values: unknown) => PackageManager.fromValues(chart(), 'r', values);
const deepMap = (n: number) => {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};
/** One PackageManagerValidationError (or ValuesError) in one line per issue, no RangeError, no trace. */
const oneError = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PackageManagerValidationError);
    expect((e as Error).message).not.toMatch(/\n\s+at |RangeError|call stack/);
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('a Buffer', () => {
  it('is read as UTF-8 text', () => {
    expect(fromValues(Buffer.from('replicas: 1\n')).node.id).toBe('r');
    expect(fromValues([Buffer.from('replicas: 1\n')]).node.id).toBe('r');
  });
  it('that is not UTF-8 is refused in one line', () => {
    expect(issuesOf(() => fromValues(Buffer.from([0xff, 0xfe, 0x00, 0x41])))).toEqual([
      { path: 'values', message: 'is a Buffer that is not UTF-8 text: give the text, e.g. readFileSync(path, "utf8")' },
    ]);
  });
});

describe('constructs and functions in values', () => {
  it('are refused, never walked into', () => {
    const c = chart();
    const secret = new Secret(c, 's');
    expect(issuesOf(() => PackageManager.fromValues(c, 'r', { license: { file: { secret } } }))).toEqual([
      {
        path: 'license.file.secret',
        message: expect.stringMatching(/^is a construct \(Secret\): values hold plain data; name an existing object by its name/),
      },
    ]);
    expect(issuesOf(() => fromValues([{}, { replicas: () => 1 }]))).toEqual([
      { path: 'replicas', message: expect.stringMatching(/^is a function/) },
    ]);
  });
  it('in typed props a construct is carried as a reference', () => {
    const c = chart();
    const secret = new Secret(c, 's', { stringData: { 'license.lic': 'x' } });
    expect(() => new PackageManager(c, 'r', { license: { file: { secret } } })).not.toThrow();
  });
});

describe('cycles and nesting deeper than the library reads', () => {
  it('a cycle in values or props is one error naming the path', () => {
    const v: Record<string, any> = { pod: { annotations: {} } };
    v.pod.annotations.self = v;
    expect(issuesOf(() => fromValues(v))).toEqual([{ path: 'pod.annotations.self', message: expect.stringMatching(/a cycle/) }]);
    expect(issuesOf(() => new PackageManager(chart(), 'r', v))).toEqual([
      { path: 'pod.annotations.self', message: expect.stringMatching(/a cycle/) },
    ]);
  });
  it('100,000 levels in values, props, YAML, --set-json and templates: one error each', () => {
    const deep = deepMap(100_000);
    expect(oneError(() => fromValues({ pod: { annotations: deep } }))).toMatch(
      new RegExp(`pod\\.annotations\\.a\\.a.*… \\(${MAX_NESTING} levels\\): is nested more than ${MAX_NESTING} levels`),
    );
    expect(oneError(() => new PackageManager(chart(), 'r', { pod: { annotations: deep as never } }))).toMatch(/nested more than 500/);
    expect(oneError(() => fromValues(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`))).toMatch(
      /values\[0\]:1:\d+: nested more than 500/,
    );
    expect(oneError(() => fromValues(`a:\n${'  - '.repeat(1)}${'- '.repeat(100_000)}x\n`))).toMatch(/nested more than 500/);
    expect(oneError(() => loadValues({ setJson: [`pod=${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`] }))).toMatch(
      /--set-json.*nested deeper/,
    );
    expect(oneError(() => loadValues({ set: [`a${'[0]'.repeat(30_000)}=1`] }))).toMatch(/nested deeper/);
    const tpl = `${'{{ if true }}'.repeat(10_000)}x${'{{ end }}'.repeat(10_000)}`;
    expect(oneError(() => fromValues({ extraObjects: [tpl] }))).toMatch(
      /extraObjects\[0\]: template not supported: actions are nested deeper/,
    );
  });
  it('a deep value within the limit reads', () => {
    expect(() =>
      fromValues({ extraObjects: [{ apiVersion: 'example.com/v1', kind: 'Deep', metadata: { name: 'x' }, spec: deepMap(50) }] }),
    ).not.toThrow();
  });
});

describe('Helm habits in a values file', () => {
  it('namespace and releaseName are refused with where they go', () => {
    expect(issuesOf(() => fromValues('namespace: team\nreleaseName: ppm\n'))).toEqual([
      { path: 'namespace', message: expect.stringMatching(/not a chart value \(Helm ignores it\): give the namespace with -n NAMESPACE/) },
      { path: 'releaseName', message: expect.stringMatching(/the release name is the NAME argument/) },
    ]);
  });
  it('the USER-SUPPLIED VALUES: header of `helm get values` is refused with the fix', () => {
    expect(oneError(() => fromValues('USER-SUPPLIED VALUES:\nreplicas: 1\n'))).toMatch(/helm get values RELEASE -o yaml/);
    expect(() => fromValues('replicas: 1\n# USER-SUPPLIED VALUES:\n')).not.toThrow();
  });
});

describe('names of Object.prototype are plain keys', () => {
  it('{{ if .Values.toString }} is false, as in Helm; data keys valueOf/toString render', () => {
    const cm = '{{ if .Values.toString }}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shown\n{{ end }}';
    expect(synthValues({ extraObjects: [cm] }).objects.some((o) => o.metadata?.name === 'shown')).toBe(false);
    const data = { valueOf: 'a', toString: 'b', hasOwnProperty: 'c' };
    const { objects } = synthValues({ extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data }] });
    expect(objects.find((o) => o.metadata?.name === 'x')?.data).toEqual(data);
  });
});
