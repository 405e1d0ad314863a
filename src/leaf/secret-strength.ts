/**
 * How hard a secret is to guess, estimated from its text, conservatively: the checksums of the Secrets we create
 * (../checksums.ts) skip the memory-hard key derivation only when every secret of the instance is estimated
 * unguessable, and keep it for anything that may be a human's password.
 */
import { isSecretName } from './secret-names';

/**
 * The estimate, in bits, a secret must reach to be checksummed without key stretching: 2^128 guesses of an
 * HMAC-SHA256 are out of reach of any hardware, and the estimate may be generous by half (a random 24-character
 * base64 password estimates about 104 bits and does not pass; a 32-byte one, 44 characters, does).
 */
export const STRONG_SECRET_BITS = 128;

/** Bits per word of a passphrase of common words (a diceware word is 12.9 bits): how words are counted. */
const BITS_PER_WORD = 12.9;

/** The Shannon entropy of `symbols`, per symbol, in bits. */
function entropyPerSymbol(chars: readonly (string | number)[]): number {
  const counts = new Map<string | number, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** log2 of the size of the character classes `s` draws from (lower, upper, digits, others). */
function alphabetBits(s: string): number {
  const size = (/[a-z]/.test(s) ? 26 : 0) + (/[A-Z]/.test(s) ? 26 : 0) + (/[0-9]/.test(s) ? 10 : 0) + (/[^a-zA-Z0-9]/.test(s) ? 33 : 0);
  return size > 0 ? Math.log2(size) : 0;
}

/**
 * The estimated bits of one secret's text: words separated by spaces or punctuation count as a passphrase (12.9
 * bits a word); anything else is its length in new material (a repeated block counts once: distinct character
 * triples) times the least of its characters' Shannon entropy, the entropy of the steps between neighbouring
 * characters (`0123…`, `ABCD-EFGH…` are sequences) and its alphabet's size. Nothing raises it above what the
 * characters could carry.
 */
export function estimatedSecretBits(secret: string): number {
  if (/^[A-Za-z]+([ ._-]+[A-Za-z]+)+$/.test(secret.trim())) return secret.trim().split(/[ ._-]+/).length * BITS_PER_WORD;
  const chars = [...secret];
  if (chars.length < 2) return 0;
  const codes = chars.map((c) => c.codePointAt(0)!);
  const steps = codes.slice(1).map((c, i) => c - codes[i]);
  const triples = new Set(chars.slice(2).map((c, i) => chars[i] + chars[i + 1] + c));
  const length = Math.min(chars.length, triples.size + 2);
  return length * Math.min(entropyPerSymbol(chars), entropyPerSymbol(steps), alphabetBits(secret));
}

/** A line of base64 with padding: one secret, not an INI line with an empty value. */
const PADDED_BASE64 = /^[A-Za-z0-9+/_-]+={1,2}$/;

/** A URL with a scheme and an authority (`postgres://user:pw@host/db`). */
const URL_LINE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/;

/** A `name=value` parameter of a connection string or query (libpq `password=…`, ADO.NET `Pwd=…;`), quoted or not. */
const PARAMETER = /(?:^|[\s;&?])([A-Za-z][A-Za-z0-9_.-]*)\s*=\s*('(?:[^'\\]|\\.)*'|"[^"]*"|[^\s;&]*)/g;

/** `text` percent-decoded, or as written when it is not valid percent-encoding. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The values of the parameters of `text` whose names say they are secrets (secret-names.ts: `password`,
 * `sslpassword`, `Pwd`, `token`…; quotes removed), percent-decoded when `encoded`.
 */
function secretParams(text: string, encoded: boolean): string[] {
  return [...text.matchAll(PARAMETER)]
    .filter(([, name]) => isSecretName(name))
    .map(([, , v]) => {
      const unquoted = /^(['"]).*\1$/.test(v) ? v.slice(1, -1) : v;
      return encoded ? percentDecoded(unquoted) : unquoted;
    });
}

/**
 * The secrets of a connection URL or string (the URL's userinfo password, its parameters named like a secret,
 * `password=`, `sslpassword=`, `token=`…, a connection string's `password=`/`Pwd=`…), or `undefined` when it names
 * none: the rest of such a line (host, port, database, user) is public configuration and must not make a short
 * password look strong.
 */
function secretsOfConnection(line: string): string[] | undefined {
  if (URL_LINE.test(line)) {
    let url: URL | undefined;
    try {
      url = new URL(line);
    } catch {
      url = undefined;
    }
    const found = [...(url?.password ? [percentDecoded(url.password)] : []), ...secretParams(url?.search ?? '', true)];
    return found.length > 0 ? found : undefined;
  }
  const found = secretParams(line, false);
  return found.length > 0 ? found : undefined;
}

/**
 * The secrets in one Secret data entry: each line, or the value of an INI line (`key = value`, as the AWS
 * credentials file writes them); section headers (`[default]`) and the AWS access key id (an identifier that AWS
 * does not treat as secret) hold none. A padded base64 line is one secret; a connection URL or string contributes
 * its passwords only (a long URL around a short password is as guessable as the password).
 */
export function secretsOfEntry(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || /^\[[^\]]*\]$/.test(trimmed)) continue;
    const passwords = secretsOfConnection(trimmed);
    if (passwords !== undefined) {
      out.push(...passwords);
      continue;
    }
    const ini = PADDED_BASE64.test(trimmed) ? null : /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(trimmed);
    if (ini && ini[1].toLowerCase() === 'aws_access_key_id') continue;
    out.push(ini ? ini[2] : trimmed);
  }
  return out;
}

/** Whether every secret of these data entries is estimated at least {@link STRONG_SECRET_BITS}. */
export function allSecretsStrong(entries: readonly string[]): boolean {
  return entries.every((entry) => secretsOfEntry(entry).every((s) => estimatedSecretBits(s) >= STRONG_SECRET_BITS));
}
