import { spreadsheetError } from './errors';

/**
 * CSV records from decoded text that arrives in chunks, as Excel, WPS and LibreOffice write it (RFC 4180 and the
 * liberties they take):
 * - a field in double quotes may hold separators, line breaks, and quotes doubled ("");
 * - records end with CRLF, LF or a lone CR, mixed in one file if it was appended to in another editor;
 * - a quote inside an unquoted field is a character (测试"甲"), and text after a closing quote is kept ("ab"c → abc),
 *   as Excel reads them;
 * - the last record may lack its line break.
 *
 * Written by hand rather than taken from a library because it is the hot loop of a million-row import: unquoted
 * fields (nearly all) are cut out with slice() after a charCode scan, never built character by character, and each
 * chunk is scanned once — only an unfinished last record is carried into the next chunk, so the work is linear in
 * the file (a record longer than `maxRecordChars` is refused, which also bounds what is carried).
 */
export class CsvParser {
  private carry = '';
  private readonly sep: number;

  constructor(
    delimiter: string,
    private readonly maxRecordChars = 1024 * 1024,
  ) {
    if (delimiter.length !== 1) throw new Error('one-character delimiter');
    this.sep = delimiter.charCodeAt(0);
  }

  /** Parses what the chunk completes; returns those records. */
  push(chunk: string): string[][] {
    return this.parse(this.carry + chunk, false);
  }

  /** The records left at the end of the input (the last one may lack its line break). */
  end(): string[][] {
    return this.parse(this.carry, true);
  }

  private parse(text: string, final: boolean): string[][] {
    const records: string[][] = [];
    const len = text.length;
    const sep = this.sep;
    let i = 0;
    this.carry = '';
    records: while (i < len) {
      const recordStart = i;
      const fields: string[] = [];
      for (;;) {
        let value: string;
        if (text.charCodeAt(i) === 34 /* " */) {
          // Quoted: up to the closing quote, "" standing for one quote.
          value = '';
          let from = i + 1;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q < 0 || (q + 1 === len && !final)) {
              if (final) throw spreadsheetError('corrupt'); // a quote never closed
              this.keep(text, recordStart);
              break records;
            }
            if (text.charCodeAt(q + 1) === 34) {
              value += text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            value += text.slice(from, q);
            i = q + 1;
            break;
          }
          // Text after the closing quote, up to the separator or line end, belongs to the field (Excel's reading).
          const rest = i;
          while (i < len && !isEnd(text.charCodeAt(i), sep)) i++;
          if (i > rest) value += text.slice(rest, i);
        } else {
          const from = i;
          while (i < len && !isEnd(text.charCodeAt(i), sep)) i++;
          value = text.slice(from, i);
        }
        fields.push(value);

        if (i >= len) {
          if (!final) {
            this.keep(text, recordStart);
            break records;
          }
          records.push(fields);
          break records;
        }
        const c = text.charCodeAt(i);
        if (c === sep) {
          i++;
          if (i >= len && final) {
            fields.push('');
            records.push(fields);
            break records;
          }
          continue;
        }
        if (c === 13 /* \r */) {
          if (i + 1 >= len && !final) {
            // CR at the chunk's end: an LF may follow in the next chunk and belongs to this line end.
            this.keep(text, recordStart);
            break records;
          }
          i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
        } else {
          i++; // \n
        }
        records.push(fields);
        continue records;
      }
    }
    return records;
  }

  private keep(text: string, from: number): void {
    if (text.length - from > this.maxRecordChars) throw spreadsheetError('corrupt');
    this.carry = text.slice(from);
  }
}

function isEnd(c: number, sep: number): boolean {
  return c === sep || c === 10 || c === 13;
}
