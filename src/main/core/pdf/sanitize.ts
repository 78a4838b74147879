import type { Font } from 'fontkit';

/**
 * Makes the invisible characters of a text printable. The glyph check does not report whitespace and control
 * characters (the clerk cannot see them), but pdfkit would still draw each one the font lacks as an empty
 * box: a thin space pasted from a web page, a CR from a spreadsheet cell, a BOM at the start of an imported
 * text. Checked by rendering: U+2009, U+2000, U+0007, U+2028, U+0085 and U+FEFF all came out as boxes.
 *
 * - line separators (CR LF, CR, NEL, U+2028/2029, vertical tab, form feed) become "\n", pdfmake's line break;
 * - other whitespace the font lacks becomes a plain space;
 * - other control characters and U+FEFF (zero-width no-break space) are dropped;
 * - "\n" and "\t" stay: pdfmake breaks the line and expands the tab itself.
 */
export function sanitizeText(text: string, font: Pick<Font, 'hasGlyphForCodePoint'>): string {
  // Fast path: nearly every string is ordinary text.
  if (!/(?![ \n\t])[\s\p{Cc}]/u.test(text)) return text;
  return text.replace(/\r\n?|[\u0085\u2028\u2029\v\f]/g, '\n').replace(/[\s\p{Cc}]/gu, (char) => {
    if (char === '\n' || char === '\t' || char === ' ') return char;
    if (char === '\uFEFF') return '';
    if (/\p{Cc}/u.test(char)) return '';
    return font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0) ? char : ' ';
  });
}
