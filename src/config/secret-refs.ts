/**
 * The type of `configFromSecrets`: typed like `config` for the sections and
 * keys this library knows, so that a typo of a known key fails to compile.
 */
import type { SecretKeyRef } from '../props';
import type {
  DatabaseConfig,
  DebugConfig,
  GitConfig,
  HttpConfig,
  HttpsConfig,
  LauncherConfig,
  LicensingConfig,
  MetricsConfig,
  PostgresConfig,
  ReposConfig,
  S3StorageConfig,
  ServerConfig,
  SQLiteConfig,
  StorageConfig,
  SyncConfig,
} from './types';

/** For each key of a config section, the Secret key its value comes from. */
export type SecretRefsOf<Section> = { readonly [Key in keyof Section]?: SecretKeyRef };

/**
 * `configFromSecrets`: settings taken from existing Secrets, typed like `config` for the sections and keys
 * this library knows (a typo there fails to compile), any other section or key as written.
 */
export interface ConfigFromSecrets {
  /** The server process. */
  readonly Server?: SecretRefsOf<ServerConfig>;
  /** The HTTP listener. */
  readonly HTTP?: SecretRefsOf<HttpConfig>;
  /** The HTTPS listener. */
  readonly HTTPS?: SecretRefsOf<HttpsConfig>;
  /** The database provider. */
  readonly Database?: SecretRefsOf<DatabaseConfig>;
  /** SQLite settings. */
  readonly SQLite?: SecretRefsOf<SQLiteConfig>;
  /** PostgreSQL settings: `Password`, `UsageDataPassword`, a `URL` with a password. */
  readonly Postgres?: SecretRefsOf<PostgresConfig>;
  /** Storage providers. */
  readonly Storage?: SecretRefsOf<StorageConfig>;
  /** S3 settings. */
  readonly S3Storage?: SecretRefsOf<S3StorageConfig>;
  /** CRAN synchronization. */
  readonly CRAN?: SecretRefsOf<SyncConfig>;
  /** PyPI synchronization. */
  readonly PyPI?: SecretRefsOf<SyncConfig>;
  /** Bioconductor synchronization. */
  readonly Bioconductor?: SecretRefsOf<SyncConfig>;
  /** Git builders. */
  readonly Git?: SecretRefsOf<GitConfig>;
  /** Prometheus metrics. */
  readonly Metrics?: SecretRefsOf<MetricsConfig>;
  /** Licensing. */
  readonly Licensing?: SecretRefsOf<LicensingConfig>;
  /** Debug logging. */
  readonly Debug?: SecretRefsOf<DebugConfig>;
  /** Default repositories. */
  readonly Repos?: SecretRefsOf<ReposConfig>;
  /** The chart's root check. */
  readonly Launcher?: SecretRefsOf<LauncherConfig>;
  /** Sections this library does not type (`Proxy`, `Git "my-repo"`), key by key. */
  readonly [section: string]: { readonly [key: string]: SecretKeyRef } | undefined;
}
