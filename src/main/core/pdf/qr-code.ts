import type { Content } from 'pdfmake/interfaces';
import { deflateSync } from 'node:zlib';
import qrEncModule from 'pdfmake/js/qrEnc.js';
import { cjsDefault } from './cjs-default';

const qrEnc = cjsDefault(qrEncModule);

/** Bytes a QR code of version 1, 2, … holds in byte mode at error correction M (ISO/IEC 18004, table 7). */
const QR_BYTES_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666];
/** Characters the same versions hold in alphanumeric mode at M (the same table): 0–9, A–Z, space and $%*+-./: only. */
const QR_ALPHANUMERIC_M = [20, 38, 61, 90, 122, 154, 178, 221, 262, 311, 366, 419, 483, 528, 600, 656, 734, 816, 909, 970];
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/** The last few codes drawn: the three parts of a voucher print the same code. */
const recent = new Map<string, string>();
/** Pixels a module in the picture: 2 pt modules come out at about 300 dpi, sharp when printed or scaled (and one byte a module, see qrPng). */
const PIXELS = 8;
/** The data mask (ISO/IEC 18004 §7.8): pattern 0, a checkerboard, evens out any data. */
const MASK = 0;

/**
 * A QR code (error correction M, byte mode) about `target` points wide, as pdfmake content.
 *
 * Size: pdfmake's `{ qr }` draws a module as a whole number of points (floor(fit / modules)), so a 130-byte summary
 * left to it comes out 49 pt wide, too small for a hand scanner. The version is picked here so that the code is at
 * least 80 pt and at most `target`, with the largest modules that allows (a summary of up to 152 bytes prints at 2 pt
 * a module).
 *
 * Speed: pdfmake's `{ qr }` paints every dark module as its own filled rectangle (about 1,200 for such a summary),
 * each with its colour and line settings: most of the time of a voucher batch went there (measured: 12 pages/s for
 * three codes a page), and one SVG path was no better (svg-to-pdfkit parses it slowly). So the same encoder (pdfmake's
 * qrEnc) gives the module matrix, which is drawn as a black-and-white PNG, 1 bit a pixel and a few hundred bytes,
 * embedded once per code however many parts of the page repeat it (pdfkit keeps one image per data URL).
 */
export function qrCode(text: string, target = 98): Content {
  // The signed summaries are upper-case ASCII (shared/domain/signed-code.ts): alphanumeric mode packs them in 5.5 bits
  // a character instead of 8, so a 188-character voucher code fits version 8 (2 pt modules, 98 pt) instead of
  // version 10, which only fits the target at 1 pt a module — too fine for a cheap hand scanner.
  const mode = ALPHANUMERIC.test(text) ? 'alphanumeric' : 'octet';
  const length = mode === 'alphanumeric' ? text.length : Buffer.byteLength(text, 'utf8');
  const capacities = mode === 'alphanumeric' ? QR_ALPHANUMERIC_M : QR_BYTES_M;
  const smallest = capacities.findIndex((capacity) => capacity >= length) + 1;
  if (smallest === 0) throw new Error(`QR text too long for a printed code: ${length} characters`);
  let best = { version: smallest, size: 17 + 4 * smallest };
  let bestModule = 0;
  for (let version = smallest; version <= capacities.length; version++) {
    const modules = 17 + 4 * version;
    const module = Math.floor(target / modules);
    if (module === 0) break;
    if (module * modules >= 80 && module > bestModule) {
      best = { version, size: module * modules };
      bestModule = module;
    }
  }
  const key = `${best.version}:${text}`;
  let image = recent.get(key);
  if (image === undefined) {
    image = `data:image/png;base64,${qrPng(text, best.version, mode).toString('base64')}`;
    if (recent.size >= 8) recent.delete(recent.keys().next().value as string);
    recent.set(key, image);
  }
  return { image, width: best.size, height: best.size, alignment: 'center' };
}

/** The code as a 1-bit greyscale PNG, PIXELS a module, without a quiet zone (the page around it is white). */
function qrPng(text: string, version: number, mode: 'alphanumeric' | 'octet'): Buffer {
  const modules = 17 + 4 * version;
  // fit = modules: one unit a module, so the rectangles' corners are the module coordinates.
  // A fixed mask: choosing the best of eight (the encoder's default) was most of a code's cost, about 10 ms; every
  // mask is valid and reads the same (the choice only evens out dark and light areas).
  const rects = qrEnc.measure({ qr: text, version, mode, eccLevel: 'M', fit: modules, mask: MASK })._canvas ?? [];
  const dark = new Uint8Array(modules * modules);
  // The first rectangle is the white background.
  for (const rect of rects.slice(1)) dark[rect.y * modules + rect.x] = 1;

  const side = modules * PIXELS;
  const stride = 1 + Math.ceil(side / 8);
  const raw = Buffer.alloc(stride * side, 0);
  for (let my = 0; my < modules; my++) {
    // One row of pixels per row of modules, repeated PIXELS times. In greyscale a 1 bit is white; a row starts with
    // its filter byte 0 ("none").
    // With 8 pixels a module, a module is one whole byte of the row: 0x00 dark, 0xff light.
    const first = my * PIXELS * stride;
    for (let mx = 0; mx < modules; mx++) if (!dark[my * modules + mx]) raw[first + 1 + mx] = 0xff;
    for (let copy = 1; copy < PIXELS; copy++) raw.copy(raw, first + copy * stride, first, first + stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of PNG chunks (zlib.crc32 is not in every Node the program runs on). */
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
