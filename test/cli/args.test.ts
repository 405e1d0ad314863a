/** The command line of `cdk8s-ppm template`: helm template's, parsed as helm's flag library does. */
import { csvFields, HelpRequested, parseArgs, parseChartRef, UsageError } from '../../src/cli/args';
import { thrown } from '../helpers/thrown';

const parse = (...argv: string[]) => parseArgs(['template', ...argv]);
const usageError = (...argv: string[]): string => thrown(() => parse(...argv), UsageError).message;

describe('NAME and CHART', () => {
  it.each([
    [['my-release', 'rstudio/rstudio-pm'], 'my-release', 'rstudio/rstudio-pm'],
    [['rstudio/rstudio-pm'], 'release-name', 'rstudio/rstudio-pm'],
    [['./charts/rstudio-pm/'], 'release-name', './charts/rstudio-pm/'],
    [['rstudio-pm'], 'release-name', 'rstudio-pm'],
    [['oci://ghcr.io/rstudio/rstudio-pm'], 'release-name', 'oci://ghcr.io/rstudio/rstudio-pm'],
    [['my-release'], 'my-release', undefined],
  ])('%j → release %s, chart %s', (argv, release, chart) => {
    expect(parse(...argv)).toMatchObject({ release, chart });
  });

  it('takes the version from a packaged chart or an OCI tag', () => {
    expect(parse('r', 'https://helm.rstudio.com/rstudio-pm-0.5.29.tgz').chartVersion).toBe('0.5.29');
    expect(parse('r', '/tmp/rstudio-pm-0.20.4.tgz').chartVersion).toBe('0.20.4');
    expect(parse('r', 'oci://registry/charts/rstudio-pm:0.5.29').chartVersion).toBe('0.5.29');
  });

  it.each([
    [['r', 'bitnami/nginx'], 'chart "bitnami/nginx" is not rstudio-pm'],
    [['r', 'rstudio-pm-1.0.0.tgz'], 'chart version "1.0.0" is not supported'],
    [['r', 'rstudio-pm-0.5.29.tgz', '--version', '0.20.4'], '--version 0.20.4 conflicts with the chart rstudio-pm-0.5.29.tgz'],
    [[], 'requires at least 1 argument'],
    [['a', 'rstudio-pm', 'c'], 'expected at most two arguments, unexpected arguments: c'],
    [['-g', 'r', 'rstudio-pm'], 'cannot set --generate-name and also specify a name'],
    [['--name-template', 'x', 'r', 'rstudio-pm'], 'cannot set --name-template and also specify a name'],
    [['--name-template', '{{ randAlpha 5 }}', 'rstudio-pm'], '--name-template with template actions is not supported'],
  ])('%j is refused: %s', (argv, message) => {
    expect(usageError(...argv)).toContain(message);
  });

  it('takes --generate-name with only the chart, as helm template (the name stays "release-name")', () => {
    expect(parse('-g', 'rstudio-pm').release).toBe('release-name');
    expect(parse('--name-template', 'fixed', 'rstudio-pm').release).toBe('fixed');
  });

  it.each([
    ['rstudio-pm', {}],
    ['a/b/rstudio-pm', {}],
    ['rstudio-pm-0.5.29.tgz', { version: '0.5.29' }],
    ['https://x/y/rstudio-pm-0.20.4.tgz?token=1', { version: '0.20.4' }],
    ['rstudio-pm.tgz', undefined],
    ['rstudio-connect', undefined],
    ['my-rstudio-pm', undefined],
  ])('parseChartRef(%j)', (ref, expected) => {
    expect(parseChartRef(ref)).toEqual(expected);
  });
});

describe('flags', () => {
  it('reads every form of a flag, in any order with the arguments', () => {
    const args = parse(
      '-f',
      'a.yaml,b.yaml',
      'r',
      '--values=c.yaml',
      '-fd.yaml',
      '-f=e.yaml',
      '--set',
      'a=1',
      '--set=b=2',
      '--set-string',
      's=1',
      '--set-json',
      'j={}',
      '--set-file',
      'f=x',
      '--set-literal',
      'l=a,b',
      '-n',
      'ns',
      'rstudio-pm',
      '--version',
      'v0.5.29',
      '-s',
      'templates/svc.yaml',
      '--show-only=templates/pvc.yaml',
      '--output-dir',
      'out',
      '--release-name',
      '--no-hooks',
      '--kube-version',
      'v1.28.0',
      '--debug',
    );
    expect(args).toEqual({
      acknowledgeWarnings: [],
      release: 'r',
      chart: 'rstudio-pm',
      namespace: 'ns',
      chartVersion: '0.5.29',
      values: {
        files: ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml'],
        set: ['a=1', 'b=2'],
        setString: ['s=1'],
        setFile: ['f=x'],
        setJson: ['j={}'],
        setLiteral: ['l=a,b'],
      },
      showOnly: ['templates/svc.yaml', 'templates/pvc.yaml'],
      outputDir: 'out',
      releaseNameDir: true,
      noHooks: true,
      kubeVersion: 'v1.28.0',
      debug: true,
    });
  });

  it('defaults the namespace to "default" and the version to none', () => {
    expect(parse('r')).toMatchObject({ namespace: 'default', chartVersion: undefined, showOnly: [], noHooks: false });
  });

  it('takes a value that starts with "-" and stops reading flags at --', () => {
    expect(parse('r', '-n', '-x').namespace).toBe('-x');
    expect(parse('--', '-r').release).toBe('-r');
  });

  it('accepts bool flags with =true/=false and combined shorthands', () => {
    expect(parse('r', '--no-hooks=false').noHooks).toBe(false);
    expect(parse('-gf', 'v.yaml', 'rstudio-pm').values.files).toEqual(['v.yaml']);
  });

  it('accepts the helm template flags that change nothing here', () => {
    expect(() =>
      parse(
        'r',
        '--include-crds',
        '--skip-tests',
        '--skip-crds',
        '--is-upgrade',
        '-a',
        'policy/v1',
        '--dry-run',
        '--dry-run=server',
        '--timeout',
        '5m',
        '--repo',
        'https://x',
        '--kube-context',
        'c',
        '--devel',
        '--atomic',
        '-l',
        'a=b',
      ),
    ).not.toThrow();
  });

  it.each([
    [['r', '--bogus'], 'unknown flag: --bogus'],
    [['r', '-x'], "unknown shorthand flag: 'x' in -x"],
    [['r', '--set'], 'flag needs an argument: --set'],
    [['r', '-n'], "flag needs an argument: 'n' in -n"],
    [['r', '--no-hooks=maybe'], 'invalid argument "maybe" for "--no-hooks" flag'],
    [['r', '--validate'], '--validate needs a Kubernetes cluster'],
    [['r', '--post-renderer', 'x'], '--post-renderer is not supported'],
    [['r', '--kube-version', 'abc'], "invalid kube version 'abc'"],
    [['r', '--version', '1.2.3'], 'chart version "1.2.3" is not supported: use 0.5.29 or 0.20.4'],
    [['r', '-f', 'a"b'], 'bare " in a non-quoted field'],
  ])('%j is refused: %s', (argv, message) => {
    expect(usageError(...argv)).toContain(message);
  });

  it('knows help and the command', () => {
    expect(() => parse('--help')).toThrow(HelpRequested);
    expect(() => parse('r', '-h')).toThrow(HelpRequested);
    expect(() => parseArgs(['render'])).toThrow('unknown command "render"');
    expect(() => parseArgs([])).toThrow('missing command');
  });
});

describe('csvFields (-f a,b)', () => {
  it.each([
    ['a.yaml', ['a.yaml']],
    ['a.yaml,b.yaml', ['a.yaml', 'b.yaml']],
    ['', []],
    ['"a,b.yaml",c', ['a,b.yaml', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['a,', ['a', '']],
  ])('%j → %j', (value, fields) => {
    expect(csvFields(value, '-f')).toEqual(fields);
  });
});
