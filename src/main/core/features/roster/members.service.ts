import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput } from '@shared/contract';
import type { Member, MemberInput, MemberStatus, UnitKind } from '@shared/contract/roster';
import { checkIdNumber, type IdWarning } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import { refuseBadPastDates } from '../../date-rules';
import type { CallContext } from '../../context';
import { importEntriesCreating, listAudit } from '../audit/audit.repo';
import { readOrg } from '../org/org.repo';
import { memberQueryFor } from './id-search-policy';
import { checkMemberInput, type CheckedMember } from './member-input';
import {
  findMemberById,
  findMemberIdByIdNumber,
  idToBlob,
  msToInstant,
  originRef,
  searchMembers,
  toListItem,
  type MemberRow,
  type MemberSearch,
} from './members.repo';
import { nameSearchKeys } from './search-keys';
import { findUnitByKey, insertUnit, unitKey } from './units.repo';

function toMember(row: MemberRow, extraWarnings: IdWarning[] = []): Member {
  // Stored numbers passed every check on the way in; only the region warning is read again here.
  const check = checkIdNumber(row.idNumber, '2999-12-31');
  const warnings = new Set<IdWarning>([...extraWarnings, ...(check.ok ? check.warnings : [])]);
  return {
    ...toListItem(row),
    ethnicity: row.ethnicity,
    unitId: row.unitId,
    unionId: row.unionId,
    cardNo: row.cardNo,
    note: row.note,
    statusOn: row.statusOn,
    statusReason: row.statusReason,
    rev: row.rev,
    updatedAt: msToInstant(row.updatedAt),
    warnings: [...warnings],
  };
}

function requireMember(ctx: CallContext, id: string): MemberRow {
  const row = findMemberById(ctx.sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', { record: 'member' });
  return row;
}

/** The unit of that name (spelling differences folded), created the first time a roster names it. */
function unitRefFor(ctx: CallContext, kind: UnitKind, name: string | null): number | null {
  if (!name) return null;
  const existing = findUnitByKey(ctx.sqlite, kind, name);
  if (existing) return existing.ref;
  const unit = insertUnit(ctx.sqlite, { kind, name, origin: readOrg(ctx.db)!.id, now: ctx.now() });
  ctx.audit({ recordType: 'unit', recordId: unit.id, event: 'unit.created', params: { kind } });
  return unit.ref;
}

function refuseDuplicate(ctx: CallContext, idNumber: string, self?: string): void {
  const other = findMemberIdByIdNumber(ctx.sqlite, idNumber);
  if (other && other !== self) throw new AppError('DUPLICATE_ID_NUMBER', { memberId: other });
}

function memberColumns(ctx: CallContext, m: CheckedMember) {
  const keys = nameSearchKeys(m.name);
  return {
    name: m.name,
    id_number: m.idNumber,
    phone: m.phone,
    ethnicity: m.ethnicity,
    unit_ref: unitRefFor(ctx, 'employer', m.unitName),
    union_ref: unitRefFor(ctx, 'union', m.unionName),
    joined_on: m.joinedOn,
    card_no: m.cardNo,
    note: m.note,
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
  };
}

export function search(ctx: CallContext, input: Omit<MemberSearch, 'query'> & { query: string }): ChannelOutput<'roster.search'> {
  const query = memberQueryFor(ctx, input.query);
  const result = searchMembers(ctx.sqlite, { ...input, query });
  return { members: result.rows.map(toListItem), total: result.total, totalCapped: result.capped, kind: query.kind };
}

export function get(ctx: CallContext, id: string): Member {
  return toMember(requireMember(ctx, id));
}

export function create(ctx: CallContext, input: MemberInput): Member {
  const checked = checkMemberInput(input, localDate(ctx.clock));
  const id = uuidv7();
  ctx.write(() => {
    refuseDuplicate(ctx, checked.idNumber);
    const columns = memberColumns(ctx, checked);
    const names = Object.keys(columns);
    ctx.sqlite
      .prepare(
        `INSERT INTO members (id, origin_ref, updated_at, ${names.join(', ')})
         VALUES (@id, @origin_ref, @updated_at, ${names.map((n) => `@${n}`).join(', ')})`,
      )
      .run({ ...columns, id: idToBlob(id), origin_ref: originRef(ctx.sqlite, readOrg(ctx.db)!.id), updated_at: ctx.clock.now().getTime() });
    ctx.audit({ recordType: 'member', recordId: id, event: 'member.created' });
  });
  return toMember(requireMember(ctx, id), checked.idWarnings);
}

/** The contract's field names that differ between a stored member and the new values (for the audit entry). */
function changedFields(row: MemberRow, m: CheckedMember): string[] {
  // Another spelling of the same unit ("某某 公司" for "某某公司") is not a change.
  const unit = (name: string | null) => (name === null ? null : unitKey(name));
  const pairs: [string, unknown, unknown][] = [
    ['name', row.name, m.name],
    ['idNumber', row.idNumber, m.idNumber],
    ['phone', row.phone, m.phone],
    ['ethnicity', row.ethnicity, m.ethnicity],
    ['unitName', unit(row.unitName), unit(m.unitName)],
    ['unionName', unit(row.unionName), unit(m.unionName)],
    ['joinedOn', row.joinedOn, m.joinedOn],
    ['cardNo', row.cardNo, m.cardNo],
    ['note', row.note, m.note],
  ];
  return pairs.filter(([, before, after]) => before !== after).map(([field]) => field);
}

export function update(ctx: CallContext, input: Omit<MemberInput, 'idNumber'> & { id: string; rev: number; idNumber?: string }): Member {
  const current = requireMember(ctx, input.id);
  const checked = checkMemberInput({ ...input, idNumber: input.idNumber ?? current.idNumber }, localDate(ctx.clock));
  if (current.rev === input.rev && changedFields(current, checked).length === 0) return toMember(current); // nothing to record
  ctx.write(() => {
    const row = requireMember(ctx, input.id);
    if (row.rev !== input.rev) throw new AppError('STALE_RECORD');
    refuseDuplicate(ctx, checked.idNumber, input.id);
    const fields = changedFields(row, checked);
    const columns = memberColumns(ctx, checked);
    ctx.sqlite
      .prepare(
        `UPDATE members SET ${Object.keys(columns)
          .map((n) => `${n} = @${n}`)
          .join(', ')}, updated_at = @updated_at WHERE ref = @ref`,
      )
      .run({ ...columns, updated_at: ctx.clock.now().getTime(), ref: row.ref });
    ctx.audit({ recordType: 'member', recordId: input.id, event: 'member.updated', params: { fields: fields.join(',') } });
  });
  return toMember(requireMember(ctx, input.id), checked.idWarnings);
}

export function changeStatus(
  ctx: CallContext,
  input: { id: string; rev: number; status: MemberStatus; on: string; reason: string },
): Member {
  if (input.status !== 'active' && !input.reason.trim()) {
    throw new AppError('INVALID_INPUT', undefined, [{ path: ['reason'], message: 'required' }]);
  }
  refuseBadPastDates(ctx.clock, [[['on'], input.on]]);
  ctx.write(() => {
    const row = requireMember(ctx, input.id);
    if (row.rev !== input.rev) throw new AppError('STALE_RECORD');
    ctx.sqlite
      .prepare('UPDATE members SET status = ?, status_on = ?, status_reason = ?, updated_at = ? WHERE ref = ?')
      .run(input.status, input.on, input.reason.trim() || null, ctx.clock.now().getTime(), row.ref);
    ctx.audit({ recordType: 'member', recordId: input.id, event: 'member.statusChanged', params: { from: row.status, to: input.status } });
  });
  return toMember(requireMember(ctx, input.id));
}

/** One full ID number, for a clerk who must read it: every reveal is in the audit log (docs/architecture.md §5). */
export function revealId(ctx: CallContext, id: string): { idNumber: string } {
  return ctx.write(() => {
    const row = requireMember(ctx, id);
    ctx.audit({ recordType: 'member', recordId: id, event: 'member.idRevealed' });
    return { idNumber: row.idNumber };
  });
}

export function history(ctx: CallContext, id: string): ChannelOutput<'roster.history'> {
  const row = requireMember(ctx, id);
  // A member an import created has no entry of its own: the import's entry says when, from which file, and by whom.
  const created = importEntriesCreating(ctx.sqlite, row.ref, ctx.user!.role);
  return { entries: [...created, ...listAudit(ctx.sqlite, { recordId: id }, 1, 200).entries] };
}
