'use strict';
// TypeScript is transpiled file by file without type-checking (fast, cached); `npm test`
// type-checks the whole project once (`tsc -b`) before jest runs. Plain JavaScript, so that
// jest does not start a TypeScript compiler to read its own configuration.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // The examples import the package by its name, as an app does: here it is the source.
  moduleNameMapper: {
    '^cdk8s-posit-package-manager$': '<rootDir>/src',
    '^cdk8s-posit-package-manager/(.*)$': '<rootDir>/src/$1',
  },
  setupFilesAfterEnv: ['<rootDir>/test/helpers/setup.ts'],
  // Both cores of the 2-core machines the suite runs on (jest's default leaves one idle).
  maxWorkers: 2,
};
