/**
 * The command line as it is installed: one file bundled from src/cli/main.ts (scripts/bundle-cli.js, run by
 * `npm run build`), run by the package's `bin`, the launcher with V8's code cache (src/cli/launcher.ts). Built here
 * into a temporary directory and run as a process, with its cache in a temporary XDG_CACHE_HOME.
 */
import { spawnSync } from 'child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleCli } = require('../../scripts/bundle-cli.js') as {
  bundleCli: (
    outfile: string,
  ) => Promise<{ inputs: Record<string, unknown>; outputs: Record<string, { imports: { path: string; external?: boolean }[] }> }>;
};

let work: string;
let cli: string;
/** The environment of a run: the code cache under `cache` (none by default: the tests of the cache give one). */
const env = (cache?: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  ...(cache === undefined ? { CDK8S_PPM_COMPILE_CACHE: '0' } : { XDG_CACHE_HOME: cache }),
  ...extra,
});
let metafile: Awaited<ReturnType<typeof bundleCli>>;
beforeAll(async () => {
  // Inside the project, so that the bundle finds zod in node_modules as the installed package does.
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.cache', 'bundle-test-'));
  cli = join(work, 'cli', 'cdk8s-ppm.js');
  metafile = await bundleCli(cli);
  // The bundle reads the Kubernetes definitions from ../k8s/, where lib/ has the library's copy.
  mkdirSync(join(work, 'k8s'));
  copyFileSync(join(ROOT, 'src', 'k8s', 'definitions.json'), join(work, 'k8s', 'definitions.json'));
}, 60000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What the command prints in this process (from src/), for the same arguments. */
function inProcess(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('the bundled cdk8s-ppm', () => {
  it('is the bin of the package, a launcher with a shebang and one bundle beside it, with zod and the Kubernetes definitions left outside', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['cdk8s-ppm']).toBe('lib/cli/cdk8s-ppm.js');
    expect(pkg.scripts.build).toContain('scripts/bundle-cli.js');
    expect(readFileSync(cli, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(statSync(cli).mode & 0o111).toBe(0o111);
    expect(readdirSync(join(work, 'cli')).sort()).toEqual(['cdk8s-ppm-main.js', 'cdk8s-ppm.js']);
    expect(readFileSync(join(work, 'cli', 'cdk8s-ppm-main.js'), 'utf8')).not.toMatch(/^#!/);
    const [output] = Object.values(metafile.outputs);
    const external = output.imports.filter((i) => i.external).map((i) => i.path);
    expect(external).toEqual(expect.arrayContaining(['zod', '../k8s/definitions.json']));
    expect(Object.keys(metafile.inputs).some((p) => p.includes('node_modules/zod/'))).toBe(false);
    // The library entry stays out: cdk8s and constructs are never loaded by the command line.
    expect(Object.keys(metafile.inputs).some((p) => /node_modules\/(cdk8s|constructs)\//.test(p))).toBe(false);
  });

  it.each([
    [
      'template with Kubernetes-shaped values',
      ['template', 'r1', '-n', 'ns', '--set', 'tolerations[0].key=a,tolerations[0].operator=Exists', '--set', 'rstudioPMKey=k-1'],
    ],
    ['an invalid value', ['template', 'r1', '--set', 'replicas=-1']],
    ['a usage error', ['template', '--nope']],
  ])('prints what the command prints from src/: %s', (_name, argv) => {
    const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', env: env() });
    const expected = inProcess(argv);
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
  });

  it('runs diff, whose code it loads only for that command', () => {
    const values = join(work, 'values.yaml');
    writeFileSync(values, 'replicas: 1\n');
    const argv = ['diff', '-f', values];
    const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', env: env() });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(inProcess(argv));
  });

  it('runs as a process, and ends quietly when its output pipe closes early', () => {
    const values = join(work, 'big.yaml');
    const items = Array.from(
      { length: 400 },
      (_, i) => `  - {apiVersion: v1, kind: ConfigMap, metadata: {name: c${i}}, data: {k: "${'x'.repeat(400)}"}}`,
    );
    writeFileSync(values, `extraObjects:\n${items.join('\n')}\n`);
    const command = `"${process.execPath}" "${cli}" template r1 -f "${values}" | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', command], { encoding: 'utf8', env: env() });
    expect(result.stdout.trim()).toBe('exit 0');
    expect(result.stderr.split('\n').filter((l) => l && !l.startsWith('WARNING [ppm:'))).toEqual([]);
  });
});

describe("the command line's code cache", () => {
  const argv = ['template', 'r1', '-n', 'ns', '--set', 'tolerations[0].key=a,tolerations[0].operator=Exists'];
  const run = (cache: string, extra: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', env: env(cache, extra) });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
  let expected: ReturnType<typeof inProcess>;
  beforeAll(() => (expected = inProcess(argv)));

  it('is written on the first run, private to the user, and used by the next with the same output', () => {
    const home = mkdtempSync(join(work, 'xdg-'));
    const dir = join(home, 'cdk8s-ppm');
    expect(run(home)).toEqual(expected);
    const [file] = cacheFiles(dir);
    expect(file).toMatch(new RegExp(`^[0-9a-f]{16}-node${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    const written = statSync(join(dir, file));
    expect(written.size).toBeGreaterThan(10_000);
    expect(run(home)).toEqual(expected);
    // Used, not written again.
    expect(statSync(join(dir, file)).mtimeMs).toBe(written.mtimeMs);
    expect(cacheFiles(dir)).toEqual([file]);
  });

  it('replaces a cache V8 refuses, and prints the same', () => {
    const home = mkdtempSync(join(work, 'xdg-'));
    const dir = join(home, 'cdk8s-ppm');
    run(home);
    const [file] = cacheFiles(dir);
    writeFileSync(join(dir, file), 'not a code cache');
    expect(run(home)).toEqual(expected);
    expect(statSync(join(dir, file)).size).toBeGreaterThan(10_000);
  });

  it('is neither read nor written in a directory others may write, or through a symbolic link', () => {
    const shared = mkdtempSync(join(work, 'xdg-'));
    mkdirSync(join(shared, 'cdk8s-ppm'));
    chmodSync(join(shared, 'cdk8s-ppm'), 0o777);
    expect(run(shared)).toEqual(expected);
    expect(cacheFiles(join(shared, 'cdk8s-ppm'))).toEqual([]);

    const linked = mkdtempSync(join(work, 'xdg-'));
    const target = mkdtempSync(join(work, 'target-'));
    chmodSync(target, 0o700);
    symlinkSync(target, join(linked, 'cdk8s-ppm'));
    expect(run(linked)).toEqual(expected);
    expect(cacheFiles(target)).toEqual([]);
  });

  it("removes other builds' cache files no run has written for 30 days when it writes its own", () => {
    const home = mkdtempSync(join(work, 'xdg-'));
    const dir = join(home, 'cdk8s-ppm');
    mkdirSync(dir, { mode: 0o700 });
    const old = join(dir, '0000000000000000-node-v0-x64.v8cache');
    const recent = join(dir, '1111111111111111-node-v0-x64.v8cache');
    const other = join(dir, 'notes.txt');
    for (const f of [old, recent, other]) writeFileSync(f, 'x', { mode: 0o600 });
    const fortyDaysAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    for (const f of [old, other]) utimesSync(f, fortyDaysAgo, fortyDaysAgo);
    expect(run(home)).toEqual(expected);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(cacheFiles(dir)).toHaveLength(3);
  });

  it('is off with CDK8S_PPM_COMPILE_CACHE=0', () => {
    const home = mkdtempSync(join(work, 'xdg-'));
    expect(run(home, { CDK8S_PPM_COMPILE_CACHE: '0' })).toEqual(expected);
    expect(existsSync(join(home, 'cdk8s-ppm'))).toBe(false);
  });
});
