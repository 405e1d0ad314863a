import type { Config } from 'jest';

// TypeScript is transpiled file by file without type-checking (fast); `npm test`
// type-checks the whole project once with `tsc --noEmit` before jest runs.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFilesAfterEnv: ['<rootDir>/test/helpers/setup.ts'],
};

export default config;
