import type { Sqlite } from '../../../src/main/core/db/client';

/**
 * Representative rows for a database at any schema version (PRAGMA user_version = how many migrations are
 * applied): an office, an account, an audit entry, the roster (an origin, an employer, a union merged into another,
 * three members, one imported file), a policy value voided, a working-calendar day, and a hardship file with its
 * household, visit (and its photo), objection, attachment, timeline and number: whatever exists at that version,
 * in the columns that version has. Every reference names a row that exists, as the program would have written it.
 * Invented people only (the ID numbers are the standard's examples).
 */
export const SEEDED = {
  org: '0192a7b0-0000-7000-8000-000000000001',
  admin: '0192a7b0-0000-7000-8000-000000000002',
  memberHex: ['0192a7b0c0d07e8f9a0b1c2d3e4f5061', '0192a7b0c0d07e8f9a0b1c2d3e4f5062', '0192a7b0c0d07e8f9a0b1c2d3e4f5063'],
  memberUuid: '0192a7b0-c0d0-7e8f-9a0b-1c2d3e4f5061',
  file: '0192a7b0-0000-7000-8000-000000000010',
  visit: '0192a7b0-0000-7000-8000-000000000011',
  program: '0192a7b0-0000-7000-8000-000000000801',
  payments: ['0192a7b0-0000-7000-8000-000000000802', '0192a7b0-0000-7000-8000-000000000803'],
};

const AT = '2026-11-21T10:51:26.123Z';

export function seedRows(sqlite: Sqlite, version: number): void {
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
  // 0000: office, account, audit log.
  run(
    `INSERT INTO org (id, origin, updated_at, name, credit_code, region_code, mode, created_at)
     VALUES (?, ?, ?, '某市职工帮扶中心', '91350100M000100Y43', '350102', 'centre', ?)`,
    SEEDED.org,
    SEEDED.org,
    AT,
    AT,
  );
  run(
    `INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at)
     VALUES (?, 'admin', '管理员', 'admin', 'scrypt$x', ?, ?)`,
    SEEDED.admin,
    AT,
    AT,
  );
  run(
    `INSERT INTO audit_log (at, user_id, user_name, action, record_type, record_id, summary, prev_hash, hash)
     VALUES (?, ?, 'admin', 'org.setup', 'org', ?, '{}', 'genesis', 'h1')`,
    AT,
    SEEDED.admin,
    SEEDED.org,
  );
  if (version < 3) return;

  // 0002: the roster. updated_at is ISO text until 0008, milliseconds after.
  const memberUpdatedAt = version < 9 ? AT : Date.parse(AT);
  run("INSERT INTO origins (ref, code) VALUES (1, '91350100M000100Y43')");
  const unit = `INSERT INTO units (ref, id, origin, updated_at, deleted_at, kind, name, name_key, merged_into_ref)
                VALUES (?, ?, '91350100M000100Y43', ?, ?, ?, ?, ?, ?)`;
  run(unit, 1, '0192a7b0-0000-7000-8000-000000000101', AT, null, 'employer', '某某机械厂', '某某机械厂', null);
  run(unit, 3, '0192a7b0-0000-7000-8000-000000000103', AT, null, 'union', '某某公司工会', '某某公司工会', null);
  // Merged into a unit with a higher ref: the rebuild's copy meets the reference before the row it names.
  run(unit, 2, '0192a7b0-0000-7000-8000-000000000102', AT, AT, 'union', '某某厂工会', '某某厂工会', 3);
  const member = sqlite.prepare(
    `INSERT INTO members (id, origin_ref, updated_at, name, id_number, phone, unit_ref, union_ref, name_pinyin, name_initials, note)
     VALUES (unhex(?), 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  member.run(SEEDED.memberHex[0], memberUpdatedAt, '单雄信', '11010519491231002X', '13800138000', 1, 3, 'shanxiongxin', 'sxx', null);
  member.run(SEEDED.memberHex[1], memberUpdatedAt, '秦琼', '110105194912310029', null, 1, 2, 'qinqiong', 'qq', '调入');
  member.run(SEEDED.memberHex[2], memberUpdatedAt, '程咬金', '440524188001010014', null, null, null, 'chengyaojin', 'cyj', null);
  run("UPDATE members SET status = 'transferred', status_on = '2026-10-01' WHERE ref = 2");

  if (version >= 5) {
    run(
      `INSERT INTO roster_imports (id, at, user_id, user_name, file_name, file_hash, format, rows, new_count, updated_count,
         unchanged_count, skipped_count, rejected_count)
       VALUES ('0192a7b0-0000-7000-8000-000000000201', ?, ?, 'admin', '会员名册.xlsx', 'abc', 'xlsx', 3, 3, 0, 0, 0, 0)`,
      AT,
      SEEDED.admin,
    );
  }
  if (version >= 10) {
    run(
      `INSERT INTO policy_values (id, key, region_code, effective_from, value, created_at, created_by, voided_at, voided_by, void_reason)
       VALUES ('0192a7b0-0000-7000-8000-000000000301', 'dibaoLine', '350102', '2026-01-01', 98000, ?, ?, ?, ?, '录错')`,
      AT,
      SEEDED.admin,
      AT,
      SEEDED.admin,
    );
  }
  if (version >= 11) seedHardshipFile(sqlite, version);
  if (version >= 13) {
    run(
      `INSERT INTO calendar_days (id, date, kind, created_at, created_by)
       VALUES ('0192a7b0-0000-7000-8000-000000000401', '2026-10-01', 'holiday', ?, ?)`,
      AT,
      SEEDED.admin,
    );
  }
  if (version >= 20) seedAid(sqlite);
}

/** 0019 (version 20): a program with a payment to the file (approved, then paid) and one on the emergency route (no file). */
function seedAid(sqlite: Sqlite): void {
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
  run(
    `INSERT INTO aid_programs (id, origin, updated_at, type, name, year, fund_source, budget_fen, status, standard, created_by, created_at)
     VALUES (?, ?, ?, 'festival', '2026年两节送温暖', 2026, 'union', NULL, 'open', '{"kind":"fixed","amountFen":50000,"byCategory":{}}', ?, ?)`,
    SEEDED.program,
    SEEDED.org,
    AT,
    SEEDED.admin,
    AT,
  );
  const payment = sqlite.prepare(
    `INSERT INTO aid_payments (id, origin, updated_at, program_id, file_id, year, type, recipient_name, recipient_id_number, amount_fen,
       suggested_fen, basis, method, status, entered_by, entered_at)
     VALUES (?, ?, ?, ?, ?, 2026, 'festival', ?, ?, ?, 50000, '{}', 'cash', 'pending', ?, ?)`,
  );
  payment.run(SEEDED.payments[0], SEEDED.org, AT, SEEDED.program, SEEDED.file, '单雄信', '11010519491231002X', 50_000, SEEDED.admin, AT);
  payment.run(
    SEEDED.payments[1],
    SEEDED.org,
    AT,
    SEEDED.program,
    null,
    '程咬金',
    '440524188001010014',
    20_000,
    SEEDED.admin,
    '2026-11-30T17:00:00.000Z',
  );
  run(
    "UPDATE aid_payments SET status = 'approved', approved_by = ?, approved_at = ?, voucher_serial = '2026-000001' WHERE id = ?",
    SEEDED.admin,
    AT,
    SEEDED.payments[0],
  );
  run("UPDATE aid_payments SET status = 'paid', paid_on = '2026-11-21', paid_by = ? WHERE id = ?", SEEDED.admin, SEEDED.payments[0]);
}

/** 0010: a file for the first member with each of its parts; 0013 adds the visit's photo. */
function seedHardshipFile(sqlite: Sqlite, version: number): void {
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
  run(
    `INSERT INTO hardship_files (id, origin, updated_at, file_no, status, member_id, head_name, head_id_number, worker_type,
       entry_kind, category, draft, entered_by, approved_by, approved_on)
     VALUES (?, ?, ?, '350102202600001', 'approved', ?, '单雄信', '11010519491231002X', 'member', 'new', 'deep', '{}', ?, ?,
       '2026-06-01')`,
    SEEDED.file,
    SEEDED.org,
    AT,
    SEEDED.memberUuid,
    SEEDED.admin,
    SEEDED.admin,
  );
  run(
    `INSERT INTO file_household (id, file_id, position, relation, name, id_number, details)
     VALUES ('0192a7b0-0000-7000-8000-000000000501', ?, 1, 'spouse', '某某', '110105194912310029', '{}')`,
    SEEDED.file,
  );
  run(
    `INSERT INTO file_visits (id, file_id, kind, date, visitors, items, all_clear, head_signed, recorded_by, recorded_at)
     VALUES (?, ?, 'home', '2026-05-20', '["张三"]', '[]', 1, 1, ?, ?)`,
    SEEDED.visit,
    SEEDED.file,
    SEEDED.admin,
    AT,
  );
  run(
    `INSERT INTO file_objections (id, file_id, received_on, content, status)
     VALUES ('0192a7b0-0000-7000-8000-000000000601', ?, '2026-05-25', '异议', 'open')`,
    SEEDED.file,
  );
  run(
    `INSERT INTO file_attachments (id, file_id, type, file_name, mime, size, content, added_by, added_at)
     VALUES ('0192a7b0-0000-7000-8000-000000000701', ?, 'idCard', 'id.png', 'image/png', 4, x'89504e47', ?, ?)`,
    SEEDED.file,
    SEEDED.admin,
    AT,
  );
  if (version >= 14) {
    run(
      `INSERT INTO file_attachments (id, file_id, type, file_name, mime, size, content, added_by, added_at, visit_id)
       VALUES ('0192a7b0-0000-7000-8000-000000000702', ?, 'visitPhoto', 'visit.jpg', 'image/jpeg', 3, x'ffd8ff', ?, ?, ?)`,
      SEEDED.file,
      SEEDED.admin,
      AT,
      SEEDED.visit,
    );
  }
  run(
    `INSERT INTO file_events (file_id, at, user_id, action, from_status, to_status) VALUES (?, ?, ?, 'approve', 'notice', 'approved')`,
    SEEDED.file,
    AT,
    SEEDED.admin,
  );
  run("INSERT INTO file_numbers (region_code, year, last) VALUES ('350102', 2026, 1)");
  // 0021: another office's key card, trusted (by table, not version: a migration numbered before it may come later).
  if (sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'exchange_peers'").get()) {
    run(
      `INSERT INTO exchange_peers (id, code, name, region, mode, ed25519, x25519, fingerprint, card, card_created_at, status, change,
         imported_at, imported_by, confirmed_at, confirmed_by)
       VALUES ('0192a7b0-0000-7000-8000-000000000901', '81350100MC0000001X', '某市总工会', '350100', 'federation', zeroblob(32),
         'age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq', '0000000000000000000000000000000000000000', '{}',
         ?, 'trusted', 'new', ?, ?, ?, ?)`,
      AT,
      AT,
      SEEDED.admin,
      AT,
      SEEDED.admin,
    );
  }
}
