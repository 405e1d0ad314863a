/**
 * A small YAML writer for generated values files: block and flow
 * collections, every scalar style, tags, anchors, aliases, merge keys and
 * comments. The same tree can be written at any indentation, so a case can
 * be nested under a key (for batching) without changing what it means.
 */

export type YNode =
  | {
      t: 'scalar';
      text: string;
      style: 'plain' | 'single' | 'double' | 'literal' | 'folded';
      chomp?: '' | '-' | '+';
      tag?: string;
      anchor?: string;
    }
  | { t: 'alias'; name: string }
  | { t: 'map'; flow: boolean; pairs: YPair[]; anchor?: string; comment?: string }
  | { t: 'seq'; flow: boolean; items: YNode[]; anchor?: string };

export interface YPair {
  key: YNode;
  value: YNode;
  /** A comment line written before the pair. */
  comment?: string;
  /** A comment after a one-line value. */
  trailing?: string;
}

function quoteDouble(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function props(node: { anchor?: string; tag?: string }): string {
  return [node.anchor ? `&${node.anchor}` : '', node.tag ?? ''].filter(Boolean).join(' ');
}

/** A scalar on one line (plain, quoted), for keys, flow content and simple values. */
function inlineScalar(node: Extract<YNode, { t: 'scalar' }>): string {
  const p = props(node);
  // Single quotes cannot escape a line break or a control character: those are written double quoted.
  // eslint-disable-next-line no-control-regex
  const single = node.style === 'single' && !/[\n\t\x00-\x1f\x7f-\x9f]/.test(node.text);
  const body = single ? `'${node.text.replace(/'/g, "''")}'` : node.style === 'plain' ? node.text : quoteDouble(node.text);
  return p ? `${p} ${body}` : body;
}

function isInline(node: YNode): boolean {
  return (
    node.t === 'alias' || (node.t === 'scalar' && node.style !== 'literal' && node.style !== 'folded') || (node.t !== 'scalar' && node.flow)
  );
}

/** Flow form of a node (block scalars are written double quoted there). */
function flow(node: YNode): string {
  switch (node.t) {
    case 'alias':
      return `*${node.name}`;
    case 'scalar':
      return node.style === 'literal' || node.style === 'folded' ? inlineScalar({ ...node, style: 'double' }) : inlineScalar(node);
    case 'map': {
      const p = props(node);
      const body = `{${node.pairs.map((pair) => `${flowKey(pair.key)}: ${flow(pair.value)}`).join(', ')}}`;
      return p ? `${p} ${body}` : body;
    }
    case 'seq': {
      const p = props(node);
      const body = `[${node.items.map(flow).join(', ')}]`;
      return p ? `${p} ${body}` : body;
    }
  }
}

function flowKey(key: YNode): string {
  // An alias key needs a space before the ':'.
  return key.t === 'alias' ? `*${key.name} ` : flow(key);
}

function blockKey(key: YNode): string {
  return key.t === 'alias' ? `*${key.name} ` : flow(key);
}

function blockScalar(node: Extract<YNode, { t: 'scalar' }>, indent: number): string {
  const pad = ' '.repeat(indent);
  const head = `${node.style === 'literal' ? '|' : '>'}${node.chomp ?? ''}`;
  const p = props(node);
  const lines = node.text.split('\n').map((l) => (l === '' ? '' : pad + l));
  return `${p ? `${p} ` : ''}${head}\n${lines.join('\n')}`;
}

/** Lines of a node written as the value after `key:` (returns the text that follows the colon). */
function afterColon(node: YNode, indent: number): string {
  if (isInline(node)) return ` ${flow(node)}`;
  if (node.t === 'scalar') return ` ${blockScalar(node, indent + 2)}`;
  const p = props(node as { anchor?: string });
  if (node.t === 'map' && node.pairs.length === 0) return ` ${p ? `${p} ` : ''}{}`;
  if (node.t === 'seq' && node.items.length === 0) return ` ${p ? `${p} ` : ''}[]`;
  return `${p ? ` ${p}` : ''}\n${block(node, node.t === 'map' || p ? indent + 2 : indent)}`;
}

/** A block collection at `indent` (no trailing newline). */
export function block(node: YNode, indent: number): string {
  const pad = ' '.repeat(indent);
  if (node.t === 'map') {
    if (node.pairs.length === 0) return `${pad}{}`;
    const out: string[] = [];
    if (node.comment) out.push(`${pad}# ${node.comment}`);
    for (const pair of node.pairs) {
      if (pair.comment) out.push(`${pad}# ${pair.comment}`);
      let line = `${pad}${blockKey(pair.key)}:${afterColon(pair.value, indent)}`;
      if (pair.trailing && isInline(pair.value)) line += ` # ${pair.trailing}`;
      out.push(line);
    }
    return out.join('\n');
  }
  if (node.t === 'seq') {
    if (node.items.length === 0) return `${pad}[]`;
    return node.items
      .map((item) => {
        if (isInline(item)) return `${pad}- ${flow(item)}`;
        if (item.t === 'scalar') return `${pad}- ${blockScalar(item, indent + 2)}`;
        if (item.t === 'map' && item.pairs.length > 0 && !item.anchor) {
          // "- k: v" with the following pairs under it
          const inner = block(item, indent + 2);
          return `${pad}- ${inner.slice(indent + 2)}`;
        }
        const p = props(item as { anchor?: string });
        return `${pad}-${p ? ` ${p}` : ''}\n${block(item, indent + 2)}`;
      })
      .join('\n');
  }
  return `${pad}${flow(node)}`;
}

/** A whole document: a top-level block map (or any node) with a final newline. */
export function writeYaml(node: YNode, indent = 0): string {
  if (node.t === 'map' || node.t === 'seq') return `${block(node, indent)}\n`;
  return `${' '.repeat(indent)}${node.t === 'scalar' && !isInline(node) ? blockScalar(node, indent + 2) : flow(node)}\n`;
}
