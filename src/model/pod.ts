/** The Package Manager pod: the volumes, mounts and environment the construct adds, in the chart's order, then the user's. */
import { settingEnvName } from '../config/secrets';
import {
  AWS_CREDENTIALS_KEY,
  AWS_MOUNT_PATH,
  AWS_VOLUME,
  CONFIG_VOLUME,
  DATA_VOLUME,
  GCFG_KEY,
  GCFG_MOUNT_PATH,
  LICENSE_VOLUME,
} from '../constants';
import type { EnvVar, K8sVolume, VolumeMount } from '../k8s/types';
import type { SecretKeyRef } from '../props';
import type { OwnObjects, ResolvedValues, SecretSetting } from './types';

/** Volume sources whose data every pod of the Deployment shares (unlike emptyDir, hostPath, configMap…). */
const SHARED_SOURCES = ['nfs', 'persistentVolumeClaim', 'cephfs', 'glusterfs', 'azureFile', 'csi', 'quobyte'];

const fromSecret = (name: string, ref: { name: string; key: string }): EnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: ref.name, key: ref.key } },
});

/** The Secrets the pod reads, created here or existing. */
export interface PodSecretRefs {
  readonly licenseKey?: SecretKeyRef;
  readonly licenseFile?: { readonly secretName: string; readonly key: string; readonly mountPath: string; readonly subPath: boolean };
  readonly awsCredentials?: { readonly secretName: string; readonly key: string };
  readonly encryptionKey?: SecretKeyRef;
}

/** Which Secret each secret comes from: the one created here, else the reference given. */
export function podSecretRefs(v: ResolvedValues, objects: OwnObjects): PodSecretRefs {
  const file = v.license?.file;
  const aws =
    objects.awsCredentialsSecret ??
    (v.awsCredentialsSecret && { name: v.awsCredentialsSecret.name, key: v.awsCredentialsSecret.key ?? AWS_CREDENTIALS_KEY });
  const fileSecret = objects.licenseFileSecret?.name ?? (file?.secret || undefined);
  return {
    licenseKey: objects.licenseSecret ?? v.license?.keySecret,
    licenseFile:
      fileSecret && file?.mountPath !== undefined && file.secretKey !== undefined
        ? { secretName: fileSecret, key: file.secretKey, mountPath: file.mountPath, subPath: Boolean(file.mountSubPath) }
        : undefined,
    awsCredentials: aws ? { secretName: aws.name, key: aws.key } : undefined,
    encryptionKey: objects.encryptionKeySecret ?? v.rstudioPMKeySecret,
  };
}

/** The volumes the construct adds, in the chart's order. */
export function ownVolumes(refs: PodSecretRefs, configMapName: string, claimName: string | undefined): K8sVolume[] {
  const vols: K8sVolume[] = [{ name: CONFIG_VOLUME, configMap: { name: configMapName, items: [{ key: GCFG_KEY, path: GCFG_KEY }] } }];
  const aws = refs.awsCredentials;
  if (aws) {
    vols.push({
      name: AWS_VOLUME,
      secret:
        aws.key === AWS_CREDENTIALS_KEY
          ? { secretName: aws.secretName }
          : { secretName: aws.secretName, items: [{ key: aws.key, path: AWS_CREDENTIALS_KEY }] },
    });
  }
  if (claimName !== undefined) vols.push({ name: DATA_VOLUME, persistentVolumeClaim: { claimName } });
  if (refs.licenseFile) vols.push({ name: LICENSE_VOLUME, secret: { secretName: refs.licenseFile.secretName } });
  return vols;
}

/** The mounts the construct adds to the Package Manager container, in the chart's order. */
export function ownMounts(refs: PodSecretRefs, dataPath: string | undefined): VolumeMount[] {
  const mounts: VolumeMount[] = [{ name: CONFIG_VOLUME, mountPath: GCFG_MOUNT_PATH, subPath: GCFG_KEY }];
  if (refs.awsCredentials) mounts.push({ name: AWS_VOLUME, readOnly: true, mountPath: AWS_MOUNT_PATH });
  if (dataPath !== undefined) mounts.push({ name: DATA_VOLUME, mountPath: dataPath });
  const file = refs.licenseFile;
  if (file) {
    mounts.push(
      file.subPath
        ? { name: LICENSE_VOLUME, mountPath: `${file.mountPath}/${file.key}`, subPath: file.key }
        : { name: LICENSE_VOLUME, mountPath: file.mountPath },
    );
  }
  return mounts;
}

/** The environment of the Package Manager container, in the chart's order, then what this library adds. */
export function podEnv(
  v: ResolvedValues,
  refs: PodSecretRefs,
  settingsFromSecrets: readonly { env: string; ref: SecretKeyRef }[],
  secretSettings: readonly SecretSetting[],
  configSecretsName: string | undefined,
): EnvVar[] {
  const env: EnvVar[] = [];
  if (refs.licenseKey) env.push(fromSecret('RSPM_LICENSE', refs.licenseKey));
  if (v.license?.server) env.push({ name: 'RSPM_LICENSE_SERVER', value: v.license.server });
  if (refs.licenseFile) env.push({ name: 'RSPM_LICENSE_FILE_PATH', value: `${refs.licenseFile.mountPath}/${refs.licenseFile.key}` });
  env.push(...(v.pod?.env ?? []));
  if (refs.encryptionKey) env.push(fromSecret('PACKAGEMANAGER_ENCRYPTION_KEY', refs.encryptionKey));
  if (!v.enableSandboxing) env.push({ name: 'PACKAGEMANAGER_GIT_ALLOWUNSANDBOXEDGITBUILDS', value: '1' });
  for (const s of settingsFromSecrets) env.push(fromSecret(s.env, s.ref));
  if (configSecretsName) for (const s of secretSettings) env.push(fromSecret(s.env, { name: configSecretsName, key: s.secretKey }));
  return env;
}

/** `configFromSecrets` as environment variables. */
export function settingsFromSecretsOf(v: ResolvedValues): { path: string; env: string; ref: SecretKeyRef }[] {
  return Object.entries(v.configFromSecrets ?? {}).flatMap(([section, keys]) =>
    Object.entries(keys ?? {}).map(([key, ref]) => ({ path: `${section}.${key}`, env: settingEnvName(section, key), ref })),
  );
}

/** True when `dir` is `mountPath` or inside it. */
function under(dir: string, mountPath: string): boolean {
  const d = dir.replace(/\/+$/, '') || '/';
  const m = mountPath.replace(/\/+$/, '') || '/';
  return d === m || d.startsWith(m === '/' ? '/' : `${m}/`);
}

/**
 * Whether the data directory is on storage that every pod shares: the shared
 * storage claim (ReadWriteMany), or a `pod.volumes` volume of a shared kind
 * (NFS, a claim, CephFS, …) mounted at the data directory.
 */
export function dataIsShared(
  v: ResolvedValues,
  dataDirs: readonly string[],
  claimMounted: boolean,
  mounts: readonly VolumeMount[],
): boolean {
  const s = v.sharedStorage;
  if (claimMounted && s?.path !== undefined && (s.accessModes ?? []).includes('ReadWriteMany') && dataDirs.some((d) => under(d, s.path!)))
    return true;
  const shared = new Set(
    (v.pod?.volumes ?? [])
      .filter((vol) =>
        SHARED_SOURCES.some((src) => (vol as Record<string, unknown>)[src] !== undefined && (vol as Record<string, unknown>)[src] !== null),
      )
      .map((vol) => vol.name),
  );
  return mounts.some((m) => shared.has(m.name) && !m.readOnly && dataDirs.some((d) => under(d, m.mountPath)));
}
