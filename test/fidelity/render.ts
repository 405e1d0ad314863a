/** `cdk8s-ppm template my-release rstudio/rstudio-pm -n posit [--version V] -f values.yaml [ARGS…]`, in process. */
import { main } from '../../src/cli/main';
import { parseYamlDocuments } from '../../src/values/yaml';

export interface Rendered {
  readonly code: number;
  readonly stderr: string;
  readonly objects: Record<string, any>[]; // parsed YAML
}

export const VERSIONS = ['0.5.29', '0.20.4'] as const;

export function template(valuesYaml: string, version: string = VERSIONS[0], extraArgs: readonly string[] = []): Rendered {
  let stdout = '';
  let stderr = '';
  const code = main(
    ['template', 'my-release', 'rstudio/rstudio-pm', '-n', 'posit', '--version', version, '-f', 'values.yaml', ...extraArgs],
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      readFile: (path) => {
        if (path === 'values.yaml') return valuesYaml;
        throw Object.assign(new Error(`open ${path}: no such file or directory`), { code: 'ENOENT' });
      },
    },
  );
  const objects = code === 0 ? (parseYamlDocuments(stdout).filter((d) => d !== null) as Rendered['objects']) : [];
  return { code, stderr, objects };
}

export const kinds = (r: Rendered) => r.objects.map((o) => o.kind).sort();
export const find = (r: Rendered, kind: string) => r.objects.find((o) => o.kind === kind);
