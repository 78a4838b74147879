import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
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
const PAGE_MARGINS: [number, number, number, number] = [60, 40, 60, 50];
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#8c8c8c';

/**
 * The key card on paper: who the organisation is, its public signing key and the fingerprint in large digits,
 * which the receiving federation compares with what its screen shows for the imported .bfkey file, then both sign.
 * Nothing secret is on it (a public key and the organisation's public codes). A pure function of its data.
 */
export function keyCardDocument(data: KeyCardSheetData): TDocumentDefinitions {
  const half = Math.ceil(data.fingerprint.length / 2);
  const peer = data.peer;
  const details: [string, string][] = [
    ['单位名称', data.orgName],
    ['统一社会信用代码', data.creditCode],
    ['行政区划代码', data.regionCode],
    ['运行模式', data.modeLabel],
    [peer ? '密钥卡生成时间' : '密钥生成时间', localStamp(data.keyCreatedAt)],
    ...(peer
      ? ([['导入与核对', `${peer.importerName} ${localStamp(peer.importedAt).slice(0, 10)} 导入；${peer.state}`]] as [string, string][])
      : []),
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    info: { title: TITLE, creationDate: data.printedAt },
    defaultStyle: { fontSize: 11, lineHeight: 1.3, color: INK },
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center', characterSpacing: 1 },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 5] },
      label: { color: MUTED },
      digits: { fontSize: 24, bold: true, alignment: 'center', characterSpacing: 2, lineHeight: 1.2 },
      small: { fontSize: 9, color: MUTED },
    },
    content: [
      { text: TITLE, style: 'title', margin: [0, 6, 0, 4] },
      rule(1.2),
      {
        text: peer
          ? '这是导入到本单位的对方密钥卡，用于核对指纹并留存核对记录。卡上只有公开信息，不含私钥。'
          : '本卡用于对方单位确认本单位的签名密钥和加密密钥。卡上只有公开信息，不含私钥。',
        style: 'small',
        alignment: 'center',
        margin: [0, 6, 0, 0],
      },
      { text: '单位信息', style: 'heading' },
      detailsTable(details),
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
      {
        text: '核对方法：双方各自打开“交换密钥”页，逐组朗读以上数字，全部一致才可信任。',
        style: 'small',
        margin: [0, 6, 0, 0],
      },
      ...(data.replacesFingerprint
        ? [
            {
              text: `本卡替换旧密钥，旧密钥指纹：${data.replacesFingerprint}（新卡已由旧密钥签名）`,
              fontSize: 9,
              margin: [0, 6, 0, 0],
            } as Content,
          ]
        : []),
      { text: '公钥', style: 'heading' },
      // Full width, one line each: a key split between table cells would not read back as one string.
      { text: '签名公钥（Ed25519，Base64）', style: 'label' },
      { text: data.publicKeyBase64, fontSize: 10, margin: [0, 0, 0, 6] },
      { text: '加密公钥（age X25519）', style: 'label' },
      { text: data.exchangeRecipient, fontSize: 10 },
      signatureBlock(Boolean(peer)),
    ],
    footer: {
      text: `帮扶工作台 · 机构密钥卡 · 打印于 ${localStamp(data.printedAt)}`,
      style: 'small',
      alignment: 'center',
      margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
    },
  };
}

function rule(width: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: width, lineColor: INK }] };
}

function boxLayout(width: number, color: string, padding: number) {
  return {
    hLineWidth: () => width,
    vLineWidth: () => width,
    hLineColor: () => color,
    vLineColor: () => color,
    paddingLeft: () => padding,
    paddingRight: () => padding,
    paddingTop: () => padding * 0.6,
    paddingBottom: () => padding * 0.6,
  };
}

function detailsTable(rows: [string, string][]): Content {
  return {
    table: {
      widths: [110, '*'],
      body: rows.map(([label, value]) => [
        { text: label, style: 'label', fillColor: '#f2f2f2' },
        { text: value, bold: true },
      ]),
    },
    layout: boxLayout(0.6, RULE, 6),
  };
}

function signatureBlock(peer: boolean): Content {
  const gap = 24;
  const labelWidth = 96;
  const blank = Math.floor((CONTENT_WIDTH - gap) / 2 - labelWidth);
  const field = (label: string): Content => ({
    columns: [
      { text: label, width: labelWidth },
      { canvas: [{ type: 'line', x1: 0, y1: 15, x2: blank, y2: 15, lineWidth: 0.6, lineColor: INK }], width: blank },
    ],
    columnGap: 0,
  });
  return {
    margin: [0, 18, 0, 0],
    unbreakable: true,
    stack: [
      { columns: [field(peer ? '对方单位负责人：' : '本单位负责人：'), field('日　　期：')], columnGap: gap, margin: [0, 0, 0, 14] },
      { columns: [field(peer ? '本单位核对人：' : '对方核对人：'), field('核对日期：')], columnGap: gap, margin: [0, 0, 0, 14] },
      { text: '（盖章）', alignment: 'right', margin: [0, 10, 20, 0] },
    ],
  };
}
