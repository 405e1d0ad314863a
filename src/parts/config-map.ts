/** ConfigMap `FULL-config` holding `rstudio-pm.gcfg`. */
import { serializeGcfg } from '../gcfg/serialize';
import type { Model } from '../model';
import type { Manifest } from './manifest';

/** Key of the gcfg file in the ConfigMap. */
export const GCFG_KEY = 'rstudio-pm.gcfg';

export function renderConfigMap(model: Model): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${model.fullName}-config`, namespace: model.namespace, labels: model.labels },
    data: { [GCFG_KEY]: serializeGcfg(model.config) },
  };
}
