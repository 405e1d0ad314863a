/** `cdk8s-ppm diff` in-process: fake files and streams, and the values loader of `cdk8s-ppm template`. */
import type { DiffIO, LoadValues } from '../../src/cli/diff';
import { loadValues } from '../../src/cli/template';

/**
 * The values loader `cdk8s-ppm diff` is given, made of the current `loadValues` of `cdk8s-ppm template`
 * (files and `--set`; the other `--set-*` flags are the values loader's own business).
 */
export function templateValuesLoader(read: (file: string) => string): LoadValues {
  return (o) => {
    const unsupported = (['setString', 'setFile', 'setJson', 'setLiteral'] as const).filter((k) => o[k].length > 0);
    if (unsupported.length > 0) throw new Error(`this values loader does not take ${unsupported.join(', ')}`);
    return loadValues({ release: o.release, namespace: o.namespace, valuesFiles: [...o.files], sets: [...o.set] }, read);
  };
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
