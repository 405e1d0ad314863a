/** Rules on `config` (the gcfg file) and the chart's notes about it. */
import { gcfgNameProblem, gcfgValueProblem, parseSectionName } from '../../gcfg/serialize';
import { listenPort } from '../../config/spec';
import { formatPath } from '../../errors';
import { configValue, type Model } from '../../model';
import type { Rule } from './context';

/** Section and key names gcfg can read, and values it can carry, in `config` and `extraConfig`. */
export const gcfgSyntax: Rule = ({ model, error, invalid }) => {
  const check = (prefix: string, doc: Readonly<Record<string, unknown>> | undefined) => {
    for (const section in doc) {
      if (!Object.prototype.hasOwnProperty.call(doc, section)) continue;
      const problem = gcfgNameProblem(parseSectionName(section).name);
      if (problem) error(formatPath([prefix, section]), `section ${problem}`);
      const keys = (doc[section] ?? {}) as Readonly<Record<string, unknown>>;
      for (const key in keys) {
        if (!Object.prototype.hasOwnProperty.call(keys, key)) continue;
        const value = keys[key];
        const path = () => formatPath([prefix, section, key]);
        const keyProblem = gcfgNameProblem(key);
        if (keyProblem) error(path(), `key ${keyProblem}`);
        const list: readonly unknown[] = Array.isArray(value) ? value : [value];
        list.forEach((item, i) => {
          const valueProblem = typeof item === 'string' ? gcfgValueProblem(item) : undefined;
          if (valueProblem) error(Array.isArray(value) ? `${path()}[${i}]` : path(), `the value ${valueProblem}`);
          if (typeof item === 'number' && !Number.isFinite(item))
            invalid([prefix, section, key, ...(Array.isArray(value) ? [i] : [])], 'must be a finite number', item);
        });
      }
    }
  };
  check('config', model.values.config as Readonly<Record<string, unknown>> | undefined);
  check('extraConfig', model.values.extraConfig);
};

/**
 * The value of a setting wherever it went: the gcfg file, the Secret of
 * secret settings, or an existing Secret (then only whether it is set is known).
 */
export function settingOf(model: Model, section: string, key: string): unknown {
  const inFile = configValue(model.config, section, key);
  if (inFile !== undefined) return inFile;
  const id = `${section}.${key}`.toLowerCase();
  const moved = model.secretSettings.find((s) => s.path.toLowerCase() === id);
  if (moved) return moved.value;
  return model.settingsFromSecrets.some((s) => s.path.toLowerCase() === id) ? '(from a Secret)' : undefined;
}

/** Settings that need other settings. */
export const configDependencies: Rule = ({ model, error, invalid }) => {
  const c = model.config;
  const get = (s: string, k: string) => settingOf(model, s, k);
  for (const key of ['Default', 'Persistent']) {
    if (String(get('Storage', key) ?? '').toLowerCase() === 's3' && !get('S3Storage', 'Bucket')) {
      error(`config.Storage.${key}`, 'is "s3", but config.S3Storage.Bucket is not set: name the bucket');
    }
  }
  if (String(get('Database', 'Provider') ?? '').toLowerCase() === 'postgres' && !get('Postgres', 'URL')) {
    error('config.Database.Provider', 'is "postgres", but config.Postgres.URL is not set: give "postgres://user@host:5432/db"');
  }
  if (get('HTTPS', 'Listen')) {
    for (const key of ['Certificate', 'Key']) {
      if (!get('HTTPS', key))
        error(`config.HTTPS.${key}`, 'is required when config.HTTPS.Listen is set: the path of the PEM file in the container');
    }
  }
  const http = configValue(c, 'HTTP', 'Listen');
  // Removed (`HTTP.Listen: ~`), Package Manager listens on its default, :4242.
  if (http !== undefined && listenPort(String(http)) === undefined) {
    invalid(
      ['config', 'HTTP', 'Listen'],
      'must give the port Package Manager serves HTTP on (e.g. ":4242"): the container port, probes and Service follow it',
      http,
    );
  }
  if (model.ports.metricsEnabled && model.ports.metrics === model.ports.http) {
    error('config.Metrics.Listen', `uses port ${model.ports.metrics}, which HTTP uses too: pick another port`);
  }
  const https = configValue(c, 'HTTPS', 'Listen');
  if (https !== undefined && https !== '' && model.ports.https === undefined) {
    invalid(['config', 'HTTPS', 'Listen'], 'must be "[host]:port" with a port of 1-65535, e.g. ":443"', https);
  }
  if (model.ports.https !== undefined) {
    if (model.ports.https === model.ports.http)
      error('config.HTTPS.Listen', `uses port ${model.ports.https}, which HTTP uses too: pick another port`);
    else if (model.ports.metricsEnabled && model.ports.https === model.ports.metrics)
      error('config.HTTPS.Listen', `uses port ${model.ports.https}, which metrics use too: pick another port`);
  }
};

/** Data must live where the shared storage is mounted. */
export const dataDirOnSharedStorage: Rule = ({ model, warn }) => {
  if (!model.mountSharedStorage) return;
  const dataDir = model.pod.dataDir.replace(/\/+$/, '');
  const path = (model.values.sharedStorage?.path ?? '').replace(/\/+$/, '');
  if (dataDir !== path && !dataDir.startsWith(`${path}/`)) {
    warn(
      'ppm:data-dir',
      'sharedStorage.path',
      `is ${JSON.stringify(path)}, but Package Manager keeps its data in config.Server.DataDir (${JSON.stringify(dataDir)}), which is not on the shared storage: set config.Server.DataDir to ${JSON.stringify(path)}`,
    );
  }
};

/** The chart's root check, and its note about a hand-set license type. */
export const chartConfigNotes: Rule = ({ model, error, warn }) => {
  if (
    // The chart's check is `eq … "root"`, case-sensitive as Package Manager's user names are.
    configValue(model.config, 'Launcher', 'ServerUser') === 'root' &&
    model.values.rootCheckIsFatal
  ) {
    error(
      'config.Launcher.ServerUser',
      'is "root", but the Package Manager image runs as non-root: remove config.Launcher.ServerUser (or, to bypass this check at your own risk, set rootCheckIsFatal: false)',
    );
  }
  if (
    (configValue(model.values.config, 'Licensing', 'LicenseType') ?? configValue(model.values.extraConfig, 'Licensing', 'LicenseType')) !==
    undefined
  ) {
    warn(
      'ppm:license-type',
      'config.Licensing.LicenseType',
      'is set by hand; it is normally derived: "remote" when license.server is set, else Package Manager\'s default "local". Consider removing it.',
    );
  }
};

/** Options that need metrics. */
export const metricsDependents: Rule = ({ model, warn }) => {
  if (model.values.serviceMonitor?.enabled && !model.ports.metricsEnabled) {
    warn(
      'ppm:servicemonitor-without-metrics',
      'serviceMonitor.enabled',
      'is true but config.Metrics.Enabled is off, so no ServiceMonitor is created: turn metrics on or drop serviceMonitor',
    );
  }
};

/** More than one pod only with data that every pod shares; Posit supports several only with PostgreSQL. */
export const replicasShareData: Rule = ({ model, error, warn }) => {
  const replicas = model.values.replicas ?? 1;
  if (replicas <= 1) return;
  const s3 = String(configValue(model.config, 'Storage', 'Default') ?? '').toLowerCase() === 's3';
  if (!model.pod.sharedData && !s3) {
    error(
      'replicas',
      `is ${replicas}, but the pods would not share their data directory (${model.pod.dataDir}): mount shared storage with ReadWriteMany (sharedStorage.create with accessModes ["ReadWriteMany"], or sharedStorage.mount of such a claim), or a shared volume of pod.volumes (NFS, a ReadWriteMany claim…) at the data directory, or use S3 (config.Storage.Default: "s3"), or set replicas: 1`,
    );
  }
  if (String(configValue(model.config, 'Database', 'Provider') ?? 'sqlite').toLowerCase() !== 'postgres') {
    warn(
      'ppm:replicas-sqlite',
      'replicas',
      `is ${replicas} with the default SQLite database: Posit supports several Package Manager replicas only with PostgreSQL (config.Database.Provider: "postgres" and config.Postgres.URL)`,
    );
  }
};

/** `pod.port` only names the container port: say so when Package Manager listens on another. */
export const podPort: Rule = ({ model, warn }) => {
  const port = model.values.pod?.port;
  if (port !== undefined && port !== model.ports.http) {
    warn(
      'ppm:port-mismatch',
      'pod.port',
      `is ${port}, but Package Manager listens on ${model.ports.http} (config.HTTP.Listen), where the probes and the Service send traffic: pod.port only names the container port; to move Package Manager, set config.HTTP.Listen to ":${port}"`,
    );
  }
};
