/**
 * Repositories and sources as code: what the pod gains when `repositories` or
 * `sources` are declared. A container of the same image (`repository-setup`)
 * runs Package Manager's CLI locally against the server's domain socket,
 * which both containers share through an emptyDir at the socket directory
 * (`Server.SockFileDir`); the script comes from the ConfigMap
 * `FULL-repositories`. Nothing is added when nothing is declared.
 */
import type { K8sVolume, VolumeMount } from '../k8s/types';
import type { RepositoryProps, SourceProps } from '../props';

/** The declarations, as resolved. */
interface Declared {
  readonly repositories?: readonly RepositoryProps[];
  readonly sources?: readonly SourceProps[];
}

export const SETUP_CONTAINER_NAME = 'repository-setup';
/** The key of the script in the ConfigMap, and where the setup container mounts it. */
export const SETUP_SCRIPT_KEY = 'setup.sh';
export const SETUP_MOUNT_PATH = '/opt/ppm-repository-setup';
const SOCKET_VOLUME = 'rspm-socket';
const SCRIPT_VOLUME = 'repository-setup';
/** Package Manager's default `Server.SockFileDir`. */
export const DEFAULT_SOCK_DIR = '/var/run/rstudio-pm';

/** The sources every Package Manager has: no `rspm create source` needed. */
export const BUILT_IN_SOURCES = { cran: 'cran', pypi: 'pypi', bioconductor: 'bioconductor' } as const;

/** The source types each repository type may subscribe to (an R repository cannot include a PyPI source). */
export const SOURCE_TYPES_OF: Readonly<Record<NonNullable<RepositoryProps['type']>, readonly SourceProps['type'][]>> = {
  r: ['cran', 'cran-snapshot', 'curated-cran', 'git', 'local', 'bioconductor'],
  python: ['pypi', 'curated-pypi', 'git-python', 'local-python'],
  bioconductor: ['bioconductor'],
};

/** The setup of the declared repositories, when any repository or source is declared. */
export interface RepositorySetup {
  readonly repositories: readonly RepositoryProps[];
  readonly sources: readonly SourceProps[];
  /** Where the server puts its socket, shared with the setup container. */
  readonly socketDir: string;
  /** Volumes added to the pod. */
  readonly volumes: readonly K8sVolume[];
  /** The mount of the socket directory (in both containers). */
  readonly socketMount: VolumeMount;
  /** The mount of the script (in the setup container). */
  readonly scriptMount: VolumeMount;
}

export function repositorySetup(v: Declared, configMapName: string | undefined, sockFileDir: unknown): RepositorySetup | undefined {
  if (configMapName === undefined) return undefined;
  const socketDir = typeof sockFileDir === 'string' && sockFileDir !== '' ? sockFileDir : DEFAULT_SOCK_DIR;
  return {
    repositories: v.repositories ?? [],
    sources: v.sources ?? [],
    socketDir,
    volumes: [
      { name: SOCKET_VOLUME, emptyDir: {} },
      { name: SCRIPT_VOLUME, configMap: { name: configMapName } },
    ],
    socketMount: { name: SOCKET_VOLUME, mountPath: socketDir },
    scriptMount: { name: SCRIPT_VOLUME, mountPath: SETUP_MOUNT_PATH, readOnly: true },
  };
}

/** Whether anything is declared. */
export const declaresRepositories = (v: Declared) => (v.repositories?.length ?? 0) > 0 || (v.sources?.length ?? 0) > 0;
