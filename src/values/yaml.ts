/**
 * YAML as Helm reads it (go-yaml v2 via sigs.k8s.io/yaml): YAML 1.1 scalars,
 * so `yes`/`no`/`on`/`off` are booleans, as in a chart values file.
 */
import { parse, parseAllDocuments } from 'yaml';

const OPTIONS = { version: '1.1', merge: true, uniqueKeys: false } as const;

/** Parses one YAML document. @throws SyntaxError */
export function parseYaml(text: string): unknown {
  try {
    return parse(text, OPTIONS);
  } catch (e) {
    throw new SyntaxError((e as Error).message);
  }
}

/** Parses a multi-document stream, skipping empty documents. @throws SyntaxError */
export function parseYamlDocuments(text: string): unknown[] {
  const docs = parseAllDocuments(text, OPTIONS);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const doc of list) {
    if (doc.errors.length > 0) throw new SyntaxError(doc.errors[0].message);
    const value = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

/** Reads a single-line string as the YAML scalar it would be in a file; other text stays a string. */
export function parseYamlScalar(text: string): unknown {
  if (text.includes('\n')) return text;
  try {
    const v = parse(text, OPTIONS);
    return v === null || typeof v === 'object' ? text : v;
  } catch {
    return text;
  }
}
