/**
 * The property-based test at scale: `npx ts-node --transpile-only scripts/fuzz.ts [runs] [seed]`
 * (default 20,000 runs). Prints how many props synthesized valid manifests, how many
 * were rejected with PackageManagerValidationError, and every failure (a crash of
 * another kind, an error without a path, or a manifest Kubernetes 1.28 would reject).
 */
import fc from 'fast-check';
import { brokenProps, runOnce, validProps, type Outcome } from '../test/fuzz/arbitraries';
import { useCheapScrypt } from '../test/helpers/cheap-scrypt';

useCheapScrypt();

// Synth warnings are not what this script measures.
console.warn = () => undefined;

const runs = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? Date.now() % 100000);
const counts: Record<Outcome['kind'], number> = { valid: 0, rejected: 0, 'invalid-manifest': 0, crash: 0, 'bad-error': 0 };
const failures: { props: unknown; outcome: Outcome }[] = [];
const start = Date.now();
const samples = fc.sample(fc.oneof(validProps, brokenProps), { numRuns: runs, seed });
for (const props of samples) {
  const outcome = runOnce(props);
  counts[outcome.kind]++;
  if (outcome.kind !== 'valid' && outcome.kind !== 'rejected') failures.push({ props, outcome });
}
console.log(`seed ${seed}: ${runs} runs in ${((Date.now() - start) / 1000).toFixed(1)} s`);
console.log(`  valid manifests: ${counts.valid}`);
console.log(`  rejected with PackageManagerValidationError naming a path: ${counts.rejected}`);
console.log(
  `  failures: ${failures.length} (invalid manifests ${counts['invalid-manifest']}, crashes ${counts.crash}, errors without a path ${counts['bad-error']})`,
);
for (const f of failures.slice(0, 20)) console.log(JSON.stringify(f.outcome), '\n   props:', JSON.stringify(f.props).slice(0, 600));
process.exitCode = failures.length > 0 ? 1 : 0;
