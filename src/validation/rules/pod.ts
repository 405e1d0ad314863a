/** Rules on the pod: volumes, mounts, containers, env, probes. */
import type { Container, Probe } from '../../k8s-types';
import { CONFIG_KEY, ENV_VAR_NAME, isDns1123Label, LABEL_RULE } from '../k8s-names';
import type { Rule } from './context';

/** Volumes and mounts the construct adds itself, by the condition under which it adds them. */
function ownVolumes(ctx: Parameters<Rule>[0]): { volumes: string[]; mountPaths: string[] } {
  const { model } = ctx;
  const v = model.values;
  const volumes = ['rstudio-pm-config'];
  const mountPaths = ['/etc/rstudio-pm/rstudio-pm.gcfg'];
  if (v.awsAccessKeyId) {
    volumes.push('aws-creds');
    mountPaths.push('/home/rstudio-pm/.aws');
  }
  if (model.mountSharedStorage) {
    volumes.push('rstudio-pm-data');
    mountPaths.push(v.sharedStorage.path);
  }
  if (model.licenseFile) {
    volumes.push('license-file');
    const f = v.license.file;
    mountPaths.push(f.mountSubPath ? `${f.mountPath}/${f.secretKey}` : f.mountPath);
  }
  return { volumes, mountPaths };
}

/** Pod volumes have unique DNS-label names, and every mount names a volume and has its own path. */
export const volumesAndMounts: Rule = (ctx) => {
  const { model, error } = ctx;
  const v = model.values;
  const own = ownVolumes(ctx);
  const names = new Set(own.volumes);
  v.pod.volumes.forEach((vol, i) => {
    const path = `pod.volumes[${i}].name`;
    if (!isDns1123Label(vol.name)) error(path, `${LABEL_RULE}; got ${JSON.stringify(vol.name)}`);
    else if (names.has(vol.name)) {
      error(path, `${JSON.stringify(vol.name)} is already a volume of the pod${own.volumes.includes(vol.name) ? ' (PackageManager adds it)' : ''}: pick another name`);
    }
    names.add(vol.name);
  });
  const paths = new Set(own.mountPaths);
  v.pod.volumeMounts.forEach((m, i) => {
    if (!names.has(m.name)) {
      error(`pod.volumeMounts[${i}].name`, `${JSON.stringify(m.name)} is not a volume of the pod: add it to pod.volumes (volumes: ${[...names].join(', ')})`);
    }
    if (!m.mountPath.startsWith('/')) error(`pod.volumeMounts[${i}].mountPath`, `must be an absolute path; got ${JSON.stringify(m.mountPath)}`);
    else if (paths.has(m.mountPath)) error(`pod.volumeMounts[${i}].mountPath`, `${JSON.stringify(m.mountPath)} is already mounted in the container: pick another path`);
    paths.add(m.mountPath);
  });
};

function checkContainer(c: Container, path: string, error: (p: string, m: string) => void): void {
  if (!isDns1123Label(c.name)) error(`${path}.name`, `${LABEL_RULE}; got ${JSON.stringify(c.name)}`);
  if (!c.image) error(`${path}.image`, 'is required');
  (c.env ?? []).forEach((e, i) => {
    if (!ENV_VAR_NAME.test(e.name)) error(`${path}.env[${i}].name`, `must be an environment variable name (letters, digits, "_", "-", "."; not starting with a digit); got ${JSON.stringify(e.name)}`);
    if (e.value !== undefined && e.valueFrom !== undefined) error(`${path}.env[${i}]`, 'set either value or valueFrom, not both');
  });
}

/** Sidecars and init containers: valid, uniquely named, not named like the Package Manager container. */
export const containers: Rule = ({ model, error }) => {
  const v = model.values;
  const seen = new Set(['rspm']);
  v.extraContainers.forEach((c, i) => {
    checkContainer(c, `extraContainers[${i}]`, error);
    if (seen.has(c.name)) error(`extraContainers[${i}].name`, `${JSON.stringify(c.name)} is already a container of the pod: pick another name`);
    seen.add(c.name);
  });
  (v.initContainers ?? []).forEach((c, i) => {
    checkContainer(c, `initContainers[${i}]`, error);
    if (seen.has(c.name)) error(`initContainers[${i}].name`, `${JSON.stringify(c.name)} is already a container of the pod: pick another name`);
    seen.add(c.name);
  });
  v.pod.env.forEach((e, i) => {
    if (!ENV_VAR_NAME.test(e.name)) error(`pod.env[${i}].name`, `must be an environment variable name (letters, digits, "_", "-", "."; not starting with a digit); got ${JSON.stringify(e.name)}`);
    if (e.value !== undefined && e.valueFrom !== undefined) error(`pod.env[${i}]`, 'set either value or valueFrom, not both');
  });
};

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

/** Each rendered probe has exactly one handler; liveness and startup need successThreshold 1. */
export const probes: Rule = ({ model, error }) => {
  for (const [name, probe] of Object.entries(model.probes) as [string, Probe | undefined][]) {
    if (!probe) continue;
    const handlers = HANDLERS.filter((h) => probe[h] !== undefined);
    if (handlers.length !== 1) {
      error(name, handlers.length === 0 ? 'an enabled probe needs a handler: httpGet, exec, tcpSocket or grpc' : `has ${handlers.length} handlers (${handlers.join(', ')}); keep one`);
    }
    if (name !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
      error(`${name}.successThreshold`, `must be 1 for a ${name === 'livenessProbe' ? 'liveness' : 'startup'} probe; got ${probe.successThreshold}`);
    }
  }
};

/** The license file's key is a Secret key and a file name. */
export const licenseFile: Rule = ({ model, error }) => {
  const f = model.values.license.file;
  if (!CONFIG_KEY.test(f.secretKey) || f.secretKey.length > 253) {
    error('license.file.secretKey', `must be a Secret key (letters, digits, "-", "_", "."), as it names the file; got ${JSON.stringify(f.secretKey)}`);
  }
  if (f.contents && f.secret) {
    error('license.file', 'set either license.file.contents (an inline license file) or license.file.secret (an existing Secret), not both');
  }
};

/** AWS keys come in pairs. */
export const awsKeys: Rule = ({ model, error }) => {
  if (model.values.awsAccessKeyId && !model.values.awsSecretAccessKey) error('awsSecretAccessKey', 'is required when awsAccessKeyId is set');
  if (!model.values.awsAccessKeyId && model.values.awsSecretAccessKey) error('awsAccessKeyId', 'is required when awsSecretAccessKey is set');
};

/** The chart's note about its deprecated value. */
export const deprecatedServiceAccountName: Rule = ({ props, warn }) => {
  if (props.pod?.serviceAccountName) warn('pod.serviceAccountName', 'is deprecated; use serviceAccount.name instead');
};
