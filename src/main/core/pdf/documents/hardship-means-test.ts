import type { Content, TableCell } from 'pdfmake/interfaces';
import { meansTestTotals, percentAsMultiple, shownComparison, type HardshipCategory } from '@shared/domain/means-test';
import { formatYuan } from '@shared/domain/money';
import type { HardshipApplicationData } from './hardship-application';
import { CATEGORY_LABELS } from '@shared/labels-zh';
import { EXCLUSION_LABELS, INCOME_LABELS, RIGID_LABELS } from './hardship-labels';
import { GRID, label, spanned, value } from './portrait-form';

/**
 * The 申报表's income and means-test blocks (三、家庭收入与刚性支出 and 四、困难认定), in a module of their own beside
 * hardship-application.ts. Pure functions of the form's data.
 */

type MeansTestPart = Pick<HardshipApplicationData, 'household' | 'draft' | 'meansTest' | 'category'>;

/** The annual review's aid line: the line the screen's 收入与核算 shows as files.meansSteps.aidReceived. */
export const AID_LINE = '近 12 个月领取的帮扶救助金';

/** An item's words; a code the list lacks (an item of the other kind, say) is printed as it is. */
const itemWords = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code;

/**
 * 三、家庭收入与刚性支出: every figure entered on the line where it counts. At the annual review (复核) the aid paid
 * out to the household in the 12 months before the judging day is income (docs/domain.md "Aid"), on its own line
 * with its amount, as the screen's 收入与核算 shows it, and in the totals the means test judged: a clerk walk found
 * the printed totals short of the screen's by that aid.
 */
export function incomeTable(data: MeansTestPart): Content {
  const { draft } = data;
  const totals = meansTestTotals(data.household, draft.incomeItems);
  const aid = data.meansTest.aidReceivedFen ?? null;
  const incomeTotal = totals.annualIncomeFen + (aid ?? 0);
  const rigidTotal = totals.rigidSpendingFen;
  const items = (kind: 'income' | 'rigid') => draft.incomeItems.filter((i) => i.kind === kind);
  const row = (name: string, fen: number, note: string | null, bold = false): TableCell[] => [
    value(name, { bold }),
    value(formatYuan(fen), { alignment: 'right', bold }),
    value(note ?? ''),
  ];
  const body: TableCell[][] = [
    [label('项目', { alignment: 'center' }), label('全年金额（元）', { alignment: 'center' }), label('说明', { alignment: 'center' })],
    row('家庭成员劳动收入（月收入合计 × 12）', totals.earnedAnnualFen, null),
    ...items('income').map((i) => row(itemWords(INCOME_LABELS, i.code), i.annualFen, i.note)),
    ...(aid === null ? [] : [row(AID_LINE, aid, `${data.meansTest.judgedOn} 前 12 个月内已发放，复核时计入家庭收入`)]),
    row('家庭年收入合计', incomeTotal, null, true),
    ...items('rigid').map((i) => row(`刚性支出：${itemWords(RIGID_LABELS, i.code)}`, i.annualFen, i.note)),
    row('刚性支出合计', rigidTotal, null, true),
    row('家庭年可支配收入（收入合计 − 刚性支出合计）', incomeTotal - rigidTotal, null, true),
  ];
  if (draft.accidentCostsFen > 0)
    body.push(
      row('当年因灾、意外事故、重大疾病的支出（扣除保险和其他救助后）', draft.accidentCostsFen, '只用于意外致困测试，不计入可支配收入'),
    );
  return { table: { headerRows: 1, dontBreakRows: true, widths: ['*', 96, 140], body }, layout: GRID };
}

/** The result of the means test in words. */
function meansTestWords(data: MeansTestPart): string {
  const { result, missing } = data.meansTest;
  if (!result) {
    const what = missing.map((m) => (m === 'household' ? '家庭成员' : '当地低保标准'));
    return `尚缺${what.join('、')}，无法测算。`;
  }
  const parts: string[] = [];
  if (result.spendingExceedsIncome) parts.push('刚性支出超过家庭年收入，人均月收入按 0 计');
  if (result.outcome === 'excluded') {
    parts.push(`存在不予建档的情形：${result.excludedBy.map((code) => EXCLUSION_LABELS[code] ?? code).join('；')}，不符合建档条件`);
    return `${parts.join('；')}。`;
  }
  switch (result.category) {
    case 'deep':
      parts.push('家庭人均月收入低于当地城市低保标准，符合深度困难职工认定条件');
      break;
    case 'relative':
      parts.push(`家庭人均月收入低于当地城市低保标准的 ${percentAsMultiple(result.relativeLinePercent)} 倍，符合相对困难职工认定条件`);
      break;
    case 'accident':
      parts.push(
        `当年因灾、意外事故或重大疾病的支出${accidentShareWords(result.accidentShareBasisPoints)}，超过 ${result.accidentThresholdPercent}%，符合意外致困职工认定条件`,
      );
      break;
    case 'none':
      parts.push(
        `家庭人均月收入不低于当地城市低保标准的 ${percentAsMultiple(result.relativeLinePercent)} 倍，且不符合意外致困条件，不符合困难职工认定条件`,
      );
      break;
  }
  // An accident above the threshold under a category the income test already decided (it comes first): said, so the
  // form does not leave the reader wondering why 意外致困 is not ticked.
  if ((result.category === 'deep' || result.category === 'relative') && result.accidentTest === 'passed')
    parts.push(
      `当年因灾、意外事故或重大疾病的支出${accidentShareWords(result.accidentShareBasisPoints)}，超过 ${result.accidentThresholdPercent}%，但已按收入认定（收入标准优先）`,
    );
  return `${parts.join('；')}。`;
}

function accidentShareWords(basisPoints: number | null): string {
  if (basisPoints === null) return '（家庭当年无收入）';
  return `占家庭年收入的 ${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}%`;
}

/** 四、困难认定: the household's size, the per-capita income against the 低保 line, the category and the result in words. */
export function meansTestTable(data: MeansTestPart): Content {
  const { result, judgedOn, regionCode } = data.meansTest;
  const computed = result && result.category !== 'none' ? result.category : null;
  const shown = data.category ?? computed;
  const marks = (Object.keys(CATEGORY_LABELS) as HardshipCategory[])
    .map((c) => `${shown === c ? '■' : '□'} ${CATEGORY_LABELS[c]}`)
    .join('　　');
  const body: TableCell[][] = [
    [
      label('家庭人口'),
      value(result ? `${result.householdSize} 人` : '—'),
      label('人均月收入'),
      // Rounded down (shownComparison): a figure a fraction of a fen below the line never prints as the line.
      value(result ? `${formatYuan(shownComparison(result).perCapitaFen)} 元` : '—', { bold: true }),
    ],
    [
      label('低保标准'),
      ...spanned(
        value(
          result
            ? `${formatYuan(result.lowIncomeLineFen)} 元/人·月（${judgedOn} 执行的当地城市低保标准，行政区划代码 ${regionCode}）；${percentAsMultiple(result.relativeLinePercent)} 倍为 ${formatYuan(shownComparison(result).relativeLineFen)} 元`
            : `未设定（${judgedOn}，行政区划代码 ${regionCode}）`,
        ),
        3,
      ),
    ],
    [label('困难类别'), ...spanned(value(marks), 3)],
    [label('认定结果'), ...spanned(value(meansTestWords(data)), 3)],
  ];
  if (data.category !== null && data.category !== computed) {
    body.push([
      label('说明'),
      ...spanned(
        value(
          `在档类别为${CATEGORY_LABELS[data.category]}（审批时核定）；按 ${judgedOn} 的标准测算${computed ? `为${CATEGORY_LABELS[computed]}` : '不符合认定条件'}。`,
        ),
        3,
      ),
    ]);
  }
  return { table: { widths: [58, '*', 64, '*'], dontBreakRows: true, body }, layout: GRID };
}
