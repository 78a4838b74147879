// The parts of pdfmake 0.3 that its own Printer strings together (js/Printer.js createPdfKitDocument), used by
// render-parts.ts to lay out a long document a part at a time into one PDF. They ship no types; only what
// render-parts.ts calls is declared.
declare module 'pdfmake/js/PDFDocument.js' {
  import type { EventEmitter } from 'node:events';
  class PDFDocument extends EventEmitter {
    constructor(
      fonts: unknown,
      images: Record<string, unknown>,
      patterns: Record<string, unknown>,
      attachments: Record<string, unknown>,
      options: Record<string, unknown>,
      virtualfs: unknown,
      localAccessPolicy: (path: string) => boolean,
    );
    end(): void;
  }
  export default PDFDocument;
}

declare module 'pdfmake/js/LayoutBuilder.js' {
  class LayoutBuilder {
    constructor(pageSize: unknown, pageMargins: unknown, svgMeasure: unknown);
    registerTableLayouts(layouts: unknown): void;
    layoutDocument(
      content: unknown,
      pdfDocument: unknown,
      styles: unknown,
      defaultStyle: unknown,
      background: unknown,
      header: unknown,
      footer: unknown,
      watermark: unknown,
      pageBreakBefore: unknown,
    ): unknown[];
  }
  export default LayoutBuilder;
}

declare module 'pdfmake/js/Renderer.js' {
  class Renderer {
    constructor(pdfDocument: unknown, progressCallback?: unknown);
    renderPages(pages: unknown[]): void;
  }
  export default Renderer;
}

declare module 'pdfmake/js/SVGMeasure.js' {
  class SVGMeasure {}
  export default SVGMeasure;
}

declare module 'pdfmake/js/PageSize.js' {
  export function normalizePageSize(size: unknown, orientation: unknown): { width: number; height: number };
  export function normalizePageMargin(margin: unknown): unknown;
}

declare module 'pdfmake/js/tableLayouts.js' {
  export const tableLayouts: Record<string, unknown>;
}
