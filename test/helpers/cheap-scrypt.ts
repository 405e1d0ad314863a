/**
 * Node's `crypto` with scrypt at N = 2^4 instead of the checksums' 2^14: for suites that render many Secrets but test
 * what is rendered, not what a guess costs (test/security/checksums.test.ts tests the real parameters). The keys
 * differ from a real render's, so such a suite compares renders with each other, never with the command line's output.
 *
 *   jest.mock('crypto', () => jest.requireActual('../helpers/cheap-scrypt').cryptoWithCheapScrypt());
 */
import type * as Crypto from 'crypto';

/** The cost parameter these suites use: 16 rounds instead of 16,384. */
export const CHEAP_SCRYPT_N = 2 ** 4;

export function cryptoWithCheapScrypt(): typeof Crypto {
  const actual = jest.requireActual<typeof Crypto>('crypto');
  const scryptSync = (password: Crypto.BinaryLike, salt: Crypto.BinaryLike, keylen: number, options?: Crypto.ScryptOptions) =>
    actual.scryptSync(password, salt, keylen, { ...options, N: CHEAP_SCRYPT_N });
  return { ...actual, scryptSync };
}
