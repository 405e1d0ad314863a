/** Rules on security: secret references and inline secrets, secret settings in config, what sandboxing costs. */
import { isSecretSetting, settingEnvName } from '../../config/secrets';
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
    for (const key of Object.keys(keys)) {
      const path = formatPath(['configFromSecrets', section, key]);
      const keyProblem = gcfgNameProblem(key);
      if (keyProblem) error(path, `key ${keyProblem}`);
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

/** Secret settings written inline are moved to a Secret; say so, and refuse lists. */
export const inlineSecretSettings: Rule = ({ model, error, warn }) => {
  for (const [prefix, doc] of [
    ['config', model.values.config],
    ['extraConfig', model.values.extraConfig],
  ] as const) {
    for (const [section, keys] of Object.entries(doc ?? {})) {
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
