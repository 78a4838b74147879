import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  AID_GRID,
  cutLine,
  figures,
  fitText,
  inWords,
  labelCell,
  MUTED,
  pageStart,
  reissueNote,
  reprintNote,
  sealBox,
  signatureLine,
  spanCells,
  VOID_RED,
  voidStamp,
} from './aid-doc-parts';
import { qrCode } from '../qr-code';
import { localStamp } from './portrait-form';

/**
 * 领取凭证: the voucher of an aid payment (docs/domain.md "Printed documents"). One page per voucher, so a whole batch
 * prints as one PDF: on A4 its three parts 存根 / 领款联 / 财务联 stacked with dashed cut lines between them, or on A5
 * (landscape) the 领款联 alone. Every part carries the serial, the fields, the amount in figures and in 人民币大写, the
 * signature lines, the seal area and the QR code of the signed summary; a reissue's also names the voided voucher it
 * replaces (补发，原凭证 … 已作废).
 *
 * Each part is placed at a fixed position on its page (absolutePosition), so the cut lines fall at exact thirds of
 * the sheet and a long unit name can never push a part onto the next page. A pure function of its data; there are no
 * header or footer functions, so every name is static content that the missing-glyph check sees.
 */
export interface AidVoucherData {
  /** The yearly serial, e.g. 2027-000123. */
  serial: string;
  recipientName: string;
  /** As it may be printed (maskIdNumber). */
  maskedId: string;
  unit: string;
  aidTypeLabel: string;
  programName: string;
  fundSourceLabel: string;
  amountFen: number;
  method: 'bank' | 'cash';
  /** The masked account for a bank transfer; ignored for cash. */
  maskedAccount?: string | null;
  /** The approval or paid date, YYYY-MM-DD. */
  date: string;
  enteredBy: string;
  approvedBy: string;
  /** The signed summary (ASCII, so a USB scanner can type it back). */
  qrText: string;
  /** 0 for the first print; n > 0 prints 补打（第 n 次）. */
  reprintCount: number;
  voided: boolean;
  /** A reissue (补发): the serial of the voided payment it replaces (null if voided before approval); null otherwise. */
  reissueOf?: { serial: string | null } | null;
}

export interface AidVoucherDocumentData {
  orgName: string;
  printedAt: Date;
  layout: 'a4-three' | 'a5';
  vouchers: AidVoucherData[];
}

export const VOUCHER_TITLE = '帮扶救助金领取凭证';
export const VOUCHER_PARTS = ['第一联　存根', '第二联　领款联', '第三联　财务联'] as const;

/** A4 portrait and A5 landscape are both 595.28 pt wide: a part has the same width on either. */
const PAGE_WIDTH = 595.28;
const SIDE = 28;
const PART_WIDTH = PAGE_WIDTH - 2 * SIDE;
const A4_HEIGHT = 841.89;
const THIRD = A4_HEIGHT / 3;
/** A part's own top margin inside its third. */
const PART_TOP = 16;
const A5_TOP = 96;
/** The QR code (qrCode: 80–98 pt) and the seal box below it. */
const RIGHT_COLUMN = 100;
const GAP = 8;

export function aidVoucherDocument(data: AidVoucherDocumentData): TDocumentDefinitions {
  const stamp = localStamp(data.printedAt);
  const content: Content[] = [];
  data.vouchers.forEach((voucher, index) => {
    content.push(pageStart(index));
    if (data.layout === 'a5') {
      content.push(...part(data.orgName, stamp, voucher, VOUCHER_PARTS[1].slice(4), A5_TOP));
      return;
    }
    VOUCHER_PARTS.forEach((name, i) => content.push(...part(data.orgName, stamp, voucher, name, i * THIRD + PART_TOP)));
    content.push(...cutLine(THIRD, PAGE_WIDTH), ...cutLine(2 * THIRD, PAGE_WIDTH));
  });
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    ...(data.layout === 'a5' ? { pageSize: 'A5', pageOrientation: 'landscape' } : {}),
    // The parts are placed absolutely: the bottom margin only bounds them (a part that ran past it would break).
    pageMargins: [SIDE, 14, SIDE, 8],
    info: { title: VOUCHER_TITLE, creationDate: data.printedAt },
    defaultStyle: { fontSize: 9.5, lineHeight: 1.1 },
    content,
  };
}

/** One part of a voucher, its top at page position `top`; a voided voucher gets its 作废 stamp over the part. */
function part(orgName: string, stamp: string, v: AidVoucherData, name: string, top: number): Content[] {
  const block: Content = {
    absolutePosition: { x: SIDE, y: top },
    stack: [
      heading(v, name),
      { text: `${orgName}\u3000\u3000打印时间 ${stamp}`, fontSize: 8, color: MUTED, alignment: 'center', margin: [0, 0, 0, 4] },
      {
        columnGap: GAP,
        columns: [
          {
            width: '*',
            stack: [
              { table: { widths: [60, '*', 48, 112], body: fields(v) }, layout: AID_GRID },
              {
                margin: [0, 12, 0, 0],
                columnGap: 12,
                columns: [signatureLine('领款人（签字）', 168), signatureLine('经办人', 116), signatureLine('审核人', 116)],
              },
            ],
          },
          {
            width: RIGHT_COLUMN,
            stack: [
              qrCode(v.qrText),
              { text: '扫码核验真伪', fontSize: 7, color: MUTED, alignment: 'center', margin: [0, 1, 0, 6] },
              sealBox(70, 56, RIGHT_COLUMN, '（单位盖章）'),
            ],
          },
        ],
      },
    ],
  };
  return v.voided ? [block, voidStamp(SIDE, top + 62, PART_WIDTH - RIGHT_COLUMN - GAP)] : [block];
}

/**
 * 编号 on the left (a reissue's with the voided voucher it replaces below it), the title in the middle, the part's name
 * (and a reprint's or a void's note) on the right. The reissue's line takes the room of 编号's top margin, so a part
 * keeps its height: each third of the sheet has no point to spare.
 */
function heading(v: AidVoucherData, name: string): Content {
  const notes = [reprintNote(v.reprintCount), v.voided ? '作废' : ''].filter(Boolean).join('　');
  const serial = { text: `编号：${v.serial}`, fontSize: 10, bold: true };
  return {
    columns: [
      v.reissueOf
        ? { width: 150, stack: [serial, { text: reissueNote(v.reissueOf.serial), fontSize: 8, bold: true, color: VOID_RED, noWrap: true }] }
        : { width: 150, ...serial, margin: [0, 6, 0, 0] },
      { width: '*', text: VOUCHER_TITLE, fontSize: 16, bold: true, alignment: 'center', characterSpacing: 2 },
      {
        width: 150,
        alignment: 'right',
        stack: [
          { text: name, fontSize: 10, bold: true },
          { text: notes || ' ', fontSize: 8, bold: true, color: VOID_RED },
        ],
      },
    ],
  };
}

function methodText(v: AidVoucherData): string {
  return v.method === 'bank' ? `银行转账\u3000${v.maskedAccount ?? ''}`.trim() : '现金（凭签字领取）';
}

/** The fields; names that could wrap are fitted (fitText) so that a part keeps its height. */
function fields(v: AidVoucherData): TableCell[][] {
  return [
    [labelCell('领款人'), { ...fitText(v.recipientName, 180, 9.5), bold: true }, labelCell('身份证号'), v.maskedId],
    [labelCell('单位'), ...spanCells(fitText(v.unit, 350, 9.5), 3)],
    [labelCell('救助类别'), v.aidTypeLabel, labelCell('资金来源'), v.fundSourceLabel],
    [labelCell('救助项目'), ...spanCells(fitText(v.programName, 350, 9.5), 3)],
    [labelCell('发放方式'), methodText(v), labelCell('日期'), v.date],
    [labelCell('金额（小写）'), ...spanCells({ text: figures(v.amountFen), bold: true, fontSize: 11 }, 3)],
    [labelCell('金额（大写）'), ...spanCells({ text: inWords(v.amountFen), bold: true, fontSize: 11 }, 3)],
    [labelCell('经办人'), v.enteredBy, labelCell('审核人'), v.approvedBy],
  ];
}
