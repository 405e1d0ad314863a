/** Rules on `config` (the gcfg file) and the chart's notes about it. */
import { gcfgNameProblem, gcfgValueProblem, parseSectionName } from '../../gcfg/serialize';
import { configValue } from '../../model';
import type { Rule } from './context';

/** Section and key names gcfg can read, values it can carry, no two names that gcfg would merge. */
export const gcfgSyntax: Rule = ({ props, error }) => {
  const sections = new Map<string, string>();
  for (const [section, keys] of Object.entries(props.config ?? {})) {
    const problem = gcfgNameProblem(parseSectionName(section).name);
    if (problem) error(`config[${JSON.stringify(section)}]`, `section ${problem}`);
    const twin = sections.get(section.toLowerCase());
    if (twin !== undefined) error(`config.${section}`, `gcfg names are case-insensitive: ${section} and ${twin} are the same section; merge them`);
    sections.set(section.toLowerCase(), section);
    const seen = new Map<string, string>();
    for (const [key, value] of Object.entries(keys ?? {})) {
      const path = `config.${section}.${key}`;
      const keyProblem = gcfgNameProblem(key);
      if (keyProblem) error(path, `key ${keyProblem}`);
      const twinKey = seen.get(key.toLowerCase());
      if (twinKey !== undefined) error(path, `gcfg names are case-insensitive: ${key} and ${twinKey} are the same key; keep one`);
      seen.set(key.toLowerCase(), key);
      const list = Array.isArray(value) ? value : [value];
      list.forEach((item, i) => {
        const valueProblem = typeof item === 'string' ? gcfgValueProblem(item) : undefined;
        if (valueProblem) error(Array.isArray(value) ? `${path}[${i}]` : path, `the value ${valueProblem}`);
        if (typeof item === 'number' && !Number.isFinite(item)) error(path, `must be a finite number; got ${item}`);
      });
    }
  }
};

/** The chart's root check, and its note about a hand-set license type. */
export const chartConfigNotes: Rule = ({ props, model, error, warn }) => {
  if (String(configValue(model.config, 'Launcher', 'ServerUser')).toLowerCase() === 'root' && model.values.rootCheckIsFatal) {
    error(
      'config.Launcher.ServerUser',
      'is "root", but the Package Manager image runs as non-root: remove config.Launcher.ServerUser (or, to bypass this check at your own risk, set rootCheckIsFatal: false)',
    );
  }
  if (configValue(props.config, 'Licensing', 'LicenseType') !== undefined) {
    warn(
      'config.Licensing.LicenseType',
      'is set by hand; it is normally derived: "remote" when license.server is set, else Package Manager\'s default "local". Consider removing it.',
    );
  }
};

/** Options that need metrics. */
export const metricsDependents: Rule = ({ props, model, warn }) => {
  if (props.serviceMonitor?.enabled && !model.metricsEnabled) {
    warn('serviceMonitor.enabled', 'is true but config.Metrics.Enabled is off, so no ServiceMonitor is created: turn metrics on or drop serviceMonitor');
  }
};

/** More than one pod only with storage that every pod shares. */
export const replicasShareData: Rule = ({ model, error }) => {
  const v = model.values;
  if (v.replicas <= 1) return;
  const s = v.sharedStorage;
  const shared = model.mountSharedStorage && s.accessModes.includes('ReadWriteMany');
  const s3 = String(configValue(model.config, 'Storage', 'Default') ?? '').toLowerCase() === 's3';
  if (!shared && !s3) {
    error(
      'replicas',
      `is ${v.replicas}, but the pods would not share their data: mount shared storage with ReadWriteMany (sharedStorage.create with accessModes ["ReadWriteMany"], or sharedStorage.mount of such a claim) or use S3 (config.Storage.Default: "s3"), or set replicas: 1`,
    );
  }
};

