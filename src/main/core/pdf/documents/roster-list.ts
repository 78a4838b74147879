import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { localStamp } from './portrait-form';

/**
 * 会员名册 as a printed list: A4 landscape, the column header repeated on every page, the organisation and the
 * search it shows in the page header, "第 x 页 共 y 页" in the footer. A pure function of its data.
 * Page headers and footers are functions of the page number only: names stay in the static table, where the
 * missing-glyph check sees them.
 */
export interface RosterListData {
  orgName: string;
  /** What was printed, in words ("全部会员", "查找：雄信 · 状态：在册"). */
  description: string;
  printedAt: Date;
  rows: {
    name: string;
    gender: string;
    /** The year only: beside the masked number a date would give it back whole (maskedIdView). */
    birthYear: string;
    idNumber: string;
    phone: string;
    unit: string;
    union: string;
    joinedOn: string;
    status: string;
  }[];
}

const HEAD = ['序号', '姓名', '性别', '出生年份', '身份证号', '手机/电话', '工作单位', '基层工会', '入会日期', '状态'];

export function rosterListDocument(data: RosterListData): TDocumentDefinitions {
  const body: Content[][] = [
    HEAD.map((text) => ({ text, style: 'head' })),
    ...data.rows.map((r, i) => [String(i + 1), r.name, r.gender, r.birthYear, r.idNumber, r.phone, r.unit, r.union, r.joinedOn, r.status]),
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 62, 28, 40],
    info: { title: `${data.orgName} 会员名册`, creationDate: data.printedAt },
    header: (page: number) =>
      page === 1 ? { text: '' } : { text: `${data.orgName} 会员名册（续）`, alignment: 'center', fontSize: 10, margin: [28, 26, 28, 0] },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `打印时间 ${localStamp(data.printedAt)}`, fontSize: 8, color: '#555' },
        { text: `第 ${currentPage} 页 共 ${pageCount} 页`, alignment: 'right', fontSize: 9 },
      ],
      margin: [28, 12, 28, 0],
    }),
    content: [
      { text: `${data.orgName} 会员名册`, style: 'title' },
      { text: `${data.description}\u3000共 ${data.rows.length} 人`, style: 'subtitle' },
      {
        table: { headerRows: 1, widths: [26, 52, 22, 56, 100, 68, '*', '*', 56, 30], body },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: () => '#888',
          vLineColor: () => '#888',
          paddingTop: () => 3,
          paddingBottom: () => 3,
        },
        fontSize: 9,
      },
    ],
    styles: {
      title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, -30, 0, 4] },
      subtitle: { fontSize: 9, alignment: 'center', color: '#444', margin: [0, 0, 0, 8] },
      head: { bold: true, fillColor: '#eeeeee' },
    },
    defaultStyle: { fontSize: 9 },
  };
}
