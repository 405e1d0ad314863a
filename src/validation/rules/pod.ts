/** Rules on the pod: volumes, mounts, containers, env, probes. */
import type { K8sContainer, EnvVar, K8sProbe, VolumeMount } from '../../k8s/types';
import { requestsOverLimits } from '../../k8s/quantity';
import { ENV_VAR_NAME, isDns1123Label, LABEL_RULE, PORT_NAME } from '../../k8s/names';
import { isSecretKey, SECRET_KEY_RULE } from '../../k8s/names';
import { CONTAINER_NAME } from '../../constants';
import { formatPath } from '../../errors';
import type { Rule, RuleContext } from './context';

/** Where the helpers below report. */
type Report = Pick<RuleContext, 'error' | 'invalid'>;

/** Pod volumes have unique DNS-label names, and every mount names a volume and has its own path. */
export const volumesAndMounts: Rule = ({ model, error, invalid }) => {
  const v = model.values;
  const ownNames = model.pod.ownVolumes.map((vol) => vol.name);
  const names = new Set(ownNames);
  (v.pod?.volumes ?? []).forEach((vol, i) => {
    const path = `pod.volumes[${i}].name`;
    if (!isDns1123Label(vol.name)) invalid(path, LABEL_RULE, vol.name);
    else if (names.has(vol.name)) {
      error(
        path,
        `${JSON.stringify(vol.name)} is already a volume of the pod${ownNames.includes(vol.name) ? ' (PackageManager adds it)' : ''}: pick another name`,
      );
    }
    names.add(vol.name);
    const sources = Object.keys(vol).filter(
      (k) => k !== 'name' && (vol as Record<string, unknown>)[k] !== null && (vol as Record<string, unknown>)[k] !== undefined,
    );
    if (sources.length !== 1)
      error(
        `pod.volumes[${i}]`,
        `a volume needs exactly one source (emptyDir, configMap, secret, persistentVolumeClaim, …); got ${sources.length === 0 ? 'none' : sources.join(', ')}`,
      );
  });
  checkMounts(v.pod?.volumeMounts ?? [], 'pod.volumeMounts', names, new Set(model.pod.ownMounts.map((m) => m.mountPath)), {
    error,
    invalid,
  });
};

function checkMounts(mounts: readonly VolumeMount[], path: string, volumes: Set<string>, paths: Set<string>, r: Report): void {
  mounts.forEach((m, i) => {
    if (!volumes.has(m.name)) {
      r.error(
        `${path}[${i}].name`,
        `${JSON.stringify(m.name)} is not a volume of the pod: add it to pod.volumes (volumes: ${[...volumes].join(', ')})`,
      );
    }
    if (!m.mountPath.startsWith('/')) r.invalid(`${path}[${i}].mountPath`, 'must be an absolute path', m.mountPath);
    else if (paths.has(m.mountPath))
      r.error(`${path}[${i}].mountPath`, `${JSON.stringify(m.mountPath)} is already mounted in the container: pick another path`);
    paths.add(m.mountPath);
  });
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

function checkPort(port: number | string | undefined, path: string, r: Report): void {
  if (port === undefined) return;
  if (typeof port === 'number' ? port < 1 || port > 65535 : !PORT_NAME.test(port)) {
    r.invalid(path, 'must be a port of 1-65535 or a port name (at most 15 lower-case letters, digits and "-")', port);
  }
}

function checkProbe(probe: K8sProbe | undefined, path: string, kind: string, r: Report): void {
  if (!probe) return;
  const handlers = HANDLERS.filter((h) => probe[h] !== undefined && probe[h] !== null);
  if (handlers.length !== 1) {
    r.error(
      path,
      handlers.length === 0
        ? 'a probe needs a handler: httpGet, exec, tcpSocket or grpc'
        : `has ${handlers.length} handlers (${handlers.join(', ')}); keep one`,
    );
  }
  checkPort(probe.httpGet?.port, `${path}.httpGet.port`, r);
  checkPort(probe.tcpSocket?.port, `${path}.tcpSocket.port`, r);
  if (probe.grpc) checkPort(probe.grpc.port, `${path}.grpc.port`, r);
  if (kind !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    r.invalid(
      `${path}.successThreshold`,
      `must be 1 for a ${kind === 'livenessProbe' ? 'liveness' : 'startup'} probe`,
      probe.successThreshold,
    );
  }
}

function checkResources(
  requests: Record<string, string | number> | undefined,
  limits: Record<string, string | number> | undefined,
  path: string,
  r: Report,
): void {
  for (const [resource, request, limit] of requestsOverLimits(requests, limits)) {
    r.error(
      `${path}.requests.${resource}`,
      `is ${JSON.stringify(request)}, more than its limit ${JSON.stringify(limit)}: raise the limit or lower the request`,
    );
  }
}

function checkContainer(c: K8sContainer, path: string, volumes: Set<string>, r: Report): void {
  if (!isDns1123Label(c.name)) r.invalid(`${path}.name`, LABEL_RULE, c.name);
  if (!c.image?.trim()) r.error(`${path}.image`, 'is required (a non-blank image reference)');
  checkEnv(c.env ?? [], `${path}.env`, r);
  (c.ports ?? []).forEach((p, i) => {
    checkPort(p.containerPort, `${path}.ports[${i}].containerPort`, r);
    checkPort(p.hostPort, `${path}.ports[${i}].hostPort`, r);
    if (p.name !== undefined) checkPort(p.name, `${path}.ports[${i}].name`, r);
  });
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) checkProbe(c[kind], `${path}.${kind}`, kind, r);
  checkResources(c.resources?.requests, c.resources?.limits, `${path}.resources`, r);
  checkMounts(c.volumeMounts ?? [], `${path}.volumeMounts`, volumes, new Set(), r);
}

function checkEnv(env: readonly EnvVar[], path: string, r: Report): void {
  env.forEach((e, i) => {
    if (!ENV_VAR_NAME.test(e.name))
      r.invalid(
        `${path}[${i}].name`,
        'must be an environment variable name (letters, digits, "_", "-", "."; not starting with a digit)',
        e.name,
      );
    if (e.value !== undefined && e.valueFrom !== undefined) r.error(`${path}[${i}]`, 'set either value or valueFrom, not both');
  });
}

/** Sidecars and init containers: valid, uniquely named, not named like the Package Manager container. */
export const containers: Rule = ({ model, error, invalid }) => {
  const v = model.values;
  const volumes = new Set(model.pod.volumes.map((vol) => vol.name));
  const seen = new Set([CONTAINER_NAME]);
  const each = (list: readonly K8sContainer[], path: string) =>
    list.forEach((c, i) => {
      checkContainer(c, `${path}[${i}]`, volumes, { error, invalid });
      if (seen.has(c.name)) error(`${path}[${i}].name`, `${JSON.stringify(c.name)} is already a container of the pod: pick another name`);
      seen.add(c.name);
    });
  each(v.extraContainers ?? [], 'extraContainers');
  each(v.initContainers ?? [], 'initContainers');
  checkEnv(v.pod?.env ?? [], 'pod.env', { error, invalid });
  // Port names are unique in the pod: the Service and the NetworkPolicy find ports by name.
  const portNames = new Map(
    model.ports.containerPorts
      .filter((p) => p.name !== undefined)
      .map((p) => [p.name!, `the ${CONTAINER_NAME} container (PackageManager adds it)`]),
  );
  for (const [list, path] of [
    [v.extraContainers ?? [], 'extraContainers'],
    [v.initContainers ?? [], 'initContainers'],
  ] as const) {
    list.forEach((c, i) =>
      (c.ports ?? []).forEach((p, j) => {
        if (p.name === undefined) return;
        const first = portNames.get(p.name);
        if (first)
          error(
            `${path}[${i}].ports[${j}].name`,
            `${JSON.stringify(p.name)} is already a port of ${first}: port names are unique in a pod`,
          );
        else portNames.set(p.name, `${path}[${i}]`);
      }),
    );
  }
};

/** The Package Manager container's probes (after the defaults) and resources. */
export const mainContainer: Rule = ({ model, error, invalid }) => {
  for (const [kind, probe] of Object.entries(model.pod.probes) as [string, K8sProbe | undefined][])
    checkProbe(probe, kind, kind, { error, invalid });
  const r = model.values.resources ?? {};
  type List = NonNullable<typeof r.requests>;
  const list = (l: List) => ({ memory: l.memory, cpu: l.cpu, 'ephemeral-storage': l.ephemeralStorage }) as Record<string, string | number>;
  for (const kind of ['requests', 'limits'] as const) {
    const l = r[kind];
    if (!l?.enabled) continue;
    for (const key of ['memory', 'cpu', 'ephemeralStorage'] as const) {
      // helm renders a removed default as an empty quantity ("cpu: \"\""), which Kubernetes refuses.
      if (l[key] === undefined)
        error(
          `resources.${kind}.${key}`,
          `is removed (null) while resources.${kind}.enabled is true: give a quantity, or set enabled: false`,
        );
    }
  }
  if (r.requests?.enabled && r.limits?.enabled) {
    for (const [resource, request, limit] of requestsOverLimits(list(r.requests), list(r.limits))) {
      const key = resource === 'ephemeral-storage' ? 'ephemeralStorage' : resource;
      error(
        `resources.requests.${key}`,
        `is ${JSON.stringify(request)}, more than resources.limits.${key} (${JSON.stringify(limit)}): raise the limit or lower the request`,
      );
    }
  }
};

/** A rolling update must be able to make progress. */
export const rollingUpdate: Rule = ({ model, error }) => {
  const s = model.values.strategy;
  if (s?.type !== 'RollingUpdate' || !s.rollingUpdate) return; // a removed rollingUpdate: see rules/chart.ts
  // A removed one (`maxSurge: ~`) is Kubernetes' default, 25%.
  const zero = (v: number | string | undefined) => v === 0 || v === '0%';
  if (zero(s.rollingUpdate?.maxSurge) && zero(s.rollingUpdate?.maxUnavailable)) {
    error(
      'strategy.rollingUpdate',
      'maxSurge and maxUnavailable are both 0, so an update could never start: allow a surge (e.g. maxSurge: "100%") or an unavailable pod',
    );
  }
};

/** The license file's key is a Secret key and a file name. */
export const licenseFile: Rule = ({ model, error, invalid }) => {
  const f = model.values.license?.file ?? {};
  const used = Boolean(f.contents || f.secret);
  for (const key of ['mountPath', 'secretKey'] as const) {
    // helm renders RSPM_LICENSE_FILE_PATH without the removed part, and no mount.
    if (used && f[key] === undefined)
      error(
        `license.file.${key}`,
        'is removed (null) while a license file is given: give it a value, or drop the null to keep the default',
      );
  }
  if (f.secretKey !== undefined && !isSecretKey(f.secretKey)) {
    // "..", mounted as a subPath, would mount the Secret's parent directory.
    invalid('license.file.secretKey', SECRET_KEY_RULE, f.secretKey);
  }
  if (f.contents && f.secret) {
    error(
      'license.file',
      'set either license.file.contents (an inline license file) or license.file.secret (an existing Secret), not both',
    );
  }
};

/** AWS keys come in pairs, each on one line of the credentials file. */
export const awsKeys: Rule = ({ model, error }) => {
  for (const key of ['awsAccessKeyId', 'awsSecretAccessKey'] as const) {
    // A line break would add lines to the credentials file, e.g. a `credential_process` that runs a command.
    if ([...(model.values[key] ?? '')].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
      error(
        key,
        'holds a line break or another control character, which would add lines to the AWS credentials file (such as a credential_process that runs a command): give the key alone, on one line',
      );
  }
  if (model.values.awsAccessKeyId && !model.values.awsSecretAccessKey)
    error('awsSecretAccessKey', 'is required when awsAccessKeyId is set');
  if (!model.values.awsAccessKeyId && model.values.awsSecretAccessKey)
    error('awsAccessKeyId', 'is required when awsSecretAccessKey is set');
};

/** The chart's note about its deprecated value. */
export const deprecatedServiceAccountName: Rule = ({ model, warn }) => {
  if (model.values.pod?.serviceAccountName)
    warn('ppm:deprecated-value', 'pod.serviceAccountName', 'is deprecated; use serviceAccount.name instead');
};

/** `pod.labels` may add labels, not change the selector labels: the Deployment would not select its own pods. */
export const podLabels: Rule = ({ model, error }) => {
  for (const [key, value] of Object.entries(model.values.pod?.labels ?? {})) {
    const selector = Object.hasOwn(model.selectorLabels, key) ? model.selectorLabels[key] : undefined;
    if (selector !== undefined && value !== selector)
      error(
        formatPath(['pod', 'labels', key]),
        `is a selector label of the Deployment (${JSON.stringify(selector)}); another value would make the Deployment select no pod of its own, and Kubernetes refuses it: remove it (set nameOverride or the release name to change it)`,
      );
  }
};
