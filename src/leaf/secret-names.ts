/**
 * Which names say that their value is a secret (`Password`, `client_secret`, `API-Token`,
 * `PACKAGEMANAGER_ENCRYPTION_KEY`): the one list, read by the secret detection of config/secrets.ts and by the
 * strength estimate of the checksums (secret-strength.ts).
 */

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
 * Names already judged (they repeat across instances: label keys, settings): names of at most JUDGED_LENGTH
 * characters, at most JUDGED_MAX of them (cleared when full), so the memory it keeps is bounded.
 */
const judged = new Map<string, boolean>();
const JUDGED_MAX = 4096;
const JUDGED_LENGTH = 128;

/** True when a name says its value is a secret (`Password`, `client_secret`, `API-Token`, `PACKAGEMANAGER_ENCRYPTION_KEY`). */
export function isSecretName(name: string): boolean {
  if (name.length > JUDGED_LENGTH) return judgeName(name);
  const known = judged.get(name);
  if (known !== undefined) return known;
  if (judged.size >= JUDGED_MAX) judged.clear();
  const secret = judgeName(name);
  judged.set(name, secret);
  return secret;
}

function judgeName(name: string): boolean {
  // Trailing digits do not change what a name holds: `Password2` is a password.
  const n = squash(name.replace(/^-+/, '')).replace(/\d+$/, '');
  if (n === '' || NOT_SECRET_NAMES.has(n)) return false;
  if (PATH_NAME_ENDINGS.some((e) => n.endsWith(e))) return false;
  return SECRET_NAME_ENDINGS.some((e) => n.endsWith(e));
}
