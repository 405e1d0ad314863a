/**
 * Package Manager as a subchart of an umbrella chart: its values are the map
 * under its name (the chart name, `rstudio-pm`, or the dependency's alias) of
 * the umbrella's values, as Helm 3.16.4 hands them to a subchart
 * (pkg/chartutil/coalesce.go, coalesceDeps and coalesceGlobals):
 *
 * - the subchart sees `.Values` = the umbrella's `NAME:` map, with the
 *   umbrella's defaults for it (give the umbrella's own values.yaml as the
 *   first `-f`) over the subchart's values.yaml;
 * - `.Values.global` is the umbrella's `global:` merged over the subchart's
 *   own `NAME.global`: the umbrella's keys win, maps merge key by key;
 * - a `null` under `NAME:` where the subchart's values.yaml has a value does
 *   not remove the default, the default stays (helm 3.16.4; helm/helm#9136,
 *   changed in later helm versions by helm/helm#12879); where it has no
 *   default, the `null` stays; the values.yaml's own `null`s are removed;
 * - `NAME.enabled` is the umbrella's (its dependency's `condition:`), not a
 *   value of the chart: `false` means the umbrella renders nothing of it.
 *
 * `--set NAME.key=value` addresses the subchart, as in Helm, since the value
 * flags are applied to the umbrella's values before the subchart's are taken.
 */
import { ValuesError } from '../errors';
import { isPlainObject, setOwn } from '../leaf/objects';
import { copyValues } from './coalesce';

type Values = Record<string, unknown>;

/** The name of the chart (what `--subchart` names without an alias). */
export const CHART_NAME = 'rstudio-pm';

const has = (map: Values, key: string) => Object.prototype.hasOwnProperty.call(map, key);

/** Helm's coalesceTablesFullKey with merge: `dst` over `src`, nulls kept. */
function fillFrom(dst: Values, src: Values): void {
  for (const key of Object.keys(src)) {
    if (!has(dst, key)) setOwn(dst, key, src[key]);
    else if (isPlainObject(dst[key]) && isPlainObject(src[key])) fillFrom(dst[key] as Values, src[key] as Values);
  }
}

/**
 * Helm 3.16.4's nulls under a subchart's key (maps only, not inside lists): a `null` where the subchart's values.yaml
 * has a value does not remove it, the default stays; a default that is itself `null` is removed. Each is written as
 * the user values that give it once coalesced over the defaults: no key, or a `null` (which removes the default).
 */
function subchartNulls(user: Values, defaults: Values): void {
  for (const key of Object.keys(defaults)) {
    const d = defaults[key];
    const present = has(user, key);
    if (d === null) {
      if (!present || user[key] === null) setOwn(user, key, null);
    } else if (present && user[key] === null) delete user[key];
    else if (isPlainObject(d) && (!present || isPlainObject(user[key]))) {
      const inner = present ? (user[key] as Values) : {};
      subchartNulls(inner, d);
      if (!present && Object.keys(inner).length > 0) setOwn(user, key, inner);
    }
  }
}

/** Helm's coalesceGlobals: the parent's `global` over the subchart's `global`. */
function mergeGlobals(parentGlobal: unknown, subGlobal: unknown): unknown {
  if (subGlobal !== undefined && !isPlainObject(subGlobal)) return subGlobal; // Helm: "skipping globals" (dest not a table)
  const dg: Values = subGlobal === undefined ? {} : (subGlobal as Values);
  if (parentGlobal === undefined) return dg;
  if (!isPlainObject(parentGlobal)) return dg; // Helm: "skipping globals" (source not a table)
  for (const key of Object.keys(parentGlobal)) {
    const val = parentGlobal[key];
    const current = has(dg, key) ? dg[key] : undefined;
    if (isPlainObject(val)) {
      const vv = copyValues(val);
      if (current === undefined && !has(dg, key)) setOwn(dg, key, vv);
      else if (isPlainObject(current)) {
        fillFrom(vv, current);
        setOwn(dg, key, vv);
      } // else Helm: "cannot merge map onto non-map", the subchart's value stays
    } else if (!isPlainObject(current)) setOwn(dg, key, val);
  }
  return dg;
}

/**
 * The values a subchart named `name` gets from an umbrella's values (the
 * merged `-f` files and `--set` flags, before any chart's defaults), as Helm
 * gives them to it; `chartValues` is the subchart's values.yaml. The input is not changed.
 * @throws ValuesError when `name` holds no map, or `name.enabled` is false
 */
export function subchartValues(umbrella: Values, name: string, chartValues: Values): Values {
  if (name === '' || name.includes('.'))
    throw new ValuesError(
      `--subchart ${JSON.stringify(name)}: give the subchart's key in the umbrella's values (its chart name, ${CHART_NAME}, or its alias)`,
      '--subchart',
    );
  const present = has(umbrella, name) ? umbrella[name] : undefined;
  if (present !== undefined && present !== null && !isPlainObject(present))
    throw new ValuesError(`${name}: is not a map, so it holds no subchart values (--subchart ${name})`, name);
  if (present === undefined || present === null) {
    const maps = Object.keys(umbrella).filter((k) => k !== 'global' && isPlainObject(umbrella[k]));
    throw new ValuesError(
      `--subchart ${name}: the values have no key ${name}:${maps.length > 0 ? ` (their subchart maps: ${maps.join(', ')})` : ''}; give the key Package Manager's values are under (its chart name, ${CHART_NAME}, or its alias)`,
      '--subchart',
    );
  }
  const values = copyValues(present as Values);
  if (has(values, 'enabled')) {
    if (values.enabled === false)
      throw new ValuesError(
        `${name}.enabled: is false: an umbrella whose dependency has "condition: ${name}.enabled" renders nothing of this subchart; set it to true (remove it if the umbrella's Chart.yaml has no such condition)`,
        `${name}.enabled`,
      );
    delete values.enabled; // the umbrella's condition, not a value of the chart
  }
  subchartNulls(values, chartValues);
  setOwn(values, 'global', mergeGlobals(umbrella.global, values.global));
  // Helm names the subchart after its alias: `.Chart.Name` is then the alias, which the chart's names default to.
  if (name !== CHART_NAME && (values.nameOverride === undefined || values.nameOverride === null || values.nameOverride === ''))
    setOwn(values, 'nameOverride', name);
  return values;
}

/**
 * The top-level keys of values that look like an umbrella's rather than
 * Package Manager's: `rstudio-pm:`, or, beside `global:`, maps under keys the
 * chart does not have (`known`). Empty when they do not look like an umbrella's.
 */
export function umbrellaKeys(values: Values, known: (key: string) => boolean): string[] {
  if (has(values, CHART_NAME) && isPlainObject(values[CHART_NAME])) return [CHART_NAME];
  if (!has(values, 'global')) return [];
  return Object.keys(values).filter((k) => k !== 'global' && isPlainObject(values[k]) && !known(k));
}

/** The issue for a key of {@link umbrellaKeys}: unknown, with the fix. */
export function umbrellaIssue(key: string, keys: readonly string[]): { path: string; message: string } {
  const [flag, option] = keys.length === 1 ? [keys[0], `'${keys[0]}'`] : [`NAME (one of ${keys.join(', ')})`, "'NAME'"];
  return {
    path: key,
    message: `unknown key: these look like an umbrella chart's values (each subchart's under its name, beside global:); read Package Manager's from its key with --subchart ${flag} (in code: { subchart: ${option} } for fromValues or loadValues)`,
  };
}
