import type { Sqlite } from '../../db/client';
import { openDatabase } from '../../db/client';

/*
 * The batches a centre sent are at the federation whatever backup is put in place here (issue 12). A restore rolls
 * back exchange_sent, the change log and every record's rev; left so, the next batch would reuse a sequence the
 * federation applied (an alarm: same sequence, another hash), a record changed again would carry a rev the federation
 * already holds higher (ignored), and records made after the backup would stay live there. So, like the keys
 * (keys/carry-keys.ts) and the counters (carry-counters.ts), a restore carries from the database it replaces:
 * - the exchange_sent rows (and which attachments they carried) the backup lacks: the next batch follows the last
 *   one really sent, and 补发 can still hand over the kept files;
 * - a rev base (exchange_restart.rev_base) at least the highest rev any batch carried: every rev a batch writes from
 *   now on is the record's own plus the base, so it beats whatever the federation holds;
 * - when any batch was carried, a full batch due (exchange_restart.snapshot_due_since): it sends every record at its
 *   restored values, and the federation takes it as complete, marking the centre's records it lacks as withdrawn
 *   (features/exchange/import-withdraw.ts).
 * - at a federation, the batch alarms (exchange_alarms) the backup lacks: an alarm says someone offered another file
 *   under a sequence already applied, which stays true whatever is restored (the kept batches are re-applied from
 *   their files: features/exchange/import-kept.ts).
 * - a card withdrawn since the backup (exchange_peers.status = 'withdrawn'): an administrator stopped trusting that
 *   office's key, perhaps because it was lost or stolen, and an older backup must not trust it again. A card replaced
 *   by a newer key is not ended here: the batches kept since the backup were signed by the key that was trusted then,
 *   and they must still import (the newer card is taken in again as it came the first time).
 * The records themselves are not carried: they are what the restore rolls back.
 */

type Row = Record<string, unknown>;

export interface ExchangeRows {
  sent: Row[];
  sentAttachments: { attachmentId: string; sequence: number }[];
  /** The cards the sent rows name, should the backup predate one (its rows refer to it). */
  peers: Row[];
  restart: { revBase: number; snapshotDueSince: string | null } | null;
  alarms: Row[];
}

const NONE: ExchangeRows = { sent: [], sentAttachments: [], peers: [], restart: null, alarms: [] };

function hasTable(sqlite: Sqlite, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Each part on its own: a damaged page in one table loses that part only (a failed page throws, never lies). */
function part<T>(sqlite: Sqlite, table: string, read: () => T, none: T): T {
  try {
    return hasTable(sqlite, table) ? read() : none;
  } catch {
    return none;
  }
}

/** What a database sent; nothing of a table it predates. */
export function readExchange(sqlite: Sqlite): ExchangeRows {
  return {
    sent: part(sqlite, 'exchange_sent', () => sqlite.prepare('SELECT * FROM exchange_sent ORDER BY sequence').all() as Row[], []),
    sentAttachments: part(
      sqlite,
      'exchange_sent_attachments',
      () =>
        sqlite
          .prepare('SELECT attachment_id AS attachmentId, sequence FROM exchange_sent_attachments')
          .all() as ExchangeRows['sentAttachments'],
      [],
    ),
    peers: part(sqlite, 'exchange_peers', () => sqlite.prepare('SELECT * FROM exchange_peers').all() as Row[], []),
    restart: part(
      sqlite,
      'exchange_restart',
      () =>
        (sqlite.prepare('SELECT rev_base AS revBase, snapshot_due_since AS snapshotDueSince FROM exchange_restart WHERE id = 1').get() as
          ExchangeRows['restart'] | undefined) ?? null,
      null,
    ),
    alarms: part(sqlite, 'exchange_alarms', () => sqlite.prepare('SELECT * FROM exchange_alarms ORDER BY at').all() as Row[], []),
  };
}

/** What a database file that may be damaged sent: whatever still reads. */
export function readExchangeOfFile(path: string, key: Buffer): ExchangeRows {
  try {
    const { sqlite } = openDatabase(path, key, { readonly: true });
    try {
      return readExchange(sqlite);
    } finally {
      sqlite.close();
    }
  } catch {
    return NONE;
  }
}

export interface ExchangeCarried {
  /** Batches the backup lacked, now recorded as sent. */
  batches: number;
  /** The next batch is a full one (this restore, or one before it whose full batch was not written yet). */
  snapshotDue: boolean;
  revBase: number;
  /** Alarms the backup lacked, now listed again. */
  alarms: number;
  /** Cards withdrawn since the backup, withdrawn again. */
  withdrawnCards: number;
}

function insertRow(sqlite: Sqlite, table: string, row: Row): void {
  const columns = (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).filter((c) => c in row);
  sqlite
    .prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((c) => row[c]));
}

/**
 * The rows' user columns as users of the restored database: a user the backup lacks (made after it) is not brought
 * back (an account a restore removed stays removed), so the row names `stand` (who restored, else the first
 * administrator) instead.
 */
function withUsers(sqlite: Sqlite, row: Row, columns: string[], stand: string | null): Row {
  const known = sqlite.prepare('SELECT 1 FROM users WHERE id = ?');
  const out = { ...row };
  for (const column of columns) {
    const id = row[column];
    if (typeof id === 'string' && known.get(id) === undefined) out[column] = stand;
  }
  return out;
}

/** The card a carried batch was sent to, brought in when the backup predates it; its id, or null when none is there. */
function peerFor(sqlite: Sqlite, carried: ExchangeRows, peerId: string, stand: string | null, at: string): string | null {
  const present = sqlite.prepare('SELECT 1 FROM exchange_peers WHERE id = ?');
  if (present.get(peerId)) return peerId;
  const card = carried.peers.find((p) => p.id === peerId);
  if (!card) {
    // The replaced file's cards did not read: the batch is named against the federation card the backup trusts.
    return (
      (sqlite
        .prepare("SELECT id FROM exchange_peers WHERE mode = 'federation' ORDER BY status = 'trusted' DESC, imported_at DESC LIMIT 1")
        .pluck()
        .get() as string | undefined) ?? null
    );
  }
  const row = withUsers(sqlite, card, ['imported_by', 'confirmed_by'], stand);
  if (row.replaces_id && !present.get(row.replaces_id)) row.replaces_id = null;
  // The backup trusts another key of that office now: the carried card is kept as the one it replaced.
  const trusted = sqlite.prepare("SELECT 1 FROM exchange_peers WHERE code = ? AND status = 'trusted'").get(row.code);
  if (trusted && row.status === 'trusted') Object.assign(row, { status: 'replaced', ended_at: row.ended_at ?? at });
  insertRow(sqlite, 'exchange_peers', row);
  return peerId;
}

/**
 * Puts `carried` (the replaced database's exchange rows) into `sqlite` (the restored one, migrated). Call inside the
 * transaction that records it. `actorId` is the user who restores (null from the damaged screen).
 */
export function carryExchange(sqlite: Sqlite, carried: ExchangeRows, at: string, actorId: string | null): ExchangeCarried {
  const stand =
    actorId ??
    (sqlite.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").pluck().get() as string | undefined) ??
    null;
  const held = new Set(sqlite.prepare('SELECT sequence FROM exchange_sent').pluck().all() as number[]);
  let batches = 0;
  for (const sent of carried.sent) {
    if (held.has(sent.sequence as number)) continue;
    const peerId = peerFor(sqlite, carried, sent.recipient_peer_id as string, stand, at);
    if (peerId === null || stand === null) continue;
    insertRow(sqlite, 'exchange_sent', {
      ...withUsers(sqlite, sent, ['exported_by', 'receipt_imported_by'], stand),
      recipient_peer_id: peerId,
    });
    held.add(sent.sequence as number);
    batches++;
  }
  const attachment = sqlite.prepare('INSERT OR IGNORE INTO exchange_sent_attachments (attachment_id, sequence) VALUES (?, ?)');
  for (const a of carried.sentAttachments) if (held.has(a.sequence)) attachment.run(a.attachmentId, a.sequence);

  const restored = sqlite.prepare('SELECT rev_base AS revBase, snapshot_due_since AS due FROM exchange_restart WHERE id = 1').get() as
    { revBase: number; due: string | null } | undefined;
  const snapshotDue = batches > 0 || (carried.restart?.snapshotDueSince ?? null) !== null || (restored?.due ?? null) !== null;
  const highestSent = sqlite.prepare('SELECT coalesce(max(rev_high), 0) FROM exchange_sent').pluck().get() as number;
  // A base only grows: it is what the federation may hold at most, and that never shrinks.
  const revBase = Math.max(restored?.revBase ?? 0, carried.restart?.revBase ?? 0, snapshotDue ? highestSent : 0);
  if (snapshotDue || revBase !== (restored?.revBase ?? 0)) {
    sqlite
      .prepare(
        `INSERT INTO exchange_restart (id, rev_base, snapshot_due_since) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET rev_base = excluded.rev_base, snapshot_due_since = excluded.snapshot_due_since`,
      )
      .run(revBase, snapshotDue ? at : null);
  }
  return {
    batches,
    snapshotDue,
    revBase,
    alarms: carryAlarms(sqlite, carried.alarms, stand),
    withdrawnCards: carryWithdrawals(sqlite, carried.peers, at),
  };
}

/** The cards the replaced database had withdrawn and the restored one still trusts (or has pending): withdrawn again. */
function carryWithdrawals(sqlite: Sqlite, peers: Row[], at: string): number {
  const withdraw = sqlite.prepare(
    "UPDATE exchange_peers SET status = 'withdrawn', ended_at = ? WHERE id = ? AND status IN ('pending', 'trusted')",
  );
  let withdrawn = 0;
  for (const peer of peers) {
    if (peer.status === 'withdrawn') withdrawn += withdraw.run((peer.ended_at as string | null) ?? at, peer.id).changes;
  }
  return withdrawn;
}

/** The alarms the restored database lacks, by id; settled ones stay settled (by `stand` if their settler is gone). */
function carryAlarms(sqlite: Sqlite, alarms: Row[], stand: string | null): number {
  if (stand === null) return 0;
  const present = sqlite.prepare('SELECT 1 FROM exchange_alarms WHERE id = ?');
  let carried = 0;
  for (const alarm of alarms) {
    if (present.get(alarm.id)) continue;
    insertRow(sqlite, 'exchange_alarms', withUsers(sqlite, alarm, ['by_user', 'settled_by'], stand));
    carried++;
  }
  return carried;
}
