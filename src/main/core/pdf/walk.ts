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
  /** Every content node of the copy, before its children; may change it. */
  node?(node: Record<string, unknown>): void;
}

/** Keys whose value is content (a string, a node, or an array of them). */
const CONTENT_KEYS = ['text', 'stack', 'columns', 'ul', 'ol', 'section', 'header', 'footer', 'background', 'watermark'] as const;
/** The same keys on the document itself; `content` is the body. */
const PAGE_KEYS = ['content', 'header', 'footer', 'background', 'watermark'] as const;

type Slot = Record<string, unknown> | unknown[];

export function walkDocument(doc: TDocumentDefinitions, visitor: ContentVisitor): void {
  const walker = new Walker(visitor, false);
  for (const key of PAGE_KEYS) walker.visit(doc as unknown as Slot, key);
}

/**
 * A deep copy of the document with its typeset strings passed through `mapper.text`. Arrays and plain objects
 * are copied; functions (dynamic headers, table layouts), Buffers and other class instances are shared.
 * pdfmake writes layout data into what it is given (positions into canvas vectors, computed widths into
 * table widths, fetched URLs into the images dictionary), so rendering the copy leaves the caller's
 * definition as it was.
 */
export function mapDocument(doc: TDocumentDefinitions, mapper: ContentMapper): TDocumentDefinitions {
  const copy = clonePlain(doc, new WeakMap());
  const walker = new Walker(mapper, true);
  for (const key of PAGE_KEYS) walker.visit(copy as unknown as Slot, key);
  return copy;
}

function clonePlain<T>(value: T, copies: WeakMap<object, unknown>): T {
  if (typeof value !== 'object' || value === null) return value;
  const known = copies.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    copies.set(value, items);
    for (const item of value) items.push(clonePlain(item, copies));
    return items as T;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const object: Record<string, unknown> = {};
  copies.set(value, object);
  for (const [key, item] of Object.entries(value)) object[key] = clonePlain(item, copies);
  return object as T;
}

class Walker {
  /** A shared or cyclic node is handled once. */
  private readonly seen = new WeakSet<object>();

  constructor(
    private readonly hooks: ContentVisitor | ContentMapper,
    /** Write mapped strings back into their slots (the walk runs over a copy). */
    private readonly write: boolean,
  ) {}

  /** Visits holder[key]. */
  visit(holder: Slot, key: string | number): void {
    const value: unknown = (holder as Record<string | number, unknown>)[key];
    if (typeof value === 'string') {
      const mapped = this.hooks.text?.(value);
      if (this.write && typeof mapped === 'string') (holder as Record<string | number, unknown>)[key] = mapped;
      return;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      if (!this.write) this.hooks.text?.(String(value));
      return;
    }
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return;
    if (this.seen.has(value)) return;
    this.seen.add(value);

    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) this.visit(value, index);
      return;
    }

    const node = value as Record<string, unknown>;
    this.hooks.node?.(node);
    for (const name of CONTENT_KEYS) this.visit(node, name);
    // An ordered list's marker separator: a string or [before, after].
    if ('ol' in node) this.visit(node, 'separator');
    this.visitInner(node, 'table', 'body');
    this.visitInner(node, 'toc', 'title');
    // SVG <text> is typeset with the document fonts too. Checking the whole markup is simpler than parsing it
    // and errs on the safe side (the markup itself is ASCII, which the font covers); it is never rewritten.
    if (typeof node['svg'] === 'string' && !this.write) this.hooks.text?.(node['svg']);
  }

  /** Content one level down, as in { table: { body } } or { toc: { title } }. */
  private visitInner(node: Record<string, unknown>, outer: string, inner: string): void {
    const holder = node[outer];
    if (typeof holder === 'object' && holder !== null && !Array.isArray(holder)) this.visit(holder as Slot, inner);
  }
}
