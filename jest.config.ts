import type { Config } from 'jest';

// TypeScript is transformed by swc without type-checking; `npm test` runs `tsc --noEmit` first.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', {}] },
  setupFilesAfterEnv: ['<rootDir>/test/helpers/setup.ts'],
};

export default config;
