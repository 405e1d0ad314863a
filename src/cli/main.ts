#!/usr/bin/env node
/** The `cdk8s-ppm` command. Exit codes: 0 done, 1 values or rendering error, 2 usage error. */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import { PackageManagerValidationError } from '../errors';
import { formatWarning } from '../warnings';
import { HelpRequested, parseArgs, USAGE, UsageError } from './args';
import { loadValues as loadValueFlags } from '../values/load';
import { runLint } from './lint';
import { runDiff, type LoadValues } from './diff';
import { loadArgsValues, outputFiles, renderArgs, selectObjects, objectsToYaml } from './template';

/** Where the command reads and writes (the process by default; tests inject their own). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile?: (path: string) => string | Uint8Array;
  readonly readStdin?: () => string | Uint8Array;
  /** Writes an `--output-dir` file, creating its directory. */
  readonly writeFile?: (path: string, text: string) => void;
}

function defaultWriteFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function defaultReadFile(path: string): Uint8Array {
  if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  return readFileSync(path);
}

/** Runs `cdk8s-ppm ARGV`; returns the exit code. */
export function main(argv: readonly string[], io: CliIo): number {
  if (argv.length === 0) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const readFile = io.readFile ?? defaultReadFile;
  const readStdin = io.readStdin ?? (() => readFileSync(0));
  if (argv[0] === 'lint') return runLint(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, readFile, readStdin });
  if (argv[0] === 'diff') {
    // The migration report reads values exactly as `template` does.
    const load: LoadValues = (o) => loadValueFlags({ ...o, readFile, readStdin });
    const text = (b: string | Uint8Array) => (typeof b === 'string' ? b : Buffer.from(b).toString('utf8'));
    return runDiff(argv.slice(1), {
      readFile: (path) => text(readFile(path)),
      readStdin: () => text(readStdin()),
      stdout: io.stdout,
      stderr: io.stderr,
      loadValues: load,
    });
  }
  try {
    const args = parseArgs(argv);
    const read = { readFile, readStdin };
    const rendered = renderArgs(args, loadArgsValues(args, read));
    const objects = selectObjects(args, rendered.objects);
    // Each warning once per run; `--acknowledge-warning ID` silences one.
    for (const w of rendered.warnings) io.stderr(`${formatWarning(w)}\n`);
    if (args.outputDir !== undefined) {
      const write = io.writeFile ?? defaultWriteFile;
      for (const [path, text] of outputFiles(args, objects)) {
        write(path, text);
        io.stdout(`wrote ${path}\n`);
      }
    } else io.stdout(objectsToYaml(objects));
    return 0;
  } catch (e) {
    if (e instanceof HelpRequested) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (e instanceof UsageError) {
      io.stderr(`Error: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (PackageManagerValidationError.isPackageManagerValidationError(e)) {
      io.stderr(`Error: ${e.message}\n`);
      return 1;
    }
    // Anything else is a bug: say so without a stack trace from deep inside a library.
    io.stderr(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  // `cdk8s-ppm template … | head` closes the pipe early: end quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
