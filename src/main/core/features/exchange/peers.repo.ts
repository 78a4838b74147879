import type { Sqlite } from '../../db/client';

/** The rows of exchange_peers (schema/exchange.ts) as the service uses them; SQL stays here. */
export interface PeerRow {
  id: string;
  code: string;
  name: string;
  region: string;
  mode: 'centre' | 'federation';
  ed25519: Buffer;
  x25519: string;
  fingerprint: string;
  card: string;
  cardCreatedAt: string;
  status: 'pending' | 'trusted' | 'replaced' | 'withdrawn';
  change: 'new' | 'signed' | 'restart';
  replacesId: string | null;
  importedAt: string;
  importedBy: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  endedAt: string | null;
}

/** A row with the display names of who imported and confirmed it (this office's users). */
export interface PeerListRow extends PeerRow {
  importedByName: string;
  confirmedByName: string | null;
}

const COLUMNS = `p.id, p.code, p.name, p.region, p.mode, p.ed25519, p.x25519, p.fingerprint, p.card, p.card_created_at AS cardCreatedAt,
  p.status, p.change, p.replaces_id AS replacesId, p.imported_at AS importedAt, p.imported_by AS importedBy,
  p.confirmed_at AS confirmedAt, p.confirmed_by AS confirmedBy, p.ended_at AS endedAt`;

export function readPeer(sqlite: Sqlite, id: string): PeerRow | undefined {
  return sqlite.prepare(`SELECT ${COLUMNS} FROM exchange_peers p WHERE p.id = ?`).get(id) as PeerRow | undefined;
}

/** Every card of one office (by its code), newest first. */
export function peersWithCode(sqlite: Sqlite, code: string): PeerRow[] {
  return sqlite
    .prepare(`SELECT ${COLUMNS} FROM exchange_peers p WHERE p.code = ? ORDER BY p.imported_at DESC, p.id DESC`)
    .all(code) as PeerRow[];
}

/** The pending and trusted cards of other codes in one mode (a centre's one federation). */
export function activePeersInMode(sqlite: Sqlite, mode: 'centre' | 'federation'): PeerRow[] {
  return sqlite
    .prepare(`SELECT ${COLUMNS} FROM exchange_peers p WHERE p.mode = ? AND p.status IN ('pending', 'trusted') ORDER BY p.imported_at`)
    .all(mode) as PeerRow[];
}

export function listPeers(sqlite: Sqlite): PeerListRow[] {
  return sqlite
    .prepare(
      `SELECT ${COLUMNS}, coalesce(i.display_name, '') AS importedByName, c.display_name AS confirmedByName
       FROM exchange_peers p JOIN users i ON i.id = p.imported_by LEFT JOIN users c ON c.id = p.confirmed_by
       ORDER BY p.name, p.imported_at DESC, p.id DESC`,
    )
    .all() as PeerListRow[];
}

export function insertPeer(sqlite: Sqlite, row: Omit<PeerRow, 'confirmedAt' | 'confirmedBy' | 'endedAt'>): void {
  sqlite
    .prepare(
      `INSERT INTO exchange_peers (id, code, name, region, mode, ed25519, x25519, fingerprint, card, card_created_at, status, change,
         replaces_id, imported_at, imported_by)
       VALUES (@id, @code, @name, @region, @mode, @ed25519, @x25519, @fingerprint, @card, @cardCreatedAt, @status, @change,
         @replacesId, @importedAt, @importedBy)`,
    )
    .run(row);
}

/** The same key's card again, with what it now says about the office (a renamed office signs its new name). */
export function refreshPeerCard(
  sqlite: Sqlite,
  id: string,
  card: { name: string; region: string; card: string; cardCreatedAt: string },
): void {
  sqlite
    .prepare('UPDATE exchange_peers SET name = @name, region = @region, card = @card, card_created_at = @cardCreatedAt WHERE id = @id')
    .run({ id, ...card });
}

export function endPeer(sqlite: Sqlite, id: string, status: 'replaced' | 'withdrawn', at: string): void {
  sqlite.prepare('UPDATE exchange_peers SET status = ?, ended_at = ? WHERE id = ?').run(status, at, id);
}

export function trustPeer(sqlite: Sqlite, id: string, at: string, userId: string): void {
  sqlite.prepare("UPDATE exchange_peers SET status = 'trusted', confirmed_at = ?, confirmed_by = ? WHERE id = ?").run(at, userId, id);
}

/** Whether a raw Ed25519 key is one of this office's own, current or retired. */
export function isOwnSigningKey(sqlite: Sqlite, publicKey: Buffer): boolean {
  return Boolean(sqlite.prepare("SELECT 1 FROM org_keys WHERE purpose = 'signing' AND public_key = ?").get(publicKey));
}
