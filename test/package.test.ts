/** The package as published: standalone typings (no cdk8s-plus), examples that import the package's own name, its metadata. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json'));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
const importsOf = (text: string) => [...text.matchAll(/^(?:import|export)[^;]*? from '([^']+)';/gm)].map((m) => m[1]);

describe('the package', () => {
  it('has typings that import no cdk8s-plus, and needs none', () => {
    const offenders = sourceFiles('src').filter((f) => importsOf(read(f)).some((i) => i.startsWith('cdk8s-plus')));
    expect(offenders).toEqual([]);
    expect(Object.keys({ ...pkg.peerDependencies, ...pkg.dependencies }).filter((d) => d.startsWith('cdk8s-plus'))).toEqual([]);
  });

  it('is CommonJS, ships a NOTICE', () => {
    expect(pkg.type).toBe('commonjs');
    expect(pkg.files).toContain('NOTICE');
    expect(existsSync(join(ROOT, 'NOTICE'))).toBe(true);
  });

  it('says in NEWS.md what a 0.x version promises', () => {
    expect(read('NEWS.md')).toMatch(/\*\*Versions\.\*\* While the version is 0\.y\.z[\s\S]*may change the manifests/);
    expect(read('CONTRIBUTING.md')).toContain('the versioning policy of NEWS.md');
  });

  it('has a CI workflow: the test command on Node 20, 22 and 24, publishing with provenance on a version tag', () => {
    const ci = parse(read('.github/workflows/ci.yml'));
    expect(ci.on.push.tags).toEqual(['v*']);
    expect(ci.jobs.test.strategy.matrix.node).toEqual([20, 22, 24]);
    expect(ci.jobs.test.steps.map((s: { run?: string }) => s.run)).toContain('npm test');
    expect(ci.jobs.checks.steps.map((s: { run?: string }) => s.run)).toEqual(
      expect.arrayContaining(['npm run test:slow', 'npm run test:helm', 'npm run test:consumer']),
    );
    const publish = ci.jobs.publish;
    expect(publish.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(publish.needs).toEqual(['test', 'checks']);
    expect(publish.permissions['id-token']).toBe('write');
    expect(publish.steps.map((s: { run?: string }) => s.run)).toContain('npm publish --provenance --access public');
  });

  it('documents every entry point, its runtime exports and option interfaces in docs/API.md, and names them in the README', () => {
    const api = read('docs/API.md');
    for (const [sub, entry] of Object.entries(pkg.exports as Record<string, string | { types: string }>)) {
      if (typeof entry !== 'object') continue;
      const name = `${pkg.name}${sub.slice(1)}`;
      expect(api).toContain(`#### \`${name}\``);
      expect(read('README.md')).toContain(`\`${name}\``);
      const source = read(entry.types.replace(/^\.\/lib\//, 'src/').replace(/\.d\.ts$/, '.ts'));
      const section = api.slice(api.indexOf(`#### \`${name}\``)).split(/\n#### /)[0];
      for (const m of source.matchAll(/\b(\w+(?:Options|Input))\b/g)) expect(section).toContain(`##### \`${m[1]}\``);
    }
  });

  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.ts'));

  it.each(examples)('examples/%s imports the package by its name (public entry points only) and is in the README table', (file) => {
    const allowed = /^(cdk8s-posit-package-manager(\/values|\/diff)?|cdk8s|cdk8s-plus-33|constructs|fs|path)$/;
    expect(importsOf(read(`examples/${file}`)).filter((i) => !allowed.test(i))).toEqual([]);
    expect(read('README.md')).toContain(`| [examples/${file}](examples/${file}) |`);
    expect(read('test/examples.test.ts')).toContain(`from '../examples/${file.replace(/\.ts$/, '')}'`);
  });
});
