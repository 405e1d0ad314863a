/**
 * The named fast checks of the props (`@check <name>` in props.ts): the twins of
 * prop-checks-zod.ts, of the same names, without zod and without allocating. Values given by no
 * one (the chart version's defaults, frozen and known valid) skip the Kubernetes checks.
 */
import { isDns1123Label, isDns1123Subdomain, isQualifiedName, isSecretKey, LABEL_VALUE, PORT_NAME } from './k8s/names';
import { isValidK8s, isValidK8sObject, QUANTITY_PATTERN, type K8sType } from './k8s/validate';
import type { ExtraObject, NoNull, ProbeProps } from './props';
import { isKnownValid } from './leaf/known-valid';
import { anything, num, obj, or, record, refined, str, strLength, strMatching, strWhere, type Check } from './leaf/check';
import { isPlainObject } from './leaf/objects';

const PERCENT = /^\d+%$/;
const INT32_MAX = 2 ** 31 - 1;

export const objectName = strWhere(isDns1123Subdomain);
export const labelName = strWhere(isDns1123Label);
const labelValue = refined(strLength(0, 63), (s) => LABEL_VALUE.test(s));
export const labels = record(strWhere(isQualifiedName), labelValue);
export const annotations = record(strWhere(isQualifiedName), str);
export const quantityString = strMatching(QUANTITY_PATTERN);
export const quantity = or(num({ min: 0 }), quantityString);
export const intOrPercent = or(num({ int: true, min: 0, max: INT32_MAX }), strMatching(PERCENT));
export const port = num({ int: true, min: 1, max: 65535 });
export const absolutePath = strWhere((p) => p.startsWith('/'));
export const wholeCount = num({ int: true, min: 0, max: INT32_MAX });
const stringMap = record(str, str);
export const secretKey = strWhere(isSecretKey);

/** A Kubernetes-shaped value passed through: valid for its Kubernetes 1.28 definition (zod: `z.custom().superRefine`). */
export function k8s<T>(type: K8sType): Check<T> {
  return (v: unknown) => isKnownValid(v) || isValidK8s(v, type);
}

const secretKeyRef = obj<{ name: string; key: string }>({ name: objectName, key: secretKey }, { required: ['name', 'key'] });

/** A probe with the chart's `enabled` switch. */
export const probe: Check<NoNull<ProbeProps>> = (v: unknown) =>
  isKnownValid(v) || (isPlainObject(v) && (v.enabled === undefined || typeof v.enabled === 'boolean') && isValidK8s(v, 'Probe', 'enabled'));

/** Keys of the data of a ConfigMap or Secret given in `extraObjects`. */
function dataKeysValid(value: Record<string, unknown>): boolean {
  if (value.kind !== 'ConfigMap' && value.kind !== 'Secret') return true;
  for (const field of ['data', 'stringData', 'binaryData']) {
    const data = value[field];
    if (data && typeof data === 'object') {
      for (const key of Object.keys(data)) if (!isSecretKey(key)) return false;
    }
  }
  return true;
}

export const extraObject = refined(
  obj<NoNull<ExtraObject>>(
    {
      apiVersion: strLength(1),
      kind: strLength(1),
      metadata: obj(
        { name: strLength(1), namespace: str, labels: stringMap, annotations: stringMap },
        { required: ['name'], rest: anything },
      ),
    },
    { required: ['apiVersion', 'kind', 'metadata'], rest: anything },
  ),
  (value) => isValidK8sObject(value as Record<string, unknown>) && dataKeysValid(value as Record<string, unknown>),
);

export const nodePort = num({ int: true, min: 30000, max: 32767 });
export const portOrName = or(port, strMatching(PORT_NAME));
export const configFromSecrets = record(str, record(str, secretKeyRef));
