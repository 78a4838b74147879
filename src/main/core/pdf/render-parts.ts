import { join } from 'node:path';
import pdfmake from 'pdfmake';
import LayoutBuilderModule from 'pdfmake/js/LayoutBuilder.js';
import { normalizePageMargin, normalizePageSize } from 'pdfmake/js/PageSize.js';
import PDFDocumentModule from 'pdfmake/js/PDFDocument.js';
import RendererModule from 'pdfmake/js/Renderer.js';
import SVGMeasureModule from 'pdfmake/js/SVGMeasure.js';
import { tableLayouts } from 'pdfmake/js/tableLayouts.js';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '@shared/errors';
import { cjsDefault } from './cjs-default';
import { findMissingGlyphs, loadFont } from './glyphs';
import { FONT_FAMILY, FONT_FILES, fontsFor, PDF_CREATOR, type RenderOptions } from './render';
import { guardSvgNode } from './resources';
import { sanitizeText } from './sanitize';
import { mapDocument } from './walk';

const LayoutBuilder = cjsDefault(LayoutBuilderModule);
const PDFDocument = cjsDefault(PDFDocumentModule);
const Renderer = cjsDefault(RendererModule);
const SVGMeasure = cjsDefault(SVGMeasureModule);
/**
 * One PDF made of parts laid out one after another: a batch of thousands of vouchers is one file to print, but
 * laying it out in one go (renderPdf) holds the worker for a minute with no progress and no way to cancel. Each part
 * is a document definition of whole pages (the same page size, margins and styles as the first; no header or footer
 * function, which would see only its part's page count). pdfmake's own steps (js/Printer.js createPdfKitDocument) are
 * run here a part at a time into one pdfkit document: the part is checked for missing glyphs, laid out, its pages
 * written, and `between` runs (progress, a pause, the cancel check) before the next part is even built. pdfkit writes
 * each finished page out (bufferPages off), so only one part's layout is in memory at a time. The fonts are
 * subset once, at the end, as for any PDF.
 *
 * The same guards as renderPdf: only the bundled font, read from pdfmake's virtual file system; local files and URLs
 * denied (images must be data URLs); SVG images restricted; invisible characters made printable. A part that fails
 * the glyph check throws before anything of it is written.
 */
export async function renderPdfInParts(
  parts: Iterable<TDocumentDefinitions>,
  options: RenderOptions & { between?: (partsDone: number) => Promise<void> },
): Promise<Buffer> {
  const regular = join(options.fontsDir, FONT_FILES.regular);
  const font = loadFont(regular);
  let pdf: InstanceType<typeof PDFDocument> | null = null;
  const chunks: Buffer[] = [];
  let ended: Promise<void> | null = null;
  let done = 0;
  for (const part of parts) {
    const missing = findMissingGlyphs(part, regular);
    if (missing.length > 0) throw new AppError('MISSING_GLYPHS', { chars: missing });
    const doc = mapDocument(part, { text: (text) => sanitizeText(text, font), node: guardSvgNode });
    const pageSize = normalizePageSize(doc.pageSize, doc.pageOrientation);
    if (!pdf) {
      pdf = new PDFDocument(fontsFor(options.fontsDir), {}, {}, {}, pdfOptions(doc, pageSize), virtualFs(), () => false);
      pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      const opened = pdf;
      ended = new Promise((resolve, reject) => {
        opened.on('end', resolve);
        opened.on('error', reject);
      });
    }
    const builder = new LayoutBuilder(pageSize, normalizePageMargin(doc.pageMargins ?? 40), new SVGMeasure());
    builder.registerTableLayouts(tableLayouts);
    const defaultStyle = { fontSize: 12, ...doc.defaultStyle, font: FONT_FAMILY };
    const pages = builder.layoutDocument(
      doc.content,
      pdf,
      doc.styles ?? {},
      defaultStyle,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    );
    new Renderer(pdf).renderPages(pages);
    forgetPart(pdf);
    done++;
    if (options.between) await options.between(done);
  }
  if (!pdf || !ended) throw new Error('a PDF needs at least one part');
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * What pdfkit keeps for the rest of the document but a later part will not use: each part's QR pictures (one per
 * voucher, already written into the PDF when first drawn) and the font's cache of laid-out strings (names, serials).
 * Without this a 5,000-voucher batch held every picture and every name to the end. Labels repeated on every voucher
 * are laid out again once per part, which costs nothing measurable.
 */
function forgetPart(pdf: object): void {
  const doc = pdf as { _imageRegistry?: Record<string, unknown>; _fontFamilies?: Record<string, { layoutCache?: object }> };
  doc._imageRegistry = {};
  for (const font of Object.values(doc._fontFamilies ?? {})) if (font.layoutCache) font.layoutCache = Object.create(null) as object;
}

function virtualFs(): unknown {
  return (pdfmake as unknown as { virtualfs: unknown }).virtualfs;
}

/** pdfkit's options as pdfmake's Printer sets them, with the creation date of the data (same bytes, same data). */
function pdfOptions(doc: TDocumentDefinitions, size: { width: number; height: number }): Record<string, unknown> {
  const info: Record<string, unknown> = { Producer: 'pdfmake', Creator: PDF_CREATOR };
  if (doc.info?.title) info.Title = doc.info.title;
  if (doc.info?.creationDate) info.CreationDate = doc.info.creationDate;
  return {
    size: [size.width, size.height],
    pdfVersion: '1.3',
    tagged: false,
    displayTitle: false,
    compress: true,
    fontLayoutCache: true,
    bufferPages: false,
    autoFirstPage: false,
    info,
    font: null,
  };
}
