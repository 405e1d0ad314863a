/**
 * The README and the docs split out of it (docs/*.md) cannot drift: every TypeScript block type-checks against the
 * package (src/), every complete one (ending in `app.synth()`) runs and synthesizes, the quick start is what the
 * consumer test runs, every link resolves inside the published package, the "What you get" table lists every public
 * member, and what it says about `cdk8s-ppm diff` and errors is what the code does. The README stays within 60 KB.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, normalize, resolve } from 'path';
import * as ts from 'typescript';
import { App, Chart } from 'cdk8s';
import { PackageManager, PackageManagerValidationError } from '../src';
import { parseDiffArgs } from '../src/cli/diff';
import { DELIBERATE_FIXES } from '../src/diff';

const ROOT = resolve(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The README and the long docs split out of it, by their path in the package. */
const DOCS: ReadonlyMap<string, string> = new Map([
  ['README.md', README],
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f): [string, string] => [`docs/${f}`, readFileSync(join(ROOT, 'docs', f), 'utf8')]),
]);

interface Block {
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The file it is in. */
  readonly file: string;
}

function blocks(text: string, file = 'README.md'): Block[] {
  const out: Block[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  let m: RegExpExecArray | null;
  while ((m = fence.exec(text))) out.push({ lang: m[1], code: m[2], line: text.slice(0, m.index).split('\n').length, file });
  return out;
}

const TS_BLOCKS = [...DOCS].flatMap(([file, text]) => blocks(text, file)).filter((b) => b.lang === 'ts');
const PACKAGE_PATHS: Record<string, string> = {
  'cdk8s-posit-package-manager': join(ROOT, 'src', 'index.ts'),
  'cdk8s-posit-package-manager/diff': join(ROOT, 'src', 'diff', 'index.ts'),
};

/** Type-checks blocks as files of their own, `cdk8s-posit-package-manager` resolving to src/; the problems as `FILE:LINE: message`. */
function typeCheck(list: readonly Block[]): string[] {
  const files = new Map(list.map((b) => [join(ROOT, `${b.file}.line-${b.line}.ts`), b]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    baseUrl: ROOT,
    paths: Object.fromEntries(Object.entries(PACKAGE_PATHS).map(([k, v]) => [k, [v]])),
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) =>
    files.has(name) ? ts.createSourceFile(name, files.get(name)!.code, version) : getSourceFile.call(host, name, version, ...rest);
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name)?.code ?? readFile.call(host, name);
  const program = ts.createProgram([...files.keys()], options, host);
  return [...files.keys()].flatMap((name) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const { file, line: block } = files.get(name)!;
      return `${file}:${where ? block + where.line + 1 : block}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    }),
  );
}

describe('README TypeScript blocks', () => {
  it('has the blocks it should (quick start, fromValues, patching, Secrets)', () => {
    expect(TS_BLOCKS.length).toBeGreaterThanOrEqual(4);
    // Every block is a complete program: it imports what it uses.
    for (const b of TS_BLOCKS) expect(b.code).toMatch(/^import /);
  });

  it('every block type-checks (strict) against the package', () => {
    expect(typeCheck(TS_BLOCKS)).toEqual([]);
    // The check is real: a block with a wrong prop type fails it.
    const wrong = {
      lang: 'ts',
      line: 1,
      file: 'README.md',
      code: "import { PackageManager } from 'cdk8s-posit-package-manager';\nexport const p: ConstructorParameters<typeof PackageManager>[2] = { replicas: 'two' };\n",
    };
    expect(typeCheck([wrong])).toEqual([expect.stringMatching(/^README.md:3: Type 'string' is not assignable to type 'number'/)]);
  }, 120_000);

  const runnable = TS_BLOCKS.filter((b) => /^app\.synth\(\);$/m.test(b.code));

  it('every block is a complete app (it ends in app.synth())', () => {
    expect(runnable.length).toBe(TS_BLOCKS.length);
  });

  it.each(runnable.map((b) => [b.file, b.line, b] as const))('the block of %s at line %i runs and synthesizes', (_file, _line, b) => {
    const dir = mkdtempSync(join(tmpdir(), 'ppm-readme-'));
    const cwd = process.cwd();
    const outdir = process.env.CDK8S_OUTDIR;
    const stderr: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    try {
      copyFileSync(join(ROOT, 'examples', 'values.yaml'), join(dir, 'values.yaml')); // what the fromValues block reads
      process.chdir(dir);
      process.env.CDK8S_OUTDIR = join(dir, 'dist');
      const js = ts.transpileModule(b.code, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      const load = (m: string) => (m in PACKAGE_PATHS ? require(PACKAGE_PATHS[m]) : require(m)); // eslint-disable-line @typescript-eslint/no-require-imports
      new Function('require', 'module', 'exports', js.outputText)(load, { exports: {} }, {});
      const written = readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.k8s.yaml'));
      expect(written.length).toBeGreaterThan(0);
      const yaml = written.map((f) => readFileSync(join(dir, 'dist', f), 'utf8')).join('\n');
      expect(yaml).toMatch(/^kind: Deployment$/m);
      if (b.code.includes('reportWarnings(app)')) expect(stderr.join('')).toContain('[ppm:sandboxing]');
    } finally {
      spy.mockRestore();
      process.chdir(cwd);
      if (outdir === undefined) delete process.env.CDK8S_OUTDIR;
      else process.env.CDK8S_OUTDIR = outdir;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README quick start', () => {
  const section = README.slice(README.indexOf('<!-- quickstart:start -->'), README.indexOf('<!-- quickstart:end -->'));

  it('is what the consumer test runs, on the newest and the lowest peer versions, in CI', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { quickstart } = require('../scripts/quickstart.js') as { quickstart: (readme: string) => string };
    const script = quickstart(README);
    for (const b of blocks(section).filter((x) => x.lang === 'sh')) {
      for (const line of b.code.split('\n').filter(Boolean)) expect(script).toContain(line.replace(/^npm install\b/, 'qs_npm_install'));
    }
    for (const file of ['main.ts', 'cdk8s.yaml', 'tsconfig.json']) expect(script).toContain(`cat > ${file} <<'QUICKSTART_EOF'`);
    const consumer = readFileSync(join(ROOT, 'scripts', 'consumer-test.sh'), 'utf8');
    expect(consumer).toContain('node scripts/quickstart.js README.md');
    expect(consumer).toMatch(/^consumer_app newest$/m);
    expect(consumer).toMatch(/^consumer_app lowest$/m);
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm run test:consumer$/m);
  });

  it('names the peer versions package.json declares', () => {
    const peers = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).peerDependencies as Record<string, string>;
    for (const [name, range] of Object.entries(peers)) expect(README).toContain(`\`${name}\` ${range}`);
  });

  it("CONTRIBUTING's commands are the ones CI runs", () => {
    const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const commands = blocks(contributing)[0]
      .code.split('\n')
      .filter(Boolean)
      .flatMap((l) => l.replace(/#.*$/, '').split('&&'))
      .map((c) => c.trim());
    expect(commands).toEqual(['npm ci', 'npm run synth', 'npm test', 'npm run test:consumer']);
    for (const c of commands) expect(ci).toMatch(new RegExp(`^${c.replace(/ /g, ' ')}( |$)`, 'm'));
  });
});

describe('README links', () => {
  /** Each link of each doc, resolved to a path in the package when it is relative (with its `#anchor`). */
  const links = [...DOCS].flatMap(([file, text]) =>
    [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => {
      const link = m[1];
      if (/^[a-z]+:/.test(link)) return { file, link, target: undefined };
      const [path, hash] = link.split('#');
      return { file, link, target: path ? normalize(join(dirname(file), path)) : file, hash };
    }),
  );

  /** GitHub's anchor of a heading. */
  const anchor = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^\w\- ]/g, '')
      .replace(/ /g, '-');

  it('is at most 60 KB (the registry cuts a longer readme): long reference text goes into docs/*.md', () => {
    expect(Buffer.byteLength(README)).toBeLessThanOrEqual(60 * 1024);
  });

  it('every relative link names a file the published package contains', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as { files: { path: string }[] }[];
    const files = new Set(packed[0].files.map((f) => f.path));
    const relative = links.filter((l) => l.target !== undefined);
    expect(relative.filter((l) => l.file === 'README.md' && !l.link.startsWith('#')).length).toBeGreaterThan(10);
    expect(relative.filter((l) => !files.has(l.target!)).map((l) => `${l.file}: ${l.link}`)).toEqual([]);
    // Every doc split out of the README is shipped and linked from it.
    for (const file of DOCS.keys()) expect(files.has(file)).toBe(true);
    const linked = new Set(links.filter((l) => l.file === 'README.md').map((l) => l.target));
    expect([...DOCS.keys()].filter((f) => f !== 'README.md' && !linked.has(f))).toEqual([]);
  }, 60_000);

  it('every anchor names a heading of the doc it points at', () => {
    const headings = (file: string) => new Set([...(DOCS.get(file) ?? '').matchAll(/^#+ (.*)$/gm)].map((m) => anchor(m[1])));
    const broken = links.filter((l) => l.hash && DOCS.has(l.target!) && !headings(l.target!).has(l.hash));
    expect(broken.map((l) => `${l.file}: ${l.link}`)).toEqual([]);
  });

  it('absolute links are https', () => {
    expect(links.filter((l) => l.target === undefined && !l.link.startsWith('https://')).map((l) => l.link)).toEqual([]);
  });
});

describe('README claims', () => {
  it('"What you get" lists every public member of PackageManager', () => {
    const api = readFileSync(join(ROOT, 'docs', 'API.md'), 'utf8');
    const table = api.slice(api.indexOf('### `PackageManager`'), api.indexOf('### Entry points'));
    const members = [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]).filter((m) => m !== 'constructor');
    expect(members).toEqual(
      expect.arrayContaining(['releaseName', 'namespace', 'fullName', 'selectorLabels', 'serviceAccountName', 'warnings']),
    );
    const section = README.slice(README.indexOf('## What you get'), README.indexOf('## Props'));
    const listed = new Set([...section.matchAll(/^\| `(\w+)/gm)].map((m) => m[1]));
    expect(members.filter((m) => !listed.has(m))).toEqual([]);
    expect([...listed].filter((m) => !members.includes(m))).toEqual([]);
  });

  it('the cdk8s-ppm diff command lines it shows are valid', () => {
    const lines = blocks(README)
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.code.split('\n'))
      .filter((l) => l.startsWith('npx cdk8s-ppm diff '));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(() => parseDiffArgs(l.replace('npx cdk8s-ppm diff ', '').split(/\s+/))).not.toThrow();
  });

  it('lists every deliberate fix of cdk8s-ppm diff, by its name', () => {
    const section = README.slice(README.indexOf('The deliberate fixes, by the name'), README.indexOf('Two more differences'));
    const named = [...section.matchAll(/^- `([\w-]+)`:/gm)].map((m) => m[1]);
    expect(named).toEqual(Object.keys(DELIBERATE_FIXES));
  });

  it('the error shown under "Errors" is the error the construct throws', () => {
    const section = README.slice(README.indexOf('## Errors'));
    const shown = blocks(section)[0].code.trimEnd();
    let error: unknown;
    try {
      new PackageManager(new Chart(new App({ outdir: '/dev/null' }), 'app'), 'ppm', {
        service: { tpye: 'NodePort' } as never,
        license: { file: { mountPath: 'etc/lic' } },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackageManagerValidationError);
    expect((error as Error).message).toBe(shown);
  });

  it('counts the parity cases there are', () => {
    const count = ['parity', 'parity-0.20.4']
      .map((d) => readdirSync(join(ROOT, 'test', 'fixtures', d, 'cases')).filter((f) => f.endsWith('.values.yaml')).length)
      .reduce((a, b) => a + b, 0);
    expect(README.replace(/\s+/g, ' ')).toContain(`checked case by case against the chart's own output (${count} cases)`);
  });

  it('says where validation happens as the code does: when the construct is created', () => {
    expect(README).not.toMatch(/at synth time/);
    expect(README).toContain('Bad input is an error when the construct is created');
  });
});

describe('NEWS and the version', () => {
  const news = readFileSync(join(ROOT, 'NEWS.md'), 'utf8');
  const headings = [...news.matchAll(/^## (.*)$/gm)].map((m) => m[1]);

  it('has "Unreleased" on top, then a heading per version, newest first', () => {
    expect(headings[0]).toBe('Unreleased');
    const versions = headings.slice(1).map((h) => /^(\d+)\.(\d+)\.(\d+)\b/.exec(h));
    expect(versions.every(Boolean)).toBe(true);
    const nums = versions.map((v) => v!.slice(1).map(Number));
    for (let i = 1; i < nums.length; i++) {
      const [a, b] = [nums[i - 1], nums[i]];
      expect(a[0] * 1e6 + a[1] * 1e3 + a[2]).toBeGreaterThan(b[0] * 1e6 + b[1] * 1e3 + b[2]);
    }
  });

  it("has a section for package.json's version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(headings.some((h) => h === version || h.startsWith(`${version} `))).toBe(true);
  });
});
