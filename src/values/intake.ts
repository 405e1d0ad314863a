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
 * The first problem of a structure, walked without recursion: a cycle or nesting deeper than MAX_NESTING,
 * and, when `plainOnly`, a value that is not plain data (a function, a construct, a class instance).
 * Non-plain objects are never walked into.
 */
export function structureProblem(root: unknown, plainOnly: boolean): ValidationIssue | undefined {
  interface Frame {
    readonly value: unknown;
    readonly parent?: Frame;
    readonly key?: string | number;
    readonly depth: number;
    exit?: boolean;
  }
  const pathOf = (f: Frame) => {
    const segs: (string | number)[] = [];
    for (let at: Frame | undefined = f; at?.parent; at = at.parent) segs.push(at.key!);
    segs.reverse();
    // A path hundreds of levels deep is shown by its start and its depth.
    return segs.length > 20 ? `${formatPath(segs.slice(0, 10))}… (${segs.length} levels)` : formatPath(segs);
  };
  const onPath = new Set<object>();
  const stack: Frame[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    const v = f.value;
    if (f.exit) {
      onPath.delete(v as object);
      continue;
    }
    if (typeof v === 'function') {
      if (plainOnly) return { path: pathOf(f), message: 'is a function: values hold plain data (maps, lists, strings, numbers, booleans)' };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (!isPlain(v)) {
      if (plainOnly) {
        return {
          path: pathOf(f),
          message: `is ${kindOf(v)}: values hold plain data; name an existing object by its name (e.g. license.file.secret: "my-secret"), or pass the object in typed props`,
        };
      }
      continue; // carried as a reference (a construct, a cdk8s-plus Secret…)
    }
    if (onPath.has(v)) return { path: pathOf(f), message: 'refers back to a value that contains it (a cycle): give a copy instead' };
    if (f.depth >= MAX_NESTING) {
      return {
        path: pathOf(f),
        message: `is nested more than ${MAX_NESTING} levels deep, which this library refuses (Helm stops at 10,000): flatten the value`,
      };
    }
    onPath.add(v);
    stack.push({ value: v, depth: f.depth, exit: true });
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], parent: f, key: entries[i][0], depth: f.depth + 1 });
  }
  return undefined;
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
