/** Runs `cdk8s-ppm template …`: values in, manifests out (stdout or `--output-dir`). */
import { PackageManagerValidationError } from '../errors';
import { formatWarning } from '../warnings';
import { HelpRequested, parseArgs, USAGE } from './args';
import { EXIT_CODES, isUsageProblem, usageLine } from './exit-codes';
import type { CliContext } from './io';
import { loadArgsValues, objectsToYaml, outputFiles, renderArgs, selectObjects } from './template';

/** `argv` is what follows `template`. */
export function runTemplate(argv: readonly string[], ctx: CliContext): number {
  try {
    const args = parseArgs(['template', ...argv], ctx.defaultNamespace);
    const rendered = renderArgs(args, loadArgsValues(args, ctx));
    const objects = selectObjects(args, rendered.objects);
    // Each warning once per run; `--acknowledge-warning ID` silences one.
    for (const w of rendered.warnings) ctx.stderr(`${formatWarning(w)}\n`);
    if (args.outputDir !== undefined) {
      for (const [path, text] of outputFiles(args, objects)) {
        ctx.writeFile(path, text);
        ctx.stdout(`wrote ${path}\n`);
      }
    } else ctx.stdout(objectsToYaml(objects));
    return EXIT_CODES.ok;
  } catch (e) {
    if (e instanceof HelpRequested) {
      ctx.stdout(`${USAGE}\n`); // a shorthand group holding h, e.g. -gh
      return EXIT_CODES.ok;
    }
    // A `--set` that does not parse is a usage error, as the flags are.
    if (isUsageProblem(e)) {
      ctx.stderr(usageLine('template', e.message));
      return EXIT_CODES.usage;
    }
    if (PackageManagerValidationError.isPackageManagerValidationError(e)) {
      ctx.stderr(`Error: ${e.message}\n`);
      return EXIT_CODES.failed;
    }
    // Anything else is a bug: say so without a stack trace from deep inside a library.
    ctx.stderr(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_CODES.failed;
  }
}
