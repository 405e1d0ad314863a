/**
 * The few pieces of Go's standard library whose exact behaviour decides what
 * Helm 3.16.4 reads from a values file or a `--set` flag: `strconv.ParseInt`
 * (base 0 and 10), `strconv.ParseFloat`, `strconv.FormatFloat(f, 'g', -1, 32)`,
 * `strings.EqualFold` and the UTF-8 decoding of `encoding/json`.
 * Written from the Go documentation and Helm's observed behaviour.
 */
import { isUtf8 } from 'buffer';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** A Go integer parse result: the value, or undefined when Go returns an error. */
export type GoInt = bigint | undefined;

function digitsValue(digits: string, base: number): bigint | undefined {
  if (digits === '') return undefined;
  const re = base === 16 ? /^[0-9a-fA-F]+$/ : base === 10 ? /^[0-9]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
  if (!re.test(digits)) return undefined;
  let v = 0n;
  const b = BigInt(base);
  for (const c of digits) v = v * b + BigInt(parseInt(c, base));
  return v;
}

/** Digits and base of an unsigned Go literal for base 0 (`0x`, `0o`, `0b`, leading `0` octal), without underscores. */
function unsignedBase0(s: string): bigint | undefined {
  if (s.length >= 2 && s[0] === '0') {
    const p = s[1].toLowerCase();
    if (p === 'x') return digitsValue(s.slice(2), 16);
    if (p === 'o') return digitsValue(s.slice(2), 8);
    if (p === 'b') return digitsValue(s.slice(2), 2);
    return digitsValue(s.slice(1), 8);
  }
  return digitsValue(s, 10);
}

/** `strconv.ParseInt(s, base, 64)` for base 0 or 10 (no underscores: callers remove them first). */
export function goParseInt(s: string, base: 0 | 10): GoInt {
  let sign = 1n;
  let body = s;
  if (body.startsWith('+') || body.startsWith('-')) {
    if (body[0] === '-') sign = -1n;
    body = body.slice(1);
  }
  const u = base === 0 ? unsignedBase0(body) : digitsValue(body, 10);
  if (u === undefined) return undefined;
  const v = sign * u;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** `strconv.ParseUint(s, 0, 64)` (no sign accepted). */
export function goParseUint(s: string): GoInt {
  const u = unsignedBase0(s);
  return u === undefined || u > UINT64_MAX ? undefined : u;
}

/** Go's rule for underscores in a number literal: only between digits (or after a base prefix). */
function underscoreOK(text: string): boolean {
  let s = text;
  let saw = '^';
  let i = 0;
  if (s.startsWith('+') || s.startsWith('-')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1].toLowerCase())) {
    i = 2;
    saw = '0';
    hex = s[1].toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/**
 * `strconv.ParseFloat(s, 64)` for decimal text (the only form YAML reaches):
 * optional sign, digits with an optional point, optional exponent, Go-style
 * underscores. Out of range (±Inf) is an error, as in Go; underflow is 0.
 */
export function goParseFloat(s: string): number | undefined {
  const m = /^[+-]?([0-9_]*)(?:\.([0-9_]*))?(?:[eE][+-]?([0-9][0-9_]*))?$/.exec(s);
  if (!m) return undefined;
  const mantissaDigits = (m[1] ?? '') + (m[2] ?? '');
  if (!/[0-9]/.test(mantissaDigits)) return undefined;
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  const v = Number(s.replace(/_/g, ''));
  return Number.isFinite(v) ? v : undefined;
}

/** `strconv.FormatFloat(f, 'g', -1, 32)`: shortest float32 digits, %e from exponent 6 or below -4. */
export function formatFloat32G(x: number): string {
  const f = Math.fround(x);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let digits = '';
  let exp = 0; // decimal exponent of the first digit
  for (let p = 1; p <= 9; p++) {
    const s = Math.abs(f).toExponential(p - 1);
    if (Math.fround(Number(s)) === Math.abs(f)) {
      const [mant, e] = s.split('e');
      digits = mant.replace('.', '');
      exp = Number(e);
      break;
    }
  }
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Go's `strings.EqualFold` for the ASCII words Helm compares with (`ſ` folds to `s`, as in Go). */
export function goEqualFold(a: string, b: string): boolean {
  const fold = (s: string) => Array.from(s, (c) => (c === 'ſ' ? 's' : c.length === 1 && c < '\u0080' ? c.toLowerCase() : c)).join('');
  return fold(a) === fold(b);
}

/** Length of the valid UTF-8 sequence at `i`, or 0 if the byte there does not start one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  let need = 0;
  let min = 0;
  let cp = 0;
  if (b0 >= 0xc2 && b0 <= 0xdf) [need, min, cp] = [1, 0x80, b0 & 0x1f];
  else if (b0 >= 0xe0 && b0 <= 0xef) [need, min, cp] = [2, 0x800, b0 & 0x0f];
  else if (b0 >= 0xf0 && b0 <= 0xf4) [need, min, cp] = [3, 0x10000, b0 & 0x07];
  if (need === 0 || i + need > bytes.length - 1) return 0;
  for (let k = 1; k <= need; k++) {
    const b = bytes[i + k];
    if ((b & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (b & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

/** Offset of the first byte that is not valid UTF-8, or -1 (Node.js's native check first: valid text is the rule). */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  for (let i = 0; i < bytes.length;) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/**
 * Bytes to a string as Go's `encoding/json` writes them: each byte that does
 * not start a valid UTF-8 sequence becomes U+FFFD on its own.
 */
export function decodeUtf8LikeGo(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) {
      out += '\ufffd';
      i++;
    } else {
      out += Buffer.from(bytes.subarray(i, i + n)).toString('utf8');
      i += n;
    }
  }
  return out;
}
