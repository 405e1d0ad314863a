/**
 * Writes `rstudio-pm.gcfg` so that the gcfg parser Package Manager uses
 * (gopkg.in/gcfg.v1 v1.2.3) reads back exactly the values given.
 * Pure: no cdk8s inside. The rules are those of gcfgcheck's RULES.md.
 */

import type { GcfgScalar, GcfgValue } from '../config/types';

/** WrittenSections of keys (a section name may carry a subsection: `Repo "cran"`), as the writer reads them. */
type WrittenSections = { readonly [section: string]: { readonly [key: string]: GcfgValue } };

/** A value or name gcfg cannot carry. */
export class GcfgError extends Error {
  constructor(
    /** Path of the offending section/key, e.g. `Server.Address`. */
    public readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'GcfgError';
  }
}

/** Names of sections and keys: a letter, then letters, digits or "-". */
export const GCFG_NAME = /^\p{L}[\p{L}\p{Nd}-]*$/u;
const SECTION_WITH_SUBSECTION = /^(\p{L}[\p{L}\p{Nd}-]*)\s+"((?:[^"\\]|\\.)*)"$/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a section or key name is not a gcfg name, or undefined when it is. */
export function gcfgNameProblem(name: string): string | undefined {
  return GCFG_NAME.test(name)
    ? undefined
    : `${JSON.stringify(name)} is not a gcfg name: it must start with a letter and hold only letters, digits and "-" (no "_", "." or spaces)`;
}

/** Splits `Repo "cran"` into `['Repo', 'cran']`; a plain name has no subsection. */
export function parseSectionName(section: string): { name: string; subsection?: string } {
  const m = SECTION_WITH_SUBSECTION.exec(section);
  if (!m) return { name: section };
  return { name: m[1], subsection: m[2].replace(/\\(.)/g, '$1') };
}

function formatScalar(value: GcfgScalar): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
    if (value !== 0 && Math.abs(value) < 1e-4) {
      // Go (helm) prints small floats with a two-digit exponent: 2.5e-07, where JavaScript writes 2.5e-7.
      const [mantissa, exponent] = value.toExponential().split('e-');
      return `${mantissa}e-${exponent.padStart(2, '0')}`;
    }
    return String(value);
  }
  return String(value);
}

/** Why gcfg cannot carry this string, or undefined when it can. */
export function gcfgValueProblem(value: string): string | undefined {
  if (value.includes('\r')) return 'contains a carriage return (CR), which gcfg deletes from every value: it cannot be written';
  if (value.includes('\0')) return 'contains a NUL character, which gcfg rejects: it cannot be written';
  if (LONE_SURROGATE.test(value)) return 'is not valid UTF-8 (it holds a lone UTF-16 surrogate): it cannot be written';
  return undefined;
}

const NEEDS_QUOTES = /^[ \t]|[ \t]$|["\\;#\n]/;

/** A value as it stands after `Key = `: bare when that is safe, else quoted and escaped. */
export function encodeGcfgValue(value: string): string {
  if (value !== '' && !NEEDS_QUOTES.test(value)) return value;
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

function encodeSectionHeader(section: string, path: string): string {
  const { name, subsection } = parseSectionName(section);
  const problem = gcfgNameProblem(name);
  if (problem) throw new GcfgError(path, `section ${problem}; a subsection is written as 'Name "sub"'`);
  if (subsection === undefined) return `[${name}]`;
  if (subsection === '' || /[\n\r\0]/.test(subsection)) {
    throw new GcfgError(path, 'a subsection name must be non-empty and hold no newline, CR or NUL');
  }
  return `[${name} "${subsection.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"]`;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Serializes sections and keys in sorted order (as the chart does), one
 * `Key = value` line per value, a blank line between sections.
 * @throws GcfgError for a name or value that gcfg cannot carry
 */
export function serializeGcfg(doc: WrittenSections): string {
  const out: string[] = [];
  for (const section of Object.keys(doc).sort(byCodePoint)) {
    const lines = [encodeSectionHeader(section, section)];
    const keys = doc[section];
    for (const key of Object.keys(keys).sort(byCodePoint)) {
      const path = `${section}.${key}`;
      const problem = gcfgNameProblem(key);
      if (problem) throw new GcfgError(path, `key ${problem}`);
      const value = keys[key];
      const list: readonly GcfgScalar[] = Array.isArray(value) ? value : [value as GcfgScalar];
      list.forEach((item, i) => {
        const text = formatScalar(item);
        const valueProblem = gcfgValueProblem(text);
        if (valueProblem) throw new GcfgError(Array.isArray(value) ? `${path}[${i}]` : path, `the value ${valueProblem}`);
        lines.push(`${key} = ${encodeGcfgValue(text)}`);
      });
    }
    out.push(lines.join('\n') + '\n');
  }
  return out.join('\n');
}
