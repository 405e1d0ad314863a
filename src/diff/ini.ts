/**
 * A reader for the INI files this library compares: the AWS credentials file
 * (`[profile]` sections of `key = value` lines). Enough for that format, not
 * a general INI parser: comments start with `;` or `#`, names and values are
 * trimmed, a value in matching quotes loses them; keys before any section
 * belong to the section `""`.
 */

/** `section → key → value`. */
export type IniParsed = Record<string, Record<string, string>>;

export function parseIni(text: string): IniParsed {
  const out: IniParsed = {};
  let section = '';
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      section = header[1].trim();
      out[section] ??= {};
      return;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`line ${i + 1}: expected "key = value" or "[section]"`);
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    (out[section] ??= {})[line.slice(0, eq).trim()] = value;
  });
  return out;
}
