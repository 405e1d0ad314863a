/** zod's issues → ours: the prop path, what is allowed, the bad value (unless it may be a secret), the fix. */
import { z } from 'zod';
import { closest, formatPath, issueAbout, type ValidationIssue } from '../../errors';
import { propsSchema } from '../../schema';
import { mayBeSecret } from '../secrecy';
import { valueAt } from '../../leaf/objects';

/** An issue about the value at `path` of the input: shown, unless it may be a secret. */
function about(path: readonly (string | number)[], expectation: string, value: unknown): ValidationIssue {
  return issueAbout(formatPath(path), expectation, value, mayBeSecret(path, value));
}

/** What our custom zod issues carry in `params`: the bad value (Kubernetes checks), or that the message is about no value. */
interface IssueParams {
  readonly got?: { readonly value: unknown };
  readonly noValue?: boolean;
}

/** Known keys of the schema object at `path`, for "did you mean" hints. */
export function knownKeysAt(path: readonly (string | number)[]): string[] {
  const unwrap = (s: z.ZodTypeAny): z.ZodTypeAny => {
    let cur = s;
    for (;;) {
      if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap();
      else if (cur instanceof z.ZodArray) cur = cur.element;
      else if (cur instanceof z.ZodEffects) cur = cur.innerType();
      else return cur;
    }
  };
  let schema = unwrap(propsSchema);
  for (const seg of path) {
    if (typeof seg === 'number') continue;
    if (!(schema instanceof z.ZodObject)) return [];
    const next: z.ZodTypeAny | undefined = schema.shape[seg];
    if (!next) return [];
    schema = unwrap(next);
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
  integer: 'a whole number',
};

/** zod's own wording ("Number must be greater than…"), as opposed to ours. */
function isZodDefault(message: string): boolean {
  return /^(Number|String|Array|Set|Date|BigInt) must /.test(message);
}

/** What the schema wanted, in words. */
function describeExpectation(issue: z.ZodIssue): string {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `must be one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}`;
    case z.ZodIssueCode.too_small:
      if (!isZodDefault(issue.message)) return issue.message;
      return issue.type === 'string' ? `must be at least ${issue.minimum} characters long` : `must be at least ${issue.minimum}`;
    case z.ZodIssueCode.too_big:
      if (!isZodDefault(issue.message)) return issue.message;
      return issue.type === 'string' ? `must be at most ${issue.maximum} characters long` : `must be at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function formatIssue(issue: z.ZodIssue, input: unknown): ValidationIssue[] {
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const known = knownKeysAt(issue.path);
    const parent = formatPath(issue.path);
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      return {
        path: formatPath([...issue.path, key]),
        message: guess
          ? `unknown key; did you mean ${parent ? `${parent}.` : ''}${guess}?`
          : `unknown key; known keys here: ${known.join(', ')}`,
      };
    });
  }
  if (issue.code === z.ZodIssueCode.invalid_union) {
    // Report the branch that got furthest: the deepest path, else one that is not a plain type mismatch.
    const branches = issue.unionErrors.flatMap((e) => e.issues);
    const depth = Math.max(...branches.map((b) => b.path.length));
    const deepest = branches.filter((b) => b.path.length === depth);
    const pick = deepest.find((b) => b.code !== z.ZodIssueCode.invalid_type) ?? deepest[0];
    if (pick && depth > issue.path.length) return formatIssue(pick, input);
    const messages = [...new Set(branches.map(describeExpectation))];
    return [about(issue.path, messages.join(', or '), valueAt(input, issue.path))];
  }
  const message = describeExpectation(issue);
  const params: IssueParams | undefined = issue.code === z.ZodIssueCode.custom ? issue.params : undefined;
  if (params?.noValue) return [{ path: formatPath(issue.path), message }];
  return [about(issue.path, message, params?.got ? params.got.value : valueAt(input, issue.path))];
}

/** Every problem zod found, in our words. */
export function schemaIssues(error: z.ZodError, input: unknown): ValidationIssue[] {
  return error.issues.flatMap((issue) => formatIssue(issue, input));
}
