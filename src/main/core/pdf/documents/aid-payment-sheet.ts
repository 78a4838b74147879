import type { Content, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { AID_GRID, figures, fitText, inWords, labelCell, MUTED, reissueMark, signatureLine, spanCells } from './aid-doc-parts';
import { dateInWords, localStamp } from './portrait-form';

/**
 * 发放表: the payment sheet of a batch or a program (docs/domain.md "Printed documents"), A4 landscape. Rows 序号, 凭证编号
 * (a reissue marked 补发 with the voided original's serial, so the sheet is read against the vouchers), 姓名, masked ID,
 * 单位, the bank and masked account (bank transfer) or a box where the recipient signs (cash), 金额.
 *
 * Every page ends with its own 本页小计, which pdfmake cannot compute, so the pages are built here: ROWS_PER_PAGE rows
 * a page, each page its own table, every row of a fixed height and every text fitted to one line (or two smaller
 * ones) of its column, so a page can never overflow and the subtotal is always the sum of the rows above it. The last
 * page also carries 合计 in figures and in 大写 and the signature line. Every name is static content (the footer only
 * numbers the pages), so the missing-glyph check sees it. A pure function of its data.
 */
export interface AidPaymentSheetRow {
  /** The voucher's serial, e.g. 2027-000123 (every payment on a sheet is approved, so it has one). */
  serial: string;
  /** A reissue (补发): the serial of the voided payment it replaces, null if that one was voided before approval. */
  reissueOf?: { serial: string | null } | null;
  name: string;
  maskedId: string;
  unit: string;
  /** The masked account of a bank transfer; null for cash, paid against the recipient's signature. */
  maskedAccount: string | null;
  /** The bank (开户行) of a bank transfer, printed before the account; null when not recorded. */
  bankName?: string | null;
  amountFen: number;
}

export interface AidPaymentSheetData {
  /** The union (organisation) paying. */
  orgName: string;
  programName: string;
  fundSourceLabel: string;
  /** The batch's name; null for a sheet of the whole program (printed 全部). */
  batchName: string | null;
  printedAt: Date;
  rows: AidPaymentSheetRow[];
}

export const PAYMENT_SHEET_TITLE = '帮扶救助金发放表';
/** Rows a page: with ROW_HEIGHT, the head and the last page's totals and signatures, it fills A4 landscape. */
export const ROWS_PER_PAGE = 15;
/** A row's height inside its padding (2 + 2 pt): one line at 9–10 pt or two fitted lines at 6.5 pt (fitText). */
const ROW_HEIGHT = 18;
const MARGINS: [number, number, number, number] = [28, 24, 28, 30];
/** A4 landscape less the margins. */
const WIDTH = 841.89 - MARGINS[0] - MARGINS[2];
/**
 * 序号, 凭证编号, 姓名, 身份证号, 单位, 账号, 金额. 凭证编号 holds 补发 原 2027-000012 at 6.5 pt (about 72 pt); 身份证号 an
 * 18-character masked ID at 9 pt (about 103 pt, erring wide); 单位 takes what is left (about 225 pt).
 */
const WIDTHS = [30, 84, 84, 112, '*', 160, 88] as const;
const FIXED = 30 + 84 + 84 + 112 + 160 + 88;
/** The columns' room for text, less the cells' padding (3 + 3 pt) and, for 单位, the rules between columns. */
const FIT = { serial: 84 - 6, name: 84 - 6, id: 112 - 6, account: 160 - 6, unit: WIDTH - FIXED - 7 * 6 - 6 };

export function aidPaymentSheetDocument(data: AidPaymentSheetData): TDocumentDefinitions {
  const pages: AidPaymentSheetRow[][] = [];
  for (let start = 0; start < data.rows.length; start += ROWS_PER_PAGE) pages.push(data.rows.slice(start, start + ROWS_PER_PAGE));
  if (pages.length === 0) pages.push([]);
  const total = data.rows.reduce((sum, row) => sum + row.amountFen, 0);
  const accountHead = accountColumnHead(data.rows);

  const content: Content[] = pages.map((rows, index) => {
    const last = index === pages.length - 1;
    return {
      ...(last ? {} : { pageBreak: 'after' as const }),
      stack: [
        pageHead(data),
        {
          table: {
            headerRows: 1,
            widths: [...WIDTHS],
            heights: (row: number) => (row === 0 ? 14 : ROW_HEIGHT),
            body: [
              ['序号', '凭证编号', '姓名', '身份证号', '单位', accountHead, '金额（元）'].map((text) =>
                labelCell(text, { alignment: 'center' }),
              ),
              ...rows.map((row, i) => rowCells(row, index * ROWS_PER_PAGE + i + 1)),
              totalRow(
                '本页小计',
                `${rows.length} 人`,
                rows.reduce((sum, row) => sum + row.amountFen, 0),
              ),
              ...(last ? grandTotal(data.rows.length, total) : []),
            ],
          },
          layout: AID_GRID,
        },
        ...(last ? [signatures()] : []),
      ],
    };
  });

  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    info: { title: PAYMENT_SHEET_TITLE, creationDate: data.printedAt },
    footer: (currentPage: number, pageCount: number) => ({
      text: `第 ${currentPage} 页 共 ${pageCount} 页`,
      alignment: 'center',
      fontSize: 9,
      margin: [MARGINS[0], 8, MARGINS[2], 0],
    }),
    defaultStyle: { fontSize: 9, lineHeight: 1.1 },
    content,
  };
}

/** 账号, 领款人签字, or both when the sheet mixes bank transfers and cash. */
function accountColumnHead(rows: AidPaymentSheetRow[]): string {
  const bank = rows.some((row) => row.maskedAccount !== null);
  const cash = rows.some((row) => row.maskedAccount === null);
  if (bank && cash) return '账号 / 领款人签字';
  return cash ? '领款人签字' : '账号';
}

/** The union, the title and the sheet's program, fund source and batch, repeated on every page. */
function pageHead(data: AidPaymentSheetData): Content {
  const third = (WIDTH - 20) / 3;
  return {
    margin: [0, 0, 0, 6],
    stack: [
      { text: PAYMENT_SHEET_TITLE, fontSize: 17, bold: true, alignment: 'center', characterSpacing: 2 },
      { ...fitText(`发放单位：${data.orgName}`, WIDTH, 10), alignment: 'center', margin: [0, 2, 0, 4] },
      {
        columnGap: 10,
        columns: [
          { width: third, ...fitText(`救助项目：${data.programName}`, third, 9.5) },
          { width: third, ...fitText(`资金来源：${data.fundSourceLabel}\u3000发放批次：${data.batchName ?? '全部'}`, third, 9.5) },
          { width: third, text: `打印日期：${dateInWords(localStamp(data.printedAt).slice(0, 10))}`, alignment: 'right', color: MUTED },
        ],
      },
    ],
  };
}

/** The serial; a reissue's on two lines at the fitted two-line size, 补发 and the original's serial below it. */
function serialCell(row: AidPaymentSheetRow): ContentText {
  if (!row.reissueOf) return fitText(row.serial, FIT.serial);
  return {
    text: [{ text: row.serial }, '\n', { text: reissueMark(row.reissueOf.serial), bold: true }],
    fontSize: 6.5,
    lineHeight: 0.95,
  };
}

/** 工商银行 **** 3445: the bank, when recorded, before the masked account; a long bank name is cut, never the account. */
function accountCell(row: AidPaymentSheetRow, account: string): ContentText {
  const bank = row.bankName?.trim();
  return bank ? fitText(`${bank} `, FIT.account, 9, account) : fitText(account, FIT.account);
}

function rowCells(row: AidPaymentSheetRow, serial: number): TableCell[] {
  const middle = { verticalAlignment: 'middle' as const };
  return [
    { text: String(serial), alignment: 'center', ...middle },
    { ...serialCell(row), ...middle },
    { ...fitText(row.name, FIT.name, 10), ...middle },
    { ...fitText(row.maskedId, FIT.id), ...middle },
    { ...fitText(row.unit, FIT.unit), ...middle },
    row.maskedAccount === null ? { text: '' } : { ...accountCell(row, row.maskedAccount), ...middle },
    { text: figures(row.amountFen).slice(1), alignment: 'right', ...middle },
  ];
}

/** 本页小计 or 合计: the label, the number of people, and the amount in the 金额 column. */
function totalRow(label: string, people: string, fen: number): TableCell[] {
  const middle = { verticalAlignment: 'middle' as const };
  return [
    ...spanCells({ text: label, bold: true, alignment: 'center', ...middle }, 3),
    { text: people, ...middle },
    ...spanCells({ text: '' }, 2),
    { text: figures(fen), bold: true, alignment: 'right', ...middle },
  ];
}

/** 合计 in figures, then in 人民币大写 across the table. */
function grandTotal(people: number, fen: number): TableCell[][] {
  return [
    totalRow('合\u3000\u3000计', `共 ${people} 人`, fen),
    [
      ...spanCells({ text: '合计（大写）', bold: true, alignment: 'center', verticalAlignment: 'middle' }, 3),
      ...spanCells({ text: inWords(fen), bold: true, fontSize: 11, verticalAlignment: 'middle' }, 4),
    ],
  ];
}

function signatures(): Content {
  const quarter = (WIDTH - 3 * 16) / 4;
  return {
    margin: [0, 16, 0, 0],
    columnGap: 16,
    columns: ['制表人', '经办人', '审核人', '负责人'].map((label) => signatureLine(label, quarter, 10.5)),
  };
}
