import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FileDetail } from '@shared/contract/hardship';
import { SIX_CLEARS, type SixClear } from '@shared/domain/hardship-codes';
import { BLANK_DATE, FORM_DEFAULT_STYLE, FORM_STYLES, GRID, label, localStamp, portraitPages, spanned, value } from './portrait-form';

/**
 * 入户调查表: the record of one visit to a hardship household, A4 portrait. For the six-clears visit (六清) the six
 * items in docs/domain.md's order, each 清 or 不清 with its note; for a must-visit (五必访) or an ordinary visit its kind
 * and occasion instead. Then whether the head of household signed, the note, and a signature and date line for every
 * visitor and for the head of household. A pure function of its data; page headers and footers depend on the page
 * number only.
 */
export interface VisitRecordData {
  orgName: string;
  printedAt: Date;
  file: {
    fileNo: string | null;
    headName: string;
    /** Masked: the visit record is not the form the full number belongs on. */
    headIdNumberMasked: string;
    unitName: string | null;
    householdSize: number;
    /** 家庭住址 and 家庭联系电话 as the file has them: the address the visitors check (家庭走访住址清). */
    homeAddress: string | null;
    homePhone: string | null;
  };
  visit: Pick<
    FileDetail['visits'][number],
    'kind' | 'date' | 'visitors' | 'items' | 'mustVisitReason' | 'headSigned' | 'note' | 'recordedBy' | 'recordedAt' | 'photoIds'
  >;
}

/** The six clears (docs/domain.md "The six clears"): the item and what the visitors confirm. */
const SIX_CLEAR_LABELS: Record<SixClear, { label: string; scope: string }> = {
  members: { label: '家庭成员状况清', scope: '共同生活的家庭成员及其健康、就业、就学情况与申报一致' },
  income: { label: '家庭实际收入清', scope: '逐项核实各项收入来源，确认家庭人均收入' },
  causes: { label: '家庭困难原因清', scope: '核实致困原因，并有相应证明材料' },
  changes: { label: '家庭生活变化清', scope: '上次走访以来家庭生活发生的变化' },
  conduct: { label: '职工现实表现清', scope: '职工本人当前的状况和现实表现' },
  address: { label: '家庭走访住址清', scope: '走访住址为家庭实际居住地' },
};

const KIND_LABELS: Record<VisitRecordData['visit']['kind'], string> = {
  sixClears: '六清入户调查',
  mustVisit: '五必访',
  ordinary: '日常走访',
};

const OCCASION_LABELS: Record<NonNullable<VisitRecordData['visit']['mustVisitReason']>, string> = {
  illness: '患病住院',
  familyDispute: '家庭纠纷',
  emotionalCrisis: '情绪危机',
  bereavement: '亲属去世',
  happyEvent: '婚嫁等喜事',
};

function headTable(data: VisitRecordData): Content {
  const { file, visit } = data;
  const body: TableCell[][] = [
    [
      label('户主姓名'),
      value(file.headName, { bold: true }),
      label('身份证号'),
      value(file.headIdNumberMasked),
      label('档案编号'),
      value(file.fileNo ?? '（未编号）'),
    ],
    [label('工作单位'), ...spanned(value(file.unitName ?? '—'), 3), label('家庭人口'), value(`${file.householdSize} 人`)],
    [label('家庭住址'), ...spanned(value(file.homeAddress ?? '—'), 3), label('联系电话'), value(file.homePhone ?? '—')],
    [
      label('走访日期'),
      value(visit.date),
      label('走访类型'),
      value(KIND_LABELS[visit.kind]),
      label('走访人数'),
      value(`${visit.visitors.length} 人`),
    ],
    [label('走访人员'), ...spanned(value(visit.visitors.join('、')), 5)],
  ];
  if (visit.kind === 'mustVisit')
    body.push([label('走访事由'), ...spanned(value(visit.mustVisitReason ? OCCASION_LABELS[visit.mustVisitReason] : '—'), 5)]);
  return { table: { widths: [52, '*', 52, '*', 52, 72], body }, layout: GRID };
}

function sixClearsTable(data: VisitRecordData): Content {
  const head = ['序号', '调查事项', '核查内容', '结论', '情况说明'].map((text) => label(text, { alignment: 'center' }));
  const rows: TableCell[][] = SIX_CLEARS.map((item, i) => {
    const recorded = data.visit.items.find((r) => r.item === item);
    return [
      value(String(i + 1), { alignment: 'center' }),
      value(SIX_CLEAR_LABELS[item].label, { bold: true }),
      value(SIX_CLEAR_LABELS[item].scope),
      value(recorded ? (recorded.clear ? '清' : '不清') : '—', { alignment: 'center', bold: true }),
      value(recorded?.note ?? ''),
    ];
  });
  return { table: { headerRows: 1, dontBreakRows: true, widths: [24, 80, '*', 30, 150], body: [head, ...rows] }, layout: GRID };
}

function outcomeTable(data: VisitRecordData): Content {
  const { visit } = data;
  const body: TableCell[][] = [];
  if (visit.kind === 'sixClears') {
    const clear = SIX_CLEARS.every((item) => visit.items.some((r) => r.item === item && r.clear));
    body.push([
      label('调查结论'),
      value(
        clear
          ? '六项均已查清'
          : `未查清：${SIX_CLEARS.filter((item) => !visit.items.some((r) => r.item === item && r.clear))
              .map((item) => SIX_CLEAR_LABELS[item].label)
              .join('、')}`,
      ),
    ]);
  }
  body.push([label('户主已签字确认'), value(visit.headSigned ? '是' : '否')]);
  // The photos stay in the program (an A4 record is signed on paper); the record says how many there are.
  body.push([label('入户照片'), value(visit.photoIds.length > 0 ? `${visit.photoIds.length} 张，存于档案附件` : '无')]);
  body.push([
    label(visit.kind === 'sixClears' ? '备注' : '走访情况'),
    value(visit.note ?? '', { margin: [0, 0, 0, visit.kind === 'sixClears' ? 12 : 60] }),
  ]);
  return { table: { widths: [80, '*'], dontBreakRows: true, body }, layout: GRID };
}

/** "<who>：<name>  签字：______  日期：    年  月  日", the blank drawn as a line. */
function signatureLine(role: string, name: string | null): Content {
  const blank = 120;
  return {
    columns: [
      { text: name === null ? `${role}：` : `${role}：${name}`, width: 150 },
      { text: '签字：', width: 'auto' },
      { canvas: [{ type: 'line', x1: 0, y1: 13, x2: blank, y2: 13, lineWidth: 0.6, lineColor: '#1a1a1a' }], width: blank },
      { text: `日期：${BLANK_DATE}`, width: '*', alignment: 'right' },
    ],
    columnGap: 4,
    margin: [0, 12, 0, 0],
  };
}

function signatures(data: VisitRecordData): Content {
  return {
    unbreakable: true,
    margin: [0, 8, 0, 0],
    stack: [...data.visit.visitors.map((name) => signatureLine('走访人', name)), signatureLine('户主（被调查人）', null)],
  };
}

export function visitRecordDocument(data: VisitRecordData): TDocumentDefinitions {
  const title = data.visit.kind === 'sixClears' ? '困难职工家庭入户调查表' : '困难职工家庭走访记录表';
  return {
    ...portraitPages(title, data.printedAt),
    content: [
      { text: title, style: 'title' },
      { text: `调查单位：${data.orgName}`, style: 'meta' },
      headTable(data),
      ...(data.visit.kind === 'sixClears' ? [{ text: '六清核查情况', style: 'section' }, sixClearsTable(data)] : []),
      { text: '调查结果', style: 'section' },
      outcomeTable(data),
      { text: '签字确认', style: 'section' },
      { text: '以上情况经走访人员入户核实，户主（被调查人）确认属实。', fontSize: 9 },
      signatures(data),
      {
        text: `录入：${data.visit.recordedBy ?? '—'}\u3000${localStamp(new Date(data.visit.recordedAt))}`,
        fontSize: 8,
        color: '#555555',
        margin: [0, 16, 0, 0],
      },
    ],
    styles: { ...FORM_STYLES, meta: { fontSize: 9, margin: [0, 0, 0, 4] } },
    defaultStyle: FORM_DEFAULT_STYLE,
  };
}
