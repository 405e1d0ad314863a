/**
 * What Package Manager itself would refuse or never do, though the chart renders it: listen addresses
 * and durations as Go reads them, cron schedules as its scheduler reads them, probes on ports nothing
 * listens on.
 */
import { cronNeverFires, parseCron } from '../../config/cron';
import { goListenProblem, parseGoDuration } from '../../config/go-formats';
import { listenPort } from '../../config/spec';
import type { K8sProbe } from '../../k8s/types';
import { configValue } from '../../model';
import type { Rule } from './context';

/** `config.HTTP.Listen` and `config.HTTPS.Listen` as Go's net.Listen reads them (Metrics.Listen also takes a bare port: Posit's docs write `2112`). */
export const listenAddresses: Rule = ({ model, invalid }) => {
  for (const section of ['HTTP', 'HTTPS']) {
    const value = configValue(model.config, section, 'Listen');
    if (typeof value !== 'string' || value === '' || listenPort(value) === undefined) continue; // the schema's and configDependencies' word
    const problem = goListenProblem(value);
    if (problem) invalid(['config', section, 'Listen'], problem, value);
  }
};

/** Sync schedules as Package Manager's scheduler reads them; one that can never fire is a warning. */
export const syncSchedules: Rule = ({ model, invalid, warn }) => {
  for (const section of ['CRAN', 'PyPI', 'Bioconductor']) {
    const value = configValue(model.config, section, 'SyncSchedule');
    if (typeof value !== 'string') continue;
    const parsed = parseCron(value);
    const path = `config.${section}.SyncSchedule`;
    if (typeof parsed === 'string') invalid(['config', section, 'SyncSchedule'], parsed, value);
    else if (cronNeverFires(parsed)) {
      warn(
        'ppm:schedule-never-fires',
        path,
        `is ${JSON.stringify(value)}, which never fires: no chosen month has that day (February has 29 at most, April, June, September and November 30)`,
      );
    }
  }
};

/** Durations as Go's time.ParseDuration reads them. */
export const durations: Rule = ({ model, invalid }) => {
  const value = configValue(model.config, 'Git', 'PollInterval');
  if (typeof value !== 'string') return;
  const parsed = parseGoDuration(value);
  if (typeof parsed === 'string') invalid(['config', 'Git', 'PollInterval'], parsed, value);
  else if (parsed < 0) invalid(['config', 'Git', 'PollInterval'], 'must not be negative', value);
};

/** A probe of the Package Manager container on a port it does not have, or that nothing in the pod listens on. */
export const probePorts: Rule = ({ model, error }) => {
  const own = model.ports.containerPorts;
  const sidecarPorts = (model.values.extraContainers ?? []).flatMap((c) => c.ports ?? []);
  const listening = new Set<number>([
    model.ports.http,
    ...(model.ports.https !== undefined ? [model.ports.https] : []),
    ...(model.ports.metricsEnabled ? [model.ports.metrics] : []),
    ...sidecarPorts.map((p) => p.containerPort),
  ]);
  const ownNames = own.filter((p) => p.name !== undefined).map((p) => p.name!);
  for (const [kind, probe] of Object.entries(model.pod.probes) as [string, K8sProbe | undefined][]) {
    if (!probe) continue;
    for (const [handler, port] of [
      ['httpGet', probe.httpGet?.port],
      ['tcpSocket', probe.tcpSocket?.port],
      ['grpc', probe.grpc?.port],
    ] as const) {
      if (port === undefined) continue;
      const path = `${kind}.${handler}.port`;
      if (typeof port === 'string') {
        if (!/^\d+$/.test(port) && !ownNames.includes(port)) {
          error(
            path,
            `is ${JSON.stringify(port)}, which is not a port of the Package Manager container (its named ports: ${ownNames.join(', ') || 'none'}): name one of them, or give the port number`,
          );
        }
      } else if (!listening.has(port)) {
        error(
          path,
          `is ${port}, but nothing in the pod listens on it (Package Manager listens on ${[...listening].sort((a, b) => a - b).join(', ')}): probe one of those ports, or remove the port to probe config.HTTP.Listen's`,
        );
      }
    }
  }
};

/** The license file the image's startup script reads when RSPM_LICENSE_FILE_PATH is not set. */
const DEFAULT_LICENSE_FILE = '/etc/rstudio-pm/license.lic';
/** The variables the image's startup script activates a license from: a key, a license server, a file. */
const LICENSE_ENV = ['RSPM_LICENSE', 'RSPM_LICENSE_SERVER', 'RSPM_LICENSE_FILE_PATH'];

/**
 * No license at all: no key, key Secret, server or file, and none given through `pod.env` (`RSPM_LICENSE`,
 * `RSPM_LICENSE_SERVER`, `RSPM_LICENSE_FILE_PATH`) or mounted at the default license file. The chart renders that,
 * and Package Manager does not start; a warning (not an error) because a license may come another way (an image with
 * one built in), which the user says by acknowledging it.
 */
export const licenseGiven: Rule = ({ model, warn }) => {
  const fromEnv = model.pod.env.some((e) => LICENSE_ENV.includes(e.name) && (e.valueFrom !== undefined || Boolean(e.value)));
  const mounted = model.pod.mounts.some((m) => m.mountPath.replace(/\/+$/, '') === DEFAULT_LICENSE_FILE);
  if (fromEnv || mounted) return;
  warn(
    'ppm:no-license',
    'license',
    "no license is given, and Package Manager does not start without one: give license.key (or license.keySecret, an existing Secret), license.server (a license server, host:port) or license.file (contents, or secret: an existing Secret with the file); if the license comes another way (an image with one built in, a pod.env entry the library cannot see), acknowledge this warning (acknowledgeWarnings: ['ppm:no-license'], or --acknowledge-warning ppm:no-license)",
  );
};
