import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ETHNICITIES } from '@shared/domain/ethnicity';
import { demoMembers } from '../core/features/roster/demo-members';

const HEADER = ['姓名', '身份证号码', '民族', '手机号码', '工作单位', '所属基层工会', '入会时间', '会员证号'];
const ETHNICITY_NAME = new Map(ETHNICITIES.map((e) => [e.code, e.name]));

function* demoRows(count: number, seed?: number): Generator<string[]> {
  for (const m of demoMembers(count, seed)) {
    yield [
      m.name,
      m.idNumber,
      ETHNICITY_NAME.get(m.ethnicity ?? '01') ?? '',
      m.phone ?? '',
      m.unitName ?? '',
      m.unionName ?? '',
      m.joinedOn ?? '',
      m.cardNo ?? '',
    ];
  }
}

/** A roster as a grassroots union sends it, as CSV (UTF-8 with BOM, as Excel saves "CSV UTF-8"). */
export async function writeDemoCsv(target: string | Writable, count: number, seed?: number): Promise<void> {
  // A path, or a stream (an upload sealed in the inbox as it is written: core/files.ts reserveInboxFile).
  const out = typeof target === 'string' ? createWriteStream(target) : target;
  const write = async (line: string) => {
    if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  };
  await write(`\uFEFF${HEADER.join(',')}`);
  for (const row of demoRows(count, seed)) await write(row.join(','));
  out.end();
  await once(out, 'finish');
}

/** The same as .xlsx, written by exceljs's streaming writer; ID numbers as text, as a careful clerk would. */
export async function writeDemoXlsx(target: string | Writable, count: number, seed?: number): Promise<void> {
  const output = typeof target === 'string' ? { filename: target } : { stream: target };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...output, useSharedStrings: false });
  const sheet = workbook.addWorksheet('会员名册');
  sheet.addRow(['某某区总工会会员名册（演示数据）']).commit();
  sheet.addRow(HEADER).commit();
  for (const row of demoRows(count, seed)) sheet.addRow(row).commit();
  await sheet.commit();
  await workbook.commit();
}
