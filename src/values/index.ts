/**
 * Values files and command lines read exactly as Helm 3 reads them
 * (`cdk8s-posit-package-manager/values`): the loader `cdk8s-ppm` uses, so a
 * program merges layers exactly as the command line does.
 */
export { loadValues, readValuesFile, ValuesError, type LoadValuesOptions, type ValuesText } from './load';
export { coalesceValues, mergeValueLayers, type CoalesceOptions, type CoalesceWarning } from './coalesce';
export { parseSetFlag, SetValueError } from './strvals';
export { parseValuesYaml, parseYamlDocuments, YamlError } from './yaml';
export { renderValues } from './render-values';
export type { FromValuesOptions } from './options';
