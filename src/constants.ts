/**
 * Names and numbers that the chart hard-codes (not values a user sets), each
 * in one place: container, volume and port names, paths in the image, the
 * ports Package Manager listens on when the config names none.
 */

/** The Package Manager container. */
export const CONTAINER_NAME = 'rspm';
/** The Service port of the HTTP listener. */
export const HTTP_PORT_NAME = 'rspm';
/** The container port of the HTTPS listener (`config.HTTPS.Listen`). */
export const HTTPS_PORT_NAME = 'https';
/** The container and Service port of the metrics listener (the ServiceMonitor scrapes it by this name). */
export const METRICS_PORT_NAME = 'metrics';
/** Package Manager's HTTP port when `HTTP.Listen` names none. */
export const DEFAULT_HTTP_PORT = 4242;
/** Package Manager's metrics port when `Metrics.Listen` names none. */
export const DEFAULT_METRICS_PORT = 2112;

/** Key of the gcfg file in the ConfigMap, and its file name. */
export const GCFG_KEY = 'rstudio-pm.gcfg';
/** Where the gcfg file is mounted. */
export const GCFG_MOUNT_PATH = `/etc/rstudio-pm/${GCFG_KEY}`;
/** Volume of the ConfigMap. */
export const CONFIG_VOLUME = 'rstudio-pm-config';
/** Volume of the shared-storage claim. */
export const DATA_VOLUME = 'rstudio-pm-data';
/** Package Manager's data directory when `Server.DataDir` is not set (also where the migration Job mounts the claim). */
export const DEFAULT_DATA_DIR = '/var/lib/rstudio-pm';
/** Volume of the AWS credentials Secret. */
export const AWS_VOLUME = 'aws-creds';
/** Where the AWS credentials file is mounted (the image's user's `~/.aws`). */
export const AWS_MOUNT_PATH = '/home/rstudio-pm/.aws';
/** File name of the AWS credentials file, and its key in the Secret the chart creates. */
export const AWS_CREDENTIALS_KEY = 'credentials';
/** Volume of the license-file Secret. */
export const LICENSE_VOLUME = 'license-file';
/** Key of the license key in the Secret the chart creates. */
export const LICENSE_KEY_SECRET_KEY = 'rstudio-pm';
/** Key of the encryption key in the Secret the chart creates. */
export const ENCRYPTION_KEY_SECRET_KEY = 'rstudio-pm.key';
/** The user and group the image runs Package Manager as. */
export const RUN_AS_ID = 999;
/** The migration Job's container. */
export const MIGRATION_CONTAINER_NAME = 'chown-shared-storage';
/** The pathType of an Ingress path given as a plain string, or as a map without one. */
export const DEFAULT_PATH_TYPE = 'Prefix';
