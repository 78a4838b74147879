// The few parts of fontkit 2 (pdfkit's font engine, also used here for the glyph check) that this folder uses.
// fontkit ships no types and @types/fontkit would be one more package for three members.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string | null;
    readonly numGlyphs: number;
    /** True when the font's cmap maps the code point to a glyph other than .notdef. */
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontCollection {
    readonly fonts: Font[];
  }
  export function openSync(path: string, postscriptName?: string): Font | FontCollection;
}
