/**
 * Property-based test: random props — valid ones, and valid ones with one field
 * broken — either synthesize manifests that pass strict Kubernetes 1.28
 * validation, or throw PackageManagerValidationError naming a path. Anything
 * else (another exception, an invalid manifest) fails. FUZZ_RUNS sets the
 * runs (100 in `npm test`, 2,000 in `npm run test:slow`); scripts/fuzz.ts runs the same
 * property 20,000 times with a random seed.
 */
import fc from 'fast-check';
import { brokenProps, runOnce, validProps, type Outcome } from './arbitraries';

// This property is about validation and manifests, not what a guess of a checksum costs: thousands of runs would
// otherwise spend minutes in scrypt (test/security/checksums.test.ts tests the real cost).
jest.mock('crypto', () => jest.requireActual('../helpers/cheap-scrypt').cryptoWithCheapScrypt());

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

describe('random props never crash and never render an invalid manifest', () => {
  it(`holds for ${RUNS} runs`, () => {
    const counts: Record<Outcome['kind'], number> = { valid: 0, rejected: 0, 'invalid-manifest': 0, crash: 0, 'bad-error': 0 };
    fc.assert(
      fc.property(fc.oneof(validProps, brokenProps), (props) => {
        const outcome = runOnce(props);
        counts[outcome.kind]++;
        if (outcome.kind !== 'valid' && outcome.kind !== 'rejected') throw new Error(JSON.stringify(outcome));
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
    expect(counts.valid + counts.rejected).toBe(RUNS);
    // Both outcomes are exercised: the generators are not degenerate.
    expect(counts.valid).toBeGreaterThan(RUNS * 0.3);
    expect(counts.rejected).toBeGreaterThan(RUNS * 0.2);
  }, 120_000);
});
