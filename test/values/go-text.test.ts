/** The UTF-8 check of values files (src/values/go-text.ts) reads bytes as Go's `unicode/utf8` does. */
import fc from 'fast-check';
import { invalidUtf8Offset } from '../../src/values/go-text';

/** The first offset no valid UTF-8 sequence starts at, found one sequence at a time with a strict decoder. */
function referenceOffset(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length;) {
    const n = [1, 2, 3, 4].find((k) => {
      if (i + k > bytes.length) return false;
      try {
        return [...strict.decode(bytes.subarray(i, i + k))].length === 1;
      } catch {
        return false;
      }
    });
    if (n === undefined) return i;
    i += n;
  }
  return -1;
}

/** Valid sequences of each length, and the bytes that break them: overlong, surrogates, past U+10FFFF, truncated. */
const PIECES = [
  [0x61],
  [0xc3, 0xa9],
  [0xe2, 0x82, 0xac],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0x80],
  [0xff],
];

it.each([
  ['empty', [], -1],
  ['ASCII', [0x61, 0x62], -1],
  ['a character of each length', [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], -1],
  ['an overlong slash', [0x61, 0xc0, 0xaf], 1],
  ['a surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
  ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ['a truncated sequence at the end', [0x61, 0xe2, 0x82], 1],
])('invalidUtf8Offset: %s', (_name, bytes, offset) => {
  expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
});

it('invalidUtf8Offset agrees with a strict decoder read one sequence at a time', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 })), { maxLength: 30 }),
      (pieces) => {
        const bytes = Uint8Array.from(pieces.flat());
        expect(invalidUtf8Offset(bytes)).toBe(referenceOffset(bytes));
      },
    ),
    { numRuns: 500, seed: 20261207 },
  );
});
