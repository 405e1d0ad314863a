/** Parses `cdk8s-ppm template RELEASE [-n NAMESPACE] [-f values.yaml]... [--set a.b=c]...`. */

/** What the command line asked for. */
export interface TemplateArgs {
  readonly release: string;
  readonly namespace: string;
  readonly valuesFiles: string[];
  readonly sets: string[];
}

/** A command line that cannot be run. */
export class UsageError extends Error {}

export const USAGE = `usage: cdk8s-ppm template RELEASE [-n NAMESPACE] [-f values.yaml]... [--set key=value]...

Prints the manifests PackageManager synthesizes for chart values, like
\`helm template RELEASE rstudio-pm -n NAMESPACE -f values.yaml\`.`;

export function parseArgs(argv: readonly string[]): TemplateArgs {
  const [command, ...rest] = argv;
  if (command !== 'template') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  let release: string | undefined;
  let namespace = 'default';
  const valuesFiles: string[] = [];
  const sets: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const next = () => {
      if (inline !== undefined) return inline;
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-n' || flag === '--namespace') namespace = next();
    else if (flag === '-f' || flag === '--values') valuesFiles.push(next());
    else if (flag === '--set') sets.push(next());
    else if (flag.startsWith('-')) throw new UsageError(`unknown option "${flag}"`);
    else if (release === undefined) release = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (!release) throw new UsageError('missing RELEASE');
  return { release, namespace, valuesFiles, sets };
}
