// The PDF pipeline of the core: document builders (pure functions of data) and the renderer that checks the
// text against the bundled font and denies pdfmake any resource but that font (see render.ts).
export { renderPdf, FONT_FAMILY, FONT_FILES, PDF_CREATOR, type RenderOptions } from './render';
export { collectText, findMissingGlyphs, missingGlyphs, loadFont } from './glyphs';
export { recoveryCodeDocument, type RecoveryCodeData } from './documents/recovery-code';
