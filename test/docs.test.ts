// The generated reference docs (the props and config tables of docs/props.md, docs/API.md, the README's member and
// command-line tables) match the code.
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { generateDocs, spliceReadme, type DocRow } from '../scripts/gen-docs';
import { CHART_VERSIONS, type ChartVersion } from '../src/chart-versions';
import { defaultsOf } from '../src/model';

const ROOT = path.resolve(__dirname, '..');

let docs: ReturnType<typeof generateDocs>;
beforeAll(() => {
  docs = generateDocs(); // one program build for the whole file
}, 60_000);

/** Fails with the first differing line and what to do about it. */
function expectUpToDate(file: string, generated: string): void {
  const committed = fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), 'utf8') : '';
  if (committed === generated) return;
  const a = committed.split('\n');
  const b = generated.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  throw new Error(
    `${file} is out of date with the TSDoc in src/: run \`npm run docs\`\n` +
      `first difference at line ${i + 1}:\n  committed: ${a[i] ?? '(end of file)'}\n  generated: ${b[i] ?? '(end of file)'}`,
  );
}

/** The rows of the table between `<!-- NAME:start -->` and `<!-- NAME:end -->`, by their first cell. */
function tableRows(text: string, name: string): Map<string, string[]> {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const rows = new Map<string, string[]>();
  for (const line of text.slice(start, end).split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    rows.set(cells[0].replace(/^`|`$/g, ''), cells.slice(1));
  }
  return rows;
}

test('docs/props.md props and config tables are up to date', () => {
  expectUpToDate('docs/props.md', docs.readme);
});

test('docs/API.md is up to date', () => {
  expectUpToDate('docs/API.md', docs.api);
});

test("README.md's member table and command-line tables are up to date", () => {
  expectUpToDate('README.md', docs.mainReadme);
});

test("the README's member table has a row per public member, from its TSDoc", () => {
  const members = tableRows(docs.mainReadme, 'members');
  const publicMembers = docs.model.members.filter((m) => m.kind !== 'constructor');
  expect([...members.keys()]).toEqual(publicMembers.map((m) => m.name));
  for (const m of publicMembers) expect(members.get(m.name)?.[1]).toBe(m.summary.replace(/\|/g, '\\|'));
  expect(members.get('namespace')).toEqual([
    '`string \\| undefined`',
    "Namespace of the objects: the `namespace` prop, else the enclosing Chart's, else none (`undefined`: the objects carry no `metadata.namespace` and `kubectl apply -n` decides).",
  ]);
});

test('the props table has a row per prop path, with type, default and description', () => {
  const props = tableRows(docs.readme, 'props');
  expect(props.get('sharedStorage.create')).toEqual(['`boolean`', '`false`', 'Create a PersistentVolumeClaim for shared storage.']);
  expect(props.get('license.file.mountPath')?.slice(0, 2)).toEqual(['`string`', "`'/etc/rstudio-licensing'`"]);
  expect(props.get('service.type')?.slice(0, 2)).toEqual(["`'ClusterIP' \\| 'NodePort' \\| 'LoadBalancer'`", "`'ClusterIP'`"]);
  expect(props.get('replicas')?.slice(0, 2)).toEqual(['`number \\| null`', '`1`']);
  expect(props.get('readinessProbe')?.[0]).toBe('`ProbeProps \\| null` (extends `WithNullableFields<K8sProbe>`)');
  expect(props.get('readinessProbe')?.[1]).toMatch(/^enabled; `httpGet \/__ping__`/); // `@default - …`: plain text
  expect(props.get('readinessProbe.enabled')?.[0]).toBe('`boolean`');
  expect(props.get('pod.env')?.slice(0, 2)).toEqual(['`EnvVar[]`', '`[]`']);
  expect(props.get('pod.annotations')?.[0]).toBe('`{ [key: string]: string }`');
  expect(props.get('affinity')?.[0]).toBe('`Affinity`');
  // Kubernetes-shaped types are not walked into; the config keys have a table of their own.
  expect([...props.keys()].some((p) => p.startsWith('affinity.') || p.startsWith('readinessProbe.httpGet'))).toBe(false);
  expect([...props.keys()].some((p) => p.startsWith('config.'))).toBe(false);
  expect(props.get('config')?.[2]).toContain('(#typed-configuration-config)');
});

test('the config table has a row per Section.Key', () => {
  const config = tableRows(docs.readme, 'config');
  expect(config.get('HTTP.Listen')?.slice(0, 2)).toEqual(['`string`', "`':4242'`"]);
  expect(config.get('Metrics.Enabled')?.slice(0, 2)).toEqual(['`boolean`', '`true`']);
  expect([...config.keys()].every((k) => /^[A-Za-z][\w-]*\.[A-Za-z][\w-]*$/.test(k))).toBe(true);
});

test('docs/API.md has the props, the config keys and the public API', () => {
  for (const heading of ['## PackageManager props', '## Typed configuration', '## Public API'])
    expect(docs.api).toContain(`\n${heading}\n`);
  expect(docs.api).toContain("| `license.file.mountPath` | `string` | `'/etc/rstudio-licensing'` |");
  expect(docs.api).toContain("| `HTTP.Listen` | `string` | `':4242'` |");
  expect(docs.api).toMatch(/\| `fromValues` \| static method \|/);
  expect(docs.api).toMatch(/\| `deployment` \| readonly property \| `ApiObject` \|/);
  expect(docs.api).toMatch(/\| `PackageManagerValidationError` \| class \|/);
});

test('only the text between the markers of docs/props.md is replaced', () => {
  const readme = 'intro\n<!-- props:start -->\nold\n<!-- props:end -->\nmiddle\n<!-- config:start --><!-- config:end -->\nend\n';
  expect(spliceReadme(readme, { props: 'P', config: 'C' })).toBe(
    'intro\n<!-- props:start -->\n\nP\n\n<!-- props:end -->\nmiddle\n<!-- config:start -->\n\nC\n\n<!-- config:end -->\nend\n',
  );
  expect(() => spliceReadme('no markers', { props: 'P', config: 'C' })).toThrow(/props:start/);
  expect(() => spliceReadme('<!-- members:start -->', { members: 'M' }, 'README.md')).toThrow(/README.md must hold/);
});

/** What a `@default` says for each chart version: a literal value, "unset", or nothing checkable (a description). */
function claimsOf(text: string): Map<ChartVersion, { literal?: string; unset?: true }> {
  const claims = new Map<ChartVersion, { literal?: string; unset?: true }>();
  const described = text.startsWith('- ');
  for (const part of (described ? text.slice(2) : text).split('; ')) {
    const m = /^(.*?)\s*\(chart ([\d.]+)\)$/.exec(part.trim());
    const body = (m ? m[1] : part).trim().replace(/^`(.*)`$/, '$1');
    const versions = m ? [m[2] as ChartVersion] : [...CHART_VERSIONS];
    const claim = /^(unset|none)\b/.test(body)
      ? { unset: true as const }
      : (!described || body !== part.trim()) && /^(['\d{[-]|true$|false$)/.test(body)
        ? { literal: body }
        : undefined;
    if (claim) for (const v of versions) claims.set(v, claim);
  }
  return claims;
}

/** An empty map or list is the chart's spelling of "none". */
const isNone = (v: unknown) => v === undefined || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), root);
}

test('every @default of the props and config keys is the value the code uses, for each chart version', () => {
  // Config keys document Package Manager's own defaults; only those the chart sets are the code's.
  const chartConfig = (defaultsOf(undefined).config ?? {}) as Record<string, Record<string, unknown>>;
  const rows: [string, DocRow][] = [
    ...docs.model.props
      .filter((r) => !['releaseName', 'namespace', 'chartVersion', 'acknowledgeWarnings'].includes(r.path))
      .map((r): [string, DocRow] => [r.path, r]),
    ...docs.model.config.filter((r) => valueAt(chartConfig, r.path) !== undefined).map((r): [string, DocRow] => [`config.${r.path}`, r]),
  ];
  const mismatches: string[] = [];
  let checked = 0;
  for (const [path, row] of rows) {
    if (row.default === undefined || path.includes('[]') || path.includes('*')) continue;
    for (const [version, claim] of claimsOf(row.default)) {
      const actual = valueAt(defaultsOf(version), path);
      let expected: unknown;
      try {
        expected = claim.unset ? undefined : (new Function(`return (${claim.literal});`)() as unknown);
      } catch {
        mismatches.push(`${path}: @default ${row.default} is not a value`);
        continue;
      }
      checked++;
      if (!isDeepStrictEqual(actual, expected) && !(isNone(actual) && isNone(expected)))
        mismatches.push(`${path} (chart ${version}): @default says ${row.default}, the code uses ${JSON.stringify(actual)}`);
    }
  }
  expect(mismatches).toEqual([]);
  expect(checked).toBeGreaterThan(60);
});
