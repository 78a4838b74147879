import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { boxLayout, factsTable, INK, onePageForm, signatureLines } from './one-page-form';
import { localStamp } from './portrait-form';

export interface KeyCardSheetData {
  orgName: string;
  creditCode: string;
  regionCode: string;
  /** Already worded: 帮扶中心 / 上级工会. */
  modeLabel: string;
  /** The raw public key in base64, as the .bfkey file carries it. */
  publicKeyBase64: string;
  fingerprint: string[];
  keyCreatedAt: Date;
  printedAt: Date;
}

const TITLE = '帮扶工作台 机构密钥卡';

/**
 * The key card on paper: who the organisation is, its public signing key and the fingerprint in large digits,
 * which the receiving federation compares with what its screen shows for the imported .bfkey file, then both sign.
 * Nothing secret is on it (a public key and the organisation's public codes). A pure function of its data.
 */
export function keyCardDocument(data: KeyCardSheetData): TDocumentDefinitions {
  const half = Math.ceil(data.fingerprint.length / 2);
  return onePageForm({
    title: TITLE,
    createdAt: data.printedAt,
    purpose: '本卡用于上级工会确认本单位的签名密钥。卡上只有公开信息，不含私钥。',
    headingTop: 14,
    styles: { digits: { fontSize: 26, bold: true, alignment: 'center', characterSpacing: 2, lineHeight: 1.25 } },
    body: [
      { text: '单位信息', style: 'heading' },
      factsTable(
        [
          ['单位名称', data.orgName],
          ['统一社会信用代码', data.creditCode],
          ['行政区划代码', data.regionCode],
          ['运行模式', data.modeLabel],
          ['密钥生成时间', localStamp(data.keyCreatedAt)],
        ],
        110,
      ),
      { text: '密钥指纹（Ed25519 签名公钥）', style: 'heading' },
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: data.fingerprint.slice(0, half).join('  '), style: 'digits' },
                  { text: data.fingerprint.slice(half).join('  '), style: 'digits' },
                ],
              },
            ],
          ],
        },
        layout: boxLayout(1.5, INK, 12),
      },
      {
        text: '核对方法：双方各自打开“机构设置”或导入的密钥卡，逐组朗读以上数字，全部一致才可信任。',
        style: 'small',
        margin: [0, 6, 0, 0],
      },
      { text: '公钥（Base64）', style: 'heading' },
      { text: data.publicKeyBase64, fontSize: 10, characterSpacing: 0.5 },
      signatureLines({
        rows: [
          ['本单位负责人：', '日　　期：'],
          ['上级工会核对人：', '核对日期：'],
        ],
        labelWidth: 96,
        marginTop: 28,
        after: { text: '（盖章）', alignment: 'right', margin: [0, 10, 20, 0] },
      }),
    ],
    footer: `帮扶工作台 · 机构密钥卡 · 打印于 ${localStamp(data.printedAt)}`,
  });
}
