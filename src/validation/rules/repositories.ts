/**
 * Rules on `repositories` and `sources`: names Package Manager takes, no
 * duplicates, subscriptions only to built-in or declared sources of a type the
 * repository serves, and each source option only where its type takes it.
 */
import { closest } from '../../errors';
import { BUILT_IN_SOURCES, SOURCE_TYPES_OF } from '../../model/repositories';
import type { SourceProps } from '../../props';
import type { Rule } from './context';

/** A repository or source name: it is part of URLs (`/<repo>/latest`) and CLI flags. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const NAME_RULE = 'must be 1-64 letters, digits, "-", "_" or ".", starting with a letter or digit';
/** A snapshot: a date or a transaction id. */
const SNAPSHOT = /^(\d{4}-\d{2}-\d{2}|\d+)$/;
const BIOC_VERSION = /^\d+\.\d+$/;

/** Which source types take each option. */
const OPTION_TYPES: Readonly<Record<'snapshot' | 'include' | 'version', readonly SourceProps['type'][]>> = {
  snapshot: ['cran-snapshot', 'curated-cran'],
  include: ['curated-cran'],
  version: ['bioconductor'],
};

export const repositoriesAndSources: Rule = ({ model, error, invalid }) => {
  const sources = model.values.sources ?? [];
  const repositories = model.values.repositories ?? [];
  const typeOf = new Map<string, SourceProps['type']>(Object.entries(BUILT_IN_SOURCES));
  const declared = new Map<string, number>();
  sources.forEach((s, i) => {
    const at = `sources[${i}]`;
    if (!NAME.test(s.name)) invalid(['sources', i, 'name'], NAME_RULE, s.name);
    if (Object.hasOwn(BUILT_IN_SOURCES, s.name))
      error(`${at}.name`, `is the built-in source ${JSON.stringify(s.name)}: subscribe to it without declaring it`);
    else if (declared.has(s.name)) error(`${at}.name`, `repeats sources[${declared.get(s.name)}]: give each source its own name`);
    else {
      declared.set(s.name, i);
      typeOf.set(s.name, s.type);
    }
    for (const [option, types] of Object.entries(OPTION_TYPES) as [keyof typeof OPTION_TYPES, readonly string[]][]) {
      if (s[option] !== undefined && !types.includes(s.type))
        error(`${at}.${option}`, `is for sources of type ${types.join(' or ')}, not ${s.type}`);
    }
    if (s.type === 'curated-cran' && s.snapshot === undefined)
      error(`${at}.snapshot`, 'a curated-cran source starts from a CRAN snapshot: give a date (YYYY-MM-DD) or a transaction id');
    if (s.snapshot !== undefined && !SNAPSHOT.test(s.snapshot))
      invalid(['sources', i, 'snapshot'], 'must be a date (YYYY-MM-DD) or a transaction id (digits)', s.snapshot);
    if (s.version !== undefined && !BIOC_VERSION.test(s.version))
      invalid(['sources', i, 'version'], 'must be a Bioconductor version such as "3.20"', s.version);
    const include = s.include ?? [];
    if (include.length > 1 && (include.includes('all') || include.includes('none')))
      error(`${at}.include`, '"all" and "none" stand alone: give one of them, or a list of dependency types');
  });

  const repos = new Map<string, number>();
  repositories.forEach((r, i) => {
    const at = `repositories[${i}]`;
    const type = r.type ?? 'r';
    if (!NAME.test(r.name)) invalid(['repositories', i, 'name'], NAME_RULE, r.name);
    if (repos.has(r.name)) error(`${at}.name`, `repeats repositories[${repos.get(r.name)}]: give each repository its own name`);
    else repos.set(r.name, i);
    const seen = new Map<string, number>();
    (r.sources ?? []).forEach((name, j) => {
      const path = `${at}.sources[${j}]`;
      if (seen.has(name)) return error(path, `repeats ${at}.sources[${seen.get(name)}]: subscribe to each source once`);
      seen.set(name, j);
      const sourceType = typeOf.get(name);
      if (sourceType === undefined) {
        const guess = closest(name, [...typeOf.keys()]);
        return error(
          path,
          `subscribes to the source ${JSON.stringify(name)}, which is neither built in (cran, pypi, bioconductor) nor declared in sources${guess ? `; did you mean ${guess}?` : ''}`,
        );
      }
      if (!SOURCE_TYPES_OF[type].includes(sourceType))
        error(
          path,
          `subscribes a ${type} repository to the ${sourceType} source ${JSON.stringify(name)}; a ${type} repository takes sources of type ${SOURCE_TYPES_OF[type].join(', ')}`,
        );
    });
  });
};

/** The setup's volumes and the socket mount do not collide with the user's. */
export const repositorySetupVolumes: Rule = ({ model, error }) => {
  const setup = model.repositorySetup;
  if (!setup) return;
  const ours = new Set(setup.volumes.map((v) => v.name));
  (model.values.pod?.volumes ?? []).forEach((v, i) => {
    if (ours.has(v.name))
      error(
        `pod.volumes[${i}].name`,
        `${JSON.stringify(v.name)} is a volume PackageManager adds for repositories and sources: pick another name`,
      );
  });
  (model.values.pod?.volumeMounts ?? []).forEach((m, i) => {
    if (m.mountPath.replace(/\/+$/, '') === setup.socketDir.replace(/\/+$/, ''))
      error(
        `pod.volumeMounts[${i}].mountPath`,
        `${JSON.stringify(m.mountPath)} is where PackageManager shares Package Manager's socket with the repository-setup container: pick another path`,
      );
  });
};
