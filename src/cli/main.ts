#!/usr/bin/env node
/** The `cdk8s-ppm` command. */
import { PackageManagerValidationError } from '../errors';
import { parseArgs, USAGE, UsageError } from './args';
import { loadValues, renderTemplate } from './template';

function main(argv: string[]): number {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  try {
    const args = parseArgs(argv);
    process.stdout.write(renderTemplate(args, loadValues(args)));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`Error: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    const message = e instanceof PackageManagerValidationError || e instanceof Error ? e.message : String(e);
    process.stderr.write(`Error: ${message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
