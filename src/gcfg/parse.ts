/**
 * Reads gcfg text the way gopkg.in/gcfg.v1 v1.2.3 does (RULES.md of
 * gcfgcheck): used to prove that what `serializeGcfg` writes reads back as
 * the values given, and by `cdk8s-ppm` users who compare config files.
 */

/** What a gcfg file holds: `section` (or `section "sub"`) → key → values. Names are lower-cased. */
export type GcfgParsed = Record<string, Record<string, (string | null)[]>>;

/** A syntax error, with gcfg's wording. */
export class GcfgSyntaxError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'GcfgSyntaxError';
  }
}

/** gcfg's wording: `illegal character U+002E '.'`. */
const illegal = (c: string | undefined) =>
  c === undefined
    ? 'unexpected end of file'
    : `illegal character U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;

const isWs = (c: string) => c === ' ' || c === '\t' || c === '\r';
const isLetter = (c: string) => /\p{L}/u.test(c);
const isNameChar = (c: string) => /[\p{L}\p{Nd}-]/u.test(c);

/** Parses gcfg text into sections, keys and the ordered list of values of each key. */
export function parseGcfg(input: string): GcfgParsed {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.includes('\0')) throw new GcfgSyntaxError('illegal character NUL', 1);
  text = text.replace(/\r/g, '');
  const result: GcfgParsed = {};
  let i = 0;
  let line = 1;
  let section: Record<string, (string | null)[]> | undefined;
  const fail = (msg: string): never => {
    throw new GcfgSyntaxError(msg, line);
  };
  const skipWs = () => {
    while (i < text.length && isWs(text[i])) i++;
  };
  const endOfLine = () => {
    skipWs();
    if (text[i] === ';' || text[i] === '#') while (i < text.length && text[i] !== '\n') i++;
    if (i < text.length && text[i] !== '\n') fail(illegal(text[i]));
    if (text[i] === '\n') {
      i++;
      line++;
    }
  };
  const readName = (): string => {
    if (!isLetter(text[i] ?? '')) fail(illegal(text[i]));
    const start = i;
    while (i < text.length && isNameChar(text[i])) i++;
    return text.slice(start, i);
  };

  while (i < text.length) {
    skipWs();
    const c = text[i];
    if (c === undefined) break;
    if (c === '\n' || c === ';' || c === '#') {
      endOfLine();
      continue;
    }
    if (c === '[') {
      i++;
      skipWs();
      let id = readName().toLowerCase();
      skipWs();
      if (text[i] === '"') {
        i++;
        let sub = '';
        for (;;) {
          const ch = text[i];
          if (ch === undefined || ch === '\n') fail('string not terminated');
          if (ch === '"') break;
          if (ch === '\\') {
            const next = text[i + 1];
            if (next !== '\\' && next !== '"') fail('unknown escape sequence');
            sub += next;
            i += 2;
            continue;
          }
          sub += ch;
          i++;
        }
        i++;
        if (sub === '') fail('empty subsection name');
        id += ` "${sub}"`;
        skipWs();
      }
      if (text[i] !== ']') fail(illegal(text[i]));
      i++;
      // Own properties only: a section named `constructor` is a section, not `Object`.
      section = Object.hasOwn(result, id) ? result[id] : (result[id] = {});
      endOfLine();
      continue;
    }
    const key = readName().toLowerCase();
    if (!section) fail('expected section header');
    const values = Object.hasOwn(section!, key) ? section![key] : (section![key] = []);
    skipWs();
    if (i >= text.length || text[i] === '\n' || text[i] === ';' || text[i] === '#') {
      values.push(null);
      endOfLine();
      continue;
    }
    if (text[i] !== '=') fail(illegal(text[i]));
    i++;
    skipWs();
    let value = '';
    let pendingWs = '';
    let quoted = false;
    for (;;) {
      const ch = text[i];
      if (ch === undefined || (!quoted && (ch === '\n' || ch === ';' || ch === '#'))) break;
      if (quoted && ch === '\n') fail('string not terminated');
      if (ch === '"') {
        value += pendingWs;
        pendingWs = '';
        quoted = !quoted;
        i++;
        continue;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (quoted) {
          const map: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', t: '\t' };
          if (next === undefined || !(next in map)) fail('unknown escape sequence');
          value += pendingWs + map[next];
          pendingWs = '';
          i += 2;
          continue;
        }
        if (next === '"') {
          value += pendingWs + '"';
          pendingWs = '';
          i += 2;
          continue;
        }
        if (next === '\n') {
          i += 2;
          line++;
          continue;
        }
        fail("unquoted '\\' must be followed by new line or double quote");
      }
      if (!quoted && isWs(ch)) {
        pendingWs += ch;
        i++;
        continue;
      }
      value += pendingWs + ch;
      pendingWs = '';
      i++;
    }
    if (quoted) fail('string not terminated');
    values.push(value);
    endOfLine();
  }
  return result;
}
