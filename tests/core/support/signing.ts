import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { openDatabase, type Sqlite } from '../../../src/main/core/db/client';
import { applyMigrations, loadMigrations } from '../../../src/main/core/db/migrate';
import { newDatabaseKey } from '../../../src/main/core/keys/key-file';
import { RESOURCES_DIR, tempDir, type TestCore } from './core';
import { seedRows } from './migration-rows';

/** Helpers of the signing-key and voucher-check tests (org-signing.test.ts, aid-verify.test.ts). */
export const sqliteOf = (t: TestCore): Sqlite => t.core.state.conn!.sqlite;

/** The office's key rows of one purpose: `signing` (Ed25519) or `exchange` (X25519, keys/org-exchange.ts). */
export function keyRows(sqlite: Sqlite, purpose: 'signing' | 'exchange' = 'signing') {
  return sqlite
    .prepare('SELECT id, purpose, algorithm, public_key AS publicKey, private_key AS privateKey FROM org_keys WHERE purpose = ?')
    .all(purpose) as {
    id: string;
    purpose: string;
    algorithm: string;
    publicKey: Buffer;
    privateKey: Buffer;
  }[];
}

export const PROGRAM = '0193a000-0000-7000-8000-0000000000a1';
export const PAYMENT = '0193a000-0000-7000-8000-0000000000b1';
export const APPROVED_AT = '2027-01-18T03:00:00.000Z';

/** A program and one approved payment written as the foundation's schema has them (the aid service comes later). */
export function insertPayment(sqlite: Sqlite, id: string, serial: string, status: 'approved' | 'paid' | 'voided', amountFen = 50_000) {
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO aid_programs (id, origin, updated_at, type, name, year, fund_source, status, standard, created_by, created_at)
       VALUES (?, ?, ?, 'festival', '2027年春节送温暖', 2027, 'union', 'open', '{}', 'admin', ?)`,
    )
    .run(PROGRAM, PROGRAM, APPROVED_AT, APPROVED_AT);
  sqlite
    .prepare(
      `INSERT INTO aid_payments (id, origin, updated_at, program_id, year, type, recipient_name, recipient_id_number, amount_fen,
         suggested_fen, basis, method, status, entered_by, entered_at, approved_by, approved_at, voucher_serial, paid_on, voided_at)
       VALUES (?, ?, ?, ?, 2027, 'festival', '张三丰', '110105198001011011', ?, ?, '{}', 'cash', ?, 'clerk', ?, 'reviewer', ?, ?, ?, ?)`,
    )
    .run(
      id,
      id,
      APPROVED_AT,
      PROGRAM,
      amountFen,
      amountFen,
      status,
      APPROVED_AT,
      APPROVED_AT,
      serial,
      status === 'paid' ? '2027-01-20' : null,
      status === 'voided' ? '2027-01-21T02:00:00.000Z' : null,
    );
}

/** A database of the version before the keys: migrated and seeded (an office, an account …) without org_keys rows. */
export function olderDatabase(upToCurrent = false): { dataDir: string; key: Buffer } {
  const dataDir = tempDir();
  const key = newDatabaseKey();
  const migrations = loadMigrations(`${RESOURCES_DIR}/migrations`);
  const version = upToCurrent ? migrations.length : migrations.findIndex((m) => m.tag.startsWith('0019'));
  const { sqlite } = openDatabase(`${dataDir}/bangfu.db`, key);
  applyMigrations(sqlite, migrations.slice(0, version));
  seedRows(sqlite, version);
  sqlite.close();
  return { dataDir, key };
}

/** Starts signing-key-process.ts; resolves its answer after `go`. */
export function keyProcess(script: string, path: string, key: Buffer) {
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const messages: unknown[] = [];
  let wake = () => {};
  createInterface({ input: child.stdout }).on('line', (line) => {
    messages.push(JSON.parse(line));
    wake();
  });
  const message = (n: number) =>
    new Promise<unknown>((resolve, reject) => {
      const look = () => (messages.length > n ? resolve(messages[n]) : undefined);
      wake = look;
      child.on('close', () => (messages.length > n ? resolve(messages[n]) : reject(new Error(`child ended: ${stderr}`))));
      look();
    });
  child.stdin.write(`${JSON.stringify({ path, keyHex: key.toString('hex'), at: APPROVED_AT })}\n`);
  return { ready: message(0), go: () => child.stdin.end('go\n'), answer: () => message(1) as Promise<{ created: boolean; keyId: string }> };
}
