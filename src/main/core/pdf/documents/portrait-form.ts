import type { Content, CustomTableLayout, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * What the A4 portrait forms of a hardship file share (申报表, 入户调查表, 公示): dates in words, the print stamp,
 * the ruled grid, margins, the forms' styles and cells, and page headers and footers that depend on the page numbers
 * only.
 */

/** 2026-05-12 → 2026年5月12日. */
export function dateInWords(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** YYYY-MM-DD HH:mm in the computer's time zone, as the clerk's clock showed it. */
export function localStamp(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The empty date of a signature: filled in by hand. */
export const BLANK_DATE = '　　　　年　　月　　日';

/** A4 portrait is 595.28 × 841.89 pt; about 18 mm at the sides. */
const PORTRAIT_MARGINS: [number, number, number, number] = [50, 56, 50, 48];

/** The ruled grid of a form. */
export const GRID: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#333333',
  vLineColor: () => '#333333',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** The styles of the forms filled in for a file (申报表, 入户调查表): each adds its own `meta` line. */
export const FORM_STYLES: StyleDictionary = {
  title: { fontSize: 18, bold: true, alignment: 'center', characterSpacing: 2, margin: [0, -16, 0, 8] },
  section: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  label: { bold: true, fillColor: '#eeeeee' },
};
export const FORM_DEFAULT_STYLE = { fontSize: 9, lineHeight: 1.2 };

/** A cell naming what the next one holds. */
export const label = (text: string, more: Record<string, unknown> = {}): TableCell => ({ text, style: 'label', ...more });
export const value = (text: string, more: Record<string, unknown> = {}): TableCell => ({ text, ...more });
/** A cell spanning `span` columns, followed by the placeholders pdfmake expects. */
export const spanned = (cell: TableCell, span: number): TableCell[] => [
  { ...(cell as object), colSpan: span } as TableCell,
  ...Array.from({ length: span - 1 }, () => ({})),
];

/** "第 x 页 共 y 页" on the right, the print time on the left: a function of the page numbers only. */
function pageFooter(printedAt: Date) {
  const stamp = localStamp(printedAt);
  return (currentPage: number, pageCount: number): Content => ({
    columns: [
      { text: `打印时间 ${stamp}`, fontSize: 8, color: '#555555' },
      { text: `第 ${currentPage} 页 共 ${pageCount} 页`, alignment: 'right', fontSize: 9 },
    ],
    margin: [PORTRAIT_MARGINS[0], 16, PORTRAIT_MARGINS[2], 0],
  });
}

/** The document's name at the top of every page after the first (static text: no names in dynamic content). */
function continuationHeader(title: string) {
  return (page: number): Content =>
    page === 1
      ? { text: '' }
      : {
          text: `${title}（续）`,
          alignment: 'center',
          fontSize: 9,
          color: '#555555',
          margin: [PORTRAIT_MARGINS[0], 30, PORTRAIT_MARGINS[2], 0],
        };
}

/**
 * The page setup of a portrait form: A4, the margins, the document's title (`infoTitle` when the PDF's own title
 * says more), the continuation header and the footer.
 */
export function portraitPages(
  title: string,
  printedAt: Date,
  infoTitle = title,
): Pick<TDocumentDefinitions, 'pageSize' | 'pageOrientation' | 'pageMargins' | 'info' | 'header' | 'footer'> {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PORTRAIT_MARGINS,
    info: { title: infoTitle, creationDate: printedAt },
    header: continuationHeader(title),
    footer: pageFooter(printedAt),
  };
}
