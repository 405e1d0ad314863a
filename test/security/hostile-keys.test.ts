/**
 * Issue 13, item 9: names of JavaScript object internals as keys are carried
 * faithfully where they can be, refused with their path where they cannot,
 * and never reach a built-in object.
 */
import { App, Chart } from 'cdk8s';
import { PackageManager } from '../../src';
import { parseGcfg } from '../../src/gcfg/parse';
import { find } from '../helpers/synth';
import { issuesOf } from '../helpers/issues';

type Obj = Record<string, any>;

/** fromValues with an already-parsed values file: JSON.parse makes `__proto__` an own key, as a YAML parser may. */
function fromJson(json: string): { objects: Obj[]; pm: PackageManager } {
  const chart = new Chart(new App({ outdir: '/dev/null' }), 'hostile', { disableResourceNameHashes: true });
  const pm = PackageManager.fromValues(chart, 'rel', JSON.parse(json), { namespace: 'ns' });
  return { objects: chart.toJson(), pm };
}

afterEach(() => {
  // Nothing reached the built-ins.
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object)).not.toContain('Password');
  expect(Object.getOwnPropertyNames(Object)).not.toContain('Foo');
  expect(Object.getOwnPropertyNames(Object.prototype.toString)).not.toContain('Foo');
});

describe('item 9: constructor, toString, hasOwnProperty as config names are carried as written', () => {
  it('config and extraConfig sections of those names reach the gcfg file; their secrets reach the Secret', () => {
    const { objects, pm } = fromJson(
      '{"config": {"constructor": {"Foo": "a"}, "hasOwnProperty": {"Bar": "b"}}, "extraConfig": {"toString": {"Foo": "c"}, "constructor": {"Password": "hunter2-proto"}}}',
    );
    const gcfg = parseGcfg(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']);
    expect(gcfg).toMatchObject({ constructor: { foo: ['a'] }, hasownproperty: { bar: ['b'] }, tostring: { foo: ['c'] } });
    expect(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']).not.toContain('hunter2-proto');
    expect(find(objects, 'Secret').stringData).toEqual({ 'constructor.Password': 'hunter2-proto' });
    expect(pm.warnings.find((w) => w.id === 'ppm:config-untyped')?.message).toMatch(/constructor, hasOwnProperty/);
  });

  it('keys of those names in a section, and toString as a nodeSelector key, are carried', () => {
    const { objects } = fromJson('{"extraConfig": {"Proxy": {"constructor": "x", "valueOf": "y"}}, "nodeSelector": {"toString": "z"}}');
    expect(find(objects, 'ConfigMap').data['rstudio-pm.gcfg']).toContain('[Proxy]\nconstructor = x\nvalueOf = y\n');
    expect(find(objects, 'Deployment').spec.template.spec.nodeSelector).toEqual({ toString: 'z' });
  });
});

describe('item 9: what cannot be carried is refused with its path', () => {
  it.each([
    ['__proto__ at the top', '{"__proto__": {"polluted": 1}}', '__proto__'],
    ['__proto__ in a map of the chart', '{"service": {"__proto__": {"polluted": 1}}}', 'service.__proto__'],
    ['__proto__ as a config section', '{"config": {"__proto__": {"Password": "x"}}}', 'config.__proto__'],
    ['__proto__ in an annotation', '{"pod": {"annotations": {"__proto__": "x"}}}', 'pod.annotations.__proto__'],
    [
      'constructor as an annotation (cdk8s cannot write it)',
      '{"pod": {"annotations": {"constructor": "x"}}}',
      'pod.annotations.constructor',
    ],
    ['constructor as a nodeSelector key', '{"nodeSelector": {"constructor": "x"}}', 'nodeSelector.constructor'],
    [
      'constructor in an extra object',
      '{"extraObjects": [{"apiVersion": "example.com/v1", "kind": "Thing", "metadata": {"name": "t"}, "spec": {"constructor": 1}}]}',
      'extraObjects[0].spec.constructor',
    ],
  ])('%s', (_what, json, path) => {
    const issues = issuesOf(() => fromJson(json));
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)?.message).toMatch(/remove it/);
  });

  it('the same through typed props', () => {
    expect(
      issuesOf(() => new PackageManager(new Chart(new App(), 'c'), 'p', JSON.parse('{"pod": {"labels": {"__proto__": "x"}}}'))).map(
        (i) => i.path,
      ),
    ).toEqual(['pod.labels.__proto__']);
  });
});
