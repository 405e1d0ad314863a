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
import { durations, licenseGiven, listenAddresses, probePorts, syncSchedules } from './package-manager-reads';
import { needsRedaction, redactIssues, secretStringsIn } from '../secrecy';
import { gatewayAdmitted, httpRoute } from './http-route';
import { repositoriesAndSources, repositorySetupVolumes } from './repositories';
import { imageReference, referencedNames, releaseAndNames } from './names';
import {
  extraObjects,
  ingress,
  networkPolicyPeers,
  podDisruptionBudget,
  serviceAddresses,
  serviceMonitorNamespace,
  serviceTarget,
} from './network';
import {
  configFromSecretsSettings,
  inlineSecretSettings,
  oneSourcePerSecret,
  plainSecretEnv,
  sandboxingSecurity,
  settingEnvCollisions,
} from './security';
import { plainCredentials } from './plain-credentials';
import {
  awsKeys,
  containers,
  deprecatedServiceAccountName,
  licenseFile,
  mainContainer,
  podLabels,
  rollingUpdate,
  volumesAndMounts,
} from './pod';

const RULES = [
  chartGuards,
  requiredDefaults,
  releaseAndNames,
  imageReference,
  referencedNames,
  gcfgSyntax,
  configDependencies,
  listenAddresses,
  syncSchedules,
  durations,
  dataDirOnSharedStorage,
  chartConfigNotes,
  deprecatedServiceAccountName,
  metricsDependents,
  replicasShareData,
  volumesAndMounts,
  containers,
  mainContainer,
  probePorts,
  rollingUpdate,
  licenseFile,
  licenseGiven,
  awsKeys,
  podLabels,
  serviceAddresses,
  serviceMonitorNamespace,
  serviceTarget,
  networkPolicyPeers,
  ingress,
  httpRoute,
  gatewayAdmitted,
  repositoriesAndSources,
  repositorySetupVolumes,
  podDisruptionBudget,
  extraObjects,
  oneSourcePerSecret,
  configFromSecretsSettings,
  inlineSecretSettings,
  settingEnvCollisions,
  plainSecretEnv,
  plainCredentials,
  podPort,
  sandboxingSecurity,
];

/** Runs every rule on the model; returns errors and warnings (no message holds a value that may be a secret). */
export function checkModel(model: Model) {
  const { errors, warnings } = runRules(RULES, model);
  if (!needsRedaction(errors, warnings)) return { errors, warnings };
  const secrets = secretStringsIn(model.values);
  return { errors: redactIssues(errors, secrets), warnings: redactIssues(warnings, secrets) };
}
