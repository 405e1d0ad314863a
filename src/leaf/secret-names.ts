/**
 * Which names say that their value is a secret (`Password`, `client_secret`, `API-Token`,
 * `PACKAGEMANAGER_ENCRYPTION_KEY`): the one list, read by the secret detection of config/secrets.ts and by the
 * strength estimate of the checksums (secret-strength.ts).
 */
import { remembered } from './memo';

/** Endings of names (lower case, without `-` and `_`) that say a value is a secret. */
export const SECRET_NAME_ENDINGS = [
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'pass',
  'secret',
  'secrets',
  'token',
  'tokens',
  'apikey',
  'apikeys',
  'secretkey',
  'privatekey',
  'accesskey',
  'encryptionkey',
  'signingkey',
  'licensekey',
  'masterkey',
  'sessionkey',
  'credential',
  'credentials',
  'creds',
  'dsn',
  'connectionstring',
  'accountkey',
  'sharedaccesskey',
  'sharedaccesssignature',
  'authorization',
  'license',
] as const;

/** Endings that name a file or a path: such a key holds where a secret is, not the secret. */
const PATH_NAME_ENDINGS = ['path', 'file', 'dir', 'filename', 'url'] as const;

/** Names (compared without case, `-`, `_`) that end in a secret word but are not secrets. */
const NOT_SECRET_NAMES = new Set(['bypass', 'compass', 'encompass']);

const squash = (name: string) => name.toLowerCase().replace(/[-_.]/g, '');

/**
 * True when a name says its value is a secret (`Password`, `client_secret`, `API-Token`, `PACKAGEMANAGER_ENCRYPTION_KEY`).
 * Remembered for names of up to 128 characters (label keys and settings repeat across instances).
 */
export const isSecretName: (name: string) => boolean = remembered(judgeName, { maxEntries: 4096, maxKeyLength: 128 });

function judgeName(name: string): boolean {
  // Trailing digits do not change what a name holds: `Password2` is a password.
  const n = squash(name.replace(/^-+/, '')).replace(/\d+$/, '');
  if (n === '' || NOT_SECRET_NAMES.has(n)) return false;
  if (PATH_NAME_ENDINGS.some((e) => n.endsWith(e))) return false;
  return SECRET_NAME_ENDINGS.some((e) => n.endsWith(e));
}
