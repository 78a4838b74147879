import type { ChannelOutput } from '@shared/contract';
import type { UnitKind } from '@shared/contract/roster';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { findUnitById, findUnitByKey, listUnits, mergeUnit, renameUnit, type UnitRow } from './units.repo';

type UnitRecord = ChannelOutput<'units.rename'>;

function memberCount(ctx: CallContext, unit: UnitRow): number {
  const column = unit.kind === 'employer' ? 'unit_ref' : 'union_ref';
  return (ctx.sqlite.prepare(`SELECT count(*) AS n FROM members WHERE ${column} = ? AND deleted_at IS NULL`).get(unit.ref) as { n: number })
    .n;
}

function toRecord(ctx: CallContext, unit: UnitRow): UnitRecord {
  return { id: unit.id, kind: unit.kind, name: unit.name, memberCount: memberCount(ctx, unit) };
}

function requireUnit(ctx: CallContext, id: string): UnitRow {
  const unit = findUnitById(ctx.sqlite, id);
  if (!unit) throw new AppError('NOT_FOUND', { record: 'unit' });
  return unit;
}

export function list(ctx: CallContext, kind: UnitKind, query: string): ChannelOutput<'units.list'> {
  return {
    units: listUnits(ctx.sqlite, kind, query).map(({ id, kind: k, name, memberCount: n }) => ({ id, kind: k, name, memberCount: n })),
  };
}

/** A new spelling for a unit; a name another unit of the same kind already has means they should be merged instead. */
export function rename(ctx: CallContext, id: string, name: string): UnitRecord {
  return ctx.write(() => {
    const unit = requireUnit(ctx, id);
    const other = findUnitByKey(ctx.sqlite, unit.kind, name);
    if (other && other.id !== unit.id) throw new AppError('UNIT_NAME_TAKEN', { unitId: other.id });
    renameUnit(ctx.sqlite, unit.ref, name, ctx.now());
    ctx.audit({ recordType: 'unit', recordId: unit.id, event: 'unit.renamed' });
    return toRecord(ctx, requireUnit(ctx, id));
  });
}

/** Two spellings of one unit: the members of `fromId` move to `intoId`, and `fromId` stays as a tombstone. */
export function merge(ctx: CallContext, fromId: string, intoId: string): UnitRecord {
  return ctx.write(() => {
    const from = requireUnit(ctx, fromId);
    const into = requireUnit(ctx, intoId);
    if (from.id === into.id || from.kind !== into.kind) throw new AppError('UNIT_MERGE_INVALID');
    const moved = mergeUnit(ctx.sqlite, from, into, ctx.clock.now());
    ctx.audit({ recordType: 'unit', recordId: from.id, event: 'unit.merged', params: { into: into.id, moved } });
    return toRecord(ctx, into);
  });
}
