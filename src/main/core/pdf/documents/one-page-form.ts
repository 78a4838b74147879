import type { Content, CustomTableLayout, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * The one-page A4 sheets about the organisation itself, never a family (数据库恢复码, 机构密钥卡): a centred title
 * over a rule, a line saying what the sheet is for, headed sections with a table of facts and a boxed value, and
 * lines to sign at the foot. Each sheet keeps its own words and sizes; this module keeps the frame they share.
 */

/** A4 is 595 × 842 pt; about 21 mm at the sides, the usual margin of an office form. */
export const PAGE_MARGINS: [number, number, number, number] = [60, 46, 60, 60];
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const RULE = '#8c8c8c';

export interface OnePageForm {
  title: string;
  /** The PDF's creation date (the moment the sheet's content is of). */
  createdAt: Date;
  /** The line under the title: what the sheet is for. */
  purpose: string;
  /** Space above each section heading, in points. */
  headingTop: number;
  /** The sheet's own styles (the large code or digits), next to title, heading, label and small. */
  styles: StyleDictionary;
  /** A marking in the top right corner of the page, e.g. 机密. */
  marking?: string;
  body: Content[];
  footer: string;
}

export function onePageForm(form: OnePageForm): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    info: { title: form.title, creationDate: form.createdAt },
    defaultStyle: { fontSize: 11, lineHeight: 1.3, color: INK },
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center', characterSpacing: 1 },
      heading: { fontSize: 13, bold: true, margin: [0, form.headingTop, 0, 6] },
      label: { color: MUTED },
      ...form.styles,
      small: { fontSize: 9, color: MUTED },
    },
    // In the top margin, so the marking costs the body no space.
    ...(form.marking === undefined
      ? {}
      : { header: { text: form.marking, style: 'small', alignment: 'right', margin: [PAGE_MARGINS[0], 22, PAGE_MARGINS[2], 0] } }),
    content: [
      { text: form.title, style: 'title', margin: [0, 6, 0, 4] },
      rule(1.2),
      { text: form.purpose, style: 'small', alignment: 'center', margin: [0, 6, 0, 0] },
      ...form.body,
    ],
    footer: { text: form.footer, style: 'small', alignment: 'center', margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0] },
  };
}

/** A line across the page. */
export function rule(width: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: width, lineColor: INK }] };
}

/** Ruled lines of one width and colour around every cell; padding at the sides, and above and below. */
export function boxLayout(
  width: number,
  color: string,
  paddingX: number,
  paddingTop = paddingX * 0.6,
  paddingBottom = paddingTop,
): CustomTableLayout {
  return {
    hLineWidth: () => width,
    vLineWidth: () => width,
    hLineColor: () => color,
    vLineColor: () => color,
    paddingLeft: () => paddingX,
    paddingRight: () => paddingX,
    paddingTop: () => paddingTop,
    paddingBottom: () => paddingBottom,
  };
}

/** Label and value a row, the label on grey. */
export function factsTable(rows: [string, string][], labelWidth: number, layout = boxLayout(0.6, RULE, 8)): Content {
  return {
    table: {
      widths: [labelWidth, '*'],
      body: rows.map(([label, value]) => [
        { text: label, style: 'label', fillColor: '#f2f2f2' },
        { text: value, bold: true },
      ]),
    },
    layout,
  };
}

export interface SignatureLines {
  /** Two labels a row, each followed by a line to write on. */
  rows: [string, string][];
  labelWidth: number;
  marginTop: number;
  /** What stands under the lines (e.g. where the seal goes). */
  after?: Content;
}

export function signatureLines({ rows, labelWidth, marginTop, after }: SignatureLines): Content {
  // Labels of one width, so the blanks start at the same place; the two columns fill the line.
  const gap = 24;
  const blank = Math.floor((CONTENT_WIDTH - gap) / 2 - labelWidth);
  const field = (label: string): Content => ({
    columns: [
      { text: label, width: labelWidth },
      { canvas: [{ type: 'line', x1: 0, y1: 15, x2: blank, y2: 15, lineWidth: 0.6, lineColor: INK }], width: blank },
    ],
    columnGap: 0,
  });
  const lines = rows.map(([left, right], index): Content => {
    const last = index === rows.length - 1 && after === undefined;
    return { columns: [field(left), field(right)], columnGap: gap, ...(last ? {} : { margin: [0, 0, 0, 14] }) };
  });
  return {
    margin: [0, marginTop, 0, 0],
    // Never half on a second page: the signatures belong under what they acknowledge.
    unbreakable: true,
    stack: after === undefined ? lines : [...lines, after],
  };
}
