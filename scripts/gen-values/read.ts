/**
 * Reads the one hand-written description of the values: the interfaces of src/props.ts and
 * src/config/types.ts (syntax only, no type checker: a few milliseconds), with their TSDoc tags.
 * Returns a tree of value descriptions that the writers (write-*.ts) turn into the zod schema, the
 * fast check, the traits table, the config tables and the values JSON Schema.
 *
 * What a type says by itself: `string`, `number`, `boolean`, string-literal unions (enums), lists,
 * `{ [key: string]: T }` maps, the project's own interfaces (strict maps; `[key: string]: unknown`
 * allows other keys), Kubernetes types imported from ./k8s/types or ./k8s/gateway-types (checked against
 * their definition, named without the `K8s` prefix that keeps them apart from cdk8s-plus). `null` in a union is dropped (null removes a default), and so are the Secret
 * constructs (`ISecret`, `SecretValueRef`: the core sees their names).
 *
 * What tags add (on a prop, or on an interface for every use of it):
 * - `@check <name>`: a named check of src/schema-parts.ts and src/fast-parts.ts (`objectName`,
 *   `labels`, `quantity`, `port`, …), or `k8s:<Type>`; it replaces the type's own check.
 * - `@integer`, `@minimum N`, `@maximum N`, `@minLength N`: bounds of a number or a string.
 * - `@checkedApart`: checked before the merge, not by the schema (`chartVersion`).
 * - traits (src/traits.ts `ValueTraits`): `@falsyUnset`, `@printedAsYaml`, `@usedAsText`,
 *   `@secret`, `@templated`, `@dereferenced`, `@derivedFrom <text>`, `@readAsYaml`, `@quotedAsText`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..', '..');

/** The tags this generator reads; the docs show none of them as prose. */
export const VALUE_TAGS = new Set([
  'check',
  'integer',
  'minimum',
  'maximum',
  'minLength',
  'checkedApart',
  'falsyUnset',
  'printedAsYaml',
  'usedAsText',
  'secret',
  'templated',
  'dereferenced',
  'derivedFrom',
  'readAsYaml',
  'quotedAsText',
]);

/** The trait tags, as they are spelled in `ValueTraits`. */
export const TRAIT_TAGS = [
  'falsyUnset',
  'printedAsYaml',
  'usedAsText',
  'secret',
  'templated',
  'dereferenced',
  'readAsYaml',
  'quotedAsText',
  'derivedFrom',
] as const;
export type Traits = { -readonly [K in (typeof TRAIT_TAGS)[number]]?: K extends 'derivedFrom' ? string : true };

/** A value, as the writers see it. */
export type Value =
  | { readonly t: 'string'; readonly minLength?: number }
  | { readonly t: 'number'; readonly int?: boolean; readonly min?: number; readonly max?: number }
  | { readonly t: 'boolean' }
  | { readonly t: 'unknown' }
  | { readonly t: 'enum'; readonly values: readonly string[] }
  | { readonly t: 'named'; readonly name: string; readonly k8s?: string; readonly module?: string; readonly inner?: Value }
  | { readonly t: 'list'; readonly item: Value }
  | { readonly t: 'record'; readonly value: Value }
  | { readonly t: 'union'; readonly members: readonly Value[] }
  | { readonly t: 'object'; readonly typeName?: string; readonly fields: readonly Field[]; readonly rest: boolean };

/** A key of a map. */
export interface Field {
  readonly key: string;
  readonly value: Value;
  readonly required: boolean;
  readonly traits: Traits;
  /** The first paragraph of its TSDoc, on one line (for the JSON Schema's descriptions). */
  readonly summary: string;
}

interface Tags {
  readonly [name: string]: string;
}

function tagsOf(node: ts.Node): Tags {
  const out: Record<string, string> = {};
  for (const doc of ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)) {
    for (const tag of doc.tags ?? []) out[tag.tagName.text] = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim();
  }
  return out;
}

function summaryOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = (ts.getTextOfJSDocComment(docs[docs.length - 1]?.comment) ?? '').trim();
  return (text.split(/\r?\n[ \t]*\r?\n/)[0] ?? '').replace(/\s*\r?\n\s*/g, ' ').trim();
}

function traitsOf(tags: Tags): Traits {
  const out: Traits = {};
  for (const name of TRAIT_TAGS) {
    if (!(name in tags)) continue;
    if (name === 'derivedFrom') out.derivedFrom = tags[name];
    else (out as Record<string, true>)[name] = true;
  }
  return out;
}

/** Types that stand for a Secret given as a construct: the core sees only names. */
const CONSTRUCTS = new Set(['ISecret', 'SecretValueRef', 'AwsCredentialsSecretValueRef']);

export class Reader {
  private readonly decls = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
  /** Kubernetes types imported by the described files, with the module they come from. */
  private readonly k8sTypes = new Map<string, string>();

  constructor(files: readonly string[] = ['src/props.ts', 'src/config/types.ts']) {
    for (const file of files) {
      const sf = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
      for (const s of sf.statements) {
        if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) this.decls.set(s.name.text, s);
        const from = ts.isImportDeclaration(s) ? (s.moduleSpecifier as ts.StringLiteral).text : '';
        if (ts.isImportDeclaration(s) && /^\.\/k8s\/(types|gateway-types)$/.test(from)) {
          const named = s.importClause?.namedBindings;
          if (named && ts.isNamedImports(named)) for (const e of named.elements) this.k8sTypes.set(e.name.text, from.slice(2));
        }
      }
    }
  }

  /** The value of an interface, by name. */
  interface(name: string): Value & { t: 'object' } {
    const v = this.reference(name, [], {});
    if (v.t !== 'object') throw new Error(`${name} is not a map of values`);
    return v;
  }

  private fail(where: string, what: string): never {
    throw new Error(
      `${where}: ${what}. Describe it with a type this generator reads, or name its check with @check (scripts/gen-values/read.ts)`,
    );
  }

  private fields(decl: ts.InterfaceDeclaration | ts.TypeLiteralNode, where: string): { fields: Field[]; rest: boolean } {
    const fields: Field[] = [];
    let rest = false;
    if (ts.isInterfaceDeclaration(decl)) {
      for (const h of (decl.heritageClauses ?? []).flatMap((c) => [...c.types])) {
        const base = this.reference(h.expression.getText(), [], {}, where);
        if (base.t !== 'object') this.fail(where, `extends ${h.expression.getText()}, which is not a map of values`);
        fields.push(...base.fields);
        rest ||= base.rest;
      }
    }
    for (const m of decl.members) {
      if (ts.isIndexSignatureDeclaration(m)) {
        if (m.type.kind !== ts.SyntaxKind.UnknownKeyword) this.fail(where, 'an index signature beside keys must be `unknown`');
        rest = true;
        continue;
      }
      if (!ts.isPropertySignature(m) || !m.type) this.fail(where, `member ${m.getText()} is not a property`);
      const key = m.name.getText();
      const tags = tagsOf(m);
      if ('checkedApart' in tags) continue;
      const value = this.value(m.type, tags, `${where}.${key}`);
      fields.push({ key, value, required: !m.questionToken, traits: traitsOf(tags), summary: summaryOf(m) });
    }
    return { fields, rest };
  }

  private reference(name: string, args: readonly ts.TypeNode[], tags: Tags, where = name): Value {
    if (name === 'WithNullableFields' && args.length === 1) return this.value(args[0], tags, where);
    const k8sModule = this.k8sTypes.get(name);
    if (k8sModule) return { t: 'named', name: 'k8s', k8s: name, module: k8sModule };
    const decl = this.decls.get(name);
    if (!decl) this.fail(where, `type ${name} is not declared in the described files`);
    const own = tagsOf(decl);
    if (own.check) return this.named(own.check, ts.isInterfaceDeclaration(decl) ? this.tryObject(decl, where) : undefined);
    if (ts.isTypeAliasDeclaration(decl)) return this.value(decl.type, tags, where);
    const { fields, rest } = this.fields(decl, where);
    return { t: 'object', typeName: name, fields, rest };
  }

  private tryObject(decl: ts.InterfaceDeclaration, where: string): Value | undefined {
    try {
      const { fields, rest } = this.fields(decl, where);
      return { t: 'object', typeName: decl.name.text, fields, rest };
    } catch {
      return undefined;
    }
  }

  private named(check: string, inner?: Value): Value {
    if (check.startsWith('k8s:')) return { t: 'named', name: 'k8s', k8s: check.slice(4), module: 'k8s/types' };
    return { t: 'named', name: check, inner };
  }

  private value(node: ts.TypeNode, tags: Tags, where: string): Value {
    if (tags.check) {
      let inner: Value | undefined;
      try {
        inner = this.value(node, { ...tags, check: '' }, where);
      } catch {
        inner = undefined;
      }
      return this.named(tags.check, inner);
    }
    if (ts.isParenthesizedTypeNode(node)) return this.value(node.type, tags, where);
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return this.value(node.type, tags, where);
    if (ts.isUnionTypeNode(node)) {
      const kept = node.types.filter(
        (t) =>
          !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) &&
          t.kind !== ts.SyntaxKind.UndefinedKeyword &&
          !(ts.isTypeReferenceNode(t) && CONSTRUCTS.has(t.typeName.getText())),
      );
      if (kept.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)))
        return { t: 'enum', values: kept.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text) };
      if (kept.length === 1) return this.value(kept[0], tags, where);
      return { t: 'union', members: kept.map((t) => this.value(t, tags, where)) };
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { t: 'enum', values: [node.literal.text] };
    if (ts.isArrayTypeNode(node)) return { t: 'list', item: this.value(node.elementType, {}, `${where}[]`) };
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return tags.minLength ? { t: 'string', minLength: Number(tags.minLength) } : { t: 'string' };
      case ts.SyntaxKind.BooleanKeyword:
        return { t: 'boolean' };
      case ts.SyntaxKind.UnknownKeyword:
        return { t: 'unknown' };
      case ts.SyntaxKind.NumberKeyword: {
        const v: { t: 'number'; int?: boolean; min?: number; max?: number } = { t: 'number' };
        if ('integer' in tags) v.int = true;
        if (tags.minimum !== undefined) v.min = Number(tags.minimum);
        if (tags.maximum !== undefined) v.max = Number(tags.maximum);
        return v;
      }
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.length === 1 && ts.isIndexSignatureDeclaration(node.members[0]) ? node.members[0] : undefined;
      if (index) return { t: 'record', value: this.value(index.type, {}, `${where}.*`) };
      const { fields, rest } = this.fields(node, where);
      return { t: 'object', fields, rest };
    }
    if (ts.isTypeReferenceNode(node)) return this.reference(node.typeName.getText(), node.typeArguments ?? [], tags, where);
    return this.fail(where, `type ${node.getText()} is not one this generator reads`);
  }
}

/** Every named check used in a tree (to import them). */
export function namedChecks(v: Value, out = new Set<string>()): Set<string> {
  switch (v.t) {
    case 'named':
      out.add(v.name);
      break;
    case 'list':
      namedChecks(v.item, out);
      break;
    case 'record':
      namedChecks(v.value, out);
      break;
    case 'union':
      v.members.forEach((m) => namedChecks(m, out));
      break;
    case 'object':
      v.fields.forEach((f) => namedChecks(f.value, out));
      break;
  }
  return out;
}

/** Every Kubernetes type checked in a tree, and every interface named. */
export function typeNames(v: Value, out = { k8s: new Map<string, string>(), own: new Set<string>() }) {
  if (v.t === 'named' && v.k8s) out.k8s.set(v.k8s, v.module ?? 'k8s/types');
  if (v.t === 'object' && v.typeName) out.own.add(v.typeName);
  if (v.t === 'list') typeNames(v.item, out);
  if (v.t === 'record') typeNames(v.value, out);
  if (v.t === 'union') v.members.forEach((m) => typeNames(m, out));
  if (v.t === 'object') v.fields.forEach((f) => typeNames(f.value, out));
  return out;
}

/** The generated-file header. */
export function header(what: string): string {
  return `// Generated by scripts/gen-values (npm run gen) from the TSDoc of src/props.ts and src/config/types.ts: do not edit.\n// ${what}\n`;
}
