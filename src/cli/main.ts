#!/usr/bin/env node
/** The `cdk8s-ppm` command: dispatches to the command table (commands.ts). Exit codes: exit-codes.ts. */
import { readFileSync, readlinkSync, writeSync } from 'fs';
import { COMMANDS, packageVersion, topHelp } from './commands';
import { EXIT_CODES, usageLine } from './exit-codes';
import { contextOf, type CliIo } from './io';

export type { CliIo } from './io';

/** Whether `-h`/`--help` is among the flags (before a `--`). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

/** Runs `cdk8s-ppm ARGV`; returns the exit code. */
export function main(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`${topHelp()}\n`);
    return EXIT_CODES.usage;
  }
  if (name === '-h' || name === '--help') {
    io.stdout(`${topHelp()}\n`);
    return EXIT_CODES.ok;
  }
  if (name === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_CODES.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(usageLine(undefined, `unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`));
    return EXIT_CODES.usage;
  }
  if (asksForHelp(rest)) {
    io.stdout(`${command.help}\n`);
    return EXIT_CODES.ok;
  }
  return command.run(rest, contextOf(io));
}

/** An output that cannot be written (a full disk, /dev/full, a closed descriptor): one line on stderr if it can, exit 1. */
function outputFailed(stream: 'stdout' | 'stderr', e: unknown): never {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'unknown error';
  if (stream === 'stdout') {
    try {
      writeSync(2, `Error: cannot write to stdout (${code})\n`);
    } catch {
      // stderr is gone too: the exit code says it
    }
  }
  process.exit(EXIT_CODES.failed);
}

/**
 * Whether the shell closed stdout (`>&-`): Node then opens /dev/null read-write in its place, which Linux shows in
 * /proc (a redirect to /dev/null opens it write-only). Elsewhere undetectable: false.
 */
function stdoutClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags !== null && (parseInt(flags[1], 8) & 3) === 2;
  } catch {
    return false;
  }
}

if (require.main === module) {
  if (stdoutClosed()) {
    process.stderr.write('Error: stdout is closed, so nothing could be written: redirect it to a file or a pipe\n');
    process.exit(EXIT_CODES.failed);
  }
  // `cdk8s-ppm template … | head` closes the pipe early: end quietly. Any other write error ends the run.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(EXIT_CODES.ok) : outputFailed('stdout', e)));
  process.stderr.on('error', (e: NodeJS.ErrnoException) => outputFailed('stderr', e));
  const write = (stream: 'stdout' | 'stderr') => (text: string) => {
    try {
      process[stream].write(text);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE' && stream === 'stdout') process.exit(EXIT_CODES.ok);
      outputFailed(stream, e);
    }
  };
  process.exitCode = main(process.argv.slice(2), { stdout: write('stdout'), stderr: write('stderr') });
}
