/** `cdk8s-ppm template` prints, for every parity case, what the chart prints (under the parity rules). */
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseArgs, UsageError } from '../../src/cli/args';
import { applySet, mergeValues } from '../../src/cli/set-values';
import { parityDiff, parseManifests } from '../helpers/parity';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'lib', 'cli', 'main.js');
const DIR = join(ROOT, 'test', 'fixtures', 'parity');

function run(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

const cases = readdirSync(join(DIR, 'cases'))
  .filter((f) => f.endsWith('.values.yaml'))
  .map((f) => f.replace(/\.values\.yaml$/, ''))
  .sort();

describe('cdk8s-ppm template (the built command)', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  });

  it.each(cases)('%s', (name) => {
    const releaseFile = join(DIR, 'cases', `${name}.release`);
    const release = existsSync(releaseFile) ? readFileSync(releaseFile, 'utf8').trim() : 'my-release';
    const result = run(['template', release, '-n', 'posit', '-f', join(DIR, 'cases', `${name}.values.yaml`)]);
    const errorFile = join(DIR, 'expected', `${name}.error.txt`);
    if (existsSync(errorFile) || existsSync(join(DIR, 'cases', `${name}.reject`))) {
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^Error: PackageManager .*invalid value/);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      return;
    }
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    const expected = parseManifests(readFileSync(join(DIR, 'expected', `${name}.yaml`), 'utf8'));
    expect(parityDiff(expected, parseManifests(result.stdout), 'posit')).toEqual([]);
  });

  it('defaults the namespace to "default" and takes --set', () => {
    const result = run(['template', 'r1', '--set', 'replicas=1', '--set', 'service.type=NodePort', '--set', 'service.nodePort=30001']);
    expect(result.status).toBe(0);
    const objects = parseManifests(result.stdout);
    const svc = objects.find((o) => o.kind === 'Service')!;
    expect(svc.metadata.namespace).toBe('default');
    expect(svc.spec.ports[0].nodePort).toBe(30001);
  });

  it('prints usage and exits 2 for a bad command line', () => {
    const result = run(['render', 'x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "render"');
    expect(result.stderr).toContain('usage: cdk8s-ppm template');
  });

  it('reports an unreadable values file without a stack trace', () => {
    const result = run(['template', 'r1', '-f', '/nonexistent/values.yaml']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Error: .*no such file/);
  });
});

describe('command line parsing', () => {
  it('reads release, namespace, files and sets in any order', () => {
    expect(parseArgs(['template', '-f', 'a.yaml', 'rel', '--namespace=ns', '--values', 'b.yaml', '--set', 'x=1'])).toEqual({
      release: 'rel',
      namespace: 'ns',
      valuesFiles: ['a.yaml', 'b.yaml'],
      sets: ['x=1'],
    });
  });
  it.each([
    [['template'], 'missing RELEASE'],
    [['template', 'a', 'b'], 'unexpected argument "b"'],
    [['template', 'a', '-n'], '-n needs a value'],
    [['template', 'a', '--bogus'], 'unknown option "--bogus"'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('values merging and --set', () => {
  it('merges maps and replaces lists, later files winning', () => {
    expect(mergeValues({ a: { b: 1, c: [1, 2] } }, { a: { c: [3], d: null } })).toEqual({ a: { b: 1, c: [3], d: null } });
  });
  it('types --set values as Helm does', () => {
    expect(applySet({}, 'a.b=true')).toEqual({ a: { b: true } });
    expect(applySet({}, 'a=42')).toEqual({ a: 42 });
    expect(applySet({}, 'a=1.5')).toEqual({ a: '1.5' });
    expect(applySet({}, 'a=yes')).toEqual({ a: 'yes' });
    expect(applySet({}, 'a=null')).toEqual({ a: null });
    expect(applySet({}, 'a={x,2}')).toEqual({ a: ['x', 2] });
    expect(applySet({}, 'pod.annotations.team\\.io/x=y')).toEqual({ pod: { annotations: { 'team.io/x': 'y' } } });
    expect(applySet({}, 'hosts[0].host=h')).toEqual({ hosts: [{ host: 'h' }] });
  });
  it('refuses a --set without "="', () => {
    expect(() => applySet({}, 'novalue')).toThrow('expected key=value');
  });
});
