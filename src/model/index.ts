/** The resolved model (see types.ts) and how it is computed. */
export * from './types';
export { resolveModel, imageTag, type Identity } from './resolve';
export { configValue, gcfgTruthy } from './config';
export { defaultsOf, evaluateDefaultTemplates, helmTruthy } from './defaults';
export { migrationJobName } from './objects';
