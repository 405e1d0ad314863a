/** `cdk8s-ppm ARGV` run in-process through main(argv, io), its output collected; `files` stands in for the disk. */
import { main, type CliIo } from '../../src/cli/main';

/** Stderr without the `ppm:no-license` line, which every run without a license prints (test/validation/no-license.test.ts checks it). */
export function withoutNoLicenseLine(stderr: string): string {
  return stderr.replace(/^WARNING \[ppm:no-license\][^\n]*\n/gm, '');
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command; with `files`, reading any other path fails with ENOENT. Stdin is empty unless `io` says. */
export function runCli(argv: readonly string[], io: Partial<CliIo> & { files?: Readonly<Record<string, string>> } = {}): CliRun {
  let stdout = '';
  let stderr = '';
  const { files, ...rest } = io;
  const code = main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => '',
    ...(files
      ? {
          readFile: (p: string) => {
            if (!(p in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
            return files[p];
          },
        }
      : {}),
    ...rest,
  });
  return { code, stdout, stderr };
}
