import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FileDetail, FileDraft } from '@shared/contract/hardship';
import { ethnicityName } from '@shared/domain/ethnicity';
import type { Cause } from '@shared/domain/hardship-codes';
import type { HardshipCategory } from '@shared/domain/means-test';
import { formatYuan } from '@shared/domain/money';
import {
  DISABILITY_LABELS,
  EDUCATION_LABELS,
  ENTRY_LABELS,
  GENDER_LABELS,
  HEALTH_LABELS,
  HOUSING_LABELS,
  SCHOOL_LABELS,
  WORK_LABELS,
  WORKER_LABELS,
} from '@shared/labels-zh';
import { CAUSE_LABELS, GRADE_LABELS, RELATION_LABELS } from './hardship-labels';
import { incomeTable, meansTestTable } from './hardship-means-test';
import { BLANK_DATE, FORM_DEFAULT_STYLE, FORM_STYLES, GRID, label, portraitPages, spanned, value } from './portrait-form';

/**
 * 困难职工档案申报表: the application form of a hardship file, A4 portrait, with the blocks of the national form —
 * 基本情况, 家庭成员, 收入与支出, 困难认定, 致困原因, 帮扶需求与措施, the three consents — and the four opinion boxes
 * with signature and date lines. A pure function of its data.
 *
 * ID numbers are printed in full: this is the official form the applicant signs (the print is in the audit log).
 * Page headers and footers are functions of the page number only: names stay in static content, where the
 * missing-glyph check sees them. Codes are worded here: the core has no i18n (core documents are in Chinese).
 */

type Member = Omit<FileDraft['household'][number], 'id' | 'idNumber'>;

export interface HardshipApplicationData {
  orgName: string;
  printedAt: Date;
  /** 档案编号, once the file is approved. */
  fileNo: string | null;
  head: {
    name: string;
    /** In full. */
    idNumber: string;
    gender: 'male' | 'female';
    birthDate: string;
    /** GB 3304 code; null when not known. */
    ethnicity: string | null;
    unitName: string | null;
    workerType: 'urban' | 'migrant';
    isMember: boolean;
  };
  entryKind: FileDetail['entryKind'];
  household: (Member & { idNumber: string; gender: 'male' | 'female'; birthDate: string })[];
  draft: Pick<
    FileDetail['draft'],
    | 'incomeItems'
    | 'accidentCostsFen'
    | 'exclusions'
    | 'mainCause'
    | 'secondaryCauses'
    | 'housingType'
    | 'homeAddress'
    | 'homePhone'
    | 'singleParent'
    | 'zeroEmployment'
    | 'modelWorker'
    | 'needs'
    | 'measures'
    | 'consents'
    | 'labourSince'
    | 'labourEmployer'
  >;
  meansTest: FileDetail['meansTest'];
  /** The category fixed at approval (在档); null before. */
  category: HardshipCategory | null;
  /** 原档案编号: an imported old file's own number, printed beside the national one. */
  legacyNo?: string | null;
  /** What the 审核意见 section prints besides its blank boxes: the centre's opinion and the notice's objections. */
  review?: ApplicationReview;
}

export interface ApplicationReview {
  /** The latest approval's (or kept review's) 审核意见, with who gave it and when; null before approval. */
  opinion: { text: string | null; by: string | null; on: string } | null;
  /**
   * The objections to the notice and their outcomes. Neither who raised one nor how to reach them is printed: the
   * household signs and keeps this form, and the objector's name and contact stay in the centre's file.
   */
  objections: { receivedOn: string; content: string; outcome: 'open' | 'dismissed' | 'upheld'; decision: string | null }[];
}

const yesNo = (value: boolean) => (value ? '是' : '否');
const orDash = (value: string | null | undefined) => (value && value.trim() !== '' ? value : '—');

function section(title: string): Content {
  return { text: title, style: 'section' };
}

function healthOf(m: Member): string {
  if (m.health !== 'disabled') return HEALTH_LABELS[m.health] ?? '—';
  const kind = m.disabilityType ? DISABILITY_LABELS[m.disabilityType] : '';
  const grade = m.disabilityGrade ? (GRADE_LABELS[m.disabilityGrade] ?? '') : '';
  return kind || grade ? `残疾（${kind}${grade}）` : '残疾';
}

function workOf(m: Member): string {
  if (!m.workStatus) return '—';
  if (m.workStatus === 'student' && m.schoolStage) return `学生（${SCHOOL_LABELS[m.schoolStage]}）`;
  return WORK_LABELS[m.workStatus];
}

function headTable(data: HardshipApplicationData): Content {
  const { head, draft } = data;
  const ethnicity = head.ethnicity ? (ethnicityName(head.ethnicity) ?? '—') : '—';
  return {
    table: {
      widths: [58, '*', 58, '*', 58, '*'],
      body: [
        [
          label('姓名'),
          value(head.name, { bold: true }),
          label('性别'),
          value(GENDER_LABELS[head.gender]),
          label('出生日期'),
          value(head.birthDate),
        ],
        [label('民族'), value(ethnicity), label('身份证号'), ...spanned(value(head.idNumber, { characterSpacing: 0.5 }), 3)],
        [label('工作单位'), ...spanned(value(orDash(head.unitName)), 3), label('职工类型'), value(WORKER_LABELS[head.workerType])],
        [
          label('工会会员'),
          value(yesNo(head.isMember)),
          label('建档类型'),
          value(ENTRY_LABELS[data.entryKind]),
          label('家庭人口'),
          value(`${data.household.length} 人`),
        ],
        [
          label('住房情况'),
          value(draft.housingType ? HOUSING_LABELS[draft.housingType] : '—'),
          label('单亲家庭'),
          value(yesNo(draft.singleParent)),
          label('零就业家庭'),
          value(yesNo(draft.zeroEmployment)),
        ],
        [label('困难劳模'), value(yesNo(draft.modelWorker)), label('联系电话'), ...spanned(value(orDash(draft.homePhone)), 3)],
        [label('家庭住址'), ...spanned(value(orDash(draft.homeAddress)), 5)],
        // 困难农民工: the labour relationship of a year at least that filing needs (docs/domain.md).
        ...(head.workerType === 'migrant'
          ? [[label('劳动关系'), ...spanned(value(`${orDash(draft.labourSince)} 起，用工单位：${orDash(draft.labourEmployer)}`), 5)]]
          : []),
      ],
    },
    layout: GRID,
  };
}

function householdTable(data: HardshipApplicationData): Content {
  const head = ['关系', '姓名', '身份证号', '性别', '出生日期', '健康状况', '文化程度', '工作/就学', '单位或学校', '月收入（元）'].map(
    (text) => label(text, { alignment: 'center' }),
  );
  const rows: TableCell[][] = data.household.map((m) => [
    value(RELATION_LABELS[m.relation]),
    value(m.name),
    value(m.idNumber),
    value(GENDER_LABELS[m.gender], { alignment: 'center' }),
    value(m.birthDate),
    value(healthOf(m)),
    value(orDash(m.educationLevel && EDUCATION_LABELS[m.educationLevel])),
    value(workOf(m)),
    value(orDash(m.unitOrSchool)),
    value(formatYuan(m.monthlyIncomeFen ?? 0), { alignment: 'right' }),
  ]);
  if (rows.length === 0) rows.push(spanned(value('（未填写）', { alignment: 'center', color: '#555555' }), 10));
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [30, 40, 84, 16, 46, 38, 40, 48, '*', 42], body: [head, ...rows] },
    // Narrower padding: ten columns on a portrait page.
    layout: { ...GRID, paddingLeft: () => 3, paddingRight: () => 3 },
    fontSize: 8,
  };
}

function causesTable(data: HardshipApplicationData): Content {
  const { mainCause, secondaryCauses } = data.draft;
  const words = (code: Cause) => `${code} ${CAUSE_LABELS[code]}`;
  return {
    table: {
      widths: [80, '*'],
      body: [
        [label('主要致困原因'), value(mainCause ? words(mainCause) : '（未填写）')],
        [label('次要致困原因'), value(secondaryCauses.length > 0 ? secondaryCauses.map(words).join('；') : '无')],
      ],
    },
    layout: GRID,
  };
}

function needsTable(data: HardshipApplicationData): Content {
  return {
    table: {
      widths: [80, '*'],
      dontBreakRows: true,
      body: [
        [label('帮扶需求'), value(orDash(data.draft.needs))],
        [label('帮扶措施'), value(orDash(data.draft.measures))],
      ],
    },
    layout: GRID,
  };
}

function consentsTable(data: HardshipApplicationData): Content {
  const { consents } = data.draft;
  const given = (on: string | null) => (on ? `已签署\u3000${on}` : '未签署');
  return {
    table: {
      widths: ['*', 120],
      dontBreakRows: true,
      body: [
        [value('本人同意工会及有关部门核查本人及家庭成员的收入、财产、社会保险等信息'), value(given(consents.incomeVerificationOn))],
        [value('本人同意将姓名、单位、困难类别在本单位或社区范围内公示'), value(given(consents.publicNoticeOn))],
        [value('本人同意将本表信息报送上级工会，用于困难职工帮扶工作'), value(given(consents.reportUpwardOn))],
      ],
    },
    layout: GRID,
  };
}

/** One opinion box: its title, room to write, then who signs and the date, bottom right. */
function opinionBox(title: string, lead: string | null, signer: string): TableCell[] {
  return [
    {
      stack: [
        { text: title, bold: true },
        lead ? { text: lead, margin: [0, 4, 0, 0] } : { text: '' },
        { text: `${signer}${'\u3000'.repeat(10)}${BLANK_DATE}`, alignment: 'right', margin: [0, lead ? 22 : 44, 0, 2] },
      ],
    },
  ];
}

const OBJECTION_OUTCOMES = { open: '待处理', dismissed: '异议不成立', upheld: '异议成立，退回入户调查' } as const;

/** The centre's opinion as recorded at approval: the words typed (if any), who approved and when. */
function centreOpinion(review: ApplicationReview | undefined): string | null {
  const opinion = review?.opinion;
  if (!opinion) return null;
  return `审批通过。${opinion.text ? `${opinion.text}\u3000` : ''}（${[opinion.by, opinion.on].filter(Boolean).join('，')}）`;
}

/** 公示异议: each objection with the day it came in, what it said and what was decided; one line if there was none. */
function objectionsBox(review: ApplicationReview): TableCell[] {
  const lines: Content[] =
    review.objections.length === 0
      ? [{ text: '公示期间未收到异议。' }]
      : review.objections.map((o, i) => ({
          text: `${i + 1}. ${o.receivedOn} 收到：${o.content}\n处理结果：${OBJECTION_OUTCOMES[o.outcome]}${o.decision ? `。${o.decision}` : ''}`,
          margin: [0, 2, 0, 2],
        }));
  return [{ stack: [{ text: '公示异议及处理', bold: true }, ...lines] }];
}

function opinionsTable(review?: ApplicationReview): Content {
  return {
    table: {
      widths: ['*'],
      dontBreakRows: true,
      body: [
        opinionBox(
          '申请人签字',
          '本人承诺以上所填信息真实、完整。如有隐瞒或虚报，愿承担相应责任，并退还已领取的帮扶资金。',
          '申请人签字：',
        ),
        opinionBox('基层工会意见（盖章）', null, '负责人签字：　　　　　　　（盖章）'),
        ...(review && (review.objections.length > 0 || review.opinion) ? [objectionsBox(review)] : []),
        opinionBox('帮扶中心审核意见', centreOpinion(review), '审核人签字：　　　　　　　（盖章）'),
        opinionBox('上级工会审批意见', null, '负责人签字：　　　　　　　（盖章）'),
      ],
    },
    layout: { ...GRID, paddingTop: () => 6, paddingBottom: () => 6, paddingLeft: () => 8, paddingRight: () => 8 },
  };
}

const TITLE = '困难职工档案申报表';

export function hardshipApplicationDocument(data: HardshipApplicationData): TDocumentDefinitions {
  return {
    ...portraitPages(TITLE, data.printedAt),
    content: [
      { text: TITLE, style: 'title' },
      {
        columns: [
          { text: `填报单位：${data.orgName}`, width: '*' },
          {
            text: `档案编号：${data.fileNo ?? '（审批后编号）'}${data.legacyNo ? `\u3000原档案编号：${data.legacyNo}` : ''}`,
            width: 'auto',
            alignment: 'right',
          },
        ],
        style: 'meta',
      },
      section('一、基本情况'),
      headTable(data),
      section('二、共同生活家庭成员'),
      householdTable(data),
      section('三、家庭收入与刚性支出（全年）'),
      incomeTable(data),
      section('四、困难认定'),
      meansTestTable(data),
      section('五、致困原因'),
      causesTable(data),
      section('六、帮扶需求与帮扶措施'),
      needsTable(data),
      section('七、本人授权与同意'),
      consentsTable(data),
      section('八、审核意见'),
      opinionsTable(data.review),
    ],
    styles: { ...FORM_STYLES, meta: { fontSize: 9, margin: [0, 0, 0, 2] } },
    defaultStyle: FORM_DEFAULT_STYLE,
  };
}
