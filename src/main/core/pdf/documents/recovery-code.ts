import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { boxLayout, factsTable, INK, MUTED, onePageForm, RULE, signatureLines } from './one-page-form';
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

/**
 * The sheet printed once at setup: the administrator's recovery code with what it is for and how to keep it.
 * It names the organisation and the administrator, never a family. A pure function of its data.
 */
export function recoveryCodeDocument(data: RecoveryCodeData): TDocumentDefinitions {
  return onePageForm({
    title: TITLE,
    createdAt: data.createdAt,
    purpose: '本页由系统在初始设置时生成，请打印后按下述要求保管。',
    headingTop: 12,
    styles: { code: { fontSize: 24, bold: true, alignment: 'center', characterSpacing: 3, lineHeight: 1.2 } },
    marking: '机密 · 专人保管',
    body: [
      { text: '基本信息', style: 'heading' },
      factsTable(
        [
          ['单位名称', data.orgName],
          ['行政区划代码', data.regionCode],
          ['管理员账号', data.adminUsername],
          ['生成时间', formatLocalDateTime(data.createdAt)],
        ],
        84,
        boxLayout(0.6, RULE, 8, 4),
      ),

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

      signatureLines({
        rows: [
          ['保管人签字：', '日　　期：'],
          ['存放位置：', '交接人签字：'],
        ],
        labelWidth: 72,
        marginTop: 20,
      }),
    ],
    footer: '帮扶工作台 · 数据库恢复码 · 机密文件，请勿复印或外传',
  });
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
    layout: boxLayout(1.5, INK, 12, 12, 10),
  };
}
