/**
 * `cdk8s-ppm schema [--version V]`: prints the JSON Schema of the chart values of a chart version (the file
 * schemas/values-V.schema.json of the package, generated from the props' TSDoc by `npm run gen`), for editors
 * (`# yaml-language-server: $schema=…`) and CI checks of a Helm `values.yaml`.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CHART_VERSIONS, DEFAULT_CHART_VERSION, isChartVersion, unsupportedChartVersion } from '../chart-versions';
import { EXIT_CODES, usageLine } from './exit-codes';
import { flagsHelp } from './flag-docs';

/** What `cdk8s-ppm schema --help` prints. */
export const SCHEMA_USAGE = `usage: cdk8s-ppm schema [--version V]

Prints the JSON Schema (draft 2020-12) of the chart values of chart version V
(${CHART_VERSIONS.join(', ')}; default ${DEFAULT_CHART_VERSION}): every value with its type, its description
and the chart's default. A values file this library accepts passes it. Editors read it
from a first line '# yaml-language-server: $schema=values-V.schema.json'; the files are
also in the package, under schemas/.

${flagsHelp('schema')}`;

/** The path of a chart version's values JSON Schema: schemas/ at the package root (src/cli/ and lib/cli/ are two below). */
export const valuesSchemaPath = (version: string) => join(__dirname, '..', '..', 'schemas', `values-${version}.schema.json`);

/** Runs `cdk8s-ppm schema ARGS`; returns the exit code. */
export function runSchema(argv: readonly string[], io: { stdout: (text: string) => void; stderr: (text: string) => void }): number {
  let version: string = DEFAULT_CHART_VERSION;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const inline = arg.startsWith('--version=') ? arg.slice('--version='.length) : undefined;
    if (arg === '--version' && i + 1 < argv.length) version = argv[++i];
    else if (inline !== undefined) version = inline;
    else {
      io.stderr(usageLine('schema', arg === '--version' ? 'flag --version needs a chart version' : `unexpected argument "${arg}"`));
      return EXIT_CODES.usage;
    }
  }
  if (!isChartVersion(version)) {
    io.stderr(usageLine('schema', unsupportedChartVersion(version)));
    return EXIT_CODES.usage;
  }
  io.stdout(readFileSync(valuesSchemaPath(version), 'utf8'));
  return EXIT_CODES.ok;
}
