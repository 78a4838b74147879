import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { AppError } from '@shared/errors';
import { findMissingGlyphs, loadFont } from './glyphs';
import { guardSvgNode } from './resources';
import { sanitizeText } from './sanitize';
import { mapDocument } from './walk';

/** The one font family of every document: Noto Serif SC (OFL), shipped in resources/fonts. */
export const FONT_FAMILY = 'NotoSerifSC';
export const FONT_FILES = { regular: 'NotoSerifSC-Regular.ttf', bold: 'NotoSerifSC-Bold.ttf' } as const;
export const PDF_CREATOR = '帮扶工作台';

export interface RenderOptions {
  /** The folder holding FONT_FILES (resourcePaths().fontsDir). */
  fontsDir: string;
}

/**
 * Renders a document definition to PDF bytes.
 *
 * Throws AppError('MISSING_GLYPHS', { chars }) before rendering when a text has characters the font lacks,
 * so a rare name character is reported instead of printed as an empty box.
 *
 * pdfmake writes layout data into the nodes it lays out; it is given a copy of the content tree (mapDocument),
 * so the caller's definition can be rendered again. Invisible characters the font lacks are made printable in
 * that copy (sanitize.ts).
 *
 * Resource access. pdfmake 0.3 on Node can fetch URLs (images, attachments, fonts given as http(s)://) and
 * read local files (any image, attachment or font given as a path); it offers a URL access policy, a local
 * access policy and an in-memory virtual file system that is consulted before the disk. Here:
 * - the font files are read by this module and put into pdfmake's virtual file system, so pdfmake itself
 *   never needs the disk;
 * - the URL policy and the local-file policy both deny everything: a definition that names an http(s) image
 *   or a path such as /etc/passwd is rejected before anything is fetched or read (data: URLs and Buffers,
 *   which carry their bytes inline, still work);
 * - SVG <image href> goes around both policies (pdfkit's openImage reads any path), so resources.ts
 *   restricts it to data: URLs in the copy.
 * pdfmake's settings are process-wide (the package exports one instance), so they are set again on every
 * call, synchronously with createPdf, which copies them.
 */
export async function renderPdf(doc: TDocumentDefinitions, options: RenderOptions): Promise<Buffer> {
  const regular = join(options.fontsDir, FONT_FILES.regular);
  const missing = findMissingGlyphs(doc, regular);
  if (missing.length > 0) throw new AppError('MISSING_GLYPHS', { chars: missing });

  const font = loadFont(regular);
  const prepared = mapDocument(doc, { text: (text) => sanitizeText(text, font), node: guardSvgNode });

  pdfmake.setFonts(fontsFor(options.fontsDir));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);

  const definition: TDocumentDefinitions = {
    ...prepared,
    // Only one family is registered: any other name would fail inside pdfmake.
    defaultStyle: { ...prepared.defaultStyle, font: FONT_FAMILY },
    // pdfkit would stamp the current time, making every render of the same data differ: a builder passes
    // info.creationDate (the date of the data) to get the same bytes for the same document.
    info: { creator: PDF_CREATOR, producer: 'pdfmake', ...prepared.info },
  };
  return pdfmake.createPdf(definition).getBuffer();
}

interface VirtualFileSystem {
  writeFileSync(filename: string, content: Buffer): void;
}

/** fontsDir → the font dictionary naming the files' keys in pdfmake's virtual file system (render-parts.ts uses it too). */
const registered = new Map<string, TFontDictionary>();

export function fontsFor(fontsDir: string): TFontDictionary {
  const known = registered.get(fontsDir);
  // A fresh copy every time: pdfmake rewrites the descriptors it is given.
  if (known) return structuredClone(known);

  const vfs = (pdfmake as unknown as { virtualfs: VirtualFileSystem }).virtualfs;
  const prefix = `bangfu-fonts-${registered.size}`;
  const regular = `${prefix}/${FONT_FILES.regular}`;
  const bold = `${prefix}/${FONT_FILES.bold}`;
  vfs.writeFileSync(regular, readFileSync(join(fontsDir, FONT_FILES.regular)));
  vfs.writeFileSync(bold, readFileSync(join(fontsDir, FONT_FILES.bold)));

  // Noto Serif SC has no italic: italics map to the upright files rather than failing.
  const dictionary: TFontDictionary = {
    [FONT_FAMILY]: { normal: regular, bold, italics: regular, bolditalics: bold },
  };
  registered.set(fontsDir, dictionary);
  return structuredClone(dictionary);
}
