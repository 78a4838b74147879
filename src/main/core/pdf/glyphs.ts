import * as fontkit from 'fontkit';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { walkDocument } from './walk';

/**
 * The missing-glyph check. pdfkit typesets a character the font lacks as glyph 0 (.notdef, an empty box in
 * Noto Serif SC), silently. Noto Serif SC covers all CJK Unified Ideographs and Extension A but only 52
 * characters of Extension B, where rare name characters live, so every document is checked before rendering
 * and the missing characters are reported instead of printed.
 */

/** Every string of the document that will be typeset, in document order. */
export function collectText(doc: TDocumentDefinitions): string[] {
  const texts: string[] = [];
  walkDocument(doc, { text: (value) => texts.push(value) });
  return texts;
}

/**
 * The distinct characters of `texts` that the font at `fontPath` has no glyph for, in order of first
 * appearance. Characters are whole code points (an Extension B character is one, not two halves).
 */
export function missingGlyphs(texts: Iterable<string>, fontPath: string): string[] {
  const font = loadFont(fontPath);
  const checked = new Set<string>();
  const missing: string[] = [];
  for (const text of texts) {
    for (const char of text) {
      if (checked.has(char)) continue;
      checked.add(char);
      if (isInvisible(char)) continue;
      if (!font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)) missing.push(char);
    }
  }
  return missing;
}

/** The characters of the document the font lacks (see missingGlyphs). */
export function findMissingGlyphs(doc: TDocumentDefinitions, fontPath: string): string[] {
  return missingGlyphs(collectText(doc), fontPath);
}

/**
 * Whitespace, control characters and variation selectors are not reported: the clerk cannot see them in the
 * name they typed, so "missing 𠮷" is useful and "missing U+2009" is not. Whitespace and controls are made
 * printable before rendering instead (see sanitize.ts); a variation selector is consumed by the font's layout
 * together with the character before it.
 */
export function isInvisible(char: string): boolean {
  return /^[\s\p{Cc}\p{Variation_Selector}]$/u.test(char);
}

const fonts = new Map<string, fontkit.Font>();

/**
 * Opens a font once per path. fontkit reads the file (15 MB) and parses tables lazily, so the first call
 * costs a file read and later calls nothing.
 */
export function loadFont(fontPath: string): fontkit.Font {
  const cached = fonts.get(fontPath);
  if (cached) return cached;
  const opened = fontkit.openSync(fontPath);
  // A .ttc would open as a collection; the project ships single TTFs (docs/architecture.md §6).
  if ('fonts' in opened) throw new Error(`Expected a single font, found a collection: ${fontPath}`);
  fonts.set(fontPath, opened);
  return opened;
}
