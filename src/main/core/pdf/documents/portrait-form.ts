import type { Content, CustomTableLayout } from 'pdfmake/interfaces';

/**
 * What the A4 portrait forms of a hardship file share (申报表, 入户调查表, 公示): dates in words, the print stamp,
 * the ruled grid, margins, and page headers and footers that depend on the page numbers only.
 */


/** 2026-05-12 → 2026年5月12日. */
export function dateInWords(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** YYYY-MM-DD HH:mm in the computer's time zone, as the clerk's clock showed it. */
export function localStamp(at: Date): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** The empty date of a signature: filled in by hand. */
export const BLANK_DATE = '　　　　年　　月　　日';

/** A4 portrait is 595.28 × 841.89 pt; about 18 mm at the sides. */
export const PORTRAIT_MARGINS: [number, number, number, number] = [50, 56, 50, 48];
export const PORTRAIT_WIDTH = 595.28 - PORTRAIT_MARGINS[0] - PORTRAIT_MARGINS[2];

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

/** "第 x 页 共 y 页" on the right, the print time on the left: a function of the page numbers only. */
export function pageFooter(printedAt: Date) {
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
export function continuationHeader(title: string) {
  return (page: number): Content =>
    page === 1 ? { text: '' } : { text: `${title}（续）`, alignment: 'center', fontSize: 9, color: '#555555', margin: [PORTRAIT_MARGINS[0], 30, PORTRAIT_MARGINS[2], 0] };
}
