import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { HardshipCategory } from '@shared/domain/means-test';
import { CATEGORY_LABELS } from '@shared/labels-zh';
import { dateInWords, GRID, localStamp, portraitPages } from './portrait-form';

/**
 * 公示: the public notice of a set of hardship files, A4 portrait, posted where anyone can read it. It carries ONLY
 * 序号, 姓名, 单位, 类别 (docs/domain.md "Printed documents"): the data type has no other personal field, so an ID
 * number, a household's address or phone, an account, a birth date, a health condition or an income cannot reach it.
 * The only phone and address on it are the centre's own (org settings), where the public may object. A pure function of its
 * data; page headers and footers depend on the page number only.
 */
export interface PublicNoticeData {
  orgName: string;
  /** The centre's own phone and address for objections (org settings); null when not set. */
  contactPhone: string | null;
  contactAddress: string | null;
  printedAt: Date;
  /** The notice period in force today (policy noticeWorkingDays). */
  noticeWorkingDays: number;
  /** The notice's last day, when the files are under notice (the latest of theirs); null before it starts. */
  endsOn: string | null;
  rows: { name: string; unit: string | null; category: HardshipCategory | null }[];
}

const TITLE = '困难职工建档公示';

/** "，电话：…，地址：…" as far as the centre has set them: how the public reaches it to object. */
function reachBy(data: PublicNoticeData): string {
  return [data.contactPhone ? `，电话：${data.contactPhone}` : '', data.contactAddress ? `，地址：${data.contactAddress}` : ''].join('');
}

function noticeText(data: PublicNoticeData): string {
  const until = data.endsOn ? `，至${dateInWords(data.endsOn)}止` : '，自张贴之日起计算';
  return (
    `根据困难职工帮扶工作的有关规定，经本人申请、入户调查和民主评议，拟将以下 ${data.rows.length} 户职工认定为困难职工并建立档案，现予公示。` +
    `公示期为 ${data.noticeWorkingDays} 个工作日${until}。` +
    `如有异议，请于公示期内以书面或当面方式向${data.orgName}反映${reachBy(data)}，反映情况须实事求是。`
  );
}

export function publicNoticeDocument(data: PublicNoticeData): TDocumentDefinitions {
  const head = ['序号', '姓名', '单位', '类别'].map((text): TableCell => ({ text, style: 'head' }));
  const body: TableCell[][] = [
    head,
    ...data.rows.map((r, i): TableCell[] => [
      { text: String(i + 1), alignment: 'center' },
      { text: r.name },
      { text: r.unit ?? '—' },
      { text: r.category ? CATEGORY_LABELS[r.category] : '—', alignment: 'center' },
    ]),
  ];
  const closing: Content = {
    unbreakable: true,
    margin: [0, 24, 0, 0],
    stack: [
      { text: data.orgName, alignment: 'right' },
      { text: dateInWords(localStamp(data.printedAt).slice(0, 10)), alignment: 'right', margin: [0, 4, 0, 0] },
    ],
  };
  return {
    ...portraitPages(TITLE, data.printedAt, `${data.orgName} ${TITLE}`),
    content: [
      { text: data.orgName, style: 'org' },
      { text: TITLE, style: 'title' },
      { text: noticeText(data), style: 'body' },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [40, 100, '*', 80], body },
        layout: { ...GRID, paddingTop: () => 4, paddingBottom: () => 4 },
        fontSize: 11,
      },
      closing,
    ],
    styles: {
      org: { fontSize: 14, bold: true, alignment: 'center', margin: [0, -16, 0, 2] },
      title: { fontSize: 20, bold: true, alignment: 'center', characterSpacing: 2, margin: [0, 0, 0, 12] },
      body: { fontSize: 12, lineHeight: 1.5, margin: [0, 0, 0, 12], leadingIndent: 24 },
      head: { bold: true, fillColor: '#eeeeee', alignment: 'center' },
    },
    defaultStyle: { fontSize: 11 },
  };
}
