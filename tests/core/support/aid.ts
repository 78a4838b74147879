import { v7 as uuidv7 } from 'uuid';
import type { ChannelInput } from '@shared/contract';
import type { AidStandard, AidType } from '@shared/domain/aid';
import type { Sqlite } from '../../../src/main/core/db/client';
import type { TestCore } from './core';
import { idOf } from './hardship';

/** Aid in core tests: programs through the channels, households written straight into the tables (already 在档). */

export const sqliteOf = (t: TestCore): Sqlite => t.core.state.conn!.sqlite;

let sequence = 0;
/** A synthetic, valid ID number (never a real person), different on every call. */
export function nextIdNumber(): string {
  sequence++;
  return idOf(`110105197${sequence % 10}0101${String(100 + (sequence % 900)).padStart(3, '0')}`.slice(0, 17));
}

export interface FileOptions {
  status?: string;
  category?: 'deep' | 'relative' | 'accident' | null;
  headName?: string;
  headIdNumber?: string;
  bankAccount?: string | null;
  /** 助学: students in the household, with their school stage (null: a child not at school). */
  students?: { name: string; schoolStage: string | null }[];
}

/**
 * A file as it stands after the lifecycle (status and category set), without going through it: the aid rules read
 * only the file's row and its household. Returns the file's id and its household rows' ids (head first).
 */
export function insertFile(t: TestCore, options: FileOptions = {}): { fileId: string; studentIds: string[] } {
  const sqlite = sqliteOf(t);
  const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;
  const fileId = uuidv7();
  const head = options.headIdNumber ?? nextIdNumber();
  const draft = { bankAccount: options.bankAccount === undefined ? '6222020200112233445' : options.bankAccount, bankName: '工商银行' };
  sqlite
    .prepare(
      `INSERT INTO hardship_files (id, origin, updated_at, file_no, status, member_id, head_name, head_id_number, worker_type, entry_kind,
         category, draft, entered_by)
       VALUES (?, ?, '2026-01-01T00:00:00.000Z', NULL, ?, NULL, ?, ?, 'urban', 'existing', ?, ?, 'test')`,
    )
    .run(
      fileId,
      origin,
      options.status ?? 'active',
      options.headName ?? '测试户主',
      head,
      options.category ?? 'deep',
      JSON.stringify(draft),
    );
  const member = sqlite.prepare(
    'INSERT INTO file_household (id, file_id, position, relation, name, id_number, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  member.run(uuidv7(), fileId, 0, 'self', options.headName ?? '测试户主', head, '{}');
  const studentIds = (options.students ?? []).map((s, i) => {
    const id = uuidv7();
    member.run(id, fileId, i + 1, 'child', s.name, nextIdNumber(), JSON.stringify({ schoolStage: s.schoolStage }));
    return id;
  });
  return { fileId, studentIds };
}

type ProgramInput = ChannelInput<'aid.saveProgram'>;

/** A program saved by the administrator (client 'test'). */
export function saveProgram(t: TestCore, type: AidType, standard: AidStandard, more: Partial<ProgramInput> = {}) {
  return t.call('aid.saveProgram', {
    type,
    name: `测试${type}项目`,
    year: 2026,
    fundSource: 'union',
    budgetFen: null,
    standard,
    note: null,
    ...more,
  });
}

/** Sets a policy value from the start of the test years (an administrator's step). */
export async function setPolicy(t: TestCore, key: ChannelInput<'policy.add'>['key'], value: number) {
  await t.call('policy.add', { key, regionCode: null, effectiveFrom: '2020-01-01', value });
}
