import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { localStamp } from './portrait-form';

export interface RecoveryCodeData {
  orgName: string;
  regionCode: string;
  adminUsername: string;
  /** As generated: 6 groups of 5 characters joined by '-', e.g. ABCDE-FGH23-… */
  recoveryCode: string;
  createdAt: Date;
}

const TITLE = '帮扶工作台 数据库恢复码';
/** A4 is 595 × 842 pt; about 21 mm at the sides, the usual margin of an office form. */
const PAGE_MARGINS: [number, number, number, number] = [60, 46, 60, 60];
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#8c8c8c';

/**
 * The sheet printed once at setup: the administrator's recovery code with what it is for and how to keep it.
 * It names the organisation and the administrator, never a family. A pure function of its data.
 */
export function recoveryCodeDocument(data: RecoveryCodeData): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    info: { title: TITLE, creationDate: data.createdAt },
    defaultStyle: { fontSize: 11, lineHeight: 1.3, color: INK },
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center', characterSpacing: 1 },
      heading: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      label: { color: MUTED },
      code: { fontSize: 24, bold: true, alignment: 'center', characterSpacing: 3, lineHeight: 1.2 },
      small: { fontSize: 9, color: MUTED },
    },
    // In the top margin, so the marking costs the body no space.
    header: { text: '机密 · 专人保管', style: 'small', alignment: 'right', margin: [PAGE_MARGINS[0], 22, PAGE_MARGINS[2], 0] },
    content: [
      { text: TITLE, style: 'title', margin: [0, 6, 0, 4] },
      rule(1.2),
      { text: '本页由系统在初始设置时生成，请打印后按下述要求保管。', style: 'small', alignment: 'center', margin: [0, 6, 0, 0] },

      { text: '基本信息', style: 'heading' },
      detailsTable([
        ['单位名称', data.orgName],
        ['行政区划代码', data.regionCode],
        ['管理员账号', data.adminUsername],
        ['生成时间', formatLocalDateTime(data.createdAt)],
      ]),

      { text: '恢复码', style: 'heading' },
      codeBox(data.recoveryCode),

      { text: '说明', style: 'heading' },
      {
        ol: [
          instruction(
            '用途',
            '当本机的 Windows 账户或密钥存储丢失（例如重装系统、更换电脑、Windows 用户配置损坏）时，凭本恢复码和数据文件夹即可重新打开加密的数据库。',
          ),
          instruction('保管', '请将本页放入带锁的文件柜，与电脑分开存放；不要拍照、扫描、复印，也不要保存在电脑、手机或网盘中。'),
          instruction(
            '风险',
            '任何人同时持有本恢复码和数据文件夹，即可读取全部帮扶对象家庭的资料。如怀疑本页被他人看到或遗失，请立即报告单位负责人。',
          ),
          instruction('注意', '恢复码只显示这一次，系统不保存恢复码本身，丢失后无法找回或补打。'),
        ],
        separator: ['', '.'],
        markerColor: MUTED,
      },

      signatureBlock(),
    ],
    footer: {
      text: '帮扶工作台 · 数据库恢复码 · 机密文件，请勿复印或外传',
      style: 'small',
      alignment: 'center',
      margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
    },
  };
}

/** YYYY-MM-DD HH:mm in the computer's time zone (the forms' print stamp). */
export const formatLocalDateTime = localStamp;

/** The code as it is typed: 3 groups a line, so each line fits at a size that can be read across a desk. */
export function codeLines(code: string): string[] {
  const groups = code.split('-');
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 3) lines.push(groups.slice(i, i + 3).join('-'));
  return lines;
}

function instruction(lead: string, body: string): Content {
  return { text: [{ text: `${lead}：`, bold: true }, body] };
}

function rule(width: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: width, lineColor: INK }] };
}

function detailsTable(rows: [string, string][]): Content {
  return {
    table: {
      widths: [84, '*'],
      body: rows.map(([label, value]) => [
        { text: label, style: 'label', fillColor: '#f2f2f2' },
        { text: value, bold: true },
      ]),
    },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => RULE,
      vLineColor: () => RULE,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
  };
}

function codeBox(code: string): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              ...codeLines(code).map((line): Content => ({ text: line, style: 'code' })),
              {
                // The alphabet and the typing rules of keys/recovery.ts (generateRecoveryCode, normalizeRecoveryCode).
                text: '共 6 组，每组 5 个字符；不含数字 0、1 和字母 I、O。输入时不区分大小写，连字符可以省略。',
                style: 'small',
                alignment: 'center',
                margin: [0, 8, 0, 0],
              },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 1.5,
      vLineWidth: () => 1.5,
      hLineColor: () => INK,
      vLineColor: () => INK,
      paddingLeft: () => 12,
      paddingRight: () => 12,
      paddingTop: () => 12,
      paddingBottom: () => 10,
    },
  };
}

function signatureBlock(): Content {
  // Labels of one width, so the four blanks start at the same place; the two columns fill the line.
  const gap = 24;
  const labelWidth = 72;
  const blank = Math.floor((CONTENT_WIDTH - gap) / 2 - labelWidth);
  const field = (label: string): Content => ({
    columns: [
      { text: label, width: labelWidth },
      { canvas: [{ type: 'line', x1: 0, y1: 15, x2: blank, y2: 15, lineWidth: 0.6, lineColor: INK }], width: blank },
    ],
    columnGap: 0,
  });
  return {
    margin: [0, 20, 0, 0],
    // Never half on a second page: the signatures belong under the instructions they acknowledge.
    unbreakable: true,
    stack: [
      { columns: [field('保管人签字：'), field('日　　期：')], columnGap: gap, margin: [0, 0, 0, 14] },
      { columns: [field('存放位置：'), field('交接人签字：')], columnGap: gap },
    ],
  };
}
