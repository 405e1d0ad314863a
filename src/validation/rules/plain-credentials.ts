/**
 * Credentials in plain sight: in a container's command line (`command`,
 * `args`, lifecycle hooks, exec probes), in annotations and labels, and in
 * the HTTP headers of probes. Anyone who can read the Deployment reads them
 * (and a command line shows in `ps` too). Each is a warning with its path,
 * never the value; the fix is a Secret read through an environment variable
 * (`$(VAR)` in a command line).
 */
import { isSecretName, isSecretValue } from '../../config/secrets';
import { formatPath } from '../../errors';
import { isKnownValid } from '../../leaf/known-valid';
import type { WarningId } from '../../warnings';
import type { Rule } from './context';

type Path = (string | number)[];
type Found = { id: WarningId; path: Path; why: string };

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose value is a command line (a list of words, or one string in values files). */
const COMMAND_KEYS = new Set(['command', 'args']);
/** Maps of metadata. */
const METADATA_KEYS = new Set(['annotations', 'labels', 'additionalLabels', 'podAnnotations', 'podLabels']);
/** What a flag named like a secret reads: its value is the next word. */
const FLAG = /^--?([A-Za-z][\w.-]*)$/;

/** A command line's credentials: a word that holds one, or a word that follows a flag named like a secret. */
function inCommand(words: unknown, path: Path, out: Found[]): void {
  const list = Array.isArray(words) ? words : [words];
  list.forEach((w, i) => {
    if (typeof w !== 'string') return;
    const at = () => (Array.isArray(words) ? [...path, i] : [...path]);
    const prev = i > 0 ? list[i - 1] : undefined;
    const flag = typeof prev === 'string' ? FLAG.exec(prev) : null;
    if (isSecretValue(w)) out.push({ id: 'ppm:secret-in-command', path: at(), why: 'holds a credential' });
    else if (flag && isSecretName(flag[1]) && !w.startsWith('-') && !/^\$\(\w+\)$/.test(w))
      out.push({ id: 'ppm:secret-in-command', path: at(), why: `is the value of ${prev}` });
  });
}

/** An annotation or label named like a secret, or holding one. */
function inMetadata(map: Record<string, unknown>, path: Path, out: Found[]): void {
  for (const [k, v] of Object.entries(map)) {
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    if (isSecretName(k.split('/').pop() ?? k))
      out.push({ id: 'ppm:secret-in-metadata', path: [...path, k], why: 'is named like a secret' });
    else if (typeof v === 'string' && isSecretValue(v))
      out.push({ id: 'ppm:secret-in-metadata', path: [...path, k], why: 'holds a credential' });
  }
}

/** A probe's HTTP header that carries a credential (`Authorization`, `X-Api-Key`…, or a value that is one). */
function inHeaders(headers: unknown[], path: Path, out: Found[]): void {
  headers.forEach((h, i) => {
    if (!isMap(h) || typeof h.value !== 'string' || h.value === '') return;
    const named = typeof h.name === 'string' && (isSecretName(h.name) || /^(x-)?api-?key$|^cookie$/i.test(h.name));
    if (named || isSecretValue(h.value))
      out.push({
        id: 'ppm:secret-in-probe-header',
        path: [...path, i, 'value'],
        why: named ? `is the ${String(h.name)} header` : 'holds a credential',
      });
  });
}

/**
 * Walks the props (not extraObjects: those are the user's objects, written as given). `path` is extended and
 * shortened in place; what is found keeps a copy.
 */
function walk(v: unknown, path: Path, out: Found[], depth: number): void {
  // The chart's defaults (data we ship, known valid) hold no credential: a test walks each version's.
  if (depth > 40 || isKnownValid(v)) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      walk(v[i], path, out, depth + 1);
      path.pop();
    }
  } else if (isMap(v))
    for (const k of Object.keys(v)) {
      if (depth === 0 && (k === 'extraObjects' || k === 'config' || k === 'extraConfig' || k === 'configFromSecrets')) continue;
      const x = v[k];
      path.push(k);
      if (COMMAND_KEYS.has(k) && (Array.isArray(x) || typeof x === 'string')) inCommand(x, path, out);
      else if (METADATA_KEYS.has(k) && isMap(x)) inMetadata(x, path, out);
      else if (k === 'httpHeaders' && Array.isArray(x)) inHeaders(x, path, out);
      else walk(x, path, out, depth + 1);
      path.pop();
    }
}

const FIXES: Record<string, string> = {
  'ppm:secret-in-command':
    'put it in a Secret, read it into an environment variable with valueFrom.secretKeyRef, and write $(VAR) in the command line',
  'ppm:secret-in-metadata': 'annotations and labels are not secret: keep the value in a Secret and reference it',
  'ppm:secret-in-probe-header':
    'a probe header cannot come from a Secret: use a tcpSocket or an exec probe that reads the credential from a file or an environment variable of a Secret',
};

/** The warnings of the credentials in plain sight in a value of props (not in the chart's defaults, which hold none). */
export function plainCredentialsIn(value: unknown): { readonly id: WarningId; readonly path: string; readonly message: string }[] {
  const found: Found[] = [];
  walk(value, [], found, 0);
  return found.map((f) => ({
    id: f.id,
    path: formatPath(f.path),
    message: `${f.why}, in plain text in the manifest (readable by anyone who can read it): ${FIXES[f.id]}`,
  }));
}

/** Credentials in command lines, annotations, labels and probe headers: warnings, with paths and no values. */
export const plainCredentials: Rule = ({ model, warn }) => {
  for (const w of plainCredentialsIn(model.values)) warn(w.id, w.path, w.message);
};
