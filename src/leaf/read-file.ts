/** Reading a file the CLI and the values loader were given. */
import { readFileSync, statSync } from 'fs';

/** The bytes of a file; a directory fails as EISDIR everywhere (Linux says so on read, other systems do not). */
export function readFileBytes(path: string): Uint8Array {
  if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  return readFileSync(path);
}
