import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, expect, test } from 'vitest';
import { openSpreadsheet } from '../src/main/core/features/roster/import';

/**
 * Roster import, stage one (file → rows of cells): read throughput of a 300k-row .xlsx and a 1M-row CSV, each
 * against a baseline measured in the same run on the same bytes — the least any reader must do:
 * - CSV: fs.readFileSync + decode + split into lines;
 * - xlsx: fs.readFileSync + inflate the worksheet part + split it at </row> (split lines of a zip mean nothing).
 * Each is one timed run after a warm-up on a small file (a run takes seconds; tinybench's repetitions would take
 * minutes). Like every bench here it reports, it never fails on time. The files are made in a temp folder and
 * deleted afterwards: none of them belongs in the repository.
 */

const XLSX_ROWS = 300_000;
const CSV_ROWS = 1_000_000;
const dir = mkdtempSync(join(tmpdir(), 'bangfu-roster-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = [
  '序号',
  '姓名',
  '性别',
  '身份证号码',
  '出生日期',
  '民族',
  '手机号码',
  '工作单位',
  '所属基层工会',
  '入会时间',
  '会员证号',
  '备注',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function idNumber(i: number): string {
  const birth = `19${60 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const body = `440106${birth}${String(i % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((s, d, k) => s + Number(d) * WEIGHTS[k]!, 0);
  return body + '10X98765432'[sum % 11];
}

/** One synthetic member as the cells a roster row holds (text dates, as a CSV has them). */
function member(i: number): string[] {
  const id = idNumber(i);
  return [
    String(i + 1),
    `测试${SURNAMES[i % 20]}${GIVEN[(i * 7) % 20]}${i % 3 ? GIVEN[(i * 13) % 20] : ''}`,
    Number(id[16]) % 2 ? '男' : '女',
    id,
    `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    '汉族',
    `138${String(i).padStart(8, '0')}`,
    `示例单位${i % 500}`,
    `示例单位${i % 500}工会`,
    `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
    `SL${String(i).padStart(7, '0')}`,
    i % 10 ? '' : '备注',
  ];
}

async function writeCsv(path: string, rows: number, encoding: 'gbk' | 'utf-8'): Promise<void> {
  const out = createWriteStream(path);
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  let chunk = `${HEADER.join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${member(i).map(quote).join(',')}\r\n`;
    if (chunk.length > 1 << 16 || i === rows - 1) {
      if (!out.write(encoding === 'gbk' ? iconv.encode(chunk, 'gbk') : Buffer.from(chunk))) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end();
  await once(out, 'finish');
}

/** Like a real roster: a merged title, a blank row, the header, then members; dates as date cells; shared strings. */
async function writeXlsx(path: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet('会员名册');
  const title = sheet.addRow(['示例公司工会会员名册']);
  sheet.mergeCells('A1:L1');
  title.commit();
  sheet.addRow([]).commit();
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) {
    const cells: (string | number | Date)[] = member(i);
    cells[0] = i + 1;
    cells[4] = new Date(`${cells[4]}T00:00:00Z`);
    cells[9] = new Date(`${cells[9]}T00:00:00Z`);
    const row = sheet.addRow(cells);
    row.getCell(5).numFmt = 'yyyy-mm-dd';
    row.getCell(10).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await book.commit();
}

interface Measured {
  seconds: number;
  rows: number;
  peakRssMb: number;
}

/** Times one call and samples the process's resident memory meanwhile (the worker's peak, less what it held before). */
async function measure(fn: () => Promise<number> | number): Promise<Measured> {
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const start = performance.now();
  const rows = await fn();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, rows, peakRssMb: (peak - base) / 1024 / 1024 };
}

async function readRows(path: string): Promise<number> {
  const source = await openSpreadsheet(path, { maxBytes: 1024 ** 3 });
  let n = 0;
  for await (const _row of source.rows) n++;
  return n;
}

function report(title: string, bytes: number, baseline: [string, Measured], task: [string, Measured]): void {
  console.log(`\n${title} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
  console.table(
    [baseline, task].map(([name, m]) => ({
      task: name,
      rows: m.rows,
      seconds: m.seconds.toFixed(2),
      'rows/s': Math.round(m.rows / m.seconds).toLocaleString('en'),
      'peak RSS +MB': m.peakRssMb.toFixed(0),
      'ratio to baseline': `${(m.seconds / baseline[1].seconds).toFixed(2)}×`,
    })),
  );
}

function rawCsvLines(path: string, encoding: 'gbk' | 'utf-8'): number {
  const bytes = readFileSync(path);
  const text = encoding === 'gbk' ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
  return text.split('\r\n').length - 1;
}

/** Finds the worksheet entry through the central directory and inflates it: the raw cost of getting at the rows. */
function rawXlsxRows(path: string): number {
  const zip = readFileSync(path);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === 'xl/worksheets/sheet1.xml') {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const xml = inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(at + 20))).toString('utf8');
      return xml.split('</row>').length - 1;
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error('no sheet1.xml');
}

test(`read a ${XLSX_ROWS.toLocaleString('en')}-row .xlsx`, async () => {
  const small = join(dir, 'small.xlsx');
  const path = join(dir, 'roster.xlsx');
  await writeXlsx(small, 2000);
  await writeXlsx(path, XLSX_ROWS);
  await readRows(small); // warm-up: module loading and JIT out of the timed run
  // The reader first: its peak memory is then measured from a heap the baseline has not inflated yet.
  const task = await measure(() => readRows(path));
  const baseline = await measure(() => rawXlsxRows(path));
  report(
    'Roster file → rows: .xlsx (exceljs streaming, parts checked and reordered)',
    statSync(path).size,
    ['readFileSync + inflate sheet + split </row> (baseline)', baseline],
    ['openSpreadsheet rows', task],
  );
  expect(task.rows).toBe(XLSX_ROWS + 2); // title + header + members (the blank row is skipped)
});

test(`read a ${CSV_ROWS.toLocaleString('en')}-row CSV`, async () => {
  for (const encoding of ['gbk', 'utf-8'] as const) {
    const small = join(dir, `small-${encoding}.csv`);
    const path = join(dir, `roster-${encoding}.csv`);
    await writeCsv(small, 5000, encoding);
    await writeCsv(path, CSV_ROWS, encoding);
    await readRows(small);
    const task = await measure(() => readRows(path));
    const baseline = await measure(() => rawCsvLines(path, encoding));
    report(
      `Roster file → rows: CSV in ${encoding === 'gbk' ? 'GBK (detected at the first Chinese byte)' : 'UTF-8 (whole file validated first)'}`,
      statSync(path).size,
      ['readFileSync + decode + split lines (baseline)', baseline],
      ['openSpreadsheet rows', task],
    );
    expect(task.rows).toBe(CSV_ROWS + 1);
  }
});
