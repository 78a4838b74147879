import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { EXISTING_FILE_FIELDS, EXISTING_FILE_HEADERS, FILE_NUMBER, type ExistingFileField } from '@shared/domain/existing-files';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { inboxFileLocation, putOutboxFile } from '../../files';
import { readOrg } from '../org/org.repo';
import { readSpreadsheet } from '../roster/import';
import { checkExistingFiles, type ExistingFileRow } from './existing-files';
import { emptyDraft } from './file-facts';
import { insertImport, type StagedRow } from './file-imports.repo';
import { reserveFileNumber } from './file-number';

/** An old-files sheet is a few thousand rows at most; these limits only stop a wrong file early. */
const MAX_SHEET_BYTES = 20 * 1024 * 1024;
const MAX_SHEET_ROWS = 100_000;

async function readSheet(ctx: CallContext, input: ParsedInput<'files.checkExisting'>) {
  return readSpreadsheet(inboxFileLocation(ctx.core.files, input.uploadId), {
    maxBytes: MAX_SHEET_BYTES,
    maxRows: MAX_SHEET_ROWS,
    fileName: input.fileName,
  });
}

/** What importing the sheet would do, and every row that stops it. Nothing is written. */
export async function checkExisting(
  ctx: CallContext,
  input: ParsedInput<'files.checkExisting'>,
): Promise<ChannelOutput<'files.checkExisting'>> {
  const sheet = await readSheet(ctx, input);
  return checkExistingFiles(ctx.sqlite, sheet, localDate(ctx.clock)).check;
}

/**
 * 存量档案 staged, every row or none: each row becomes a file 导入待确认 (status staged, no number), and the batch an
 * import awaiting a second person (file-imports.service.ts decides it). The rows are checked again inside the write
 * transaction (a file may have been created since the clerk looked). A number the sheet keeps is reserved now — the
 * program's own numbering moves past it, so no approval meanwhile gives it; rows without one are numbered when the
 * import is confirmed, as approvals are, by the year filed.
 */
export async function importExisting(
  ctx: CallContext,
  input: ParsedInput<'files.importExisting'>,
): Promise<ChannelOutput<'files.importExisting'>> {
  const sheet = await readSheet(ctx, input);
  const today = localDate(ctx.clock);
  return ctx.write(() => {
    const { check, rows } = checkExistingFiles(ctx.sqlite, sheet, today);
    if (check.missingColumns.length > 0 || check.problemCount > 0 || rows.length === 0) {
      throw new AppError('FILE_IMPORT_INVALID', {
        problems: check.problemCount,
        missingColumns: check.missingColumns.length,
        rows: rows.length,
      });
    }
    const org = readOrg(ctx.db)!;
    reserveKeptNumbers(ctx, org.regionCode, rows);
    const stageFile = stagedFileWriter(ctx, org.id);
    const staged: StagedRow[] = rows.map((row) => ({
      fileId: stageFile(row),
      row: row.row,
      fileNo: row.fileNo,
      approvedOn: row.approvedOn,
      categoryWord: row.categoryWord,
    }));
    const importId = uuidv7();
    insertImport(ctx.sqlite, {
      id: importId,
      sheetName: check.sheetName,
      stagedBy: ctx.user!.id,
      stagedAt: ctx.now(),
      summary: check,
      rows: staged,
    });
    ctx.audit({ recordType: 'fileImport', recordId: importId, event: 'fileImport.staged', params: { files: staged.length } });
    return { importId, staged: staged.length, check };
  });
}

/** The numbering of each year the sheet keeps numbers of (in the office's region) moves past the highest of them. */
function reserveKeptNumbers(ctx: CallContext, regionCode: string, rows: ExistingFileRow[]): void {
  const highest = new Map<number, number>();
  for (const row of rows) {
    const [, region, year, sequence] = FILE_NUMBER.exec(row.fileNo ?? '') ?? [];
    if (region === regionCode) highest.set(Number(year), Math.max(highest.get(Number(year)) ?? 0, Number(sequence)));
  }
  for (const [year, last] of highest) reserveFileNumber(ctx.sqlite, regionCode, year, last);
}

/** Writes one row as a file staged for confirmation, with its head and its timeline's first entry; gives its id. */
function stagedFileWriter(ctx: CallContext, origin: string): (row: ExistingFileRow) => string {
  const insertFile = ctx.sqlite.prepare(
    `INSERT INTO hardship_files (id, origin, updated_at, file_no, status, member_id, head_name, head_id_number, worker_type, entry_kind,
       category, draft, entered_by, legacy_no)
     VALUES (?, ?, ?, NULL, 'staged', ?, ?, ?, ?, 'existing', ?, ?, ?, ?)`,
  );
  const insertHead = ctx.sqlite.prepare(
    "INSERT INTO file_household (id, file_id, position, relation, name, id_number, details) VALUES (?, ?, 0, 'self', ?, ?, ?)",
  );
  const insertEvent = ctx.sqlite.prepare(
    "INSERT INTO file_events (file_id, at, user_id, action, from_status, to_status, code, on_date) VALUES (?, ?, ?, 'importExisting', NULL, 'staged', ?, ?)",
  );
  return (row) => {
    const id = uuidv7();
    const now = ctx.now();
    const draft = { ...emptyDraft(row.workerType), mainCause: row.mainCause };
    insertFile.run(
      id,
      origin,
      now,
      row.memberId,
      row.name,
      row.idNumber,
      row.workerType,
      row.category,
      JSON.stringify(draft),
      ctx.user!.id,
      row.legacyNo,
    );
    insertHead.run(uuidv7(), id, row.name, row.idNumber, JSON.stringify({ health: 'healthy', monthlyIncomeFen: 0 }));
    // The household, income and visits come at the file's next annual review (the sheet held only the head).
    insertEvent.run(id, now, ctx.user!.id, row.categoryWord, row.approvedOn);
    ctx.audit({ recordType: 'file', recordId: id, event: 'file.importStaged', params: { category: row.category, from: row.categoryWord } });
    return id;
  };
}

/** An example row under the headers: a made-up person (a valid check digit), an old category word, an old number. */
const TEMPLATE_EXAMPLE: Record<ExistingFileField, string> = {
  name: '张三（示例，导入前请删除本行）',
  idNumber: '110105198001010032',
  category: '特困',
  approvedOn: '2023-03-01',
  fileNo: 'GL2023001',
  workerType: '城镇职工',
  mainCause: '6 患重特大疾病',
};

/**
 * The old-files sheet's template: the header the import reads first for each column (EXISTING_FILE_HEADERS) and one
 * example row, the ID number column as text so that Excel keeps its 18 digits.
 */
export async function existingTemplate(ctx: CallContext): Promise<ChannelOutput<'files.existingTemplate'>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('存量档案');
  sheet.columns = EXISTING_FILE_FIELDS.map((field) => ({
    header: EXISTING_FILE_HEADERS[field][0]!,
    key: field,
    width: field === 'name' ? 32 : field === 'idNumber' ? 22 : 16,
    style: field === 'idNumber' || field === 'fileNo' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(TEMPLATE_EXAMPLE);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return putOutboxFile(
    ctx.core.files,
    '存量档案导入模板.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  );
}
