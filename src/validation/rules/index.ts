/** All rules that span several props, run on the resolved model. */
import type { Model } from '../../model';
import { chartGuards, requiredDefaults } from './chart';
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
import { extraObjects, ingress, podDisruptionBudget, serviceAddresses, serviceMonitorNamespace } from './network';
import { configFromSecrets, inlineSecretSettings, oneSourcePerSecret, sandboxingSecurity } from './security';
import { awsKeys, containers, deprecatedServiceAccountName, licenseFile, mainContainer, rollingUpdate, volumesAndMounts } from './pod';

const RULES = [
  chartGuards,
  requiredDefaults,
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
  serviceMonitorNamespace,
  ingress,
  podDisruptionBudget,
  extraObjects,
  oneSourcePerSecret,
  configFromSecrets,
  inlineSecretSettings,
  podPort,
  sandboxingSecurity,
];

/** Runs every rule on the model; returns errors and warnings. */
export function checkModel(model: Model) {
  return runRules(RULES, model);
}
