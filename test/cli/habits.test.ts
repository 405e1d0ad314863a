/**
 * Helm's command-line habits in `cdk8s-ppm`: `--help`/`-h` on every command (exit 0), `--version`/`version`,
 * `diff RELEASE [CHART]`, `HELM_NAMESPACE`, `completion bash|zsh|fish`, one-line usage errors pointing at `--help`,
 * the exit codes of the README's table, the chart version read from the release's `helm.sh/chart` labels, and the
 * app-version label counted as a label change.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { COMMANDS } from '../../src/cli/commands';
import { EXIT_CODES } from '../../src/cli/exit-codes';
import { type CliIo } from '../../src/cli/main';
import { parseYamlDocuments } from '../../src/values/yaml';
import { toYamlDocuments } from '../../src/yaml/emit';
import { runCli } from '../helpers/cli-run';

const ROOT = join(__dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const run = (argv: string[], io: Partial<CliIo> & { files?: Record<string, string> } = {}) => runCli(argv, { files: {}, env: {}, ...io });

type Manifest = { metadata: { namespace?: string; labels?: Record<string, string> } } & Record<string, unknown>;
const manifests = (yaml: string) => parseYamlDocuments(yaml) as Manifest[];
const ACK = ['--acknowledge-warning', 'ppm:sandboxing'];

describe('--help, -h and help', () => {
  it.each(COMMANDS.map((c) => c.name))('%s --help and -h print its help on stdout and exit 0', (name) => {
    const help = COMMANDS.find((c) => c.name === name)!.help;
    for (const flag of ['--help', '-h']) expect(run([name, flag])).toEqual({ code: 0, stdout: `${help}\n`, stderr: '' });
    expect(run(['help', name])).toEqual({ code: 0, stdout: `${help}\n`, stderr: '' });
    expect(help).toMatch(new RegExp(`^usage: cdk8s-ppm ${name}\\b`));
  });

  it('--help after other arguments still prints the help, but not after --', () => {
    expect(run(['template', 'r1', '--set', 'a=1', '--help']).code).toBe(0);
    expect(run(['template', '--', '--help']).stdout).not.toContain('usage:'); // after --, --help is the release name
  });

  it('cdk8s-ppm --help lists every command and exits 0; no command at all is a usage error', () => {
    const top = run(['--help']);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(run(['-h']).stdout).toBe(top.stdout);
    expect(run(['help']).stdout).toBe(top.stdout);
    const none = run([]);
    expect([none.code, none.stdout]).toEqual([2, '']);
    expect(none.stderr).toBe(top.stdout);
  });
});

describe('--version and version', () => {
  it("print package.json's version and exit 0", () => {
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(run(['version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(run(['version', 'extra']).code).toBe(2);
  });
});

describe('one-line usage errors that point at --help', () => {
  it.each([
    [['render'], 'cdk8s-ppm', 'unknown command "render"; the commands are template, diff'],
    [['template', 'r1', '--bogus'], 'cdk8s-ppm template', 'unknown flag: --bogus'],
    [['template', 'r1', '--set', 'a'], 'cdk8s-ppm template', '--set "a"'],
    [['diff', 'r1'], 'cdk8s-ppm diff', 'missing --from FILE'],
    [['diff', 'r1', 'bitnami/nginx', '--from', 'x'], 'cdk8s-ppm diff', 'chart "bitnami/nginx" is not rstudio-pm'],
    [['lint', '--bogus'], 'cdk8s-ppm lint', 'unknown flag: --bogus'],
    [['lint', '--set', 'a'], 'cdk8s-ppm lint', '--set "a"'],
    [['completion', 'powershell'], 'cdk8s-ppm completion', 'give one shell: bash, zsh, fish'],
    [['help', 'nope'], 'cdk8s-ppm', 'unknown command "nope"'],
  ])('%j: exit 2, one line', (argv, where, message) => {
    const r = run(argv);
    expect(r.code).toBe(EXIT_CODES.usage);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([expect.stringContaining(`Error: ${message}`), '']);
    expect(r.stderr).toContain(`(see '${where} --help')`);
  });
});

describe('HELM_NAMESPACE', () => {
  it('is the namespace without -n, as in helm; -n wins', () => {
    const env = { HELM_NAMESPACE: 'team-a' };
    const namespaces = (argv: string[]) => [...new Set(manifests(run(argv, { env }).stdout).map((m) => m.metadata.namespace))];
    expect(namespaces(['template', 'r1', ...ACK])).toEqual(['team-a']);
    expect(namespaces(['template', 'r1', '-n', 'team-b', ...ACK])).toEqual(['team-b']);
    expect(manifests(run(['template', 'r1', ...ACK], { env: {} }).stdout)[0].metadata.namespace).toBe('default');
  });

  it('is the namespace of diff too', () => {
    const chart = run(['template', 'r1', '-n', 'team-a', ...ACK]).stdout;
    expect(run(['diff', 'r1', '--from', 'c.yaml'], { env: { HELM_NAMESPACE: 'team-a' }, files: { 'c.yaml': chart } }).code).toBe(0);
    expect(run(['diff', 'r1', '--from', 'c.yaml'], { env: {}, files: { 'c.yaml': chart } }).code).toBe(1);
  });
});

describe('diff RELEASE [CHART]', () => {
  /** The chart's render of chart `version`: ours, with the chart's labels. */
  function chartRender(version: string, extra: string[] = []): string {
    const objects = manifests(run(['template', 'r1', '--version', version, '-n', 'posit', ...ACK, ...extra]).stdout);
    for (const o of objects)
      o.metadata.labels = { ...o.metadata.labels, 'helm.sh/chart': `rstudio-pm-${version}`, 'app.kubernetes.io/managed-by': 'Helm' };
    return toYamlDocuments(objects);
  }

  it('takes CHART as helm diff upgrade does, with the version of a chart file name', () => {
    const files = { 'c.yaml': chartRender('0.20.4') };
    expect(run(['diff', 'r1', 'rstudio/rstudio-pm', '--version', '0.20.4', '-n', 'posit', '--from', 'c.yaml'], { files }).code).toBe(0);
    expect(run(['diff', 'r1', 'rstudio-pm-0.20.4.tgz', '-n', 'posit', '--from', 'c.yaml'], { files }).code).toBe(0);
    const conflict = run(['diff', 'r1', 'rstudio-pm-0.20.4.tgz', '--version', '0.5.29', '--from', 'c.yaml'], { files });
    expect([conflict.code, conflict.stderr]).toEqual([2, expect.stringContaining('--version 0.5.29 conflicts with the chart')]);
  });

  it("reads the chart version from the release's helm.sh/chart labels when --version is not given", () => {
    const r = run(['diff', 'r1', '-n', 'posit', '--from', 'c.yaml'], { files: { 'c.yaml': chartRender('0.20.4') } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("chart version 0.20.4, read from the render's helm.sh/chart labels");
  });

  it('warns when --version disagrees with the labels', () => {
    const r = run(['diff', 'r1', '-n', 'posit', '--version', '0.5.29', '--from', 'c.yaml'], { files: { 'c.yaml': chartRender('0.20.4') } });
    expect(r.stderr).toContain("WARNING --version 0.5.29, but the render's helm.sh/chart labels name rstudio-pm-0.20.4");
    expect(r.code).toBe(1); // the image differs: a real change
  });

  it('counts a changed app-version label as a label change, not a real one', () => {
    const objects = manifests(chartRender('0.5.29'));
    for (const o of objects)
      if (o.metadata.labels?.['app.kubernetes.io/version']) o.metadata.labels['app.kubernetes.io/version'] = '2023.12.0';
    const files = { 'c.yaml': toYamlDocuments(objects) };
    const r = run(['diff', 'r1', '-n', 'posit', '--from', 'c.yaml', '-o', 'json'], { files });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { objects: { differences?: { classification: string; path: string }[] }[] };
    const versionDiffs = report.objects
      .flatMap((o) => o.differences ?? [])
      .filter((d) => String(d.path).includes('app.kubernetes.io/version'));
    expect(versionDiffs.length).toBeGreaterThan(0);
    expect(versionDiffs.every((d) => d.classification === 'label')).toBe(true);
  });
});

describe('completion bash|zsh|fish', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: a script naming every command and flag', (shell) => {
    const r = run(['completion', shell]);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) {
      expect(r.stdout).toContain(c.name);
      for (const f of c.flags) expect(r.stdout).toContain(shell === 'fish' ? `-l ${f}` : `--${f}`);
    }
  });

  it('the bash script is valid bash and completes commands and flags', () => {
    const script = run(['completion', 'bash']).stdout;
    const complete = (words: string[]) =>
      spawnSync(
        'bash',
        [
          '-c',
          `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _cdk8s_ppm; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8' },
      );
    const commands = complete(['cdk8s-ppm', 'te']);
    expect([commands.status, commands.stderr]).toEqual([0, '']);
    expect(commands.stdout.split('\n')).toContain('template');
    expect(complete(['cdk8s-ppm', 'diff', '--acc']).stdout.trim()).toBe('--accept-fix');
    expect(complete(['cdk8s-ppm', 'completion', 'z']).stdout.trim()).toBe('zsh');
  });
});

describe('the exit codes table of the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('<!-- exit-codes:start -->'), readme.indexOf('<!-- exit-codes:end -->'));
  const rows = [...section.matchAll(/^\| (\d) \| (.*) \|$/gm)].map((m) => Number(m[1]));

  it('lists every exit code, once', () => {
    expect(rows).toEqual(Object.values(EXIT_CODES));
  });

  it('is what the commands do', () => {
    const chart = run(['template', 'r1', ...ACK]).stdout;
    const files = { 'c.yaml': chart, 'bad.yaml': 'replicas: -1\n' };
    expect(run(['template', 'r1', ...ACK]).code).toBe(0); // done
    expect(run(['diff', 'r1', '--from', 'c.yaml'], { files }).code).toBe(0); // nothing but labels…
    expect(run(['template', 'r1', '-f', 'bad.yaml'], { files }).code).toBe(1); // values refused
    expect(run(['template', 'r1', '--version', '0.20.4', '--set', 'image.tagPrefix=x'], { files }).code).toBe(1); // not renderable
    expect(run(['diff', 'r1', '--from', 'c.yaml', '--set', 'service.port=81'], { files }).code).toBe(1); // a real change
    expect(run(['template', 'r1', '--bogus']).code).toBe(2); // unknown flag
    expect(run(['nope']).code).toBe(2); // unknown command
    expect(run(['template', 'r1', '--set', 'a[x]=1']).code).toBe(2); // bad --set
    expect(run(['diff', 'r1', '--from', 'missing.yaml'], { files }).code).toBe(2); // the diff cannot be made
    expect(run(['diff', 'r1', '--from', 'c.yaml', '-f', 'bad.yaml'], { files }).code).toBe(2); // …nor with refused values
  });
});
