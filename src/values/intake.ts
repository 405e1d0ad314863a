/**
 * What the library API is given, before anything recurses into it: a Buffer is read as UTF-8 text or
 * refused, constructs and functions in values are refused (in typed props they are carried as they are),
 * and nesting deeper than MAX_NESTING or a cycle is one error naming the path — never a stack overflow.
 */
import { PackageManagerValidationError, formatPath, type ValidationIssue } from '../errors';

/**
 * The deepest nesting read. Helm's JSON reader stops at 10,000; this library's checks recurse, so it
 * stops earlier, where no chart value comes near (the chart's deepest value is 6 levels).
 */
export const MAX_NESTING = 500;

/** A Buffer (or other byte array) as UTF-8 text; undefined when `value` holds no bytes. */
export function textOfBytes(value: unknown, where: string): string | undefined {
  if (!(value instanceof Uint8Array)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    throw new PackageManagerValidationError(
      [{ path: where, message: 'is a Buffer that is not UTF-8 text: give the text, e.g. readFileSync(path, "utf8")' }],
      'fromValues',
    );
  }
}

function kindOf(v: object): string {
  const name = (v as { constructor?: { name?: unknown } }).constructor?.name;
  const typeName = typeof name === 'string' && name !== '' ? name : 'object';
  return 'node' in v && typeof (v as { node?: unknown }).node === 'object' ? `a construct (${typeName})` : `a ${typeName}`;
}

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
};

/**
 * The first problem of a structure, in depth-first order: a cycle or nesting deeper than MAX_NESTING, and, when
 * `plainOnly`, a value that is not plain data (a function, a construct, a class instance). Non-plain objects are
 * never walked into. The walk recurses at most MAX_NESTING levels (far inside any stack), and builds a path only
 * for the problem it reports. The objects on the path are a list (a few levels deep, looked through faster than a
 * set is kept; at most MAX_NESTING × the values walked).
 */
export function structureProblem(root: unknown, plainOnly: boolean): ValidationIssue | undefined {
  const path: (string | number)[] = [];
  const onPath: object[] = [];
  const at = () =>
    // A path hundreds of levels deep is shown by its start and its depth.
    path.length > 20 ? `${formatPath(path.slice(0, 10))}… (${path.length} levels)` : formatPath(path);
  const visit = (v: unknown): ValidationIssue | undefined => {
    if (typeof v === 'function') {
      return plainOnly
        ? { path: at(), message: 'is a function: values hold plain data (maps, lists, strings, numbers, booleans)' }
        : undefined;
    }
    if (typeof v !== 'object' || v === null) return undefined;
    if (!isPlain(v)) {
      // Typed props carry it as a reference (a construct, a cdk8s-plus Secret…).
      if (!plainOnly) return undefined;
      return {
        path: at(),
        message: `is ${kindOf(v)}: values hold plain data; name an existing object by its name (e.g. license.file.secret: "my-secret"), or pass the object in typed props`,
      };
    }
    if (onPath.includes(v)) return { path: at(), message: 'refers back to a value that contains it (a cycle): give a copy instead' };
    if (path.length >= MAX_NESTING) {
      return {
        path: at(),
        message: `is nested more than ${MAX_NESTING} levels deep, which this library refuses (Helm stops at 10,000): flatten the value`,
      };
    }
    onPath.push(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const problem = visit(v[i]);
        if (problem) return problem;
        path.pop();
      }
    } else {
      for (const k of Object.keys(v)) {
        path.push(k);
        const problem = visit((v as Record<string, unknown>)[k]);
        if (problem) return problem;
        path.pop();
      }
    }
    onPath.pop();
    return undefined;
  };
  return visit(root);
}

/** Throws the problem of a structure as one PackageManagerValidationError (see structureProblem). */
export function checkStructure(root: unknown, plainOnly: boolean, context: string): void {
  const problem = structureProblem(root, plainOnly);
  if (problem) throw new PackageManagerValidationError([problem], context);
}

/** True for the RangeError of a stack overflow (a recursive reader given deeper nesting than it follows). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}
