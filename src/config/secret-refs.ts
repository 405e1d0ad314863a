/**
 * The type of `configFromSecrets`: typed like `config` for the sections and
 * keys this library knows, so that a typo of a known key fails to compile.
 */
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
export type SecretRefsOf<Section, Ref> = { readonly [Key in keyof Section]?: Ref };

/**
 * `configFromSecrets`, for a kind of Secret reference `Ref`: settings taken from existing Secrets, typed like `config` for the sections and keys
 * this library knows (a typo there fails to compile), any other section or key as written.
 */
export interface ConfigFromSecretsOf<Ref> {
  /** The server process. */
  readonly Server?: SecretRefsOf<ServerConfig, Ref>;
  /** The HTTP listener. */
  readonly HTTP?: SecretRefsOf<HttpConfig, Ref>;
  /** The HTTPS listener. */
  readonly HTTPS?: SecretRefsOf<HttpsConfig, Ref>;
  /** The database provider. */
  readonly Database?: SecretRefsOf<DatabaseConfig, Ref>;
  /** SQLite settings. */
  readonly SQLite?: SecretRefsOf<SQLiteConfig, Ref>;
  /** PostgreSQL settings: `Password`, `UsageDataPassword`, a `URL` with a password. */
  readonly Postgres?: SecretRefsOf<PostgresConfig, Ref>;
  /** Storage providers. */
  readonly Storage?: SecretRefsOf<StorageConfig, Ref>;
  /** S3 settings. */
  readonly S3Storage?: SecretRefsOf<S3StorageConfig, Ref>;
  /** CRAN synchronization. */
  readonly CRAN?: SecretRefsOf<SyncConfig, Ref>;
  /** PyPI synchronization. */
  readonly PyPI?: SecretRefsOf<SyncConfig, Ref>;
  /** Bioconductor synchronization. */
  readonly Bioconductor?: SecretRefsOf<SyncConfig, Ref>;
  /** Git builders. */
  readonly Git?: SecretRefsOf<GitConfig, Ref>;
  /** Prometheus metrics. */
  readonly Metrics?: SecretRefsOf<MetricsConfig, Ref>;
  /** Licensing. */
  readonly Licensing?: SecretRefsOf<LicensingConfig, Ref>;
  /** Debug logging. */
  readonly Debug?: SecretRefsOf<DebugConfig, Ref>;
  /** Default repositories. */
  readonly Repos?: SecretRefsOf<ReposConfig, Ref>;
  /** The chart's root check. */
  readonly Launcher?: SecretRefsOf<LauncherConfig, Ref>;
  /** Sections this library does not type (`Proxy`, `Git "my-repo"`), key by key. */
  readonly [section: string]: { readonly [key: string]: Ref } | undefined;
}
