import ExcelJS from 'exceljs';
import type { FileRef, ParsedInput } from '@shared/contract';
import type { FileStatus } from '@shared/domain/hardship-lifecycle';
import type { HardshipCategory } from '@shared/domain/means-test';
import { maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { CATEGORY_LABELS, FILE_STATUS_LABELS } from '@shared/labels-zh';
import { judgingDay } from './file-facts';
import { selectionSql } from './file-list';

/** Rows read per page: the job yields between pages, so a long export neither blocks the core nor holds memory. */
const PAGE = 2000;

interface ExportRow {
  fileNo: string | null;
  headName: string;
  headIdNumber: string;
  unitName: string | null;
  category: HardshipCategory | null;
  status: FileStatus;
  approvedOn: string | null;
  reviewDueOn: string | null;
  noticeEndsOn: string | null;
  workerType: 'urban' | 'migrant';
  householdSize: number;
  updatedAt: string;
}

/**
 * The file list's selection (its search and filters, as the screen shows them) as a .xlsx 台账. ID numbers are
 * masked unless an administrator asks for full ones, as the roster's export; every export is in the audit log (how
 * many files, whether full IDs), never what was in it.
 */
export function exportFiles(ctx: CallContext, input: ParsedInput<'files.export'>): { jobId: string } {
  if (input.fullIds && ctx.user?.role !== 'admin') throw new AppError('FORBIDDEN');
  // Read before the job starts: a search the role may not make (ID_SEARCH_LIMIT) is refused at once.
  const day = judgingDay(ctx);
  const { where, from, params, order } = selectionSql(ctx, input, day);
  return ctx.startJob(async (job): Promise<FileRef> => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('困难职工档案台账');
    sheet.addRow([
      '序号',
      '档案编号',
      '户主姓名',
      '公民身份号码',
      '工作单位',
      '困难类别',
      '状态',
      '批准日期',
      '下次年审',
      '公示截止',
      '职工类型',
      '家庭人口',
      '最后修改',
    ]).font = {
      bold: true,
    };
    // The next annual review: a policy interval after approval or the last review kept (file-list.ts's flag).
    const select = ctx.sqlite.prepare(
      `SELECT f.file_no AS fileNo, f.head_name AS headName, f.head_id_number AS headIdNumber, f.category, f.status,
              f.approved_on AS approvedOn, f.notice_ends_on AS noticeEndsOn, f.updated_at AS updatedAt,
              f.worker_type AS workerType,
              (SELECT count(*) FROM file_household h WHERE h.file_id = f.id AND h.deleted_at IS NULL) AS householdSize,
              CASE WHEN f.status = 'active' AND f.reviewed_on IS NOT NULL
                   THEN date(f.reviewed_on, '+' || @interval || ' months') END AS reviewDueOn,
              (SELECT u.name FROM members m JOIN units u ON u.ref = m.unit_ref WHERE m.id = unhex(replace(f.member_id, '-', ''))) AS unitName
       FROM hardship_files f ${from} ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    );
    let count = 0;
    for (let page = 0; ; page++) {
      const rows = select.all({ ...params, interval: day.reviewIntervalMonths, limit: PAGE, offset: page * PAGE }) as ExportRow[];
      for (const f of rows) {
        sheet.addRow([
          ++count,
          f.fileNo ?? '',
          f.headName,
          input.fullIds ? f.headIdNumber : maskIdNumber(f.headIdNumber),
          f.unitName ?? '',
          f.category ? CATEGORY_LABELS[f.category] : '',
          FILE_STATUS_LABELS[f.status],
          f.approvedOn ?? '',
          f.reviewDueOn ?? '',
          f.noticeEndsOn ?? '',
          f.workerType === 'migrant' ? '农民工' : '城镇职工',
          f.householdSize,
          f.updatedAt.slice(0, 10),
        ]);
      }
      job.progress(count, 0);
      if (rows.length < PAGE) break;
      await job.pause();
      job.throwIfCancelled();
    }
    // Text cells: a file number or an ID number must not be turned into a number by Excel.
    for (const column of [2, 4]) sheet.getColumn(column).numFmt = '@';
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    ctx.write(() =>
      ctx.audit({
        recordType: 'file',
        recordId: null,
        event: input.fullIds ? 'files.exportedFullIds' : 'files.exported',
        params: { count },
      }),
    );
    return putOutboxFile(
      ctx.core.files,
      `困难职工档案台账-${ctx.now().slice(0, 10)}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    );
  });
}
