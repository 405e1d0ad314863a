/**
 * Issue 19 item 3: the command as a process on hostile I/O. Inputs are sized before they are read (a device, a FIFO,
 * a 50 MB file, 5 MiB on stdin are refused), and a write error on stdout (a full disk, a closed descriptor) is one
 * line on stderr and exit 1, never a trace.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MAX_INPUT_BYTES } from '../../src/values/read-input';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleCli } = require('../../scripts/bundle-cli.js') as { bundleCli: (outfile: string) => Promise<unknown> };
const ACK = '--acknowledge-warning ppm:sandboxing,ppm:no-license';

let work: string;
let bundle: string;
let CLI: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cdk8s-ppm-io-'));
  // The installed command (the bundle and its launcher, as test/cli/bundle.test.ts builds them): a process starts in a fraction of a second.
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  bundle = mkdtempSync(join(ROOT, '.cache', 'io-test-'));
  await bundleCli(join(bundle, 'cli', 'cdk8s-ppm.js'));
  mkdirSync(join(bundle, 'k8s'));
  copyFileSync(join(ROOT, 'src', 'k8s', 'definitions.json'), join(bundle, 'k8s', 'definitions.json'));
  CLI = `"${process.execPath}" "${join(bundle, 'cli', 'cdk8s-ppm.js')}"`;
}, 60_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(bundle, { recursive: true, force: true });
});

/** Runs shell lines, each `CASE name: command`, in one process; returns each case's exit code and stderr. */
function runCases(cases: Record<string, string>): Record<string, { code: number; stderr: string }> {
  const script = Object.entries(cases)
    .map(([name, cmd]) => `${cmd} 2>"${work}/${name}.err"; echo "${name} $?"`)
    .join('\n');
  const r = spawnSync('bash', ['-c', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    // The command line's code cache (src/cli/launcher.ts) goes where the test's files go.
    env: { ...process.env, XDG_CACHE_HOME: join(work, 'xdg') },
  });
  const out: Record<string, { code: number; stderr: string }> = {};
  for (const line of r.stdout.trim().split('\n')) {
    const [name, code] = line.split(' ');
    out[name] = { code: Number(code), stderr: spawnSync('cat', [join(work, `${name}.err`)], { encoding: 'utf8' }).stdout };
  }
  return out;
}

it('refuses devices, FIFOs and oversized inputs before reading them; write errors are one line and exit 1', () => {
  const big = join(work, 'big.yaml');
  writeFileSync(big, '');
  truncateSync(big, 50 * 1024 * 1024); // sparse: 50 MB that cost no disk, and are never read
  const fifo = join(work, 'fifo');
  spawnSync('mkfifo', [fifo]);
  const r = runCases({
    zero: `${CLI} template r ${ACK} --set-file license.key=/dev/zero >/dev/null`,
    fifo: `${CLI} template r ${ACK} -f "${fifo}" >/dev/null`,
    big: `${CLI} template r ${ACK} --set-file "license.key=${big}" >/dev/null`,
    stdin: `head -c ${MAX_INPUT_BYTES + 1024} /dev/zero | ${CLI} template r ${ACK} -f - >/dev/null`,
    full: `${CLI} template r ${ACK} >/dev/full`,
    closed: `${CLI} template r ${ACK} >&-`,
    ok: `${CLI} template r ${ACK} >/dev/null`,
  });
  expect(r.zero).toEqual({ code: 2, stderr: expect.stringMatching(/"\/dev\/zero": is not a regular file \(a device, FIFO or socket/) });
  expect(r.fifo).toEqual({ code: 1, stderr: expect.stringMatching(/fifo: is not a regular file/) });
  expect(r.big).toEqual({ code: 2, stderr: expect.stringMatching(/the file \(52428800 bytes\) is larger than 4 MiB/) });
  expect(r.stdin).toEqual({ code: 1, stderr: expect.stringMatching(/standard input is larger than 4 MiB/) });
  expect(r.full).toEqual({ code: 1, stderr: 'Error: cannot write to stdout (ENOSPC)\n' });
  expect(r.closed).toEqual({ code: 1, stderr: expect.stringMatching(/^Error: stdout is closed/) });
  expect(r.ok).toEqual({ code: 0, stderr: '' });
  for (const { stderr } of Object.values(r)) {
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr === '' ? 0 : stderr.trim().split('\n').length).toBeLessThanOrEqual(1);
  }
}, 240_000);
