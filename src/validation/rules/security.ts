/** Rules on security: secret references and inline secrets, secret settings in config, what sandboxing costs (what the rendered pods fail: validation/output/pod-security.ts). */
import { isSecretName, isSecretSectionName, isSecretSetting, isSecretValue, settingEnvName, settingEnvProblem } from '../../config/secrets';
import { KNOWN_CONFIG } from '../../config/spec';
import type { EnvVar } from '../../k8s/types';
import { formatPath } from '../../errors';
import { gcfgNameProblem, parseSectionName } from '../../gcfg/serialize';
import type { GcfgValue } from '../../config/types';
import { configValue } from '../../model';
import type { Rule } from './context';

/** A reference and an inline value for the same secret are an error. */
export const oneSourcePerSecret: Rule = ({ model, error }) => {
  const props = model.values;
  const pairs: [unknown, unknown, string, string][] = [
    [props.license?.key, props.license?.keySecret, 'license.keySecret', 'license.key'],
    [props.rstudioPMKey, props.rstudioPMKeySecret, 'rstudioPMKeySecret', 'rstudioPMKey'],
    [
      props.awsAccessKeyId || props.awsSecretAccessKey,
      props.awsCredentialsSecret,
      'awsCredentialsSecret',
      'awsAccessKeyId/awsSecretAccessKey',
    ],
  ];
  for (const [inline, ref, refPath, inlinePath] of pairs) {
    if (inline && ref)
      error(refPath, `and ${inlinePath} are two sources for the same secret; keep the reference (${refPath}) and drop ${inlinePath}`);
  }
};

/** `configFromSecrets` names settings gcfg can read, each once, and not also written inline. */
export const configFromSecrets: Rule = ({ model, error }) => {
  const seen = new Map<string, string>();
  for (const [section, keys] of Object.entries(model.values.configFromSecrets ?? {})) {
    const problem = gcfgNameProblem(parseSectionName(section).name);
    if (problem) error(formatPath(['configFromSecrets', section]), `section ${problem}`);
    for (const key of Object.keys(keys ?? {})) {
      const path = formatPath(['configFromSecrets', section, key]);
      const keyProblem = gcfgNameProblem(key);
      if (keyProblem) error(path, `key ${keyProblem}`);
      const envProblem = !problem && !keyProblem ? settingEnvProblem(section, key) : undefined;
      if (envProblem) error(path, `cannot be passed to Package Manager: ${envProblem}`);
      const env = settingEnvName(section, key);
      const twin = seen.get(env);
      if (twin) error(path, `is the same setting as ${twin} (gcfg names are case-insensitive); keep one`);
      seen.set(env, path);
      const inline = configValue(model.config, section, key) ?? model.secretSettings.find((s) => s.env === env)?.value;
      if (inline !== undefined)
        error(path, `is also written inline in config/extraConfig; keep the Secret reference and remove the inline value`);
    }
  }
};

/** Secret settings written inline are moved to a Secret; say so, and refuse what cannot be moved. */
export const inlineSecretSettings: Rule = ({ model, error, warn }) => {
  const seen = new Map<string, string>();
  for (const [prefix, doc] of [
    ['config', model.values.config],
    ['extraConfig', model.values.extraConfig],
  ] as const) {
    for (const [section, keys] of Object.entries(doc ?? {})) {
      if (isSecretSectionName(section)) {
        error(
          formatPath([prefix, section]),
          'the section name holds a credential (a URL with a password, or a password=… pair), which would be written to the ConfigMap: take the credential out of the name',
        );
      }
      for (const [key, value] of Object.entries(keys ?? {})) {
        if (value === undefined || value === null || !isSecretSetting(key, value as GcfgValue)) continue;
        const path = formatPath([prefix, section, key]);
        if (Array.isArray(value)) {
          error(
            path,
            'looks like a secret (a password, token or URL with a password) and is a list, which cannot be kept out of the ConfigMap: give a single value, or use configFromSecrets',
          );
          continue;
        }
        const envProblem =
          gcfgNameProblem(parseSectionName(section).name) || gcfgNameProblem(key) ? undefined : settingEnvProblem(section, key);
        if (envProblem) {
          error(
            path,
            `looks like a secret, so it must be kept out of the ConfigMap and passed as an environment variable, but ${envProblem}`,
          );
          continue;
        }
        const env = settingEnvName(section, key);
        const twin = seen.get(env);
        if (twin) error(path, `reaches Package Manager as ${env}, like ${twin} (gcfg names are case-insensitive): keep one`);
        seen.set(env, path);
        warn(
          'ppm:inline-secret',
          path,
          `looks like a secret, so it is kept out of the ConfigMap: it goes into the Secret ${model.objects.configSecretsSecret?.name} and reaches Package Manager as ${settingEnvName(section, key)}. Better: keep it in a Secret of your own and use configFromSecrets: { ${section}: { ${key}: { name, key } } }`,
        );
      }
    }
  }
};

/** Sandboxed Git builds need an unconfined pod: say what it costs. */
export const sandboxingSecurity: Rule = ({ model, warn }) => {
  if (!model.values.enableSandboxing) return;
  warn(
    'ppm:sandboxing',
    'enableSandboxing',
    'is true (the default): sandboxed Git builds need seccomp and AppArmor "Unconfined" for the Package Manager container, which fails the Pod Security Standards "baseline" and "restricted" profiles. Set enableSandboxing: false to pass "restricted" (Git builds then run without the sandbox).',
  );
};

/** Environment variable names of Package Manager's secrets, besides `PACKAGEMANAGER_<SECTION>_<KEY>` ones named like a secret. */
const SECRET_ENV = new Set(['RSPM_LICENSE', 'PACKAGEMANAGER_ENCRYPTION_KEY', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);

/** A plain `value` of an environment variable that holds a secret (by its name or its value). */
function plainSecret(e: EnvVar): boolean {
  if (typeof e.value !== 'string' || e.value === '') return false;
  return SECRET_ENV.has(e.name) || isSecretName(e.name) || isSecretValue(e.value);
}

/** How to pass an environment variable from a Secret instead, for the message. */
function secretEnvFix(name: string): string {
  const m = /^PACKAGEMANAGER_([A-Z0-9]+)_([A-Z0-9]+)$/.exec(name);
  const section = m && [...KNOWN_CONFIG.keys()].find((s) => s.toUpperCase() === m[1]);
  const key = section && KNOWN_CONFIG.get(section)?.find((k) => k.toUpperCase() === m[2]);
  const setting = section && key ? [name, section, key] : m;
  const byName: Record<string, string> = {
    RSPM_LICENSE: 'license.keySecret',
    PACKAGEMANAGER_ENCRYPTION_KEY: 'rstudioPMKeySecret',
    AWS_SECRET_ACCESS_KEY: 'awsCredentialsSecret (or IRSA)',
    AWS_SESSION_TOKEN: 'awsCredentialsSecret (or IRSA)',
  };
  const prop =
    byName[name] ??
    (setting ? `configFromSecrets (e.g. { ${setting[1]}: { ${setting[2]}: { name, key } } }, names as in the docs)` : undefined);
  return `valueFrom.secretKeyRef: { name, key } to read it from a Secret${prop ? `, or ${prop}` : ''}`;
}

/** Secrets given as plain environment variables: anyone who can read the Deployment can read them. */
export const plainSecretEnv: Rule = ({ model, warn }) => {
  const v = model.values;
  const check = (env: readonly EnvVar[] | undefined, path: string) =>
    (env ?? []).forEach((e, i) => {
      if (!plainSecret(e)) return;
      warn(
        'ppm:plain-secret-env',
        `${path}[${i}].value`,
        `${e.name} holds a secret in plain text in the Deployment, readable by anyone who can read Deployments: use ${secretEnvFix(e.name)}`,
      );
    });
  check(v.pod?.env, 'pod.env');
  (v.extraContainers ?? []).forEach((c, i) => check(c.env, `extraContainers[${i}].env`));
  (v.initContainers ?? []).forEach((c, i) => check(c.env, `initContainers[${i}].env`));
};

/** A setting passed from a Secret must not also be a plain `pod.env` entry: one of the two values would be lost. */
export const settingEnvCollisions: Rule = ({ model, error }) => {
  const ours = new Map<string, string>();
  for (const s of model.settingsFromSecrets) ours.set(s.env, `configFromSecrets.${s.path}`);
  for (const s of model.secretSettings) ours.set(s.env, `the secret setting ${s.path} of config/extraConfig`);
  (model.values.pod?.env ?? []).forEach((e, i) => {
    const source = ours.get(e.name);
    if (source) error(`pod.env[${i}].name`, `${e.name} is also set from ${source}: one of the two values would be lost; keep one`);
  });
};
