/**
 * The one way input files are read (values files, `--set-file`, `--from`, stdin): sizes checked before
 * reading, and only regular files (a device such as /dev/zero or a FIFO would never end).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'fs';

/** The largest input read: far more than any values file or release (Kubernetes stores at most 1.5 MiB per object). */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

const tooBig = (what: string) =>
  Object.assign(new Error(`${what} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, more than any values file or release holds`), {
    code: 'E2BIG',
  });

/** Reads at most MAX_INPUT_BYTES from an open descriptor; more is an error (the rest is not read). */
function readBounded(fd: number, what: string): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(64 * 1024);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue; // a non-blocking stdin: wait for more
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooBig(what);
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks);
}

/** A regular file's bytes; a directory, device, FIFO or socket, or a file over MAX_INPUT_BYTES, is an error. */
export function readInputFile(path: string): Uint8Array {
  // Non-blocking: opening a FIFO nobody writes to would wait forever; it is refused below.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) {
      throw Object.assign(new Error('is not a regular file (a device, FIFO or socket, which may never end): give a file, or - for stdin'), {
        code: 'ENOTREG',
      });
    }
    if (st.size > MAX_INPUT_BYTES) throw tooBig(`the file (${st.size} bytes)`);
    return readBounded(fd, 'the file');
  } finally {
    closeSync(fd);
  }
}

/** Standard input, at most MAX_INPUT_BYTES. */
export function readInputStdin(): Uint8Array {
  return readBounded(0, 'standard input');
}
