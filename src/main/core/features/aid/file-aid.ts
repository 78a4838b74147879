import type { ChannelOutput } from '@shared/contract';
import type { FileAidSummary } from '@shared/contract/aid-types';
import { AID_TYPES, TYPE_CAP_KEY, type AidType } from '@shared/domain/aid';
import { formatIsoDate, isRealDate } from '@shared/domain/calendar';
import { valueInForce } from '@shared/domain/policy';
import { AppError } from '@shared/errors';
import type { Sqlite } from '../../db/client';
import { policyValues } from '../policy/policy.repo';
import { COUNTED } from './aid.repo';

/**
 * A file's aid (the file page's aid tab, aid.fileSummary): what it received by year and type, this year's caps with
 * what is used and left, and the aid of the last 12 months, which the annual review's means test counts as income
 * (docs/domain.md "Aid"). Voided payments count nowhere; a service (就业帮扶) is ¥0.
 */

/** The same day a year earlier (29 February → 28 February). */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatIsoDate(y - 1, m, isRealDate(y - 1, m, d) ? d : d - 1);
}

/**
 * The aid a file received in the 12 months up to `today`: payments paid out (已发放), each on the day it was paid,
 * after the same day a year before. Money entered or approved but not yet paid is not income: a clerk walk found the
 * annual review about to count pending payments.
 */
export function aidInLast12Months(sqlite: Sqlite, fileId: string, today: string): number {
  return sqlite
    .prepare(
      `SELECT coalesce(sum(amount_fen), 0) FROM aid_payments
       WHERE file_id = ? AND status = 'paid' AND deleted_at IS NULL AND paid_on > ? AND paid_on <= ?`,
    )
    .pluck()
    .get(fileId, yearBefore(today), today) as number;
}

export function fileSummary(sqlite: Sqlite, fileId: string, today: string): ChannelOutput<'aid.fileSummary'> {
  if (!sqlite.prepare('SELECT 1 FROM hardship_files WHERE id = ? AND deleted_at IS NULL').get(fileId)) {
    throw new AppError('NOT_FOUND', { record: 'file' });
  }
  const year = Number(today.slice(0, 4));
  const groups = sqlite
    .prepare(
      `SELECT year, type, count(*) AS count, coalesce(sum(amount_fen), 0) AS amountFen FROM aid_payments
       WHERE file_id = ? AND ${COUNTED} GROUP BY year, type ORDER BY year DESC, type`,
    )
    .all(fileId) as { year: number; type: AidType; count: number; amountFen: number }[];
  const byYear: FileAidSummary['byYear'] = [];
  for (const g of groups) {
    let entry = byYear.find((y) => y.year === g.year);
    if (!entry) byYear.push((entry = { year: g.year, byType: [], totalFen: 0 }));
    entry.byType.push({ type: g.type, count: g.count, amountFen: g.amountFen });
    entry.totalFen += g.amountFen;
  }
  for (const entry of byYear) entry.byType.sort((a, b) => AID_TYPES.indexOf(a.type) - AID_TYPES.indexOf(b.type));
  const thisYear = groups.filter((g) => g.year === year);
  const usedOf = (type: AidType | null) => thisYear.filter((g) => type === null || g.type === type).reduce((s, g) => s + g.amountFen, 0);
  const values = policyValues(sqlite);
  const cap = (key: string, type: AidType | null, limitFen: number | null) => {
    const usedFen = usedOf(type);
    return { key, type, limitFen, usedFen, leftFen: limitFen === null ? null : Math.max(0, limitFen - usedFen) };
  };
  const caps = [
    cap('aidYearCapTotal', null, valueInForce(values, 'aidYearCapTotal', today)),
    ...Object.entries(TYPE_CAP_KEY).map(([type, key]) => cap(key, type as AidType, valueInForce(values, key, today))),
  ];
  return { year, byYear, caps, last12MonthsFen: aidInLast12Months(sqlite, fileId, today) };
}
