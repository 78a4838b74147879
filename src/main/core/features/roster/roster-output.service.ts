import ExcelJS from 'exceljs';
import type { FileRef } from '@shared/contract';
import type { MemberStatus } from '@shared/contract/roster';
import { ethnicityName } from '@shared/domain/ethnicity';
import { maskedIdView } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import type { JobHandle } from '../../jobs';
import { renderPdf } from '../../pdf';
import { GENDER_LABELS } from '@shared/labels-zh';
import { rosterListDocument } from '../../pdf/documents/roster-list';
import { readOrg } from '../org/org.repo';
import { memberQueryFor } from './id-search-policy';
import { searchMembers, type MemberRow, type MemberSearch } from './members.repo';

/** The current search of the roster screen: what the clerk sees is what is exported or printed. */
export interface RosterSelection {
  query: string;
  unitId?: string;
  unionId?: string;
  status?: MemberStatus;
  sort: 'name' | 'joinedOn';
}

/** Printing is for lists a person reads: past this many rows the PDF says to narrow the search. */
const PRINT_MAX_ROWS = 2000;
const PAGE = 2000;

const STATUS: Record<MemberStatus, string> = { active: '在册', transferred: '转出', withdrawn: '退会', deceased: '去世' };
const GENDER = GENDER_LABELS;

/** Every member of the selection, a page at a time (the job yields between pages; no page counts the matches). */
async function* selected(
  ctx: CallContext,
  selection: RosterSelection,
  job: JobHandle,
  limit = Number.POSITIVE_INFINITY,
): AsyncGenerator<MemberRow> {
  const search: Omit<MemberSearch, 'page'> = { ...selection, query: memberQueryFor(ctx, selection.query), pageSize: PAGE };
  let yielded = 0;
  for (let page = 1; ; page++) {
    const { rows } = searchMembers(ctx.sqlite, { ...search, page }, { count: false });
    for (const row of rows) {
      if (yielded++ >= limit) return;
      yield row;
    }
    job.progress(yielded, 0);
    if (rows.length < PAGE) return;
    await job.pause();
    job.throwIfCancelled();
  }
}

/**
 * The selection as .xlsx. ID numbers are masked unless an administrator asks for full ones; every export is in
 * the audit log (how many members, whether full IDs) — never what was in it.
 */
export function exportXlsx(ctx: CallContext, selection: RosterSelection & { fullIds: boolean }): { jobId: string } {
  if (selection.fullIds && ctx.user?.role !== 'admin') throw new AppError('FORBIDDEN');
  return ctx.startJob(async (job): Promise<FileRef> => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('会员名册');
    // 出生年份, not 出生日期: beside the masked number a date gives the whole number back (maskedIdView).
    sheet.addRow([
      '序号',
      '姓名',
      '性别',
      '出生年份',
      '公民身份号码',
      '民族',
      '手机/电话',
      '工作单位',
      '基层工会',
      '入会日期',
      '会员证号',
      '状态',
      '备注',
    ]).font = { bold: true };
    let count = 0;
    for await (const m of selected(ctx, selection, job)) {
      const view = maskedIdView(m.idNumber);
      sheet.addRow([
        ++count,
        m.name,
        GENDER[view.gender],
        view.birthYear,
        selection.fullIds ? m.idNumber : view.idNumberMasked,
        (m.ethnicity && ethnicityName(m.ethnicity)) ?? '',
        m.phone ?? '',
        m.unitName ?? '',
        m.unionName ?? '',
        m.joinedOn ?? '',
        m.cardNo ?? '',
        STATUS[m.status],
        m.note ?? '',
      ]);
    }
    // Text cells: an ID number, a phone or a card number must not be turned into a number by Excel.
    for (const column of [5, 7, 11]) sheet.getColumn(column).numFmt = '@';
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    ctx.write(() =>
      ctx.audit({
        recordType: 'roster',
        recordId: null,
        event: selection.fullIds ? 'roster.exportedFullIds' : 'roster.exported',
        params: { count },
      }),
    );
    return putOutboxFile(
      ctx.core.files,
      `会员名册-${ctx.now().slice(0, 10)}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    );
  });
}

function describe(selection: RosterSelection): string {
  const parts = [selection.query.trim() ? `查找：${selection.query.trim()}` : '全部会员'];
  if (selection.status) parts.push(`状态：${STATUS[selection.status]}`);
  return parts.join(' · ');
}

/** The selection as a printed list (IDs masked), at most PRINT_MAX_ROWS rows. */
export function printPdf(ctx: CallContext, selection: RosterSelection): { jobId: string } {
  return ctx.startJob(async (job): Promise<FileRef> => {
    const rows: Parameters<typeof rosterListDocument>[0]['rows'] = [];
    for await (const m of selected(ctx, selection, job, PRINT_MAX_ROWS + 1)) {
      const view = maskedIdView(m.idNumber);
      rows.push({
        name: m.name,
        gender: GENDER[view.gender],
        birthYear: String(view.birthYear),
        idNumber: view.idNumberMasked,
        phone: m.phone ?? '',
        unit: m.unitName ?? '',
        union: m.unionName ?? '',
        joinedOn: m.joinedOn ?? '',
        status: STATUS[m.status],
      });
    }
    const truncated = rows.length > PRINT_MAX_ROWS;
    if (truncated) rows.length = PRINT_MAX_ROWS;
    const description = truncated ? `${describe(selection)}（仅打印前 ${PRINT_MAX_ROWS} 人，请用筛选缩小范围）` : describe(selection);
    const pdf = await renderPdf(rosterListDocument({ orgName: readOrg(ctx.db)!.name, description, printedAt: ctx.clock.now(), rows }), {
      fontsDir: ctx.core.resources.fontsDir,
    });
    ctx.write(() => ctx.audit({ recordType: 'roster', recordId: null, event: 'roster.printed', params: { count: rows.length } }));
    return putOutboxFile(ctx.core.files, `会员名册-${ctx.now().slice(0, 10)}.pdf`, 'application/pdf', pdf);
  });
}
