import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { qrCode } from '../qr-code';
import { MUTED, reprintNote, sealBox, VOID_RED } from './aid-doc-parts';
import { dateInWords, localStamp } from './portrait-form';

/**
 * 困难职工证明: one page stating that a household is registered in hardship (docs/domain.md "Printed documents"), for
 * schools and hospitals that waive fees: name, masked ID, unit, category, file number, valid until the next review,
 * with a serial, the seal area and the QR code of the signed summary. A4 portrait, or A5 portrait with everything
 * scaled down. A pure function of its data; no header or footer functions, so every name is seen by the glyph check.
 */
export interface AidCertificateData {
  orgName: string;
  printedAt: Date;
  layout: 'a4' | 'a5';
  serial: string;
  name: string;
  /** As it may be printed (maskIdNumber). */
  maskedId: string;
  unit: string;
  categoryLabel: string;
  fileNumber: string;
  /** The next review date, YYYY-MM-DD: the certificate is valid until then. */
  validUntil: string;
  /** The date of issue, YYYY-MM-DD. */
  issuedOn: string;
  /** The signed summary (ASCII). */
  qrText: string;
  /** 0 for the first print; n > 0 prints 补打（第 n 次）. */
  reprintCount: number;
}

export const CERTIFICATE_TITLE = '困难职工证明';

const PAGE = {
  a4: { size: 'A4', margins: [64, 56, 64, 48], scale: 1 },
  a5: { size: 'A5', margins: [40, 36, 40, 30], scale: 0.72 },
} as const;

export function aidCertificateDocument(data: AidCertificateData): TDocumentDefinitions {
  const page = PAGE[data.layout];
  const pt = (size: number) => Math.round(size * page.scale * 2) / 2;
  const note = reprintNote(data.reprintCount);
  const body =
    `兹证明 ${data.name}（身份证号 ${data.maskedId}），工作单位：${data.unit}，` +
    `其家庭经本会审核认定为困难职工家庭，已登记建档（困难类别：${data.categoryLabel}；档案编号：${data.fileNumber}）。`;

  const content: Content[] = [
    {
      columns: [
        { width: '*', text: `编号：${data.serial}`, fontSize: pt(11) },
        { width: 'auto', text: note, fontSize: pt(11), bold: true, color: VOID_RED },
      ],
    },
    { text: CERTIFICATE_TITLE, fontSize: pt(26), bold: true, alignment: 'center', characterSpacing: pt(8), margin: [0, pt(28), 0, pt(28)] },
    { text: body, fontSize: pt(14), lineHeight: 1.8, leadingIndent: pt(28) },
    {
      text: `本证明有效期至${dateInWords(data.validUntil)}（下次复核之日），逾期须重新开具。`,
      fontSize: pt(14),
      lineHeight: 1.8,
      leadingIndent: pt(28),
    },
    { text: '特此证明。', fontSize: pt(14), lineHeight: 1.8, leadingIndent: pt(28), margin: [0, 0, 0, pt(36)] },
    {
      columns: [
        {
          width: pt(120),
          stack: [qrCode(data.qrText), { text: '扫码核验真伪', fontSize: pt(8), color: MUTED, alignment: 'center' }],
        },
        { width: '*', text: '' },
        {
          width: pt(230),
          stack: [
            { text: data.orgName, fontSize: pt(13), alignment: 'center' },
            { margin: [0, pt(8), 0, pt(8)], ...sealBox(pt(100), pt(100), pt(230), '（盖章）') },
            { text: dateInWords(data.issuedOn), fontSize: pt(13), alignment: 'center' },
          ],
        },
      ],
    },
    {
      margin: [0, pt(40), 0, 0],
      fontSize: pt(9),
      color: MUTED,
      lineHeight: 1.4,
      text:
        '说明：本证明仅供办理学费、医疗费等减免事项使用，涂改无效。身份证号已按规定部分隐去；' +
        `真伪可扫描二维码或凭编号向${data.orgName}核验。打印时间 ${localStamp(data.printedAt)}。`,
    },
  ];

  return {
    pageSize: page.size,
    pageOrientation: 'portrait',
    pageMargins: [...page.margins],
    info: { title: CERTIFICATE_TITLE, creationDate: data.printedAt },
    defaultStyle: { fontSize: pt(12) },
    content,
  };
}
