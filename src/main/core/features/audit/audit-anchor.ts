import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Sqlite } from '../../db/client';
import { writeFileAtomic } from '../../fs-atomic';
import { auditHash, type AuditInput } from './audit.repo';

/**
 * The audit chain's head kept outside the database (`<dataDir>/audit-anchor.json`), so that a database rolled back
 * to an older copy, or an audit log whose tail was cut or whose entries were rewritten with the chain recomputed,
 * no longer matches it (docs/architecture.md §5).
 *
 *   { v: 1, seq, hash, at, mac }   seq/hash/at of the last audit entry; mac = HMAC-SHA256 under a key derived (HKDF)
 *                                  from the database key, which safeStorage wraps on the desktop: the data folder
 *                                  alone cannot forge an anchor.
 *
 * The anchor moves after every committed write, under the database's write lock (two copies of the program may run
 * on one data folder), and only forward along the chain. It may lag behind the database (a crash between the commit
 * and the anchor write): that is normal and caught up at the next start. The database behind the anchor, or another
 * hash at the anchored seq, is an alarm (audit-check.ts).
 */
export interface AuditHead {
  seq: number;
  hash: string;
  at: string;
}

export interface SignedAuditHead extends AuditHead {
  v: 1;
  mac: string;
}

export type AnchorRead = { status: 'ok'; anchor: SignedAuditHead } | { status: 'missing' } | { status: 'invalid' };

const INFO = 'bangfu audit anchor v1';

const derived = new WeakMap<Buffer, Buffer>();

/** The MAC key: its own key (HKDF), so the database key itself is never used for two purposes. */
export function anchorKeyFor(databaseKey: Buffer): Buffer {
  let key = derived.get(databaseKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), INFO, 32));
    derived.set(databaseKey, key);
  }
  return key;
}

function mac(key: Buffer, head: AuditHead): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([INFO, head.seq, head.hash, head.at]))
    .digest('hex');
}

export function signHead(key: Buffer, head: AuditHead): SignedAuditHead {
  return { v: 1, seq: head.seq, hash: head.hash, at: head.at, mac: mac(key, head) };
}

export function headIsSigned(key: Buffer, head: SignedAuditHead): boolean {
  const expected = Buffer.from(mac(key, head), 'hex');
  const given = Buffer.from(head.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function readAnchor(path: string, key: Buffer): AnchorRead {
  if (!existsSync(path)) return { status: 'missing' };
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<SignedAuditHead>;
    const wellFormed =
      value.v === 1 &&
      Number.isSafeInteger(value.seq) &&
      typeof value.hash === 'string' &&
      typeof value.at === 'string' &&
      typeof value.mac === 'string';
    if (!wellFormed || !headIsSigned(key, value as SignedAuditHead)) return { status: 'invalid' };
    return { status: 'ok', anchor: value as SignedAuditHead };
  } catch {
    return { status: 'invalid' };
  }
}

export function writeAnchor(path: string, key: Buffer, head: AuditHead): void {
  writeFileAtomic(path, `${JSON.stringify(signHead(key, head))}\n`, 0o600);
}

/** The last entry of the audit log, or null when it is empty. */
export function auditHead(sqlite: Sqlite): AuditHead | null {
  return (sqlite.prepare('SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined) ?? null;
}

interface ChainRow extends AuditInput {
  seq: number;
  prevHash: string;
  hash: string;
}

const CHAIN_COLUMNS = `seq, at, user_id AS userId, user_name AS userName, action, record_type AS recordType,
  record_id AS recordId, summary, prev_hash AS prevHash, hash`;

/**
 * Whether the log still holds the anchored entry unchanged and every later entry links to it: what the anchor
 * promised. Reads only the entries from the anchor on (one or two after a clerk's write).
 */
export function chainExtendsAnchor(sqlite: Sqlite, anchor: AuditHead): { ok: true } | { ok: false; brokenSeq: number } {
  let expectedSeq = anchor.seq;
  let prevHash: string | null = null;
  const rows = sqlite
    .prepare(`SELECT ${CHAIN_COLUMNS} FROM audit_log WHERE seq >= ? ORDER BY seq`)
    .iterate(anchor.seq) as Iterable<ChainRow>;
  for (const row of rows) {
    const linked = prevHash === null ? row.hash === anchor.hash : row.prevHash === prevHash;
    if (row.seq !== expectedSeq || !linked || row.hash !== auditHash(row.prevHash, row.seq, row))
      return { ok: false, brokenSeq: expectedSeq };
    prevHash = row.hash;
    expectedSeq++;
  }
  return prevHash === null ? { ok: false, brokenSeq: anchor.seq } : { ok: true };
}

/**
 * After a committed write: moves the anchor to the new head, inside an IMMEDIATE transaction so that a second copy
 * of the program writing at the same moment cannot move it back. Leaves it alone when it is missing or does not
 * match (the start and sign-in checks report that; this must not paper over it). Never throws: the clerk's change
 * is committed, and an anchor left behind is caught up later.
 */
export function advanceAnchor(sqlite: Sqlite, path: string, key: Buffer, onError: (error: unknown) => void): void {
  if (sqlite.inTransaction) return;
  try {
    sqlite
      .transaction(() => {
        const read = readAnchor(path, key);
        if (read.status !== 'ok') return;
        const head = auditHead(sqlite);
        if (!head || head.seq <= read.anchor.seq) return;
        if (!chainExtendsAnchor(sqlite, read.anchor).ok) return;
        writeAnchor(path, key, head);
      })
      .immediate();
  } catch (error) {
    onError(error);
  }
}

/**
 * The current head of the audit log, signed like the anchor: what a batch to the federation carries, so that a
 * rollback between two batches shows there too (the federation keeps what it received; this machine cannot undo it).
 */
export function currentSignedHead(sqlite: Sqlite, databaseKey: Buffer): SignedAuditHead | null {
  const head = auditHead(sqlite);
  return head ? signHead(anchorKeyFor(databaseKey), head) : null;
}
