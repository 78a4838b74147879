import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReportSheet } from '@shared/domain/report-sheet';
import {
  asOfDay,
  cellText,
  columnCount,
  columnEms,
  dayInWords,
  isNumber,
  placeRows,
  SIGNERS,
  type PlacedCell,
} from '../../reports/sheet-grid';
import { AID_GRID, MUTED, signatureLine } from './aid-doc-parts';

/**
 * The report tables printed in the federation's layout, A4 landscape, the same model the .xlsx is written from
 * (report-xlsx.ts), so both print the same numbers: each table starts a page and runs on as long as it needs, its
 * header rows (merged as the model spans them) repeated on every page; under it the 合计 row, the notes, the
 * signature line (填报人 / 审核人 / 单位负责人), 填报日期 and the moment the numbers were computed, kept together.
 * Every text is static content (the footer only numbers the pages), so the missing-glyph check sees it all.
 */

const MARGINS: [number, number, number, number] = [28, 28, 28, 34];
/** A4 landscape less the margins. */
const WIDTH = 841.89 - MARGINS[0] - MARGINS[2];
/** Each cell's padding and rule, in points, added to its text's width. */
const CELL_EXTRA = 3 + 3 + 0.6;

export function reportTableDocument(sheets: ReportSheet[], printedAt: Date): TDocumentDefinitions {
  const content: Content[] = sheets.map((sheet, index) => ({
    ...(index > 0 ? { pageBreak: 'before' as const } : {}),
    stack: sheetContent(sheet),
  }));
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    info: { title: sheets.map((s) => s.title).join('、'), creationDate: printedAt },
    footer: (currentPage: number, pageCount: number) => ({
      text: `第 ${currentPage} 页 共 ${pageCount} 页`,
      alignment: 'center',
      fontSize: 9,
      margin: [MARGINS[0], 10, MARGINS[2], 0],
    }),
    defaultStyle: { fontSize: 9, lineHeight: 1.1 },
    content,
  };
}

function sheetContent(sheet: ReportSheet): Content[] {
  const columns = columnCount(sheet);
  const ems = columnEms(sheet);
  // The largest size at which the table fits the page's width; the labels wrap, the numbers never do.
  const fontSize = [9, 8, 7].find((size) => ems.reduce((a, b) => a + b * size + CELL_EXTRA, 0) <= WIDTH) ?? 6.5;
  const widths = fitWidths(ems, fontSize);
  const headerRows = rowCount(placeRows(sheet.header));
  const body: TableCell[][] = [
    ...grid(placeRows(sheet.header), columns, 'header', fontSize),
    ...grid(placeRows(sheet.body), columns, 'body', fontSize),
    ...(sheet.totals ? grid(placeRows([sheet.totals]), columns, 'totals', fontSize) : []),
  ];
  return [
    { text: sheet.title, fontSize: 16, bold: true, alignment: 'center', characterSpacing: 1, margin: [0, 0, 0, 6] },
    {
      columns: [
        { width: '*', text: `填报单位：${sheet.reportingUnit}` },
        { width: 'auto', text: `统计期间：${sheet.period}\u3000${sheet.asOf}`, alignment: 'right' },
      ],
      columnGap: 12,
      fontSize: 10,
    },
    ...(sheet.unitsNote
      ? [{ text: sheet.unitsNote, alignment: 'right' as const, fontSize: 9, margin: [0, 2, 0, 0] as [number, number, number, number] }]
      : []),
    {
      margin: [0, 4, 0, 0],
      fontSize,
      // dontBreakRows: without it pdfmake 0.3 writes a broken page stream where a table with vertically centred cells
      // runs onto the next page.
      table: { headerRows, dontBreakRows: true, widths, body },
      layout: AID_GRID,
    },
    {
      unbreakable: true,
      stack: [
        ...(sheet.notes ?? []).map((note) => ({ text: note, fontSize: 8.5, margin: [0, 3, 0, 0] as [number, number, number, number] })),
        {
          margin: [0, 14, 0, 0],
          columnGap: 16,
          columns: SIGNERS.map((label) => signatureLine(label, (WIDTH - 3 * 16) / 4, 10.5)).concat({
            width: '*',
            text: `填报日期：${dayInWords(sheet.filledOn)}`,
            fontSize: 10.5,
            alignment: 'right',
          }),
        },
        {
          text: `计算时间：${sheet.computedAt}（按 ${asOfDay(sheet.asOf)} 日终的数据计算）`,
          fontSize: 8,
          color: MUTED,
          margin: [0, 6, 0, 0],
        },
      ],
    },
  ];
}

/** The section as pdfmake's full grid: each cell at its place, the places a span covers filled with empty cells. */
function grid(placed: PlacedCell[], columns: number, kind: 'header' | 'body' | 'totals', fontSize: number): TableCell[][] {
  const rows: TableCell[][] = Array.from({ length: rowCount(placed) }, () => Array.from({ length: columns }, () => ({})));
  for (const p of placed) {
    const number = isNumber(p.cell);
    rows[p.row]![p.col] = {
      text: cellText(p.cell),
      ...(p.colSpan > 1 ? { colSpan: p.colSpan } : {}),
      ...(p.rowSpan > 1 ? { rowSpan: p.rowSpan } : {}),
      bold: kind !== 'body',
      alignment: kind === 'header' ? 'center' : number ? 'right' : kind === 'totals' ? 'center' : 'left',
      // A cell spanning rows is centred by a top margin: pdfmake puts a centred one at the bottom of its span.
      ...(p.rowSpan > 1 ? { margin: [0, ((p.rowSpan - 1) * rowHeight(fontSize)) / 2, 0, 0] } : { verticalAlignment: 'middle' }),
      ...(kind === 'header' ? { fillColor: '#eeeeee' } : kind === 'totals' ? { fillColor: '#f6f6f6' } : {}),
      ...(number ? { noWrap: true } : {}),
    } as TableCell;
  }
  return rows;
}

/** A one-line row's height: the line (Noto Serif SC's ascent − descent is 1.44 em, at lineHeight 1.1), padding and rule. */
const rowHeight = (fontSize: number) => fontSize * 1.44 * 1.1 + 2 + 2 + 0.6;

function rowCount(placed: PlacedCell[]): number {
  return placed.reduce((rows, p) => Math.max(rows, p.row + p.rowSpan), 0);
}

/**
 * Column widths (pdfmake adds each cell's padding and rules to them) from the wanted ems, stretched in proportion to
 * fill the page's width; a table too wide even at the smallest size is shrunk in proportion.
 */
function fitWidths(ems: number[], fontSize: number): number[] {
  const room = WIDTH - ems.length * CELL_EXTRA - 1;
  const scale = room / ems.reduce((a, b) => a + b * fontSize, 0);
  return ems.map((e) => Math.floor(e * fontSize * scale * 100) / 100);
}
