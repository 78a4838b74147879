/**
 * The default export of one of pdfmake's `js/` modules, as the built program and the tests both see it. They are
 * CommonJS compiled from ES modules (`exports.__esModule`, `exports.default`): vitest hands over `exports.default` as
 * the default import, but Node's own ESM loader — the built program, where pdfmake stays external — hands over the
 * whole `module.exports`, with the default inside it.
 */
export function cjsDefault<T>(imported: T): T {
  const module = imported as { __esModule?: boolean; default?: T } | null;
  return module?.__esModule && module.default !== undefined ? module.default : imported;
}
