/**
 * Node's `crypto` with scrypt at N = 2^4 instead of the checksums' 2^14: for suites and scripts that render many
 * Secrets but test what is rendered, not what a guess costs (test/security/checksums.test.ts tests the real
 * parameters). The keys differ from a real render's, so such a suite compares renders with each other, never with
 * the command line's output.
 *
 *   jest.mock('crypto', () => jest.requireActual('../helpers/cheap-scrypt').cryptoWithCheapScrypt());   // a suite
 *   useCheapScrypt();                                                                                 // a script
 */
import type * as Crypto from 'crypto';

/** The cost parameter these suites use: 16 rounds instead of 16,384. */
export const CHEAP_SCRYPT_N = 2 ** 4;

/** `scrypt` of `actual` at CHEAP_SCRYPT_N, whatever cost it is asked for. */
function cheapScryptOf(actual: typeof Crypto): typeof Crypto.scryptSync {
  return (password, salt, keylen, options) => actual.scryptSync(password, salt, keylen, { ...options, N: CHEAP_SCRYPT_N });
}

/** The `crypto` module for `jest.mock('crypto', …)`. */
export function cryptoWithCheapScrypt(): typeof Crypto {
  const actual = jest.requireActual<typeof Crypto>('crypto');
  return { ...actual, scryptSync: cheapScryptOf(actual) };
}

/** Makes scrypt cheap in place, for scripts run by ts-node (the library reads `crypto.scryptSync` at each call). */
export function useCheapScrypt(): void {
  // The module object itself (an import would give a copy): the library's `crypto.scryptSync` is this property.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('crypto') as typeof Crypto;
  const actual = { ...mod };
  (mod as { scryptSync: unknown }).scryptSync = cheapScryptOf(actual);
}
