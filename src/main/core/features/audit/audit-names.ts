import { contract, type ChannelName } from '@shared/contract';
import { roleAllows, type Role } from '@shared/roles';
import type { Sqlite } from '../../db/client';

/**
 * The audit log keeps record ids only (no personal data in the log, docs/architecture.md §4): the names shown beside
 * its entries are read from the records at read time. A record's name is given only to a role that may read that
 * record anyway: the channel that reads it says which (its `access` in the contract), so the two cannot drift apart.
 */
const READ_BY: Record<string, ChannelName> = {
  user: 'users.list',
  member: 'roster.get',
  unit: 'units.list',
  file: 'files.get',
  rosterImport: 'rosterImport.history',
  fileImport: 'files.pendingImports',
};

/** One query per record type: the ids given, the names found (a record that is gone simply has none). */
const NAME_SQL: Record<string, string> = {
  user: 'SELECT id, display_name AS name FROM users WHERE id IN (SELECT value FROM json_each(?))',
  // members.id is a 16-byte blob; the log speaks the text UUID.
  member: `SELECT j.value AS id, m.name FROM json_each(?) j JOIN members m ON m.id = unhex(replace(j.value, '-', ''))`,
  unit: 'SELECT id, name FROM units WHERE id IN (SELECT value FROM json_each(?))',
  // A file by its number when it has one, and the name of its head of household.
  file: `SELECT id, coalesce(file_no || ' ', '') || head_name AS name FROM hardship_files WHERE id IN (SELECT value FROM json_each(?))`,
  rosterImport: 'SELECT id, file_name AS name FROM roster_imports WHERE id IN (SELECT value FROM json_each(?))',
  fileImport: 'SELECT id, sheet_name AS name FROM file_imports WHERE id IN (SELECT value FROM json_each(?))',
};

export function mayNameRecordType(role: Role, recordType: string): boolean {
  const channel = READ_BY[recordType];
  if (!channel) return false;
  const access = contract[channel].access;
  return access === 'public' || roleAllows(role, access);
}

/** Names of the given records, keyed `${recordType}:${recordId}`, for the record types `role` may read. */
export function recordNames(
  sqlite: Sqlite,
  role: Role,
  records: readonly { recordType: string | null; recordId: string | null }[],
): Map<string, string> {
  const idsByType = new Map<string, Set<string>>();
  for (const { recordType, recordId } of records) {
    if (!recordType || !recordId || !NAME_SQL[recordType] || !mayNameRecordType(role, recordType)) continue;
    const ids = idsByType.get(recordType) ?? new Set<string>();
    ids.add(recordId);
    idsByType.set(recordType, ids);
  }
  const names = new Map<string, string>();
  for (const [recordType, ids] of idsByType) {
    const rows = sqlite.prepare(NAME_SQL[recordType]!).all(JSON.stringify([...ids])) as { id: string; name: string }[];
    for (const row of rows) names.set(`${recordType}:${row.id}`, row.name);
  }
  return names;
}

/** The display names of users by id (the log keeps the user name typed at sign-in; people know each other by name). */
export function userDisplayNames(sqlite: Sqlite, ids: readonly (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const rows = sqlite
    .prepare('SELECT id, display_name AS name FROM users WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(wanted)) as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}
