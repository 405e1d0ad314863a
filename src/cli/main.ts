#!/usr/bin/env node
/** The `cdk8s-ppm` command: dispatches to the command table (commands.ts). Exit codes: exit-codes.ts. */
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
