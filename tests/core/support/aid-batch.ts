/**
 * Aid batches in core tests and the bench: programs and payable files written straight into the tables (a batch's
 * tests need hundreds or thousands of 在档 files; the lifecycle that makes them is tested elsewhere). Synthetic data,
 * never real people. Must not import vitest or ./core: the crash test's child process and the bench bundle it.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AidStandard, AidType } from '@shared/domain/aid';
import { idCheckChar } from '@shared/domain/id-number';
import type { Sqlite } from '../../../src/main/core/db/client';
import { emptyDraft } from '../../../src/main/core/features/hardship/file-facts';

export interface ProgramSeed {
  type?: AidType;
  name?: string;
  year?: number;
  budgetFen?: number | null;
  status?: 'open' | 'closed';
  standard?: AidStandard;
}

/** A program (送温暖 ¥500 a household unless told otherwise), created by the first administrator. */
export function insertProgram(sqlite: Sqlite, seed: ProgramSeed = {}): string {
  const id = uuidv7();
  const origin = sqlite.prepare('SELECT id FROM org LIMIT 1').pluck().get() as string;
  const admin = sqlite.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").pluck().get() as string;
  const now = '2026-01-05T01:00:00.000Z';
  sqlite
    .prepare(
      `INSERT INTO aid_programs (id, origin, updated_at, type, name, year, fund_source, budget_fen, status, standard, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'union', ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      origin,
      now,
      seed.type ?? 'festival',
      seed.name ?? '2026年两节送温暖',
      seed.year ?? 2026,
      seed.budgetFen ?? null,
      seed.status ?? 'open',
      JSON.stringify(seed.standard ?? { kind: 'fixed', amountFen: 50_000, byCategory: {} }),
      admin,
      now,
    );
  return id;
}

/** A valid synthetic ID number: a 1970s birth day from `n`, and a sequence. */
export function syntheticId(n: number): string {
  const born = new Date(Date.UTC(1960, 0, 1) + (n % 15_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `110105${born}${String(Math.floor(n / 15_000) % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export interface FileSeed {
  /** Distinguishes the head (name 户主n, a synthetic ID number). */
  n: number;
  status?: string;
  category?: string | null;
  /** The roster member whose unit the file follows (a text UUID); none: a worker without a unit. */
  memberId?: string | null;
  bankAccount?: string | null;
  students?: { name: string; schoolStage: string }[];
}

/** Writes payable hardship files (在档 unless told) with their heads and students; returns their ids in order. */
export function insertFiles(sqlite: Sqlite, seeds: FileSeed[]): string[] {
  const origin = sqlite.prepare('SELECT id FROM org LIMIT 1').pluck().get() as string;
  const admin = sqlite.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").pluck().get() as string;
  const file = sqlite.prepare(
    `INSERT INTO hardship_files (id, origin, updated_at, file_no, status, member_id, head_name, head_id_number, worker_type, entry_kind,
       category, draft, entered_by, approved_by, approved_on, reviewed_on)
     VALUES (?, ?, '2026-01-01T00:00:00.000Z', ?, ?, ?, ?, ?, 'urban', 'existing', ?, ?, ?, ?, '2025-06-01', '2025-06-01')`,
  );
  const member = sqlite.prepare(
    'INSERT INTO file_household (id, file_id, position, relation, name, id_number, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const ids: string[] = [];
  sqlite.transaction(() => {
    for (const seed of seeds) {
      const id = uuidv7();
      ids.push(id);
      const account = seed.bankAccount === undefined ? `62220200${String(seed.n).padStart(11, '0')}` : seed.bankAccount;
      const draft = { ...emptyDraft('urban'), bankAccount: account, bankName: account ? '中国工商银行测试支行' : null };
      file.run(
        id,
        origin,
        `110105T${String(seed.n).padStart(9, '0')}`,
        seed.status ?? 'active',
        seed.memberId ?? null,
        `户主${seed.n}`,
        syntheticId(seed.n),
        seed.category === undefined ? 'deep' : seed.category,
        JSON.stringify(draft),
        admin,
        admin,
      );
      member.run(uuidv7(), id, 0, 'self', `户主${seed.n}`, syntheticId(seed.n), '{}');
      for (const [i, s] of (seed.students ?? []).entries()) {
        member.run(
          uuidv7(),
          id,
          i + 1,
          'child',
          s.name,
          syntheticId(seed.n + 1_000_000 + i),
          JSON.stringify({ schoolStage: s.schoolStage }),
        );
      }
    }
  })();
  return ids;
}
