/** `cdk8s-ppm diff` in-process: fake files and streams, and the values loader of `cdk8s-ppm template`. */
import type { DiffIO, LoadValues } from '../../src/cli/diff';
import { loadValues } from '../../src/values/load';

/** The values loader `cdk8s-ppm diff` is given in `cdk8s-ppm`: the one of `cdk8s-ppm template`, on fake files. */
export function templateValuesLoader(read: (file: string) => string): LoadValues {
  return (o) => loadValues({ ...o, readFile: read, readStdin: () => read('/dev/stdin') });
}

/** Files by path (and stdin) in, what was written out. */
export function fakeIO(files: Record<string, string>, stdin?: string): DiffIO & { readonly out: string[]; readonly err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const read = (path: string) => {
    if (path === '/dev/stdin' && stdin !== undefined) return stdin;
    if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return files[path];
  };
  return {
    out,
    err,
    readFile: read,
    readStdin: () => {
      if (stdin === undefined) throw Object.assign(new Error('no stdin'), { code: 'EAGAIN' });
      return stdin;
    },
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    loadValues: templateValuesLoader(read),
  };
}
