/**
 * `npm run gen`: writes every file that describes values from the one hand-written description
 * (the TSDoc of src/props.ts and src/config/types.ts, read by read.ts), then the docs
 * (scripts/gen-docs.ts). `generateValueFiles()` returns the texts without writing
 * (test/generated.test.ts compares them with the committed files).
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { header, namedChecks, Reader, ROOT, TRAIT_TAGS, typeNames, type Value } from './read';
import { combinatorsIn, fastOf, key, zodOf } from './write-checks';
import { valuesJsonSchema } from './write-json-schema';
import { CHART_VERSIONS, chartRecord } from '../../src/chart-versions';

/** Where each named check comes from, for the zod schema and for the fast check (relative to src/). */
const SOURCES = {
  zod: ['prop-checks-zod.ts', 'config/config-checks-zod.ts'],
  fast: ['prop-checks-fast.ts', 'config/config-checks-fast.ts'],
} as const;
/** Checks that are generated themselves: the typed config. */
const GENERATED = { zod: { config: ['config/schema.ts', 'configSchema'] }, fast: { config: ['config/spec.ts', 'configCheck'] } } as const;

function exportsOf(file: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, 'src', file), 'utf8');
  return new Set([...text.matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1]));
}

function rel(from: string, to: string): string {
  const r = path.relative(path.dirname(from), to.replace(/\.ts$/, '')).split(path.sep).join('/');
  return r.startsWith('.') ? r : `./${r}`;
}

/** Import lines for the named checks used by `tree`, written into `file` (relative to src/). */
function namedImports(tree: Value, file: string, kind: 'zod' | 'fast'): string[] {
  const names = namedChecks(tree);
  names.delete('k8s');
  if (typeNames(tree).k8s.size > 0) names.add(kind === 'zod' ? 'k8sObject' : 'k8s');
  const bySource = new Map<string, string[]>();
  for (const name of [...names].sort()) {
    const generated = (GENERATED[kind] as Record<string, readonly [string, string]>)[name];
    if (generated) {
      if (generated[0] !== file) bySource.set(generated[0], [...(bySource.get(generated[0]) ?? []), `${generated[1]} as ${name}`]);
      continue;
    }
    const source = SOURCES[kind].find((s) => exportsOf(s).has(name));
    if (!source) throw new Error(`@check ${name}: no export of that name in src/${SOURCES[kind].join(' or src/')}`);
    bySource.set(source, [...(bySource.get(source) ?? []), name]);
  }
  return [...bySource].map(([source, list]) => `import { ${list.join(', ')} } from '${rel(file, source)}';`);
}

function k8sTypeImport(tree: Value, file: string): string[] {
  const byModule = new Map<string, string[]>();
  for (const [name, module] of [...typeNames(tree).k8s].sort(([a], [b]) => a.localeCompare(b)))
    byModule.set(module, [...(byModule.get(module) ?? []), name]);
  return [...byModule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([module, names]) => `import type { ${names.join(', ')} } from '${rel(file, `${module}.ts`)}';`);
}

const CHECKED = "NoNull<SecretsByName<Omit<PackageManagerProps, 'chartVersion' | 'acknowledgeWarnings'>>>";

function propsSchemaFile(props: Value): string {
  const file = 'schema.ts';
  return [
    header('The zod schema of the props: loaded only to explain what the fast check (validation/fast-check.ts) refused.'),
    "import { z } from 'zod';",
    ...k8sTypeImport(props, file),
    ...namedImports(props, file, 'zod'),
    "import type { SchemaMatches } from './prop-checks-zod';",
    "import type { NoNull, PackageManagerProps, SecretsByName } from './props';",
    '',
    "export type { SchemaMatches } from './prop-checks-zod';",
    '',
    '/** The schema of `PackageManagerProps`. */',
    `export const propsSchema = ${zodOf(props)};`,
    '',
    "/** `true` when the schema's input type and `PackageManagerProps` agree, key by key (the build fails otherwise). */",
    `export type SchemaMatchesProps = SchemaMatches<typeof propsSchema, ${CHECKED}>;`,
    'const schemaMatchesProps: SchemaMatchesProps = true;',
    'void schemaMatchesProps;',
    '',
  ].join('\n');
}

function fastCheckFile(props: Value, ownTypes: Set<string>): string {
  const file = 'validation/fast-check.ts';
  const typeOf = (name: string) => `NoNull<SecretsByName<${name}>>`;
  const body = fastOf(props, typeOf, 'Checked');
  const own = [...typeNames(props).own].filter((n) => ownTypes.has(n) && body.includes(`<${n}>`)).sort();
  return [
    header(
      'The fast check of the merged props: true when the zod schema (schema.ts) would accept them, without zod and without allocating.',
    ),
    ...k8sTypeImport(props, file),
    `import type { NoNull, PackageManagerProps, SecretsByName${own.map((n) => `, ${n}`).join('')} } from '../props';`,
    ...namedImports(props, file, 'fast'),
    `import { ${[...combinatorsIn(body), 'type Check'].join(', ')} } from '../leaf/check';`,
    '',
    '/** What the schema checks: the props without the two checked before it. */',
    `type Checked = ${CHECKED};`,
    '',
    '/** The check of the merged props (the top level of `propsSchema`). */',
    `export const propsCheck: Check<Checked> = ${body};`,
    '',
  ].join('\n');
}

function configSchemaFile(config: Value): string {
  const file = 'config/schema.ts';
  return [
    header('The zod schema of the typed config: loaded only to explain a config the fast check (config/spec.ts) refused.'),
    "import { z } from 'zod';",
    ...namedImports(config, file, 'zod'),
    '',
    `export const configSchema = ${zodOf(config)};`,
    '',
  ].join('\n');
}

function configShapeFile(config: Value & { t: 'object' }): string {
  const file = 'config/shape.ts';
  const sections = config.fields.map((f) => `${key(f.key)}: ${fastOf(f.value, (n) => n)}`);
  const body = sections.join(',\n');
  const types = [...typeNames(config).own].filter((n) => body.includes(`<${n}>`)).sort();
  return [
    header('Every section of the typed config, each key with the fast check of its value.'),
    `import type { PackageManagerConfig${types.map((n) => `, ${n}`).join('')} } from './types';`,
    ...namedImports(config, file, 'fast'),
    `import { ${[...combinatorsIn(body), 'type Shape'].join(', ')} } from '../leaf/check';`,
    '',
    '/** Every section of the typed config, each key with the check of its value. */',
    `export const CONFIG_SHAPE: Shape<PackageManagerConfig> = { ${body} };`,
    '',
  ].join('\n');
}

/** Trait rows of a tree: maps are walked (checked ones through their own description), lists are leaves. */
function traitRows(v: Value, prefix: string, out: string[] = []): string[] {
  const inner = v.t === 'named' ? v.inner : v;
  if (inner?.t !== 'object') return out;
  for (const f of inner.fields) {
    const p = prefix ? `${prefix}.${f.key}` : f.key;
    const traits = TRAIT_TAGS.filter((t) => f.traits[t] !== undefined).map((t) =>
      t === 'derivedFrom' || t === 'onlyWithServiceType' ? `${t}: ${JSON.stringify(f.traits[t])}` : `${t}: true`,
    );
    if (traits.length) out.push(`${JSON.stringify(p).replace(/^"(.*)"$/, "'$1'")}: { ${traits.join(', ')} },`);
    traitRows(f.value, p, out);
  }
  return out;
}

function traitsFile(props: Value): string {
  return [
    header('What each chart value is beyond its type (the trait tags of its TSDoc), by prop path.'),
    "import type { TraitsTable } from './value-traits';",
    '',
    '/** The traits of every chart value that has any. */',
    'export const VALUE_TRAITS: TraitsTable = {',
    ...traitRows(props, '').filter((r) => !r.startsWith("'releaseName'") && !r.startsWith("'namespace'")),
    '};',
    '',
  ].join('\n');
}

/** `text` formatted as the project formats `file` (oxfmt with `.oxfmtrc.json`, the formatter `npm run lint` checks with). */
async function format(file: string, text: string): Promise<string> {
  const oxfmt = path.join(ROOT, 'node_modules', 'oxfmt', 'bin', 'oxfmt');
  const run = spawnSync(process.execPath, [oxfmt, `--stdin-filepath=${file}`], { cwd: ROOT, input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`oxfmt could not format ${file}: ${run.stderr || run.error?.message}`);
  return run.stdout;
}

/** The generated files, by path from the project root, formatted; `texts` replaces described files' texts. */
export async function generateValueFiles(texts: { readonly [file: string]: string } = {}): Promise<Record<string, string>> {
  const reader = new Reader(texts);
  const props = reader.interface('PackageManagerProps');
  const config = reader.interface('PackageManagerConfig');
  const ownTypes = new Set(typeNames(props).own);
  const files: Record<string, string> = {
    'src/schema.ts': propsSchemaFile(props),
    'src/validation/fast-check.ts': fastCheckFile(props, ownTypes),
    'src/config/schema.ts': configSchemaFile(config),
    'src/config/shape.ts': configShapeFile(config),
    'src/traits-table.ts': traitsFile(props),
  };
  const out: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) out[file] = await format(file, text);
  // The values JSON Schema of each chart version (schemas/ is shipped in the package).
  for (const version of CHART_VERSIONS)
    out[`schemas/values-${version}.schema.json`] = `${JSON.stringify(valuesJsonSchema(props, chartRecord(version)), null, 2)}\n`;
  return out;
}

async function main(): Promise<void> {
  const started = Date.now();
  const files = await generateValueFiles();
  const written: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(ROOT, file);
    if (fs.existsSync(full) && fs.readFileSync(full, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    written.push(file);
  }
  console.log(
    `${Object.keys(files).length} value files, ${written.length} written (${written.join(', ') || 'none'}) in ${Date.now() - started} ms`,
  );
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(`gen: ${e.message}`);
    process.exit(1);
  });
}
