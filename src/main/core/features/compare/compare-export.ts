import ExcelJS from 'exceljs';
import type { CompareCounts, CompareLine, CompareList } from '@shared/contract/compare';
import type { CompareListKind } from '@shared/domain/compare-list';
import { CATEGORY_LABELS, FILE_STATUS_LABELS } from '@shared/labels-zh';
import { RELATION_LABELS } from '../../pdf/documents/hardship-labels';
import { addTextTable } from '../../xlsx-table';

/**
 * The comparison as .xlsx, in Chinese (a document handed on, like the printed forms): a 说明 sheet (the list, its
 * body and kind, the counts, when it was compared) and one sheet per result list. ID numbers are masked: the sheet
 * is for checking, and each line carries the list's row number and our file number to find the person.
 */

export const COMPARE_KIND_LABELS: Record<CompareListKind, string> = {
  dibao: '民政低保名单',
  tekun: '民政特困名单',
  disability: '残联名单',
  hospital: '医院名单',
  other: '其他名单',
};

const label = (labels: Record<string, string>, value: string | null) => (value === null ? '' : (labels[value] ?? value));

export interface CompareWorkbook {
  list: CompareList;
  counts: CompareCounts;
  matched: CompareLine[];
  missing: CompareLine[];
  outreach: CompareLine[];
  /** When it was compared, as the clerk's local time text. */
  comparedAt: string;
}

export async function compareWorkbook(content: CompareWorkbook): Promise<Buffer> {
  const { list, counts } = content;
  const workbook = new ExcelJS.Workbook();
  const about = workbook.addWorksheet('说明');
  about.addRow(['信息比对结果']).font = { bold: true, size: 14 };
  const lines: [string, string | number][] = [
    ['名单来源', list.source],
    ['名单类别', COMPARE_KIND_LABELS[list.kind]],
    ['文件名', list.fileName],
    ['导入时间', list.importedAt],
    ['名单人数', list.rows],
    ['未导入的行', list.rejected],
    ['在我方档案中的人', counts.matched],
    ['其中姓名不一致', counts.nameMismatch],
    ['应在名单而未在的在档户', counts.missing === null ? '不适用' : counts.missing],
    ['名单有而我方无档案', counts.outreach],
    ['比对时间', content.comparedAt],
  ];
  for (const line of lines) about.addRow(line);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 40;

  const extras = list.extraHeaders;
  const extraCells = (line: CompareLine) => extras.map((_, i) => line.extra[i] ?? '');
  addTextTable(
    workbook,
    '在我方档案中',
    ['名单行号', '名单姓名', '身份证号', '我方姓名', '姓名一致', '与户主关系', '档案编号', '户主', '档案状态', '困难类别', ...extras],
    content.matched.map((line) => [
      line.rowNumber ?? '',
      line.listName ?? '',
      line.idNumberMasked,
      line.ourName ?? '',
      line.nameMismatch ? '不一致' : '一致',
      label(RELATION_LABELS, line.relation),
      line.fileNo ?? '（未编号）',
      line.headName ?? '',
      label(FILE_STATUS_LABELS, line.fileStatus),
      label(CATEGORY_LABELS, line.category),
      ...extraCells(line),
    ]),
    [10, 12, 22, 12, 10, 12, 18, 12, 12, 12, ...extras.map(() => 16)],
  );
  if (counts.missing !== null)
    addTextTable(
      workbook,
      '应在名单而未在',
      ['档案编号', '户主', '姓名', '与户主关系', '身份证号', '档案状态', '困难类别'],
      content.missing.map((line) => [
        line.fileNo ?? '（未编号）',
        line.headName ?? '',
        line.ourName ?? '',
        label(RELATION_LABELS, line.relation),
        line.idNumberMasked,
        label(FILE_STATUS_LABELS, line.fileStatus),
        label(CATEGORY_LABELS, line.category),
      ]),
      [18, 12, 12, 12, 22, 12, 12],
    );
  addTextTable(
    workbook,
    '名单有而我方无档案',
    ['名单行号', '名单姓名', '身份证号', '在会员名册', ...extras],
    content.outreach.map((line) => [
      line.rowNumber ?? '',
      line.listName ?? '',
      line.idNumberMasked,
      line.inRoster ? '是' : '否',
      ...extraCells(line),
    ]),
    [10, 12, 22, 12, ...extras.map(() => 16)],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
