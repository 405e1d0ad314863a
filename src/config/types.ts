/**
 * Typed sections and keys of `rstudio-pm.gcfg`, as far as Posit's Package
 * Manager admin guide (appendix "Configuration" and the guides it links)
 * and the product's image confirm them. Keys we could not confirm carry a
 * note. Names are gcfg names: case-insensitive for Package Manager, written
 * here exactly as Posit documents them.
 *
 * Keys that are not typed here still work: put them in `extraConfig`.
 */

/** A gcfg duration: Go syntax (`'500ms'`, `'5m'`, `'1h30m'`) or a whole number of nanoseconds. */
export type GcfgDuration = string | number;

/** `[Server]`: the server process. */
export interface ServerConfig {
  /**
   * Public URL of Package Manager; needed when it is served from a sub-path.
   * @default - unset
   */
  readonly Address?: string;
  /**
   * Directory of Package Manager's data.
   * @default '/var/lib/rstudio-pm'
   */
  readonly DataDir?: string;
  /**
   * Directory for the launcher's internal files; in containers, `{DataDir}/launcher_internal`.
   * @default - derived from the host name
   */
  readonly LauncherDir?: string;
  /**
   * R installations used to build packages (one line per version); setting it turns autodetection off.
   * @default - autodetected
   */
  readonly RVersion?: string[];
  /**
   * Python installations used to build packages. Whether several may be given is not confirmed in Posit's docs.
   * @default - autodetected
   */
  readonly PythonVersion?: string | string[];
  /**
   * Path of the encryption key file.
   * @default - `{DataDir}/rstudio-pm.key` (inferred from the chart's migration Job, not stated by the guide)
   */
  readonly EncryptionKeyPath?: string;
  /**
   * Path of the HTTP access log.
   * @default - no access log
   */
  readonly AccessLog?: string;
  /**
   * Format of the HTTP access log.
   * @default 'common'
   */
  readonly AccessLogFormat?: 'common' | 'combined';
}

/** `[HTTP]`: the plain HTTP listener. */
export interface HttpConfig {
  /**
   * Address to listen on, `[host]:port`. Its port becomes the container port,
   * the probes' port and the Service's target port.
   * @default ':4242'
   * @check listen
   */
  readonly Listen?: string;
}

/** `[HTTPS]`: the HTTPS listener. */
export interface HttpsConfig {
  /**
   * Address to listen on, `[host]:port`.
   * @default - HTTPS off
   * @check listen
   */
  readonly Listen?: string;
  /**
   * Path of the certificate (PEM) in the container.
   * @default - none
   */
  readonly Certificate?: string;
  /**
   * Path of the private key (PEM, no passphrase) in the container.
   * @default - none
   */
  readonly Key?: string;
}

/** `[Database]`. */
export interface DatabaseConfig {
  /**
   * Database provider.
   * @default 'sqlite'
   */
  readonly Provider?: 'sqlite' | 'postgres';
}

/** `[SQLite]`. */
export interface SQLiteConfig {
  /**
   * Directory of the SQLite database; must be on local storage, not NFS.
   * @default - `{DataDir}/db`
   */
  readonly Dir?: string;
}

/** `[Postgres]`. */
export interface PostgresConfig {
  /**
   * Connection URL, `postgres://user@host:port/db` — without the password.
   * @default - none
   */
  readonly URL?: string;
  /**
   * Password of `URL`. A secret: it is kept out of the ConfigMap (docs/security.md); better, use `configFromSecrets`.
   * @default - none
   */
  readonly Password?: string;
  /**
   * Connection URL of the usage-data database (a separate database or schema).
   * @default - none
   */
  readonly UsageDataURL?: string;
  /**
   * Password of `UsageDataURL`. A secret, like `Password`.
   * @default - `Password`
   */
  readonly UsageDataPassword?: string;
}

/** `[Storage]`: where packages and other data are kept. */
export interface StorageConfig {
  /**
   * Storage for packages and sources.
   * @default 'file'
   */
  readonly Default?: 'file' | 's3';
  /**
   * Storage for persistent data (for example the encryption key).
   * @default - `Default`
   */
  readonly Persistent?: 'file' | 's3';
}

/** `[S3Storage]`: the S3 bucket, when a storage is `s3`. */
export interface S3StorageConfig {
  /**
   * Bucket name.
   * @default - none
   */
  readonly Bucket?: string;
  /**
   * AWS region of the bucket.
   * @default - the SDK's default region
   */
  readonly Region?: string;
  /**
   * Key prefix inside the bucket.
   * @default - none
   */
  readonly Prefix?: string;
}

/**
 * `[CRAN]`, `[PyPI]`, `[Bioconductor]`: synchronization of a source. An `Enabled` key could not be confirmed in
 * Posit's docs, so it is not typed here; if your Package Manager version has one, set it through `extraConfig`.
 */
export interface SyncConfig {
  /**
   * When to synchronize, as a cron schedule (`minute hour day month weekday`).
   * @default - CRAN '0 0 * * *', PyPI '0 1 * * *', Bioconductor '0 2 * * *'
   * @check cron
   */
  readonly SyncSchedule?: string;
}

/** `[Git]`: Git builders. */
export interface GitConfig {
  /**
   * How often Git sources are polled (a duration).
   * @default '5m'
   * @check duration
   */
  readonly PollInterval?: GcfgDuration;
  /**
   * How often a failed build is retried.
   * @default 3
   * @integer
   * @minimum 0
   */
  readonly BuildRetries?: number;
  /**
   * Directory for Git builds.
   * @default - none
   */
  readonly BuilderDir?: string;
  /**
   * Allow Git builds without the sandbox (the construct sets it through the environment when `enableSandboxing` is false).
   * @default false
   */
  readonly AllowUnsandboxedGitBuilds?: boolean;
}

/** `[Metrics]`: Prometheus metrics. */
export interface MetricsConfig {
  /**
   * Serve Prometheus metrics. With it on, the pod exposes the metrics port and a ServiceMonitor can be created.
   * @default true
   */
  readonly Enabled?: boolean;
  /**
   * Address of the metrics listener, `[host]:port` (Posit's docs show `2112`; both forms are read here).
   * Its port becomes the metrics container port, the Service's metrics port and `prometheus.io/port`.
   * @default ':2112'
   * @check listen
   */
  readonly Listen?: string;
}

/** `[Licensing]`. */
export interface LicensingConfig {
  /**
   * `remote` for a license server. Normally derived: the construct sets `remote` when `license.server` is set.
   * @default 'local'
   */
  readonly LicenseType?: 'local' | 'remote';
}

/** `[Debug]`. */
export interface DebugConfig {
  /**
   * Debug logging, e.g. `verbose` (documented by Posit's team-operator, not the admin guide).
   * @default - off
   */
  readonly Log?: string;
}

/** `[Repos]`: the default repository of each source. */
export interface ReposConfig {
  /**
   * Default CRAN repository name.
   * @default - none
   */
  readonly CRAN?: string;
  /**
   * Default PyPI repository name.
   * @default - none
   */
  readonly PyPI?: string;
  /**
   * Default Bioconductor repository name.
   * @default - none
   */
  readonly Bioconductor?: string;
}

/** `[Launcher]`: not a Package Manager setting; only the chart's root check reads it. */
export interface LauncherConfig {
  /**
   * `root` fails synthesis unless `rootCheckIsFatal` is false: the image runs as non-root.
   * @default - none
   */
  readonly ServerUser?: string;
}

/**
 * The content of `rstudio-pm.gcfg`, typed for the sections and keys Posit
 * documents. Anything else goes into `extraConfig`.
 */
export interface PackageManagerConfig {
  /** The server process. */
  readonly Server?: ServerConfig;
  /** The HTTP listener. */
  readonly HTTP?: HttpConfig;
  /** The HTTPS listener. */
  readonly HTTPS?: HttpsConfig;
  /** The database provider. */
  readonly Database?: DatabaseConfig;
  /** SQLite settings. */
  readonly SQLite?: SQLiteConfig;
  /** PostgreSQL settings. */
  readonly Postgres?: PostgresConfig;
  /** Storage providers. */
  readonly Storage?: StorageConfig;
  /** S3 settings. */
  readonly S3Storage?: S3StorageConfig;
  /** CRAN synchronization. */
  readonly CRAN?: SyncConfig;
  /** PyPI synchronization. */
  readonly PyPI?: SyncConfig;
  /** Bioconductor synchronization. */
  readonly Bioconductor?: SyncConfig;
  /** Git builders. */
  readonly Git?: GitConfig;
  /**
   * Prometheus metrics.
   * @dereferenced
   */
  readonly Metrics?: MetricsConfig;
  /** Licensing. */
  readonly Licensing?: LicensingConfig;
  /** Debug logging. */
  readonly Debug?: DebugConfig;
  /** Default repositories. */
  readonly Repos?: ReposConfig;
  /** The chart's root check. */
  readonly Launcher?: LauncherConfig;
}

/** A scalar value of a gcfg key. */
export type GcfgScalar = string | number | boolean;
/** A gcfg value: a scalar, or a list written as one line per element. */
export type GcfgValue = GcfgScalar | GcfgScalar[];

/** Sections and keys written as given, for what `config` does not type (`{ Section: { Key: value } }`). */
export interface ExtraConfig {
  readonly [section: string]: { readonly [key: string]: GcfgValue };
}
