import { v7 as uuidv7 } from 'uuid';
import type { UnitKind } from '@shared/contract/roster';
import { toHalfWidth } from '@shared/domain/half-width';
import type { Sqlite } from '../../db/client';

export interface UnitRow {
  ref: number;
  id: string;
  kind: UnitKind;
  name: string;
  rev: number;
}

/** Two spellings that differ only in spaces, width or letter case are one unit: "某某 公司" = "某某公司". */
export function unitKey(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

export function cleanUnitName(name: string): string {
  return toHalfWidth(name).trim().replace(/\s+/g, ' ');
}

const COLUMNS = 'ref, id, kind, name, rev';

/**
 * The unit a name stands for. A spelling that was merged into another unit still means that unit: the merge is
 * followed, so the old spelling in a later roster does not bring the unit back.
 */
export function findUnitByKey(sqlite: Sqlite, kind: UnitKind, name: string): UnitRow | undefined {
  const key = unitKey(name);
  const active = sqlite.prepare(`SELECT ${COLUMNS} FROM units WHERE kind = ? AND name_key = ? AND deleted_at IS NULL`).get(kind, key) as
    UnitRow | undefined;
  if (active) return active;
  const merged = sqlite
    .prepare(
      'SELECT merged_into_ref AS ref FROM units WHERE kind = ? AND name_key = ? AND merged_into_ref IS NOT NULL ORDER BY ref DESC LIMIT 1',
    )
    .get(kind, key) as { ref: number } | undefined;
  return merged ? followMerges(sqlite, merged.ref) : undefined;
}

/** The unit at `ref`, or the one it was merged into (merges may chain); undefined for a unit deleted otherwise. */
function followMerges(sqlite: Sqlite, ref: number): UnitRow | undefined {
  const byRef = sqlite.prepare(`SELECT ${COLUMNS}, deleted_at AS deletedAt, merged_into_ref AS mergedInto FROM units WHERE ref = ?`);
  let next: number | null = ref;
  for (let hops = 0; next !== null && hops < 20; hops++) {
    const unit = byRef.get(next) as (UnitRow & { deletedAt: string | null; mergedInto: number | null }) | undefined;
    if (!unit) return undefined;
    if (!unit.deletedAt) return { ref: unit.ref, id: unit.id, kind: unit.kind, name: unit.name, rev: unit.rev };
    next = unit.mergedInto;
  }
  return undefined;
}

/**
 * The ref a list filter on unit `id` means today: a unit merged away stands for the one it went into (its members
 * moved there), so a filter chosen before the merge still finds them. -1 (no unit) for an id that is not a unit.
 */
export function currentUnitRef(sqlite: Sqlite, id: string): number {
  const ref = sqlite.prepare('SELECT ref FROM units WHERE id = ?').pluck().get(id) as number | undefined;
  return (ref === undefined ? undefined : followMerges(sqlite, ref))?.ref ?? -1;
}

export function findUnitById(sqlite: Sqlite, id: string): UnitRow | undefined {
  return sqlite.prepare(`SELECT ${COLUMNS} FROM units WHERE id = ? AND deleted_at IS NULL`).get(id) as UnitRow | undefined;
}

export function insertUnit(sqlite: Sqlite, row: { kind: UnitKind; name: string; origin: string; now: string }): UnitRow {
  const id = uuidv7();
  sqlite
    .prepare('INSERT INTO units (id, origin, updated_at, kind, name, name_key) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, row.origin, row.now, row.kind, cleanUnitName(row.name), unitKey(row.name));
  return findUnitById(sqlite, id)!;
}

export function renameUnit(sqlite: Sqlite, ref: number, name: string, now: string): void {
  sqlite.prepare('UPDATE units SET name = ?, name_key = ?, updated_at = ? WHERE ref = ?').run(cleanUnitName(name), unitKey(name), now, ref);
}

/**
 * Moves the members of `from` to `into` and keeps `from` as a tombstone pointing at `into`. Members' updated_at is
 * in milliseconds, units' in ISO-8601 (members.repo.ts).
 */
export function mergeUnit(sqlite: Sqlite, from: UnitRow, into: UnitRow, now: Date): number {
  const column = from.kind === 'employer' ? 'unit_ref' : 'union_ref';
  const moved = sqlite
    .prepare(`UPDATE members SET ${column} = ?, updated_at = ? WHERE ${column} = ? AND deleted_at IS NULL`)
    .run(into.ref, now.getTime(), from.ref).changes;
  const at = now.toISOString();
  sqlite.prepare('UPDATE units SET merged_into_ref = ?, deleted_at = ?, updated_at = ? WHERE ref = ?').run(into.ref, at, at, from.ref);
  return moved;
}

/** Chinese names in the order clerks expect: by pinyin (ICU's zh collation), not by code point. */
const byPinyin = new Intl.Collator('zh-CN');

export function listUnits(sqlite: Sqlite, kind: UnitKind, query: string): (UnitRow & { memberCount: number })[] {
  const column = kind === 'employer' ? 'unit_ref' : 'union_ref';
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = sqlite
    .prepare(
      `SELECT u.ref, u.id, u.kind, u.name, u.rev,
              (SELECT count(*) FROM members m WHERE m.${column} = u.ref AND m.deleted_at IS NULL) AS memberCount
       FROM units u
       WHERE u.kind = ? AND u.deleted_at IS NULL AND u.name LIKE ? ESCAPE '\\'
       LIMIT 2000`,
    )
    .all(kind, like) as (UnitRow & { memberCount: number })[];
  return rows.sort((a, b) => byPinyin.compare(a.name, b.name));
}
