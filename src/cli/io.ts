/** What a `cdk8s-ppm` command reads and writes: the process by default, fakes in tests. */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import { readFileBytes } from '../leaf/read-file';

/** Where the command reads and writes (the process by default; tests inject their own). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile?: (path: string) => string | Uint8Array;
  readonly readStdin?: () => string | Uint8Array;
  /** Writes an `--output-dir` file, creating its directory. */
  readonly writeFile?: (path: string, text: string) => void;
  /** The environment (`HELM_NAMESPACE`); `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A {@link CliIo} with every member filled in. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string | Uint8Array;
  readonly readStdin: () => string | Uint8Array;
  readonly writeFile: (path: string, text: string) => void;
  /** The namespace when no `-n` is given: `HELM_NAMESPACE`, as helm, or `default`. */
  readonly defaultNamespace: string;
}

function defaultWriteFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export function contextOf(io: CliIo): CliContext {
  const env = io.env ?? process.env;
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    readFile: io.readFile ?? readFileBytes,
    readStdin: io.readStdin ?? (() => readFileSync(0)),
    writeFile: io.writeFile ?? defaultWriteFile,
    defaultNamespace: env.HELM_NAMESPACE || 'default',
  };
}

/** Text of a file read as bytes or text. */
export const textOf = (b: string | Uint8Array): string => (typeof b === 'string' ? b : Buffer.from(b).toString('utf8'));
