import { daysInMonth, formatIsoDate } from './calendar';

/**
 * 困难农民工: "Migrant workers also need union membership and a labour relationship of at least one year"
 * (docs/domain.md "Hardship file"). Membership is checked when the file is created; the labour relationship — its
 * start date and employer, in the file's draft — when the file is submitted, on the day it is judged on.
 */

/**
 * The day a labour relationship begun on `since` has lasted one year: the same day a year later. One begun on
 * 29 February has lasted a year on 28 February of the next year: a year counted from a day the later year lacks ends
 * on that month's last day (民法典 第二百零二条: 没有对应日的，月末日为期间的最后一日), not on 1 March.
 */
export function labourYearCompleteOn(since: string): string {
  const [year, month, day] = since.split('-').map(Number) as [number, number, number];
  return formatIsoDate(year + 1, month, Math.min(day, daysInMonth(year + 1, month)));
}

/** What a migrant worker's file records of the labour relationship. */
export interface LabourRelationship {
  since: string | null;
  employer: string | null;
}

export type LabourBlocker =
  { code: 'LABOUR_START_MISSING' } | { code: 'LABOUR_EMPLOYER_MISSING' } | { code: 'LABOUR_TOO_SHORT'; since: string; completeOn: string };

/** What stands in the way of filing a migrant worker on `today`; null `labour`: not a migrant worker's file. */
export function labourBlockers(labour: LabourRelationship | null, today: string): LabourBlocker[] {
  if (!labour) return [];
  const blockers: LabourBlocker[] = [];
  if (!labour.since) blockers.push({ code: 'LABOUR_START_MISSING' });
  else {
    const completeOn = labourYearCompleteOn(labour.since);
    if (completeOn > today) blockers.push({ code: 'LABOUR_TOO_SHORT', since: labour.since, completeOn });
  }
  if (!labour.employer?.trim()) blockers.push({ code: 'LABOUR_EMPLOYER_MISSING' });
  return blockers;
}
