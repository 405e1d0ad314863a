/** All rules that span several props, run on the resolved model. */
import type { Model } from '../../model';
import type { PackageManagerProps } from '../../props';
import {
  chartConfigNotes,
  configDependencies,
  dataDirOnSharedStorage,
  gcfgSyntax,
  metricsDependents,
  podPort,
  replicasShareData,
} from './config';
import { runRules } from './context';
import { imageReference, referencedNames, releaseAndNames } from './names';
import { extraObjects, ingress, podDisruptionBudget, serviceAddresses } from './network';
import { configFromSecrets, inlineSecretSettings, oneSourcePerSecret, sandboxingSecurity } from './security';
import { awsKeys, containers, deprecatedServiceAccountName, licenseFile, mainContainer, rollingUpdate, volumesAndMounts } from './pod';

const RULES = [
  releaseAndNames,
  imageReference,
  referencedNames,
  gcfgSyntax,
  configDependencies,
  dataDirOnSharedStorage,
  chartConfigNotes,
  deprecatedServiceAccountName,
  metricsDependents,
  replicasShareData,
  volumesAndMounts,
  containers,
  mainContainer,
  rollingUpdate,
  licenseFile,
  awsKeys,
  serviceAddresses,
  ingress,
  podDisruptionBudget,
  extraObjects,
  oneSourcePerSecret,
  configFromSecrets,
  inlineSecretSettings,
  podPort,
  sandboxingSecurity,
];

/** Runs every rule; returns errors and warnings. */
export function crossRules(props: PackageManagerProps, model: Model) {
  return runRules(RULES, props, model);
}
