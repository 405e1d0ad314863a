/** ConfigMap `FULL-config` holding `rstudio-pm.gcfg`. */
import { GCFG_KEY } from '../constants';
import { serializeGcfg } from '../gcfg/serialize';
import type { Model } from '../model';
import type { Manifest } from './manifest';

export function renderConfigMap(model: Model): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: model.objects.configMap.name, namespace: model.namespace, labels: model.labels },
    data: { [GCFG_KEY]: serializeGcfg(model.config) },
  };
}
