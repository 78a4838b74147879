import type { ChannelOutput } from '@shared/contract';
import type { CentreHeader, CentreSummary } from '@shared/contract/federation';
import { valueInForce, POLICY_RULES } from '@shared/domain/policy';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { readOrg } from '../org/org.repo';
import { policyValues } from '../policy/policy.repo';
import { batchStats, centrePeers, heldCounts, openAlarms, type CentrePeerRow } from './centres.repo';

/** 各中心 (docs/domain.md "The federation's views"): the centres this federation trusts or trusted, overdue first. */

const DAY_MS = 86_400_000;

/** A centre has no centres: every federation view refuses there with a message that says so. */
export function requireFederation(ctx: CallContext): void {
  if (readOrg(ctx.db)?.mode !== 'federation') throw new AppError('FEDERATION_MODE_ONLY');
}

/** The days after which a centre with no new batch is flagged: the policy value in force today (default 35). */
export function overdueDays(ctx: CallContext): number {
  return valueInForce(policyValues(ctx.sqlite), 'batchOverdueDays', localDate(ctx.clock)) ?? POLICY_RULES.batchOverdueDays.default!;
}

interface CentreKey {
  code: string;
  name: string;
  region: string;
  keyState: CentreSummary['keyState'];
  keyChange: CentreSummary['keyChange'];
  keyPending: boolean;
  /** When this federation first trusted the centre: the start of the wait for its first batch. */
  firstConfirmedAt: string | null;
}

/**
 * A code's cards as one centre. Listed once a card was confirmed (trusted, or ended after trust); a card only
 * imported and never confirmed is not a centre yet. The key state is the trusted card's, else the last one ended.
 */
function centreKey(rows: CentrePeerRow[]): CentreKey | null {
  const known = rows.filter((r) => r.status !== 'pending');
  if (known.length === 0) return null;
  const trusted = known.find((r) => r.status === 'trusted');
  const ended = [...known].sort((a, b) => (a.endedAt ?? '').localeCompare(b.endedAt ?? '')).at(-1)!;
  const current = trusted ?? ended;
  const newest = rows.at(-1)!;
  const confirmed = known.map((r) => r.confirmedAt).filter((at): at is string => at !== null);
  return {
    code: current.code,
    // The newest card names the office as it now calls itself (a renamed office signs its new name).
    name: newest.name,
    region: newest.region,
    keyState: current.status as CentreSummary['keyState'],
    keyChange: current.change === 'new' ? null : { kind: current.change, at: current.confirmedAt },
    keyPending: rows.some((r) => r.status === 'pending'),
    firstConfirmedAt: confirmed.sort()[0] ?? null,
  };
}

function keysByCode(rows: CentrePeerRow[]): CentreKey[] {
  const byCode = new Map<string, CentrePeerRow[]>();
  for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  return [...byCode.values()].map(centreKey).filter((c): c is CentreKey => c !== null);
}

/** The header of a per-centre page; an unknown code is NOT_FOUND (the code only, no record in the params). */
export function centreHeader(ctx: CallContext, code: string): CentreHeader {
  requireFederation(ctx);
  const key = keysByCode(centrePeers(ctx.sqlite, code))[0];
  if (!key) throw new AppError('NOT_FOUND');
  return { code: key.code, name: key.name, region: key.region, keyState: key.keyState };
}

/** The centres' names by code, for the duplicate lists. */
export function centreNames(ctx: CallContext): Map<string, string> {
  return new Map(keysByCode(centrePeers(ctx.sqlite)).map((k) => [k.code, k.name]));
}

/** Whole days since the centre's last import, or since it was first trusted while no batch came yet. */
function daysWaiting(key: CentreKey, lastImportAt: string | null | undefined, now: number): number | null {
  const since = lastImportAt ?? key.firstConfirmedAt;
  return since === null ? null : Math.floor((now - Date.parse(since)) / DAY_MS);
}

/** A centre no longer trusted is not expected to send: never overdue. */
function isOverdue(key: CentreKey, daysSince: number | null, days: number): boolean {
  return key.keyState === 'trusted' && daysSince !== null && daysSince > days;
}

/** How many centres are overdue (the home page's count): the list's rule, without the list's held counts. */
export function overdueCentreCount(ctx: CallContext): number {
  const days = overdueDays(ctx);
  const now = ctx.clock.now().getTime();
  const batches = new Map(batchStats(ctx.sqlite).map((b) => [b.centreCode, b]));
  return keysByCode(centrePeers(ctx.sqlite)).filter((key) =>
    isOverdue(key, daysWaiting(key, batches.get(key.code)?.lastImportAt, now), days),
  ).length;
}

export function centres(ctx: CallContext): ChannelOutput<'federation.centres'> {
  requireFederation(ctx);
  const days = overdueDays(ctx);
  const now = ctx.clock.now().getTime();
  const batches = new Map(batchStats(ctx.sqlite).map((b) => [b.centreCode, b]));
  const alarms = new Map(openAlarms(ctx.sqlite).map((a) => [a.centreCode, a.n]));
  const counts = new Map<string, number>();
  for (const c of heldCounts(ctx.sqlite)) counts.set(`${c.centreCode}/${c.tableName}`, c.n);
  const list = keysByCode(centrePeers(ctx.sqlite)).map((key): CentreSummary => {
    const batch = batches.get(key.code);
    const daysSince = daysWaiting(key, batch?.lastImportAt, now);
    return {
      code: key.code,
      name: key.name,
      region: key.region,
      keyState: key.keyState,
      keyChange: key.keyChange,
      keyPending: key.keyPending,
      lastBatch: batch ? { sequence: batch.sequence, createdAt: batch.createdAt, importedAt: batch.importedAt } : null,
      lastImportAt: batch?.lastImportAt ?? null,
      counts: {
        files: counts.get(`${key.code}/hardship_files`) ?? 0,
        members: counts.get(`${key.code}/members`) ?? 0,
        payments: counts.get(`${key.code}/aid_payments`) ?? 0,
      },
      openAlarms: alarms.get(key.code) ?? 0,
      overdue: isOverdue(key, daysSince, days),
      daysSince,
    };
  });
  list.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.name.localeCompare(b.name, 'zh-CN') || a.code.localeCompare(b.code));
  return { centres: list, overdueDays: days };
}
