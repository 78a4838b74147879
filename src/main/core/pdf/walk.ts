import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * Walks over a pdfmake document definition: what the layout engine will typeset with the document's fonts,
 * and every content node.
 *
 * It follows only the keys pdfmake lays out as text or as child content (see pdfmake's DocPreprocessor):
 * images, QR codes, canvases, attachments and styles are never typeset with a font, so they are skipped.
 * Dynamic content (a header, footer or background given as a function) cannot be seen without laying the
 * document out: document builders keep people's names in static content and use functions only for page
 * numbers, whose digits the font has.
 */
export interface ContentVisitor {
  /** A string that will be typeset (numbers and booleans arrive as pdfmake prints them). */
  text?(value: string): void;
  /** Every object node, before its children. */
  node?(node: Readonly<Record<string, unknown>>): void;
}

export interface ContentMapper {
  /** Replaces a typeset string (not called for numbers, booleans or SVG markup, which are kept). */
  text?(value: string): string;
  /** Every copied object node, before its children are copied into it; may change the copy. */
  node?(node: Record<string, unknown>): void;
}

/** Keys whose value is content (a string, a node, or an array of them). */
const CONTENT_KEYS = ['text', 'stack', 'columns', 'ul', 'ol', 'section', 'header', 'footer', 'background', 'watermark'] as const;
/** The same keys on the document itself; `content` is the body. */
const PAGE_KEYS = ['content', 'header', 'footer', 'background', 'watermark'] as const;

export function walkDocument(doc: TDocumentDefinitions, visitor: ContentVisitor): void {
  const walker = new Walker(visitor, false);
  for (const key of PAGE_KEYS) walker.visit(doc[key]);
}

/**
 * A copy of the document whose content tree (every node the walk reaches, and the arrays holding them) is
 * new, with strings passed through `mapper.text`. Everything else (styles, images, table layouts, functions)
 * is shared with the original. pdfmake writes layout data into the nodes it lays out, so rendering the copy
 * leaves the caller's content nodes as they were.
 */
export function mapDocument(doc: TDocumentDefinitions, mapper: ContentMapper): TDocumentDefinitions {
  const walker = new Walker(mapper, true);
  const copy: TDocumentDefinitions = { ...doc };
  for (const key of PAGE_KEYS) {
    if (doc[key] !== undefined) Object.assign(copy, { [key]: walker.visit(doc[key]) });
  }
  return copy;
}

class Walker {
  /** Original object → its copy (or itself when only visiting): a shared or cyclic node is handled once. */
  private readonly done = new WeakMap<object, unknown>();

  constructor(
    private readonly hooks: ContentVisitor | ContentMapper,
    private readonly copy: boolean,
  ) {}

  visit(value: unknown): unknown {
    if (typeof value === 'string') {
      const mapped = this.hooks.text?.(value);
      return this.copy && typeof mapped === 'string' ? mapped : value;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      if (!this.copy) this.hooks.text?.(String(value));
      return value;
    }
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
    if (this.done.has(value)) return this.done.get(value);

    if (Array.isArray(value)) {
      const items: unknown[] = this.copy ? [] : value;
      this.done.set(value, items);
      value.forEach((item, index) => {
        const result = this.visit(item);
        if (this.copy) items[index] = result;
      });
      return items;
    }

    const original = value as Record<string, unknown>;
    const node = this.copy ? { ...original } : original;
    this.done.set(value, node);
    this.hooks.node?.(node);

    for (const key of CONTENT_KEYS) this.child(node, key);
    // An ordered list's marker separator: a string or [before, after].
    if ('ol' in node) this.child(node, 'separator');
    this.childOf(node, 'table', 'body');
    this.childOf(node, 'toc', 'title');
    // SVG <text> is typeset with the document fonts too. Checking the whole markup is simpler than parsing it
    // and errs on the safe side (the markup itself is ASCII, which the font covers); it is never rewritten.
    if (typeof node['svg'] === 'string' && !this.copy) this.hooks.text?.(node['svg']);
    return node;
  }

  private child(node: Record<string, unknown>, key: string): void {
    if (node[key] === undefined) return;
    const result = this.visit(node[key]);
    if (this.copy) node[key] = result;
  }

  /** A content key one level down, as in { table: { body } } or { toc: { title } }. */
  private childOf(node: Record<string, unknown>, outer: string, inner: string): void {
    const holder = node[outer];
    if (typeof holder !== 'object' || holder === null) return;
    const copied = this.copy ? { ...(holder as Record<string, unknown>) } : (holder as Record<string, unknown>);
    this.child(copied, inner);
    if (this.copy) node[outer] = copied;
  }
}
