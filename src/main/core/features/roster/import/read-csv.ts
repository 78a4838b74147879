import { basename, extname } from 'node:path';
import type { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { finishRow, withFirstRow } from './cells';
import type { ByteFile } from './byte-file';
import { detectEncoding } from './csv-encoding';
import { CsvParser } from './csv-parser';
import { asReadError, spreadsheetError, tooLarge } from './errors';
import type { ResolvedLimits, SheetRow, SheetSource, TextEncoding } from './types';

/**
 * CSV (and Excel's tab-separated "Unicode text") as Excel, WPS and LibreOffice write it (see CsvParser for the
 * rules). Streamed: bytes → iconv-lite decoder → CsvParser,
 * one chunk at a time, so a million rows cost time linear in the file and the memory of one chunk.
 *
 * Every cell is a string, as the file holds it (an ID that Excel displayed as 4.40106E+17 arrives as that text;
 * validation recognises it). Each record is one row; its number is its position among the records, which is the row
 * number Excel shows when it opens the same file.
 */

const SEPARATORS = [',', '\t', ';'] as const;

/**
 * The separator is the one of , TAB ; that occurs most outside quotes in the first lines. Excel writes ',' for
 * "CSV" (';' in locales with a decimal comma) and TAB for "Unicode text"; a single-column file has none: ','.
 */
export function detectDelimiter(sample: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  let lines = 0;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n' && ++lines >= 50) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

const SAMPLE_BYTES = 64 * 1024;
/** One record longer than this is a broken file (an unclosed quote swallowing the rest), not a member. */
const MAX_RECORD_CHARS = 1024 * 1024;

async function readSample(file: ByteFile, encoding: TextEncoding): Promise<string> {
  const stream = file.stream({ start: 0, end: SAMPLE_BYTES - 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  // A multi-byte character cut at the end becomes one replacement character: harmless for counting separators.
  return iconv.decode(Buffer.concat(chunks), encoding);
}

export async function openCsv(input: ByteFile, head: Uint8Array, limits: ResolvedLimits, name: string): Promise<SheetSource> {
  if (input.size > limits.maxBytes) throw tooLarge({ maxBytes: limits.maxBytes });
  const { encoding } = await detectEncoding(input, head);
  const delimiter = detectDelimiter(await readSample(input, encoding));

  const file = input.stream();
  const decoder = iconv.decodeStream(encoding) as Transform; // drops a BOM by default
  file.on('error', (e) => decoder.destroy(e));
  file.pipe(decoder);
  const parser = new CsvParser(delimiter, MAX_RECORD_CHARS);

  async function* rows(): AsyncGenerator<SheetRow> {
    let rowNumber = 0;
    try {
      for await (const chunk of decoder as AsyncIterable<string>) {
        for (const record of parser.push(chunk)) {
          const row = finishRow(record, ++rowNumber, limits);
          if (row) yield row;
        }
      }
      for (const record of parser.end()) {
        const row = finishRow(record, ++rowNumber, limits);
        if (row) yield row;
      }
    } catch (error) {
      throw asReadError(error);
    } finally {
      file.destroy();
      decoder.destroy();
    }
  }
  let generator: AsyncGenerator<SheetRow>;
  try {
    generator = await withFirstRow(rows(), () => spreadsheetError('empty'));
  } catch (error) {
    file.destroy();
    throw asReadError(error);
  }
  return {
    format: 'csv',
    sheetName: basename(name, extname(name)),
    encoding,
    delimiter,
    rows: generator,
    close: async () => {
      await generator.return(undefined);
      file.destroy();
      decoder.destroy();
    },
  };
}
