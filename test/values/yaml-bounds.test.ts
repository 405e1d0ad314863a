/**
 * Issue 19 ("no input stalls the tool"): the YAML reader's cost on large and broken text. Timings are never checked
 * here (bench/yaml-hostile.js prints them); what is checked is that the shortcuts taken for speed give what the
 * `yaml` package's own parseAllDocuments gives, and that hostile shapes are answered or refused with a reason.
 */
import { parseAllDocuments, type Document } from 'yaml';
import { documentsOf } from '../../src/values/yaml';

const PARSE_OPTIONS = {
  schema: 'failsafe',
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
  version: '1.1',
  strict: false,
  logLevel: 'silent',
} as const;

const reference = (text: string): Document[] => {
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  return Array.isArray(docs) ? (docs as Document[]) : [];
};
const firstErrors = (docs: Document[]) =>
  docs.map((d) => d.errors[0] && { code: d.errors[0].code, pos: d.errors[0].pos, message: d.errors[0].message });

const BROKEN = [
  `a: {${','.repeat(500)}}\n`,
  `a: [${','.repeat(500)}]\n`,
  `{{ ${'? '.repeat(300)}`,
  `a: [${'? '.repeat(300)}]\n`,
  'a: 1\nb: [\n',
  'a: b: c\n',
  'a: "x\n',
  'a: !!int 1.5\n- b\n',
  '[0][0]\n',
  '%FOO bar\n%YAML 1.1\n%YAML 1.1\n---\na: {,}\n',
  'a: {,}\n---\nb: [,]\n...\n---\nc: {x: [}\n',
  'a: 1\n...\n{,}\n',
  '  a: 1\nb: 2\n  c: {,,}\n',
  'k: |x\n  text\nl: >9\n',
  '? [a, b]\n: {c: ,,}\n',
  '- a\nb: c\n',
];

describe('documentsOf: composes the first error only', () => {
  it.each(BROKEN)('gives the first error of every document as parseAllDocuments does: %j', (text) => {
    const docs = documentsOf(text);
    const expected = reference(text);
    expect(docs.length).toBe(expected.length);
    expect(firstErrors(docs)).toEqual(firstErrors(expected));
    expect(expected.some((d) => d.errors.length > 0)).toBe(true);
  });

  it('keeps one error of a document with a thousand bad tokens (not a thousand Errors with stack traces)', () => {
    const text = `a: {${','.repeat(1000)}}\n`;
    expect(reference(text)[0].errors.length).toBeGreaterThanOrEqual(1000);
    expect(documentsOf(text)[0].errors).toHaveLength(1);
  });
});
