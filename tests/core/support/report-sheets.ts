import type { ReportSheet } from '@shared/domain/report-sheet';

/**
 * Hand-built report sheets for the writers' tests: a two-level merged header (项目 over two rows, 合计 and 上级专项
 * each over 户数 / 人次 / 金额), counts, amounts in fen with a fen that must survive (123456 fen → 1,234.56), a 合计
 * row and a note.
 */
export function aidSheet(more: Partial<ReportSheet> = {}): ReportSheet {
  return {
    name: '帮扶资金发放',
    title: '帮扶救助资金发放情况统计表',
    reportingUnit: '测试市总工会困难职工帮扶中心',
    period: '2026年第三季度',
    asOf: '截至 2026-09-30',
    computedAt: '2026-10-08 09:12',
    unitsNote: '单位：户、人次、元',
    header: [
      [
        { text: '救助类别', rowSpan: 2 },
        { text: '合计', colSpan: 3 },
        { text: '上级专项资金', colSpan: 3 },
      ],
      [{ text: '户数' }, { text: '人次' }, { text: '金额（元）' }, { text: '户数' }, { text: '人次' }, { text: '金额（元）' }],
    ],
    body: [
      [{ text: '生活救助' }, { count: 3 }, { count: 4 }, { fen: 123456 }, { count: 2 }, { count: 2 }, { fen: 100000 }],
      [{ text: '医疗救助' }, { count: 1 }, { count: 1 }, { fen: 50001 }, { count: 0 }, { count: 0 }, { fen: 0 }],
    ],
    totals: [{ text: '合计' }, { count: 4 }, { count: 5 }, { fen: 173457 }, { count: 2 }, { count: 2 }, { fen: 100000 }],
    notes: ['人次按发放笔数计，补发只计一次，作废的不计。'],
    filledOn: '2026-10-08',
    ...more,
  };
}

/** A second, plainer table: one header row, no units note, many rows (the PDF repeats its header on each page). */
export function causeSheet(rows = 3): ReportSheet {
  return {
    name: '致困原因',
    title: '困难职工家庭致困原因统计表',
    reportingUnit: '测试市总工会困难职工帮扶中心',
    period: '2026年第三季度',
    asOf: '截至 2026-09-30',
    computedAt: '2026-10-08 09:12',
    header: [[{ text: '致困原因' }, { text: '深度困难' }, { text: '相对困难' }, { text: '意外致困' }]],
    body: Array.from({ length: rows }, (_, i) => [{ text: `原因${i + 1}` }, { count: i }, { count: 1 }, { count: 0 }]),
    totals: [{ text: '合计' }, { count: (rows * (rows - 1)) / 2 }, { count: rows }, { count: 0 }],
    filledOn: '2026-10-08',
  };
}
