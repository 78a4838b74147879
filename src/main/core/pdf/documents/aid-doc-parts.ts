import type { Column, Content, ContentStack, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { chineseUppercase, formatYuan } from '@shared/domain/money';

/**
 * What the printed aid documents share (领取凭证, 发放表, 困难职工证明, 联系卡): money in figures and in 人民币大写, the
 * reprint note, signature lines, the seal area, the 作废 stamp and the dashed cut line. Every piece is static content
 * (no functions), so the missing-glyph check sees every character of it.
 */

export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const VOID_RED = '#c0392b';

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;

/** ¥1,409.50: the amount in figures. */
export const figures = (fen: number): string => `¥${formatYuan(fen)}`;

/** 人民币壹仟肆佰零玖元伍角: the amount in words, always generated (money.ts), never typed. */
export const inWords = (fen: number): string => `人民币${chineseUppercase(fen)}`;

/** "补打（第 2 次）" for the second reprint; '' for the first print. */
export const reprintNote = (count: number): string => (count > 0 ? `补打（第 ${count} 次）` : '');

/**
 * A reissue (补发) names the voided payment it replaces, so the paper trail joins: 补发 原 2027-000012 on the payment
 * sheet, 补发，原凭证 2027-000012 已作废 on the voucher. A payment voided before approval had no voucher.
 */
export const reissueMark = (originalSerial: string | null): string =>
  originalSerial ? `补发 原 ${originalSerial}` : '补发（原付款未出凭证）';
export const reissueNote = (originalSerial: string | null): string =>
  originalSerial ? `补发，原凭证 ${originalSerial} 已作废` : '补发，原付款已作废（未出凭证）';

/** The ruled grid of the aid forms: thin dark lines, snug padding so a part keeps its fixed height. */
export const AID_GRID: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#333333',
  vLineColor: () => '#333333',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A cell naming what the next one holds. */
export const labelCell = (text: string, more: Record<string, unknown> = {}): TableCell => ({
  text,
  bold: true,
  fillColor: '#eeeeee',
  noWrap: true,
  ...more,
});

/** A cell spanning `span` columns, followed by the placeholders pdfmake expects. */
export const spanCells = (cell: TableCell, span: number): TableCell[] => [
  { ...(cell as object), colSpan: span } as TableCell,
  ...Array.from({ length: span - 1 }, () => ({})),
];

/**
 * "领款人：＿＿＿＿" as a label and a line to sign on, `width` points wide in all. One text (full-width low lines join
 * into a rule) rather than a label and a drawn line side by side: a voucher page has nine of them, and every node
 * costs pdfmake layout time on a 5,000-page batch.
 */
export function signatureLine(label: string, width: number, fontSize = 10): Column {
  const labelWidth = (label.length + 1) * fontSize;
  // A few points short of the column, so a line never runs into the next label.
  const blanks = Math.max(Math.floor((width - labelWidth - 6) / fontSize), 2);
  return { width, text: [`${label}：`, { text: '＿'.repeat(blanks), color: INK }], fontSize, noWrap: true };
}

/** The dashed box where the organisation's seal is pressed, its caption in the middle, centred in a column `within` wide. */
export function sealBox(width: number, height: number, within: number, caption = '（盖章）'): ContentStack {
  const left = (within - width) / 2;
  return {
    stack: [
      {
        canvas: [{ type: 'rect', x: left, y: 0, w: width, h: height, lineWidth: 0.6, lineColor: '#888888', dash: { length: 3, space: 2 } }],
      },
      { text: caption, fontSize: 8, color: MUTED, alignment: 'center', margin: [0, -height / 2 - 6, 0, height / 2 - 6] },
    ],
  };
}

/**
 * 作废 in large outlined red letters, laid over a part at page position (x, y) and centred on `width`. pdfmake's
 * own watermark is one per document, and a batch mixes voided and valid vouchers, so each voided part draws its own.
 */
export function voidStamp(x: number, y: number, width: number, fontSize = 96): Content {
  return {
    absolutePosition: { x, y },
    columns: [{ text: '作　废', width, alignment: 'center', fontSize, bold: true, color: VOID_RED, opacity: 0.35, characterSpacing: 12 }],
  };
}

/** A dashed line across the page at `y` with a small ✂ label: where the parts of a voucher are cut apart. */
export function cutLine(y: number, pageWidth: number, label = '✂ 沿此线裁开'): Content[] {
  return [
    {
      absolutePosition: { x: 0, y },
      canvas: [
        { type: 'line', x1: 8, y1: 0, x2: pageWidth - 8, y2: 0, lineWidth: 0.5, lineColor: '#777777', dash: { length: 4, space: 3 } },
      ],
    },
    { absolutePosition: { x: 20, y: y - 5 }, text: ` ${label} `, fontSize: 7, color: '#777777', background: 'white' },
  ];
}

/** An A4 page of several blocks begins with a break, except the first (absolutely placed blocks cannot break). */
export const pageStart = (index: number): Content => (index === 0 ? { text: '' } : { text: '', pageBreak: 'before' });

/**
 * A text's width in em in Noto Serif SC, erring wide: CJK and full-width forms are 1 em, Latin capitals up to about
 * 1 em (W), other ASCII about 0.55.
 */
function ems(text: string): number {
  let width = 0;
  for (const char of text) width += /[A-Z]/.test(char) ? 0.85 : (char.codePointAt(0) ?? 0) < 0x2e80 ? 0.62 : 1;
  return width;
}

/** The smallest size a fitted text gets on one line, and its size on two. */
const ONE_LINE_MIN = 7;
const TWO_LINES = 6.5;

/**
 * A text fitted to `width` points, so that the fixed-height cell holding it never grows: on one line at `size` if it
 * fits, else one line at a smaller size down to 7 pt, else two lines at 6.5 pt, and beyond that cut short with …
 * before `keep`, its ending that must stay whole (a bank name gives way, its account's last digits never do).
 * Two lines at 6.5 pt take 2 × 6.5 × 1.44 (the font's ascent − descent in em) × 0.95 ≈ 17.8 pt, one line at 9 pt
 * about 14 pt.
 */
export function fitText(text: string, width: number, size = 9, keep = ''): { text: string; fontSize: number; lineHeight: number } {
  const whole = `${text}${keep}`;
  const wide = ems(whole);
  if (wide * size <= width) return { text: whole, fontSize: size, lineHeight: 1.1 };
  const smaller = Math.floor((width / wide) * 2) / 2;
  if (smaller >= ONE_LINE_MIN) return { text: whole, fontSize: smaller, lineHeight: 1.1 };
  // Two lines, with a margin for where pdfmake breaks them (a Latin word moves to the next line whole).
  const room = (2 * width * 0.9) / TWO_LINES;
  let cut = whole;
  if (wide > room) {
    const chars = [...text];
    const kept = ems(keep);
    while (chars.length > 0 && ems(chars.join('')) + kept + 1 > room) chars.pop();
    cut = `${chars.join('')}…${keep}`;
  }
  return { text: cut, fontSize: TWO_LINES, lineHeight: 0.95 };
}
