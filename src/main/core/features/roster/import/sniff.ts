import { extname } from 'node:path';
import { encodingFromBom, utf16WithoutBom } from './csv-encoding';
import { spreadsheetError } from './errors';
import type { SpreadsheetFormat } from './types';

/**
 * Which reader a file goes to, decided by its first bytes, not by its name: clerks rename files, and systems
 * export CSV or HTML under an .xls name. The name only decides whether text content is acceptable:
 *
 * - zip (PK\3\4) → xlsx; OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) → xls, whatever the extension says (Excel
 *   opens an .xls saved as .xlsx too);
 * - anything else is text only if it looks like text (no NUL bytes unless UTF-16, not a known binary format) and the
 *   name is .csv/.txt/.tsv or has no extension. A ".xlsx" or ".xls" holding text — a renamed CSV, an HTML table a
 *   web system exported "as Excel" — is refused as `format-mismatch`: read as CSV it would give nonsense rows.
 */

export const SNIFF_BYTES = 8192;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.xlt', '.xltx', '.et']);
const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv', '']);
/** Binary formats clerks pick by mistake that may have no NUL in their first bytes. */
const BINARY_MAGIC = [
  [0x25, 0x50, 0x44, 0x46] /* %PDF */,
  [0x89, 0x50, 0x4e, 0x47] /* PNG */,
  [0xff, 0xd8, 0xff] /* JPEG */,
  [0x7b, 0x5c, 0x72, 0x74] /* {\rt(f) */,
];

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

export function sniffFormat(head: Uint8Array, fileName: string): SpreadsheetFormat {
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, EMPTY_ZIP)) throw spreadsheetError('empty');
  if (startsWith(head, OLE2)) return 'xls';
  const ext = extname(fileName).toLowerCase();
  if (WORKBOOK_EXTENSIONS.has(ext)) throw spreadsheetError('format-mismatch');
  if (!TEXT_EXTENSIONS.has(ext)) throw spreadsheetError('unsupported-format');
  if (head.length === 0) throw spreadsheetError('empty');
  if (BINARY_MAGIC.some((m) => startsWith(head, m))) throw spreadsheetError('unsupported-format');
  const utf16 = encodingFromBom(head)?.encoding.startsWith('utf-16') || utf16WithoutBom(head) !== null;
  if (!utf16 && head.includes(0)) throw spreadsheetError('unsupported-format');
  return 'csv';
}
