import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { boxLayout, factsTable, INK, onePageForm, RULE, signatureLines } from './one-page-form';
import { localStamp } from './portrait-form';

export interface KeyCardSheetData {
  orgName: string;
  creditCode: string;
  regionCode: string;
  /** Already worded: 帮扶中心 / 上级工会. */
  modeLabel: string;
  /** The raw Ed25519 public key in base64 and the age recipient (age1…), as the .bfkey file carries them. */
  publicKeyBase64: string;
  exchangeRecipient: string;
  /** The card's fingerprint, over both keys. */
  fingerprint: string[];
  /** A card that replaces keys: the old card's fingerprint (groups joined by spaces). */
  replacesFingerprint?: string;
  keyCreatedAt: Date;
  printedAt: Date;
  /** Another office's card printed here for the confirmation record: who imported it, and its state in words. */
  peer?: { importerName: string; importedAt: Date; state: string };
}

const TITLE = '帮扶工作台 机构密钥卡';

/**
 * The key card on paper: who the organisation is, both public keys and the fingerprint over them in large digits,
 * which the other office compares with what its screen shows for the imported .bfkey file, then both sign. Also
 * printed for another office's card, as the record of its confirmation. Nothing secret is on it (public keys and
 * the organisation's public codes). A pure function of its data; it stays on one page with a replaced key noted.
 */
export function keyCardDocument(data: KeyCardSheetData): TDocumentDefinitions {
  const half = Math.ceil(data.fingerprint.length / 2);
  const peer = data.peer;
  const facts: [string, string][] = [
    ['单位名称', data.orgName],
    ['统一社会信用代码', data.creditCode],
    ['行政区划代码', data.regionCode],
    ['运行模式', data.modeLabel],
    [peer ? '密钥卡生成时间' : '密钥生成时间', localStamp(data.keyCreatedAt)],
    ...(peer
      ? ([['导入与核对', `${peer.importerName} ${localStamp(peer.importedAt).slice(0, 10)} 导入；${peer.state}`]] as [string, string][])
      : []),
  ];
  const replaced: Content[] = data.replacesFingerprint
    ? [{ text: `本卡替换旧密钥，旧密钥指纹：${data.replacesFingerprint}（新卡已由旧密钥签名）`, fontSize: 9, margin: [0, 6, 0, 0] }]
    : [];
  return onePageForm({
    title: TITLE,
    createdAt: data.printedAt,
    purpose: peer
      ? '这是导入到本单位的对方密钥卡，用于核对指纹并留存核对记录。卡上只有公开信息，不含私钥。'
      : '本卡用于对方单位确认本单位的签名密钥和加密密钥。卡上只有公开信息，不含私钥。',
    headingTop: 8,
    styles: { digits: { fontSize: 24, bold: true, alignment: 'center', characterSpacing: 2, lineHeight: 1.2 } },
    body: [
      { text: '单位信息', style: 'heading' },
      factsTable(facts, 110, boxLayout(0.6, RULE, 6, 4)),
      { text: '密钥指纹（覆盖签名公钥和加密公钥）', style: 'heading' },
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
      { text: '核对方法：双方各自打开“交换密钥”页，逐组朗读以上数字，全部一致才可信任。', style: 'small', margin: [0, 6, 0, 0] },
      ...replaced,
      { text: '公钥', style: 'heading' },
      // Full width, one line each: a key split between table cells would not read back as one string.
      { text: '签名公钥（Ed25519，Base64）', style: 'label' },
      { text: data.publicKeyBase64, fontSize: 10, margin: [0, 0, 0, 4] },
      { text: '加密公钥（age X25519）', style: 'label' },
      { text: data.exchangeRecipient, fontSize: 10 },
      signatureLines({
        rows: [
          [peer ? '对方单位负责人：' : '本单位负责人：', '日　　期：'],
          [peer ? '本单位核对人：' : '对方核对人：', '核对日期：'],
        ],
        labelWidth: 96,
        marginTop: 16,
        after: { text: '（盖章）', alignment: 'right', margin: [0, 6, 20, 0] },
      }),
    ],
    footer: `帮扶工作台 · 机构密钥卡 · 打印于 ${localStamp(data.printedAt)}`,
  });
}
