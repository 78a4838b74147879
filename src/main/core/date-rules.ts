import { isIsoDate } from '@shared/domain/calendar';
import { AppError, type ValidationIssue } from '@shared/errors';
import { localDate, type Clock } from './clock';

/**
 * The core is the authority on dates: a form may be old, edited or scripted. A day that must have happened already
 * (joined, left, visited, consented) is refused when it is not a real day (BAD_DATE) or lies after the clerk's
 * today on the injected clock (FUTURE). The issue names the field by its path, so the message can say which date
 * and why (renderer i18n/errors.ts), and carries no value.
 */
export type PastDates = [path: (string | number)[], date: string | null | undefined][];

export function pastDateIssues(dates: PastDates, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [path, date] of dates) {
    if (date === null || date === undefined) continue;
    if (!isIsoDate(date)) issues.push({ path, message: 'BAD_DATE' });
    else if (date > today) issues.push({ path, message: 'FUTURE' });
  }
  return issues;
}

export function refuseBadPastDates(clock: Clock, dates: PastDates): void {
  const issues = pastDateIssues(dates, localDate(clock));
  if (issues.length > 0) throw new AppError('INVALID_INPUT', undefined, issues);
}
