/** `cdk8s-ppm template`, run in process through main(argv, io); test/cli/bundle.test.ts runs the bundled entry point as a process. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { type CliIo } from '../../src/cli/main';
import { matchTemplate } from '../../src/cli/template';
import { runCli } from '../helpers/cli-run';
import { parityDiff, parseManifests } from '../helpers/parity';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'test', 'fixtures', 'parity');

const run = (argv: string[], io: Partial<CliIo> = {}) => runCli(argv, io);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cdk8s-ppm-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const casesOf = (dir: string) =>
  readdirSync(join(dir, 'cases'))
    .filter((f) => f.endsWith('.values.yaml'))
    .map((f) => f.replace(/\.values\.yaml$/, ''))
    .sort();
const VERSIONS = [
  ['0.5.29', DIR],
  ['0.20.4', join(__dirname, '..', 'fixtures', 'parity-0.20.4')],
] as const;

describe.each(VERSIONS)('renders every parity case of chart %s as the chart does (--version)', (version, DIR) => {
  it.each(casesOf(DIR))('%s', (name) => {
    const releaseFile = join(DIR, 'cases', `${name}.release`);
    const release = existsSync(releaseFile) ? readFileSync(releaseFile, 'utf8').trim() : 'my-release';
    const result = run([
      'template',
      release,
      'rstudio/rstudio-pm',
      '--version',
      version,
      '-n',
      'posit',
      '-f',
      join(DIR, 'cases', `${name}.values.yaml`),
    ]);
    if (existsSync(join(DIR, 'expected', `${name}.error.txt`)) || existsSync(join(DIR, 'cases', `${name}.reject`))) {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^Error: values: \d+ invalid values?:\n/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      return;
    }
    // Warnings only, each with its id.
    expect(result.stderr).toMatch(/^(WARNING \[ppm:[a-z-]+\] [^\n]*\n)*$/);
    expect(result.code).toBe(0);
    const expected = parseManifests(readFileSync(join(DIR, 'expected', `${name}.yaml`), 'utf8'));
    expect(parityDiff(expected, parseManifests(result.stdout), 'posit')).toEqual([]);
  });
});

const kinds = (stdout: string) => parseManifests(stdout).map((o) => `${o.kind}/${o.metadata.name}`);

describe('values on the command line', () => {
  it('defaults the namespace to "default" and takes --set', () => {
    const result = run(['template', 'r1', '--set', 'service.type=NodePort,service.nodePort=30001']);
    expect(result.code).toBe(0);
    const svc = parseManifests(result.stdout).find((o) => o.kind === 'Service')!;
    expect(svc.metadata.namespace).toBe('default');
    expect(svc.spec.ports[0].nodePort).toBe(30001);
  });

  it('reads values from stdin with -f -', () => {
    const result = run(['template', 'r1', '-f', '-'], { readStdin: () => 'replicas: 1\nserviceAccount: {create: false}\n' });
    expect(result.code).toBe(0);
    expect(kinds(result.stdout)).not.toContain('ServiceAccount/r1-rstudio-pm');
  });

  it('lets a --set null delete a chart default', () => {
    const result = run(['template', 'r1', '--set', 'serviceAccount.create=null']);
    expect(result.code).toBe(0);
  });

  it('takes the values flags in helm order: --set-literal last', () => {
    const result = run(['template', 'r1', '--set-literal', 'nameOverride=lit', '--set', 'nameOverride=set']);
    expect(kinds(result.stdout)).toContain('Deployment/r1-lit');
  });

  it.each([
    [['-f', join(DIR, 'cases')], /^Error: values file .*cases: is a directory, not a file\n$/],
    [['-f', '/nonexistent/values.yaml'], /^Error: values file \/nonexistent\/values\.yaml: no such file or directory\n$/],
  ])('%j fails with exit code 1, naming the file', (flags, message) => {
    const result = run(['template', 'r1', ...flags]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it.each([
    [
      ['--set', 'image=s3cret,image.tag=1'],
      /^Error: --set "image=…,image\.tag=…": "image" holds a string, not a map \(see 'cdk8s-ppm template --help'\)\n$/,
    ],
    [['--set-json', 'a={'], /^Error: --set-json "a=…": not valid JSON/],
  ])('%j is a usage error (exit code 2), naming the flag in one line', (flags, message) => {
    const result = run(['template', 'r1', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('s3cret');
  });
});

describe('--show-only, --no-hooks and --output-dir', () => {
  const storage = ['--set', 'sharedStorage.create=true'];

  it('shows only the objects of a template, patterns in order as helm', () => {
    const result = run(['template', 'r1', 'rstudio-pm', '-s', 'templates/svc.yaml', '-s', 'templates/configmap.yaml']);
    expect(result.code).toBe(0);
    expect(kinds(result.stdout)).toEqual(['Service/r1-rstudio-pm', 'ConfigMap/r1-rstudio-pm-config']);
  });

  it('matches globs and puts every extraObjects item under extra-objects.yaml', () => {
    const values = join(work, 'extra.yaml');
    writeFileSync(
      values,
      'extraObjects:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: mine}}\n  - {apiVersion: v1, kind: Secret, metadata: {name: s}}\n',
    );
    expect(kinds(run(['template', 'r1', '-f', values, '--show-only', 'templates/extra-*.yaml']).stdout)).toEqual([
      'ConfigMap/mine',
      'Secret/s',
    ]);
    expect(kinds(run(['template', 'r1', '-f', values, '-s', 'templates/configmap.yaml']).stdout)).toEqual([
      'ConfigMap/r1-rstudio-pm-config',
    ]);
  });

  it('puts each Secret under its template', () => {
    const result = run([
      'template',
      'r1',
      '--set',
      'awsAccessKeyId=a,awsSecretAccessKey=b,rstudioPMKey=k,license.key=l',
      '-s',
      'templates/secret-*.yaml',
    ]);
    expect(kinds(result.stdout).sort()).toEqual([
      'Secret/r1-rstudio-pm-aws-creds',
      'Secret/r1-rstudio-pm-license',
      'Secret/r1-rstudio-pm-rstudio-pm-key',
    ]);
  });

  it('refuses a template that rendered nothing, as helm', () => {
    const result = run(['template', 'r1', '-s', 'templates/ingress.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Error: could not find template templates/ingress.yaml in chart\n');
  });

  it('leaves out the chown hook with --no-hooks', () => {
    expect(kinds(run(['template', 'r1', ...storage]).stdout)).toContain('Job/r1-rstudio-pm-chown-shared-storage');
    expect(kinds(run(['template', 'r1', ...storage, '--no-hooks']).stdout)).not.toContain('Job/r1-rstudio-pm-chown-shared-storage');
  });

  it('writes DIR/rstudio-pm/templates/NAME.yaml with # Source lines, as helm', () => {
    const out = join(work, 'out');
    const result = run(['template', 'r1', ...storage, '--output-dir', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${out}/rstudio-pm/templates/deployment.yaml\n`);
    const deployment = readFileSync(join(out, 'rstudio-pm', 'templates', 'deployment.yaml'), 'utf8');
    expect(deployment).toMatch(/^---\n# Source: rstudio-pm\/templates\/deployment\.yaml\napiVersion: apps\/v1\nkind: Deployment\n/);
    expect(readdirSync(join(out, 'rstudio-pm', 'templates')).sort()).toEqual([
      'configmap.yaml',
      'deployment.yaml',
      'post-upgrade-chown-job.yaml',
      'pvc.yaml',
      'serviceaccount.yaml',
      'svc.yaml',
    ]);
  });

  it('writes under DIR/RELEASE with --release-name, and only the --show-only templates', () => {
    const files = new Map<string, string>();
    const result = run(['template', 'r2', '--output-dir', 'out', '--release-name', '-s', 'templates/svc.yaml'], {
      writeFile: (p, t) => files.set(p, t),
    });
    expect(result.code).toBe(0);
    expect([...files.keys()]).toEqual(['out/r2/rstudio-pm/templates/svc.yaml']);
  });

  it.each([
    ['templates/*.yaml', 'templates/svc.yaml', true],
    ['templates/s?c.yaml', 'templates/svc.yaml', true],
    ['templates/[rs]vc.yaml', 'templates/svc.yaml', true],
    ['templates/[^s]vc.yaml', 'templates/svc.yaml', false],
    ['*.yaml', 'templates/svc.yaml', false],
    ['templates/svc.yaml', 'templates/svc.yaml', true],
    ['templates/svc', 'templates/svc.yaml', false],
  ])('matchTemplate(%j, %j) is %s', (pattern, name, expected) => {
    expect(matchTemplate(pattern, name)).toBe(expected);
  });
});

describe('command line errors', () => {
  it.each([
    [['render', 'x'], 'unknown command "render"'],
    [['template', 'r1', '--bogus'], 'unknown flag: --bogus'],
    [['template', 'r1', 'bitnami/nginx'], 'chart "bitnami/nginx" is not rstudio-pm'],
    [['template'], '"cdk8s-ppm template" requires at least 1 argument'],
  ])('%j exits 2 with one line that points at --help', (argv, message) => {
    const result = run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Error: ${message}`);
    expect(result.stderr).toMatch(/^[^\n]* \(see 'cdk8s-ppm( template)? --help'\)\n$/);
  });

  it('prints the usage for no arguments (exit 2) and for --help (exit 0)', () => {
    expect(run([]).code).toBe(2);
    const help = run(['template', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--set-literal');
  });

  it('renders chart 0.20.4 with --version 0.20.4, and refuses its removed image.tagPrefix', () => {
    const result = run([
      'template',
      'r1',
      'rstudio/rstudio-pm',
      '--version',
      '0.20.4',
      '--acknowledge-warning',
      'ppm:sandboxing,ppm:no-license',
    ]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('image: posit/package-manager:2026.08.0-ubuntu-24.04');
    const refused = run(['template', 'r1', 'rstudio/rstudio-pm', '--version', '0.20.4', '--set', 'image.tagPrefix=ubuntu2204-']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/image\.tagPrefix: is set, but chart 0\.20\.4 refuses it/);
  });

  it('prints each warning with its id on stderr; --acknowledge-warning silences it; an unknown id is an error', () => {
    expect(run(['template', 'r1']).stderr).toMatch(/^WARNING \[ppm:sandboxing\] enableSandboxing: /m);
    expect(run(['template', 'r1', '--acknowledge-warning=ppm:sandboxing,ppm:no-license']).stderr).toBe('');
    const bad = run(['template', 'r1', '--acknowledge-warning', 'ppm:nope']);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/unknown warning id "ppm:nope"/)]);
  });
});

describe('the cdk8s-ppm executable', () => {
  it('is the bin of the package, with a shebang', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['cdk8s-ppm']).toBe('lib/cli/cdk8s-ppm.js');
    expect(readFileSync(join(ROOT, 'src', 'cli', 'main.ts'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});
