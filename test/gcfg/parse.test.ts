/** The gcfg reader agrees with the real parser on every case gcfgcheck recorded (fixtures/gcfg/cases.json). */
import cases from '../fixtures/gcfg/cases.json';
import { parseGcfg } from '../../src/gcfg/parse';

interface Case {
  id: string;
  line?: string;
  doc?: string;
  docHex?: string;
  path?: string[];
  want?: (string | null)[];
  error?: string;
}

function textOf(c: Case): string | undefined {
  if (c.line !== undefined) return `[t]\n${c.line}\n`;
  if (c.doc !== undefined) return c.doc;
  return undefined; // docHex: invalid UTF-8 cannot reach us as a JS string
}

function lookup(parsed: ReturnType<typeof parseGcfg>, path: string[]): (string | null)[] | undefined {
  const [section, ...rest] = path;
  if (rest.length === 2) return parsed[`${section} "${rest[0]}"`]?.[rest[1]];
  return parsed[section]?.[rest[0]];
}

describe('parseGcfg', () => {
  const all = (cases as Case[]).filter((c) => textOf(c) !== undefined);

  it('has the recorded cases', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
  });

  it.each(all.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const text = textOf(c)!;
    if (c.error) {
      expect(() => parseGcfg(text)).toThrow(c.error);
      return;
    }
    expect(lookup(parseGcfg(text), c.path ?? ['t', 'k'])).toEqual(c.want);
  });
});
