/**
 * `cdk8s-ppm diff --subchart NAME`: of an umbrella chart's render, only the
 * documents whose `# Source:` comment (helm writes one above each document,
 * in `helm template` and `helm get manifest` output) is a template of the
 * subchart NAME: `UMBRELLA/charts/NAME/templates/…`.
 */

/** One document of a multi-document YAML text, with the template helm named for it. */
export interface SourcedDocument {
  /** The `# Source:` path, when the document has one. */
  readonly source?: string;
  readonly text: string;
}

/** A document start: `---` alone, or followed by a space and more (a comment, a tag, content). */
const DOCUMENT_START = /^---(?:[ \t](.*))?$/;
const SOURCE = /^#\s*Source:\s*(\S.*?)\s*$/;

/** Splits a YAML stream at its document markers (they end any block scalar, so a line is enough), keeping each `# Source:`. */
export function splitDocuments(text: string): SourcedDocument[] {
  const docs: SourcedDocument[] = [];
  let lines: string[] = [];
  const flush = () => {
    const source = lines.find((l) => SOURCE.test(l));
    const firstContent = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    const sourceIndex = source === undefined ? -1 : lines.indexOf(source);
    const named = sourceIndex >= 0 && (firstContent < 0 || sourceIndex < firstContent);
    docs.push({ ...(named ? { source: SOURCE.exec(source!)![1] } : {}), text: lines.join('\n') });
    lines = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const start = DOCUMENT_START.exec(line);
    if (start) {
      flush();
      if (start[1] !== undefined && start[1].trim() !== '' && !start[1].trimStart().startsWith('#')) lines.push(start[1]);
    } else lines.push(line);
  }
  flush();
  return docs;
}

/** Whether helm's `# Source:` path is a template of the subchart `name` (not of a chart nested in it). */
export function isSubchartSource(source: string, name: string): boolean {
  const marker = `charts/${name}/templates/`;
  const start = source.startsWith(marker) ? 0 : source.indexOf(`/${marker}`) + 1;
  if (start === 0 && !source.startsWith(marker)) return false;
  return !source.slice(start + marker.length).includes('/charts/');
}

/** The chart a `# Source:` path belongs to: `umbrella`, `umbrella/charts/postgres`. */
function chartOfSource(source: string): string {
  const i = source.lastIndexOf('/templates/');
  return i < 0 ? source : source.slice(0, i);
}

/** The documents of the subchart, and what was left out (counted, with the charts they came from). */
export function selectSubchart(
  docs: readonly SourcedDocument[],
  name: string,
  label: string,
): { kept: SourcedDocument[]; leftOut: number; others: string[] } {
  const withContent = docs.filter((d) => d.text.split('\n').some((l) => l.trim() !== '' && !l.trimStart().startsWith('#')));
  if (!withContent.some((d) => d.source !== undefined))
    throw new Error(
      `--from ${label}: no document has a "# Source:" comment, so --subchart ${name} cannot tell the subchart's objects from the others; give the output of helm template or helm get manifest`,
    );
  const kept = withContent.filter((d) => d.source !== undefined && isSubchartSource(d.source, name));
  const left = withContent.filter((d) => !kept.includes(d));
  const others = [...new Set(left.map((d) => (d.source === undefined ? '(no # Source:)' : chartOfSource(d.source))))].sort();
  if (kept.length === 0)
    throw new Error(
      `--from ${label}: no document comes from charts/${name}/templates/ (its charts: ${others.join(', ')}); give the subchart's key in the umbrella (its name or alias) to --subchart`,
    );
  return { kept, leftOut: left.length, others };
}
