import type { CanvasLine, Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { fitText, MM, MUTED, pageStart } from './aid-doc-parts';

/**
 * 联系卡: contact cards for a set of hardship files (docs/domain.md "Printed documents"), the size of a bank card
 * (85.6 × 54 mm), ten to an A4 page in two columns of five, edge to edge so that one cut serves two cards, with crop
 * marks outside the grid and a faint outline around each card for scissors. Each card: 帮扶联系卡, the card number, the
 * name, the category, the centre's contact person and phone, and the 12351 union hotline.
 *
 * Cards are placed at fixed positions (absolutePosition), so a long name can never move the grid. A pure function of its
 * data; every name is static content, seen by the missing-glyph check.
 */
export interface ContactCardData {
  orgName: string;
  printedAt: Date;
  /** The centre's contact person and phone, printed on every card. */
  contactPerson: string;
  contactPhone: string;
  /**
   * Each card; a file's own 帮扶责任人 (its first contact, with their phone when set) replaces the centre's on its card.
   */
  cards: { cardNumber: string; name: string; categoryLabel: string; contactPerson?: string; contactPhone?: string }[];
}

export const CARD_TITLE = '帮扶联系卡';
export const UNION_HOTLINE = '12351';
export const CARDS_PER_PAGE = 10;

const CARD_W = 85.6 * MM;
const CARD_H = 54 * MM;
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const COLS = 2;
const ROWS = 5;
/** The grid centred on the page. */
const LEFT = (PAGE_W - COLS * CARD_W) / 2;
const TOP = (PAGE_H - ROWS * CARD_H) / 2;
const PAD = 12;
const INNER = CARD_W - 2 * PAD;
/** Crop marks: this long, starting this far outside the grid. */
const MARK = 14;
const MARK_GAP = 4;

export function contactCardsDocument(data: ContactCardData): TDocumentDefinitions {
  const content: Content[] = [];
  for (let start = 0, page = 0; start < Math.max(data.cards.length, 1); start += CARDS_PER_PAGE, page++) {
    content.push(pageStart(page), cropMarks());
    data.cards.slice(start, start + CARDS_PER_PAGE).forEach((card, i) => {
      const x = LEFT + (i % COLS) * CARD_W;
      const y = TOP + Math.floor(i / COLS) * CARD_H;
      content.push(...cardAt(x, y, card, data));
    });
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    // The cards are placed absolutely; the margins only keep them inside the sheet.
    pageMargins: [10, 10, 10, 10],
    info: { title: CARD_TITLE, creationDate: data.printedAt },
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    content,
  };
}

function cardAt(x: number, y: number, card: ContactCardData['cards'][number], data: ContactCardData): Content[] {
  const label = { color: MUTED };
  return [
    {
      absolutePosition: { x, y },
      canvas: [{ type: 'rect', x: 0, y: 0, w: CARD_W, h: CARD_H, lineWidth: 0.3, lineColor: '#bbbbbb', dash: { length: 2, space: 2 } }],
    },
    {
      absolutePosition: { x: x + PAD, y: y + 10 },
      columns: [
        {
          width: INNER,
          stack: [
            {
              columns: [
                { width: 'auto', text: CARD_TITLE, fontSize: 14, bold: true, characterSpacing: 2, color: '#b03a2e' },
                { width: '*', text: `卡号 ${card.cardNumber}`, fontSize: 9, alignment: 'right', margin: [0, 4, 0, 0] },
              ],
            },
            { canvas: [{ type: 'line', x1: 0, y1: 3, x2: INNER, y2: 3, lineWidth: 0.8, lineColor: '#b03a2e' }], margin: [0, 0, 0, 6] },
            {
              text: [
                { text: '姓\u3000\u3000名：', ...label },
                { ...fitText(card.name, INNER - 60, 12), bold: true },
              ],
            },
            { text: [{ text: '困难类别：', ...label }, card.categoryLabel], margin: [0, 4, 0, 0] },
            {
              text: [
                { text: '帮扶联系人：', ...label },
                fitText(`${card.contactPerson ?? data.contactPerson}\u3000${card.contactPhone ?? data.contactPhone}`, INNER - 56, 9),
              ],
              margin: [0, 4, 0, 0],
            },
            {
              text: [
                { text: '职工服务热线：', ...label },
                { text: UNION_HOTLINE, bold: true, fontSize: 12 },
              ],
              margin: [0, 3, 0, 0],
            },
            { ...fitText(data.orgName, INNER, 8), color: MUTED, alignment: 'right', margin: [0, 6, 0, 0] },
          ],
        },
      ],
    },
  ];
}

/** Short lines outside the grid on every cutting line: above and below each column edge, left and right of each row edge. */
function cropMarks(): Content {
  const lines: CanvasLine[] = [];
  const mark = (x1: number, y1: number, x2: number, y2: number) =>
    lines.push({ type: 'line', x1, y1, x2, y2, lineWidth: 0.4, lineColor: '#333333' });
  const bottom = TOP + ROWS * CARD_H;
  const right = LEFT + COLS * CARD_W;
  for (let c = 0; c <= COLS; c++) {
    const x = LEFT + c * CARD_W;
    mark(x, TOP - MARK_GAP - MARK, x, TOP - MARK_GAP);
    mark(x, bottom + MARK_GAP, x, bottom + MARK_GAP + MARK);
  }
  for (let r = 0; r <= ROWS; r++) {
    const y = TOP + r * CARD_H;
    mark(LEFT - MARK_GAP - MARK, y, LEFT - MARK_GAP, y);
    mark(right + MARK_GAP, y, right + MARK_GAP + MARK, y);
  }
  return { absolutePosition: { x: 0, y: 0 }, canvas: lines };
}
