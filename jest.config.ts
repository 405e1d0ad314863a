/**
 * Jest, two ways. `npm test` (the default) runs every suite but the slow contract suites; `npm run test:slow`
 * (PPM_TESTS=slow, run by CI) runs those and the property suites with many more random runs. Each suite is in
 * exactly one of the two; the list below is the one place that says which.
 *
 * TypeScript is transpiled file by file without type-checking (swc); `npm test` type-checks the whole project as one
 * program (TypeScript 7's native `tsc -p tsconfig.json`) beside jest.
 */
import type { Config } from 'jest';

/**
 * Suites that take seconds each and check contracts of the whole (README, examples, byte identity, generated files
 * and docs up to date, the JSON Schema against every chart value, the whole-class reproducers, the bundled command
 * line built and run as processes, a shell script run against a fake server).
 */
export const SLOW_SUITES = [
  'test/readme.test.ts',
  'test/examples.test.ts',
  'test/byte-identity.test.ts',
  'test/types/made-up-value.test.ts',
  'test/repositories/apply.test.ts',
  'test/generated.test.ts',
  'test/docs.test.ts',
  'test/values-json-schema.test.ts',
  'test/fidelity/classes.test.ts',
  'test/cli/bundle.test.ts',
  'test/cli/io-limits.test.ts',
  'test/values/yaml-bounds-real.test.ts',
];

/** Property suites: `npm test` runs them briefly, `test:slow` again with the run counts its script sets. */
export const PROPERTY_SUITES = ['test/fuzz/', 'test/validation/fast-check.test.ts', 'test/yaml/', 'test/security/hostile-inputs.test.ts'];

const slow = process.env.PPM_TESTS === 'slow';
const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The suites of this run: the slow set, or everything else. */
const suites: Config = slow
  ? { testMatch: [...SLOW_SUITES, ...PROPERTY_SUITES].map((p) => `<rootDir>/${p}${p.endsWith('/') ? '**/*.test.ts' : ''}`) }
  : { testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', ...SLOW_SUITES.map((p) => `<rootDir>/${escape(p)}$`)] };

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  ...suites,
  // swc: a native transpiler (served for linux-x64 by the npm registry), much cheaper than ts-jest on a fresh clone;
  // it hoists jest.mock() above the imports as ts-jest does.
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  // The examples import the package by its name, as an app does: here it is the source.
  moduleNameMapper: {
    '^cdk8s-posit-package-manager$': '<rootDir>/src',
    '^cdk8s-posit-package-manager/(.*)$': '<rootDir>/src/$1',
  },
  setupFilesAfterEnv: ['<rootDir>/test/helpers/setup.ts'],
  // Both cores of the 2-core machines the suite runs on (jest's default leaves one idle).
  maxWorkers: 2,
};

export default config;
