import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { JobChannelName } from '@shared/contract';
import { formatSerial, takeSerials } from '../../../src/main/core/features/aid/serials';
import { outboxCopy, tempDir, type TestCore } from './core';
import { HEAD, idOf, office, OTHER_HEAD } from './hardship';

/**
 * Aid payments for the print tests, written straight into the tables (as approval leaves them: status, approver and
 * voucher serial), so that printing is tested on its own; the payments' own services have tests of their own.
 */
export async function aidOffice() {
  const env = await office();
  const sqlite = env.t.core.state.conn!.sqlite;
  const userId = (username: string) => sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as string;
  const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;
  const clerkId = userId('clerk.sun');
  const reviewerId = userId('reviewer.li');
  const now = () => env.t.clock.now().toISOString();
  const year = Number(env.today.slice(0, 4));

  const programId = uuidv7();
  sqlite
    .prepare(
      `INSERT INTO aid_programs (id, origin, updated_at, type, name, year, fund_source, budget_fen, status, standard, created_by, created_at)
       VALUES (?, ?, ?, 'festival', ?, ?, 'union', NULL, 'open', '{"kind":"fixed","amountFen":50000,"byCategory":{}}', ?, ?)`,
    )
    .run(programId, origin, now(), `${year}年送温暖`, year, reviewerId, now());

  function addBatch(name = '春节送温暖第一批'): string {
    const id = uuidv7();
    sqlite
      .prepare(
        `INSERT INTO aid_batches (id, origin, updated_at, program_id, name, method, filters, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, 'bank', '{}', ?, ?)`,
      )
      .run(id, origin, now(), programId, name, clerkId, now());
    return id;
  }

  interface PaymentSpec {
    batchId?: string | null;
    fileId?: string | null;
    name: string;
    idNumber: string;
    unit?: string | null;
    amountFen?: number;
    method?: 'bank' | 'cash';
    status?: 'pending' | 'approved' | 'paid' | 'voided';
    /** A reissue: the voided payment it replaces. */
    reissueOf?: string | null;
    /** The day a paid payment was paid out (paid_on). */
    paidOn?: string | null;
  }

  /** A payment as approval leaves it (a serial taken like aid.approve does), or pending without one. */
  function addPayment(spec: PaymentSpec): { id: string; serial: string | null } {
    const id = uuidv7();
    const status = spec.status ?? 'approved';
    const approved = status !== 'pending';
    return sqlite
      .transaction(() => {
        const serial = approved ? formatSerial('voucher', year, takeSerials(sqlite, 'voucher', year, 1)) : null;
        sqlite
          .prepare(
            `INSERT INTO aid_payments (id, origin, updated_at, program_id, batch_id, file_id, year, type, recipient_name,
               recipient_id_number, recipient_unit, amount_fen, suggested_fen, basis, method, status, entered_by, entered_at,
               approved_by, approved_at, voucher_serial, voided_by, voided_at, void_reason, reissue_of, paid_on)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'festival', ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            origin,
            now(),
            programId,
            spec.batchId ?? null,
            spec.fileId ?? null,
            year,
            spec.name,
            spec.idNumber,
            spec.unit ?? null,
            spec.amountFen ?? 50_000,
            spec.amountFen ?? 50_000,
            spec.method ?? 'cash',
            status,
            clerkId,
            now(),
            approved ? reviewerId : null,
            approved ? now() : null,
            serial,
            status === 'voided' ? reviewerId : null,
            status === 'voided' ? now() : null,
            status === 'voided' ? '金额录入错误' : null,
            spec.reissueOf ?? null,
            status === 'paid' ? (spec.paidOn ?? env.today) : null,
          );
        return { id, serial };
      })
      .immediate();
  }

  const printCounts = (ids: string[]) =>
    ids.map((id) => sqlite.prepare('SELECT print_count FROM aid_payments WHERE id = ?').pluck().get(id) as number);

  return { ...env, sqlite, programId, year, addBatch, addPayment, printCounts, origin };
}

export interface PrintedPdf {
  path: string;
  name: string;
  pages: string[];
  /** Each page's text without whitespace (CJK spacing varies). */
  flat: string[];
  pageCount: number;
}

/** Runs a print job as `client` and reads its PDF back (pdftotext -layout, pdfinfo). */
export async function printed(t: TestCore, channel: JobChannelName, input: Record<string, unknown>, client = 'clerk'): Promise<PrintedPdf> {
  const { result } = await t.job(channel, input as never, client);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const { fileId, name } = result.data as { fileId: string; name: string };
  const path = await outboxCopy(t, fileId);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, -1);
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
  return { path, name, pages, flat: pages.map((p) => p.replace(/\s+/g, '')), pageCount };
}

/** Every QR code on page `page` (1-based), as Debian's zbarimg reads it from a 200 dpi picture of the page. */
export function qrCodesOn(path: string, page: number): string[] {
  const png = join(tempDir(), 'page');
  execFileSync('pdftoppm', ['-r', '200', '-f', String(page), '-l', String(page), '-singlefile', '-png', path, png]);
  const out = execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', `${png}.png`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.split('\n').filter(Boolean);
}

/** Each print test prints and reads back several PDFs and pictures of pages: seconds each on a busy machine. */
export const SLOW = { timeout: 120_000 };

/** Made-up recipients (synthetic ID numbers). */
export const PEOPLE = [
  { name: '赵建国', idNumber: HEAD, unit: '甲机械厂' },
  { name: '钱秀英', idNumber: OTHER_HEAD, unit: '乙纺织厂' },
  { name: '孙志强', idNumber: idOf('11010519700707107'), unit: '丙建筑公司' },
  { name: '李海燕', idNumber: idOf('11010519900909109'), unit: null },
];

export async function auditOf(t: TestCore, channel: string) {
  return (await t.call('audit.list', { action: channel, page: 1, pageSize: 10 })).entries;
}
