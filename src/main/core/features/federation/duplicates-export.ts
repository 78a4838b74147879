import ExcelJS from 'exceljs';
import type { ChannelOutput } from '@shared/contract';
import { localStamp } from '../../pdf/documents/portrait-form';
import { addTextTable } from '../../xlsx-table';

/**
 * 重复核查 as .xlsx, in Chinese (handed on to the centres, like the printed forms): a 说明 sheet, then a sheet per
 * list with a row per place the person is found, so that it sorts and filters by centre. ID numbers are masked as on
 * screen: each row carries the centre's file number (or the payments' count and sum) to find the person there.
 */

type FileItem = ChannelOutput<'federation.duplicateFiles'>['items'][number];
type AidItem = ChannelOutput<'federation.duplicateAid'>['items'][number];

export interface DuplicatesWorkbook {
  /** The federation's name. */
  federation: string;
  /** When it was exported (an instant). */
  exportedAt: string;
  /** The aid list's year, or null for every year. */
  year: number | null;
  files: FileItem[];
  aid: AidItem[];
}

const ROLE_LABELS = { head: '户主', member: '家庭成员', recipient: '领取人' } as const;

export async function duplicatesWorkbook(content: DuplicatesWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const about = workbook.addWorksheet('说明');
  about.addRow(['重复核查']).font = { bold: true, size: 14 };
  const lines: [string, string | number][] = [
    ['上级工会', content.federation],
    ['多个中心建档', `${content.files.length} 人`],
    [`同年多个中心救助（${content.year === null ? '全部年度' : `${content.year} 年`}）`, `${content.aid.length} 人次`],
    ['比对方法', '按各中心报送的身份证号比对。同一中心内的重复不在此列；已删除的档案和已作废的发放不计入。'],
    ['身份证号', '已遮盖中间位数。请凭中心名称和档案编号（或发放笔数、金额）在该中心核对。'],
    ['导出时间', localStamp(new Date(content.exportedAt))],
  ];
  for (const line of lines) about.addRow(line);
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 80;

  addTextTable(
    workbook,
    '多个中心建档',
    ['序号', '姓名', '身份证号', '中心', '统一社会信用代码', '身份', '档案编号'],
    content.files.flatMap((item, i) =>
      item.places.map((p) => [
        i + 1,
        item.person.name,
        item.person.idNumberMasked,
        p.centreName,
        p.centreCode,
        ROLE_LABELS[p.role],
        p.fileNo ?? '（尚未编号）',
      ]),
    ),
    [6, 12, 22, 30, 22, 10, 20],
  );
  addTextTable(
    workbook,
    '同年多个中心救助',
    ['序号', '年度', '姓名', '身份证号', '中心', '统一社会信用代码', '笔数', '金额（元）'],
    content.aid.flatMap((item, i) =>
      item.byCentre.map((c) => [
        i + 1,
        item.year,
        item.person.name,
        item.person.idNumberMasked,
        c.centreName,
        c.centreCode,
        c.count,
        // Fen to yuan: a division by 100 is exact to the two decimals shown (amounts are far below 2^53 fen).
        c.amountFen / 100,
      ]),
    ),
    [6, 8, 12, 22, 30, 22, 8, 14],
    { 0: '0', 1: '0', 6: '0', 7: '0.00' },
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
