import type { Logger } from '../log';
import { isDatabaseBusy, type Sqlite } from './client';

/**
 * The journal a bulk write runs in (a federation's import of a centre's batch: up to millions of rows in one
 * transaction). The database lives in WAL mode (client.ts), where every page a transaction writes goes to the WAL
 * and is copied once more into the database file by the checkpoint after it: for a centre's first batch that is the
 * whole of its gigabytes twice. In SQLite's rollback journal the pages go into the database file directly, and
 * the journal keeps only the original of each page that already existed (none for the pages a batch appends), so
 * all-or-nothing holds (a crash leaves a hot journal that the next open rolls back) with one write of each page.
 * 1,050,000 records imported in one process, the two journals in turn: 18 % less CPU, and nothing left to copy
 * after the answer, where the checkpoint held the core's thread for seconds (bench/exchange.bench.ts
 * BENCH_EXCHANGE_JOURNALS; docs/architecture.md, the federation's import, "Session 13").
 *
 * The switch needs the database to itself: another connection (a second copy of the program on the same folder)
 * keeps it in WAL, where the write runs as before: no automatic checkpoint at its commit (that copy would come
 * before the job's answer) and one `checkpoint` after the answer. Outside a bulk write the database is always in
 * WAL: readers never wait for a writer.
 */
export interface BulkJournal {
  /** The write went to the WAL (the switch was refused): its pages wait for `checkpoint`. */
  inWal: boolean;
  /** Back to WAL, or to the automatic checkpoints. Never throws: the write's own outcome is what the caller reports. */
  end(): void;
}

export function bulkJournal(sqlite: Sqlite, logger: Logger): BulkJournal {
  if (toRollbackJournal(sqlite)) {
    return {
      inWal: false,
      end() {
        // Refused only with a transaction open (the caller has closed it), another process reading, or a database
        // gone; the database stays correct in the rollback journal, and the next open sets WAL again.
        try {
          const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
          if (mode !== 'wal') logger.error('db.bulkJournal.walRefused', new Error(`journal_mode stayed ${String(mode)}`));
          // A read opens the WAL now. Without it, on a connection with a TEMP database (a snapshot's import_seen, the
          // reports' shadow tables), a checkpoint asked for before any read fails with SQLITE_LOCKED
          // (tests/core/bulk-journal.test.ts). The program's checkpoints follow writes today; none should need to.
          sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
        } catch (error) {
          logger.error('db.bulkJournal.walFailed', error);
        }
      },
    };
  }
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  return { inWal: true, end: () => void sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`) };
}

/**
 * True when the database left WAL for the rollback journal; false (still WAL) when another connection holds it, or
 * this one has a transaction open (another job's write: the caller's own transaction then refuses with BUSY).
 */
function toRollbackJournal(sqlite: Sqlite): boolean {
  if (sqlite.inTransaction) return false;
  try {
    return sqlite.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch (error) {
    if (isDatabaseBusy(error)) return false;
    throw error;
  }
}

/**
 * The WAL's pages copied into the database file and the WAL emptied, after a bulk write that ran in it. Committed
 * pages are safe in the WAL already: should the copy not run (the core closed, a write open), closing the database
 * or the next commit makes it.
 */
export function checkpoint(sqlite: Sqlite, logger: Logger): void {
  if (!sqlite.open || sqlite.inTransaction) return;
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    logger.error('db.checkpoint.failed', error);
  }
}
