/**
 * Chinese input methods type full-width digits and letters (１２３ｘ), and spreadsheets keep them. U+FF01–U+FF5E map
 * one to one onto ASCII U+0021–U+007E (Unicode "Halfwidth and Fullwidth Forms"); the ideographic space U+3000
 * becomes a plain space.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(text: string): string {
  // Most cells have nothing to fold: no new strings for them (an import calls this for every cell).
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
