/**
 * The default export of one of pdfmake's CommonJS files (js/*.js set `exports.__esModule` and `exports.default`).
 * Vitest and bundlers honour the flag and give the default; Node's own ESM loader, as the built program runs it,
 * gives the whole exports object (so `new PDFDocument()` there is "not a constructor"). Either way, the default.
 */
export function cjsDefault<T>(imported: T): T {
  const module = imported as { __esModule?: boolean; default?: T };
  return module.__esModule === true && module.default !== undefined ? module.default : imported;
}
