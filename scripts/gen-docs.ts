/**
 * Reference docs generated from the code: `npm run docs`.
 *
 * Builds the project with the TypeScript compiler API (root `src/index.ts`, the options of
 * `tsconfig.json`) and walks, with the type checker:
 *
 * - `PackageManagerProps` (src/props.ts), recursively: one row per prop path, descending into the
 *   project's own interfaces of src/props.ts and src/config/types.ts (and inline object types);
 *   Kubernetes-shaped types and other named types are shown by name only;
 * - `PackageManagerConfig` (src/config/types.ts): one row per `Section.Key`;
 * - the public members of the `PackageManager` class and the runtime exports of src/index.ts.
 *
 * It rewrites the text between `<!-- props:start -->`/`<!-- props:end -->` and
 * `<!-- config:start -->`/`<!-- config:end -->` in docs/props.md (nothing else), the whole of
 * docs/API.md, and in README.md the member table (`members`, from the class's TSDoc) and the command
 * line's tables (`cli-commands`, `cli-flags`, `exit-codes`, from the tables of src/cli/: the commands,
 * `FLAG_DOCS`, `EXIT_CODE_MEANINGS`, which `--help` prints too). `generateDocs()` returns the texts
 * without writing (test/docs.test.ts compares them with the committed files).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { COMMANDS } from '../src/cli/commands';
import { EXIT_CODE_MEANINGS, EXIT_CODES } from '../src/cli/exit-codes';
import { FLAG_DOCS, flagSpelling } from '../src/cli/flag-docs';
import { traitsOf } from '../src/traits';
import { VALUE_TAGS } from './gen-values/read';

const ROOT = path.resolve(__dirname, '..');
/** The props and config tables (split out of the README to keep it short). */
const README = path.join(ROOT, 'docs', 'props.md');
const API = path.join(ROOT, 'docs', 'API.md');
/** The README: its member table and command-line tables are generated. */
const MAIN_README = path.join(ROOT, 'README.md');
const PROPS_FILE = path.join(ROOT, 'src', 'props.ts');
const CONFIG_FILE = path.join(ROOT, 'src', 'config', 'types.ts');
const CLASS_FILE = path.join(ROOT, 'src', 'package-manager.ts');
const INDEX_FILE = path.join(ROOT, 'src', 'index.ts');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | { types?: string }>;
};
/** The entry points of package.json's `exports`, each with its source file (`./lib/X.d.ts` is built from `src/X.ts`). */
const ENTRY_POINTS = Object.entries(PACKAGE.exports).flatMap(([sub, e]) =>
  typeof e === 'object' && e.types
    ? [{ name: `${PACKAGE.name}${sub.slice(1)}`, file: path.join(ROOT, e.types.replace(/^\.\/lib\//, 'src/').replace(/\.d\.ts$/, '.ts')) }]
    : [],
);
/** The option interfaces of an entry point: what its functions and constructor take besides the props. */
const OPTIONS_INTERFACE = /(Options|Input|Text)$/;
/** Files whose interfaces (and type aliases) are walked into; any other named type is a leaf. */
const DESCEND_FILES = new Set([PROPS_FILE, CONFIG_FILE].map(normalize));
const PROPS_INTERFACE = 'PackageManagerProps';
const CONFIG_INTERFACE = 'PackageManagerConfig';
const CLASS_NAME = 'PackageManager';

/** The docs/props.md heading of the config table, as a GitHub anchor; its `config` row links to it. */
const README_CONFIG_ANCHOR = '#typed-configuration-config';
/** The API.md heading of the config table, as an anchor. */
const API_CONFIG_ANCHOR = '#typed-configuration';

/** The generated blocks of README.md, each between `<!-- NAME:start -->` and `<!-- NAME:end -->` (as those of docs/props.md). */
type MainReadmeBlock = 'members' | 'cli-commands' | 'cli-flags' | 'exit-codes';

/** One prop path of a table. */
export interface DocRow {
  /** Dotted path; `[]` is any item of a list, `*` any key of a map. */
  readonly path: string;
  /** The type as written, compact. */
  readonly type: string;
  /** Types the prop's interface extends that are not walked into (`Probe` for `ProbeProps`). */
  readonly extendsTypes: readonly string[];
  /** The `@default` text, whitespace runs across lines collapsed; undefined without the tag. */
  readonly default?: string;
  /** A prop without `?`. */
  readonly required: boolean;
  /** First paragraph of the TSDoc comment, on one line. */
  readonly summary: string;
  /** The whole TSDoc comment on one line, with tags other than `@default`. */
  readonly full: string;
  /** The prop's type was walked into (its members have rows of their own). */
  readonly hasChildren: boolean;
  /** The row of the `config` prop: its keys are in the config table. */
  readonly isConfig: boolean;
}

/** A public member of the `PackageManager` class. */
export interface MemberDoc {
  readonly name: string;
  readonly kind: string;
  readonly type: string;
  /** The whole TSDoc comment on one line. */
  readonly doc: string;
  /** Its first paragraph. */
  readonly summary: string;
}

/** A runtime export of src/index.ts. */
export interface ExportDoc {
  readonly name: string;
  readonly kind: 'class' | 'function' | 'constant';
  readonly summary: string;
}

/** An option interface of an entry point, with a row per member. */
export interface OptionsDoc {
  readonly name: string;
  readonly doc: string;
  readonly rows: readonly DocRow[];
}

/** A public entry point (`cdk8s-posit-package-manager`, `…/values`, `…/diff`): its runtime exports and option interfaces. */
export interface EntryPointDoc {
  readonly name: string;
  readonly file: string;
  readonly doc: string;
  readonly exports: readonly ExportDoc[];
  readonly options: readonly OptionsDoc[];
}

/** Everything the docs are rendered from. */
export interface DocModel {
  readonly propsIntro: string;
  readonly props: readonly DocRow[];
  readonly configIntro: string;
  readonly config: readonly DocRow[];
  readonly classDoc: string;
  readonly members: readonly MemberDoc[];
  readonly exports: readonly ExportDoc[];
  readonly entryPoints: readonly EntryPointDoc[];
}

function normalize(file: string): string {
  return path.resolve(file).split(path.sep).join('/');
}

/* ------------------------------------------------------------------ program */

function createProgram(): ts.Program {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (f) => ts.sys.readFile(f));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, configPath);
  return ts.createProgram({ rootNames: ENTRY_POINTS.map((e) => e.file), options: { ...parsed.options, noEmit: true } });
}

function sourceFile(program: ts.Program, file: string): ts.SourceFile {
  const sf = program.getSourceFile(file);
  if (!sf) throw new Error(`${path.relative(ROOT, file)} is not part of the program built from src/index.ts`);
  return sf;
}

function findInterface(sf: ts.SourceFile, name: string): ts.InterfaceDeclaration {
  const found = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!found) throw new Error(`interface ${name} not found in ${path.relative(ROOT, sf.fileName)}`);
  return found;
}

/* ------------------------------------------------------------------ TSDoc */

interface Doc {
  /** The comment text, newlines kept. */
  readonly text: string;
  readonly tags: readonly { readonly name: string; readonly text: string }[];
}

function docOf(node: ts.Node): Doc {
  const jsDocs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const jsDoc = jsDocs[jsDocs.length - 1];
  if (!jsDoc) return { text: '', tags: [] };
  return {
    text: (ts.getTextOfJSDocComment(jsDoc.comment) ?? '').trim(),
    tags: (jsDoc.tags ?? []).map((t) => ({ name: t.tagName.text, text: (ts.getTextOfJSDocComment(t.comment) ?? '').trim() })),
  };
}

/** Text on one line: line breaks and the indentation around them become one space. */
function oneLine(text: string): string {
  return text.replace(/[ \t]*\r?\n\s*/g, ' ').trim();
}

function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map(oneLine)
    .filter((p) => p !== '');
}

function summaryOf(doc: Doc): string {
  return paragraphs(doc.text)[0] ?? '';
}

function fullOf(doc: Doc): string {
  const parts = paragraphs(doc.text);
  for (const tag of doc.tags) {
    if (tag.name === 'default' || VALUE_TAGS.has(tag.name)) continue; // the value tags are machine-read (npm run gen)
    const label = tag.name.charAt(0).toUpperCase() + tag.name.slice(1);
    parts.push(`**${label}**${tag.text ? `: ${oneLine(tag.text)}` : '.'}`);
  }
  return parts.join(' ');
}

/* ------------------------------------------------------------------ types */

function memberName(name: ts.PropertyName | undefined): string {
  if (!name) return '';
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name))
    return /^[A-Za-z_$][\w$]*$/.test(name.text) ? name.text : JSON.stringify(name.text);
  return name.getText();
}

/** A type node printed on one line, compactly: no `readonly` member modifiers, no comments. */
function typeText(node: ts.TypeNode): string {
  if (ts.isParenthesizedTypeNode(node)) return `(${typeText(node.type)})`;
  if (ts.isUnionTypeNode(node)) return node.types.map(typeText).join(' | ');
  if (ts.isIntersectionTypeNode(node)) return node.types.map(typeText).join(' & ');
  if (ts.isArrayTypeNode(node)) return `${typeText(node.elementType)}[]`;
  if (ts.isTypeOperatorNode(node)) return `${ts.tokenToString(node.operator)} ${typeText(node.type)}`;
  if (ts.isTypeReferenceNode(node)) {
    const args = node.typeArguments ? `<${node.typeArguments.map(typeText).join(', ')}>` : '';
    return `${node.typeName.getText()}${args}`;
  }
  if (ts.isTypeLiteralNode(node)) {
    if (node.members.length === 0) return '{}';
    const members = node.members.map((m) => {
      if (ts.isPropertySignature(m)) return `${memberName(m.name)}${m.questionToken ? '?' : ''}: ${m.type ? typeText(m.type) : 'any'}`;
      if (ts.isIndexSignatureDeclaration(m)) {
        const params = m.parameters.map((p) => `${p.name.getText()}: ${p.type ? typeText(p.type) : 'any'}`).join(', ');
        return `[${params}]: ${typeText(m.type)}`;
      }
      return oneLine(m.getText()).replace(/;$/, '');
    });
    return `{ ${members.join('; ')} }`;
  }
  if (ts.isTupleTypeNode(node)) return `[${node.elements.map(typeText).join(', ')}]`;
  return oneLine(node.getText());
}

function isNullish(node: ts.TypeNode): boolean {
  return (
    node.kind === ts.SyntaxKind.UndefinedKeyword ||
    (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword) ||
    (ts.isTypeReferenceNode(node) && node.typeName.getText() === 'undefined')
  );
}

/** The type of an optional prop without its `| undefined` (the `?` says it already). */
function withoutUndefined(node: ts.TypeNode): string {
  if (ts.isUnionTypeNode(node)) {
    const kept = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    if (kept.length > 0 && kept.length < node.types.length) return kept.map(typeText).join(' | ');
  }
  return typeText(node);
}

/** An object type whose members get rows: an interface of a walked file, or an inline type literal. */
type Shape =
  | { readonly kind: 'interface'; readonly decl: ts.InterfaceDeclaration }
  | { readonly kind: 'literal'; readonly node: ts.TypeLiteralNode };

interface Target {
  /** What the path gains on the way: `[]` per list level. */
  readonly suffix: string;
  readonly shape: Shape;
}

interface Member {
  readonly name: string;
  readonly node: ts.PropertySignature | ts.IndexSignatureDeclaration | ts.MethodSignature;
}

class Walker {
  private readonly checker: ts.TypeChecker;

  constructor(program: ts.Program) {
    this.checker = program.getTypeChecker();
  }

  private inWalkedFile(decl: ts.Declaration): boolean {
    return DESCEND_FILES.has(normalize(decl.getSourceFile().fileName));
  }

  /** The declaration a type name refers to, through imports. */
  private declarationOf(name: ts.EntityName | ts.Expression): ts.Declaration | undefined {
    let symbol = this.checker.getSymbolAtLocation(name);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d)) ?? symbol?.declarations?.[0];
  }

  /** The object types a prop's type node leads to, each with the path suffix to reach it. */
  targets(node: ts.TypeNode, seen: ReadonlySet<ts.Node> = new Set()): Target[] {
    if (ts.isParenthesizedTypeNode(node)) return this.targets(node.type, seen);
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return this.targets(node.type, seen);
    if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) {
      return node.types.filter((t) => !isNullish(t)).flatMap((t) => this.targets(t, seen));
    }
    if (ts.isArrayTypeNode(node)) return this.targets(node.elementType, seen).map((t) => ({ ...t, suffix: `[]${t.suffix}` }));
    if (ts.isTypeLiteralNode(node)) {
      return node.members.some((m) => ts.isPropertySignature(m) || ts.isMethodSignature(m))
        ? [{ suffix: '', shape: { kind: 'literal', node } }]
        : [];
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      if ((name === 'Array' || name === 'ReadonlyArray') && node.typeArguments?.length === 1) {
        return this.targets(node.typeArguments[0], seen).map((t) => ({ ...t, suffix: `[]${t.suffix}` }));
      }
      const decl = this.declarationOf(node.typeName);
      if (!decl || !this.inWalkedFile(decl) || seen.has(decl)) return [];
      if (ts.isInterfaceDeclaration(decl)) {
        return this.members({ kind: 'interface', decl }).some((m) => !ts.isIndexSignatureDeclaration(m.node))
          ? [{ suffix: '', shape: { kind: 'interface', decl } }]
          : [];
      }
      if (ts.isTypeAliasDeclaration(decl)) return this.targets(decl.type, new Set([...seen, decl]));
    }
    return [];
  }

  /** Members of an object type in declaration order; an interface's walked bases come first. */
  members(shape: Shape): Member[] {
    const byName = new Map<string, Member>();
    const add = (nodes: readonly ts.TypeElement[]) => {
      for (const m of nodes) {
        if (ts.isPropertySignature(m) || ts.isMethodSignature(m)) byName.set(memberName(m.name), { name: memberName(m.name), node: m });
        else if (ts.isIndexSignatureDeclaration(m)) byName.set('*', { name: '*', node: m });
      }
    };
    if (shape.kind === 'literal') {
      add(shape.node.members);
      return [...byName.values()];
    }
    for (const decl of this.interfaceDeclarations(shape.decl)) {
      for (const base of this.walkedBases(decl))
        for (const m of this.members({ kind: 'interface', decl: base })) if (!byName.has(m.name)) byName.set(m.name, m);
      add(decl.members);
    }
    return [...byName.values()];
  }

  /** All declarations of a (possibly merged) interface, in file order. */
  private interfaceDeclarations(decl: ts.InterfaceDeclaration): ts.InterfaceDeclaration[] {
    const symbol = this.checker.getSymbolAtLocation(decl.name);
    const decls = (symbol?.declarations ?? [decl]).filter(ts.isInterfaceDeclaration);
    return decls.length > 0 ? decls : [decl];
  }

  private heritage(decl: ts.InterfaceDeclaration): ts.ExpressionWithTypeArguments[] {
    return (decl.heritageClauses ?? []).flatMap((h) => [...h.types]);
  }

  private walkedBases(decl: ts.InterfaceDeclaration): ts.InterfaceDeclaration[] {
    return this.heritage(decl)
      .map((h) => this.declarationOf(h.expression))
      .filter((d): d is ts.InterfaceDeclaration => !!d && ts.isInterfaceDeclaration(d) && this.inWalkedFile(d));
  }

  /** Bases of an interface that are not walked into (`Probe` for `ProbeProps`), recursively through walked bases. */
  private otherBases(decl: ts.InterfaceDeclaration): string[] {
    const out: string[] = [];
    for (const d of this.interfaceDeclarations(decl)) {
      for (const h of this.heritage(d)) {
        const base = this.declarationOf(h.expression);
        if (base && ts.isInterfaceDeclaration(base) && this.inWalkedFile(base)) out.push(...this.otherBases(base));
        else out.push(oneLine(h.getText()));
      }
    }
    return [...new Set(out)];
  }

  /**
   * Rows of an object type's members under `prefix`. With `parents` false, props that are walked
   * into get no row of their own (the config table lists `Section.Key` only).
   */
  rows(
    shape: Shape,
    prefix: string,
    options: { parents: boolean; configDecl?: ts.InterfaceDeclaration },
    stack: readonly ts.Node[] = [],
  ): DocRow[] {
    const out: DocRow[] = [];
    const shapeNode = shape.kind === 'interface' ? shape.decl : shape.node;
    if (stack.includes(shapeNode)) return out;
    for (const member of this.members(shape)) {
      const node = member.node;
      const p = prefix ? `${prefix}.${member.name}` : member.name;
      const typeNode = ts.isIndexSignatureDeclaration(node) ? node.type : ts.isMethodSignature(node) ? undefined : node.type;
      const optional = ts.isIndexSignatureDeclaration(node) ? true : !!node.questionToken;
      const targets = typeNode ? this.targets(typeNode) : [];
      const isConfig = !!options.configDecl && targets.some((t) => t.shape.kind === 'interface' && t.shape.decl === options.configDecl);
      const descend = targets.length > 0 && !isConfig;
      const doc = docOf(node);
      const defaultTag = doc.tags.find((t) => t.name === 'default');
      let type: string;
      if (ts.isMethodSignature(node)) type = this.signature(node, true);
      else if (!typeNode) type = oneLine(node.getText()).replace(/;$/, '');
      else if (descend && targets.every((t) => t.shape.kind === 'literal') && ts.isTypeLiteralNode(typeNode)) type = 'object';
      else type = optional ? withoutUndefined(typeNode) : typeText(typeNode);
      const extendsTypes = [
        ...new Set(targets.flatMap((t) => (t.shape.kind === 'interface' && t.suffix === '' ? this.otherBases(t.shape.decl) : []))),
      ];
      if (options.parents || !descend) {
        out.push({
          path: p,
          type,
          extendsTypes,
          default: defaultTag ? oneLine(defaultTag.text) : undefined,
          required: !optional,
          summary: summaryOf(doc),
          full: fullOf(doc),
          hasChildren: descend,
          isConfig,
        });
      }
      if (descend) {
        for (const t of targets) out.push(...this.rows(t.shape, `${p}${t.suffix}`, options, [...stack, shapeNode]));
      }
    }
    // A union of object types may give one path twice: the first row wins.
    const seen = new Set<string>();
    return out.filter((r) => (seen.has(r.path) ? false : (seen.add(r.path), true)));
  }

  /** Public members of a class: the constructor, then the others in declaration order. */
  classMembers(decl: ts.ClassDeclaration): MemberDoc[] {
    const out: MemberDoc[] = [];
    const ordered = [...decl.members.filter(ts.isConstructorDeclaration), ...decl.members.filter((m) => !ts.isConstructorDeclaration(m))];
    for (const m of ordered) {
      const mods = ts.canHaveModifiers(m) ? (ts.getModifiers(m) ?? []) : [];
      const has = (k: ts.SyntaxKind) => mods.some((x) => x.kind === k);
      if (has(ts.SyntaxKind.PrivateKeyword) || has(ts.SyntaxKind.ProtectedKeyword)) continue;
      if (m.name && ts.isPrivateIdentifier(m.name)) continue;
      const doc = fullOf(docOf(m));
      const summary = summaryOf(docOf(m));
      const prefix = [has(ts.SyntaxKind.StaticKeyword) ? 'static' : '', has(ts.SyntaxKind.ReadonlyKeyword) ? 'readonly' : ''].filter(
        Boolean,
      );
      if (ts.isConstructorDeclaration(m)) {
        out.push({
          name: 'constructor',
          kind: 'constructor',
          type: `new ${decl.name?.text ?? ''}${this.signature(m, false)}`,
          doc,
          summary,
        });
      } else if (ts.isMethodDeclaration(m)) {
        out.push({ name: memberName(m.name), kind: [...prefix, 'method'].join(' '), type: this.signature(m, true), doc, summary });
      } else if (ts.isPropertyDeclaration(m)) {
        const base = m.type ? typeText(m.type) : this.checker.typeToString(this.checker.getTypeAtLocation(m));
        const type = m.questionToken ? `${base} | undefined` : base;
        out.push({ name: memberName(m.name), kind: [...prefix, 'property'].join(' '), type, doc, summary });
      } else if (ts.isGetAccessorDeclaration(m)) {
        const type = m.type ? typeText(m.type) : this.checker.typeToString(this.checker.getTypeAtLocation(m));
        out.push({ name: memberName(m.name), kind: [...prefix, 'getter'].join(' '), type, doc, summary });
      }
    }
    return out;
  }

  private signature(m: ts.SignatureDeclaration, withReturn: boolean): string {
    const params = m.parameters.map((p) => {
      const optional = p.questionToken || p.initializer ? '?' : '';
      const type = p.type ? typeText(p.type) : this.checker.typeToString(this.checker.getTypeAtLocation(p));
      return `${p.dotDotDotToken ? '...' : ''}${p.name.getText()}${optional}: ${type}`;
    });
    if (!withReturn) return `(${params.join(', ')})`;
    let ret = m.type ? typeText(m.type) : undefined;
    if (!ret) {
      const sig = this.checker.getSignatureFromDeclaration(m);
      ret = sig ? this.checker.typeToString(this.checker.getReturnTypeOfSignature(sig)) : 'void';
    }
    return `(${params.join(', ')}) => ${ret}`;
  }

  /** The classes, functions and constants src/index.ts exports, in the order of its export statements. */
  exports(index: ts.SourceFile): ExportDoc[] {
    const out = new Map<string, ExportDoc>();
    const addSymbol = (exportedName: string, symbol: ts.Symbol | undefined) => {
      if (!symbol || out.has(exportedName)) return;
      const target = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
      const decl = target.declarations?.find((d) => ts.isClassDeclaration(d) || ts.isFunctionDeclaration(d) || ts.isVariableDeclaration(d));
      if (!decl) return;
      const kind = ts.isClassDeclaration(decl) ? 'class' : ts.isFunctionDeclaration(decl) ? 'function' : 'constant';
      const docNode = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
      out.set(exportedName, { name: exportedName, kind, summary: summaryOf(docOf(docNode)) });
    };
    for (const st of index.statements) {
      const exported = ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported && (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) {
        addSymbol(st.name.text, this.checker.getSymbolAtLocation(st.name));
        continue;
      }
      if (!ts.isExportDeclaration(st) || st.isTypeOnly) continue;
      if (st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) if (!el.isTypeOnly) addSymbol(el.name.text, this.checker.getSymbolAtLocation(el.name));
      } else if (!st.exportClause && st.moduleSpecifier) {
        const moduleSymbol = this.checker.getSymbolAtLocation(st.moduleSpecifier);
        if (!moduleSymbol) continue;
        const symbols = this.checker.getExportsOfModule(moduleSymbol).map((s) => {
          const t = s.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(s) : s;
          return { s, pos: t.declarations?.[0]?.getStart() ?? 0, file: t.declarations?.[0]?.getSourceFile().fileName ?? '' };
        });
        symbols.sort((a, b) => a.file.localeCompare(b.file) || a.pos - b.pos);
        for (const { s } of symbols) addSymbol(s.name, s);
      }
    }
    return [...out.values()];
  }

  /** The exported interfaces of an entry point whose names say they are options or inputs, in name order. */
  options(entry: ts.SourceFile): OptionsDoc[] {
    const moduleSymbol = this.checker.getSymbolAtLocation(entry);
    if (!moduleSymbol) return [];
    const out: OptionsDoc[] = [];
    for (const s of this.checker.getExportsOfModule(moduleSymbol)) {
      if (!OPTIONS_INTERFACE.test(s.name)) continue;
      const target = s.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(s) : s;
      const decl = target.declarations?.find(ts.isInterfaceDeclaration);
      if (!decl) continue;
      out.push({ name: s.name, doc: fullOf(docOf(decl)), rows: this.rows({ kind: 'interface', decl }, '', { parents: true }) });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** Reads the code into the model the docs are rendered from. */
export function collectDocs(program: ts.Program = createProgram()): DocModel {
  const walker = new Walker(program);
  const propsDecl = findInterface(sourceFile(program, PROPS_FILE), PROPS_INTERFACE);
  const configDecl = findInterface(sourceFile(program, CONFIG_FILE), CONFIG_INTERFACE);
  const classSf = sourceFile(program, CLASS_FILE);
  const classDecl = classSf.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === CLASS_NAME);
  if (!classDecl) throw new Error(`class ${CLASS_NAME} not found in src/package-manager.ts`);
  return {
    propsIntro: fullOf(docOf(propsDecl)),
    props: walker.rows({ kind: 'interface', decl: propsDecl }, '', { parents: true, configDecl }),
    configIntro: fullOf(docOf(configDecl)),
    config: walker.rows({ kind: 'interface', decl: configDecl }, '', { parents: false }),
    classDoc: fullOf(docOf(classDecl)),
    members: walker.classMembers(classDecl),
    exports: walker.exports(sourceFile(program, INDEX_FILE)),
    entryPoints: ENTRY_POINTS.map((e) => {
      const sf = sourceFile(program, e.file);
      const first = sf.statements[0];
      const doc = first ? (ts.getLeadingCommentRanges(sf.text, first.getFullStart()) ?? []) : [];
      const text = doc.length > 0 ? sf.text.slice(doc[0].pos, doc[0].end) : '';
      return {
        name: e.name,
        file: path.relative(ROOT, e.file).split(path.sep).join('/'),
        doc: oneLine(text.replace(/^\/\*\*|\*\/$/g, '').replace(/^\s*\* ?/gm, '')),
        exports: walker.exports(sf),
        options: walker.options(sf),
      };
    }),
  };
}

/* ------------------------------------------------------------------ markdown */

/** Markdown of a table cell: `|` escaped, HTML-like `<tag>` outside code spans escaped. */
function cell(text: string): string {
  return text
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/<(?=[A-Za-z/!])/g, '&lt;')))
    .join('')
    .replace(/\|/g, '\\|');
}

/** Text as an inline code span (cell-escaped later). */
function code(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  const longest = Math.max(...(text.match(/`+/g) ?? ['']).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text} ${fence}`;
}

function defaultCell(row: DocRow): string {
  if (row.default === undefined) return row.required ? '*required*' : '';
  if (row.default.startsWith('- ')) return row.default.slice(2).trim();
  if (row.default === '-') return '';
  return code(row.default);
}

function typeCell(row: DocRow): string {
  const ext = row.extendsTypes.length > 0 ? ` (extends ${row.extendsTypes.map(code).join(', ')})` : '';
  return `${code(row.type)}${ext}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => cell(c)).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

function propsTable(rows: readonly DocRow[], full: boolean, configAnchor: string): string {
  return table(
    ['prop', 'type', 'default', 'description'],
    rows.map((r) => {
      let description = full ? r.full : r.summary;
      if (r.isConfig) description = `${description} Keys: see [the config table](${configAnchor}).`.trim();
      // From the traits table: what a values file's spelling of it means, and whether it is a secret.
      const traits = traitsOf(r.path);
      if (traits.secret) description = `${description} *Secret*: never shown in messages, kept out of ConfigMaps.`;
      if (traits.falsyUnset) description = `${description} In a values file, \`false\`, \`""\` or \`null\` mean none.`;
      return [code(r.path), typeCell(r), defaultCell(r), description];
    }),
  );
}

function configTable(rows: readonly DocRow[], full: boolean): string {
  return table(
    ['key', 'type', 'default', 'description'],
    rows.map((r) => [code(r.path), typeCell(r), defaultCell(r), full ? r.full : r.summary]),
  );
}

/** The blocks that go between the markers of docs/props.md. */
export function renderReadmeBlocks(model: DocModel): { props: string; config: string } {
  return { props: propsTable(model.props, false, README_CONFIG_ANCHOR), config: configTable(model.config, false) };
}

/** docs/API.md. */
export function renderApi(model: DocModel): string {
  const members = table(
    ['member', 'kind', 'type', 'description'],
    model.members.map((m) => [code(m.name), m.kind, code(m.type), m.doc]),
  );
  return [
    '# API reference',
    '',
    '<!-- Generated by `npm run docs` (scripts/gen-docs.ts) from the TSDoc in src/; do not edit by hand. -->',
    '',
    'The props of `PackageManager`, its typed `config`, and the public API of `cdk8s-posit-package-manager`, generated',
    'from the TSDoc in `src/props.ts`, `src/config/types.ts`, `src/package-manager.ts` and the entry points.',
    '[props.md](props.md) has the same tables with the first paragraph of each description.',
    '',
    'In prop paths, `[]` stands for any item of a list and `*` for any key of a map. A default in code format is the',
    'value used when the prop is unset; a default in plain text describes what happens instead. Kubernetes-shaped types',
    '(`Probe`, `Container`, `Affinity`…) are the plain JSON of a manifest, typed from Kubernetes 1.28 (`src/k8s/types.ts`).',
    '',
    '## PackageManager props',
    '',
    model.propsIntro,
    '',
    propsTable(model.props, true, API_CONFIG_ANCHOR),
    '',
    '## Typed configuration',
    '',
    `${model.configIntro} One row per \`Section.Key\` of \`config\` (\`rstudio-pm.gcfg\`).`.trim(),
    '',
    configTable(model.config, true),
    '',
    '## Public API',
    '',
    `### \`${CLASS_NAME}\``,
    '',
    model.classDoc,
    '',
    members,
    '',
    '### Entry points',
    '',
    'What each entry point of the package (`exports` of package.json) exports at run time, and the option interfaces',
    'its functions take; its other exported types are the props and config interfaces above and the Kubernetes types',
    'of `src/k8s/types.ts`.',
    '',
    ...model.entryPoints.flatMap(entryPointSection),
  ].join('\n');
}

function entryPointSection(e: EntryPointDoc): string[] {
  const exportsTable = table(
    ['name', 'kind', 'description'],
    e.exports.map((x) => [code(x.name), x.kind, x.summary]),
  );
  const options = e.options.flatMap((o) => [
    `##### \`${o.name}\``,
    '',
    ...(o.doc ? [o.doc, ''] : []),
    configTable(o.rows, true).replace(/^\| key \|/, '| option |'),
    '',
  ]);
  return [`#### \`${e.name}\``, '', `From \`${e.file}\`. ${e.doc}`.trim(), '', exportsTable, '', ...options];
}

/** The member table of README.md: every public member but the constructor, with its type and the first paragraph of its TSDoc. */
function membersTable(model: DocModel): string {
  return table(
    ['member', 'type', 'what'],
    model.members
      .filter((m) => m.kind !== 'constructor')
      .map((m) => [code(m.name), m.kind.includes('method') ? 'static method' : code(m.type), m.summary]),
  );
}

/** The README's command-line tables: the commands, the documented flags, the exit codes. */
function cliBlocks(): Record<Exclude<MainReadmeBlock, 'members'>, string> {
  return {
    'cli-commands': table(
      ['command', 'what'],
      COMMANDS.map((c) => [code(c.name), c.summary]),
    ),
    'cli-flags': table(
      ['flag', 'commands', 'what'],
      FLAG_DOCS.map((f) => [code(flagSpelling(f).trim()), f.commands.join(', '), f.help]),
    ),
    'exit-codes': table(
      ['exit', 'meaning'],
      Object.entries(EXIT_CODES).map(([k, c]) => [String(c), EXIT_CODE_MEANINGS[k as keyof typeof EXIT_CODES]]),
    ),
  };
}

/** The generated blocks of README.md. */
export function renderMainReadmeBlocks(model: DocModel): Record<MainReadmeBlock, string> {
  return { members: membersTable(model), ...cliBlocks() };
}

/** Text with the text between each pair of markers replaced; the rest is kept byte for byte. */
export function spliceReadme(readme: string, blocks: Readonly<Record<string, string>>, file = 'docs/props.md'): string {
  let out = readme;
  for (const [key, block] of Object.entries(blocks)) {
    const [start, end] = [`<!-- ${key}:start -->`, `<!-- ${key}:end -->`];
    const s = out.indexOf(start);
    const e = out.indexOf(end);
    if (s < 0 || e < 0 || e < s || out.indexOf(start, s + 1) >= 0 || out.indexOf(end, e + 1) >= 0) {
      throw new Error(`${file} must hold ${start} followed by ${end}, once each`);
    }
    out = `${out.slice(0, s + start.length)}\n\n${block}\n\n${out.slice(e)}`;
  }
  return out;
}

/** The new docs/props.md, docs/API.md and README.md texts, without writing them. */
export function generateDocs(): { readme: string; api: string; mainReadme: string; model: DocModel } {
  const model = collectDocs();
  return {
    readme: spliceReadme(fs.readFileSync(README, 'utf8'), renderReadmeBlocks(model)),
    api: renderApi(model),
    mainReadme: spliceReadme(fs.readFileSync(MAIN_README, 'utf8'), renderMainReadmeBlocks(model), 'README.md'),
    model,
  };
}

/** Writes through a temporary file in the same directory and a rename, so readers never see half a file. */
function writeAtomically(file: string, text: string): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  return true;
}

function main(): void {
  const started = Date.now();
  const model = collectDocs();
  const blocks = renderReadmeBlocks(model);
  // docs/props.md is read again just before it is written: only the marked blocks are ours.
  const readmeChanged = writeAtomically(README, spliceReadme(fs.readFileSync(README, 'utf8'), blocks));
  const apiChanged = writeAtomically(API, renderApi(model));
  const mainChanged = writeAtomically(
    MAIN_README,
    spliceReadme(fs.readFileSync(MAIN_README, 'utf8'), renderMainReadmeBlocks(model), 'README.md'),
  );
  const state = (changed: boolean) => (changed ? 'written' : 'unchanged');
  console.log(
    `docs/props.md ${state(readmeChanged)} (${model.props.length} props, ${model.config.length} config keys), ` +
      `docs/API.md ${state(apiChanged)} (${model.members.length} class members, ${model.exports.length} exports), ` +
      `README.md ${state(mainChanged)} in ${Date.now() - started} ms`,
  );
}

if (require.main === module) main();
