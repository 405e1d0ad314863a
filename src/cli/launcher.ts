#!/usr/bin/env node
/**
 * The `cdk8s-ppm` bin (`lib/cli/cdk8s-ppm.js`, bundled by scripts/bundle-cli.js): runs the bundled command line
 * beside it (`cdk8s-ppm-main.js`) with V8's code cache, so that a second run does not compile the same code again.
 *
 * The cache is one file per build of the command line, Node.js version and architecture, in
 * `$XDG_CACHE_HOME/cdk8s-ppm/` (`~/.cache/cdk8s-ppm/` by default), written once, when it is missing or V8 refuses
 * it (another V8 or other flags). Code from a cache runs as ours, so a cache is read only from a directory and a
 * file this user owns that nobody else may write (no symbolic links); the directory is created 0700 and the file
 * 0600, written whole under a temporary name and renamed; writing one removes the files of other builds that no run
 * has written for 30 days. Where the user has no such directory (or on Windows,
 * where Node.js reports no owner), nothing is cached. `CDK8S_PPM_COMPILE_CACHE=0` turns the cache off. The output
 * is the same with and without it.
 */
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, type Stats, writeSync } from 'fs';
import { createRequire } from 'module';
import { homedir } from 'os';
import { basename, dirname, join } from 'path';
import { Script } from 'vm';

/** The SHA-256 of the bundled command line's text, set by scripts/bundle-cli.js: a new build gets a new cache. */
declare const CDK8S_PPM_BUNDLE_ID: string;

/** The bundled command line, beside this file. */
const BUNDLE = join(__dirname, 'cdk8s-ppm-main.js');

/** The status of `path` when it is a directory (or file) of this user that nobody else may write, not a symbolic link. */
function privateStat(path: string, kind: 'directory' | 'file'): Stats | undefined {
  try {
    const stat = lstatSync(path);
    const isKind = kind === 'directory' ? stat.isDirectory() : stat.isFile();
    return isKind && stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0 ? stat : undefined;
  } catch {
    return undefined;
  }
}

/** The cache file of this build, Node.js and architecture, or `undefined` when nothing may be cached. */
function cachePath(): string | undefined {
  if (process.env.CDK8S_PPM_COMPILE_CACHE === '0' || process.getuid === undefined) return undefined;
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cdk8s-ppm');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return undefined;
  }
  if (privateStat(dir, 'directory') === undefined) return undefined;
  return join(dir, `${CDK8S_PPM_BUNDLE_ID.slice(0, 16)}-node${process.version}-${process.arch}.v8cache`);
}

/** The cached code at `file`, when it may be read. */
function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined || privateStat(file, 'file') === undefined) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes `data` to `file` whole or not at all (a temporary file of this process, then a rename); failures are ignored. */
function writeCache(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
    return;
  }
  pruneOldCaches(dirname(file), basename(file));
}

/** A cache file no run has written for this long is of a version no longer used (a used one is written again once). */
const STALE_CACHE_MS = 30 * 24 * 60 * 60 * 1000;

/** Removes the other builds' cache files in `dir` that are older than STALE_CACHE_MS; failures are ignored. */
function pruneOldCaches(dir: string, keep: string): void {
  try {
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      if (name === keep || !name.endsWith('.v8cache')) continue;
      const path = join(dir, name);
      const stat = privateStat(path, 'file');
      if (stat !== undefined && now - stat.mtimeMs > STALE_CACHE_MS) rmSync(path, { force: true });
    }
  } catch {
    // Another run pruning at the same time, or a directory that went away: nothing to do.
  }
}

const file = cachePath();
const cachedData = readCache(file);
// The module wrapper Node.js gives every CommonJS file: the bundle is this module's body.
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(BUNDLE, 'utf8')}\n})`;
const script = new Script(source, { filename: BUNDLE, cachedData });
if (file !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
  // At exit, V8 has compiled what this run used: the cache holds that too.
  process.once('exit', () => writeCache(file, script.createCachedData()));
}
// The bundle is run as this module, so that it sees itself as the main module (`require.main === module`).
script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, __dirname);
