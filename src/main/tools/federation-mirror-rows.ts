import { idCheckChar } from '@shared/domain/id-number';
import type { Sqlite } from '../core/db/client';
import { viewColumns } from '../core/features/exchange/import-prepare';

/**
 * DEVELOPMENT TOOL (tests, `npm run seed:demo -- --federation`), never called by the program: the federation's mirror
 * rows written by plain SQL, as the importer writes them (docs/exchange-format.md "Records by
 * table"; schema/exchange.ts): a record's `fields` are the centre's columns by SQL name, a file carries its household,
 * visits and events inside it, and exchange_people gets one row per ID number a file names, active for a file in force
 * (active, annualReview), never for a deleted record (a payment's recipient is a column of its record). The views tests and the federation demo read them.
 */

export const idNumber = (first17: string) => first17 + idCheckChar(first17);

export interface CentreRef {
  code: string;
  /** The centre's org id: the `origin` of its records. */
  origin: string;
}

const USER = (sqlite: Sqlite) => sqlite.prepare('SELECT id FROM users ORDER BY created_at LIMIT 1').pluck().get() as string;

let peerSeq = 0;
export function addCentrePeer(
  sqlite: Sqlite,
  peer: {
    code: string;
    name: string;
    region?: string;
    status: 'pending' | 'trusted' | 'replaced' | 'withdrawn';
    change?: 'new' | 'signed' | 'restart';
    importedAt: string;
    confirmedAt?: string | null;
    endedAt?: string | null;
    replacesId?: string | null;
  },
): string {
  peerSeq += 1;
  const id = `0193f000-0000-7000-8000-${String(peerSeq).padStart(12, '0')}`;
  const user = USER(sqlite);
  sqlite
    .prepare(
      `INSERT INTO exchange_peers (id, code, name, region, mode, ed25519, x25519, fingerprint, card, card_created_at, status, change,
         replaces_id, imported_at, imported_by, confirmed_at, confirmed_by, ended_at)
       VALUES (@id, @code, @name, @region, 'centre', @key, 'age1test', @fingerprint, '{}', @importedAt, @status, @change,
         @replacesId, @importedAt, @user, @confirmedAt, @confirmedBy, @endedAt)`,
    )
    .run({
      id,
      code: peer.code,
      name: peer.name,
      region: peer.region ?? '110105',
      key: Buffer.alloc(32, peerSeq),
      fingerprint: String(peerSeq).padStart(40, '0'),
      importedAt: peer.importedAt,
      status: peer.status,
      change: peer.change ?? 'new',
      replacesId: peer.replacesId ?? null,
      user,
      confirmedAt: peer.confirmedAt ?? null,
      confirmedBy: peer.confirmedAt ? user : null,
      endedAt: peer.endedAt ?? null,
    });
  return id;
}

export function addReceived(
  sqlite: Sqlite,
  batch: { centreCode: string; sequence: number; peerId: string; createdAt: string; importedAt: string },
) {
  sqlite
    .prepare(
      `INSERT INTO exchange_received (centre_code, sequence, peer_id, sha256, bytes, created_at, imported_at, imported_by, snapshot,
         change_after, change_through, applied, refused)
       VALUES (@centreCode, @sequence, @peerId, @sha, 1000, @createdAt, @importedAt, @user, @snapshot, 0, @sequence, '{}', '[]')`,
    )
    .run({ ...batch, sha: String(batch.sequence).padStart(64, 'a'), user: USER(sqlite), snapshot: batch.sequence === 1 ? 1 : 0 });
}

export function addAlarm(sqlite: Sqlite, alarm: { id: string; centreCode: string; sequence: number; at: string; settledAt?: string }) {
  const user = USER(sqlite);
  sqlite
    .prepare(
      `INSERT INTO exchange_alarms (id, centre_code, sequence, kind, at, by_user, held_sha256, offered_sha256, settled_at, settled_by, settled_note)
       VALUES (@id, @centreCode, @sequence, 'different-hash', @at, @user, 'aa', 'bb', @settledAt, @settledBy, @note)`,
    )
    .run({
      ...alarm,
      user,
      settledAt: alarm.settledAt ?? null,
      settledBy: alarm.settledAt ? user : null,
      note: alarm.settledAt ? '已核实' : null,
    });
}

interface RecordMeta {
  id: string;
  rev?: number;
  updatedAt: string;
  deletedAt?: string | null;
  sequence?: number;
}

function putRecord(sqlite: Sqlite, centre: CentreRef, table: string, meta: RecordMeta, fields: Record<string, unknown>) {
  sqlite
    .prepare(
      `INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence,
         status, category, file_no, name, id_tail, year, entered_at, type, amount_fen, id_number, program_id, paid_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      centre.origin,
      table,
      meta.id,
      centre.code,
      meta.rev ?? 1,
      meta.updatedAt,
      meta.deletedAt ?? null,
      JSON.stringify(fields),
      meta.sequence ?? 1,
      // The views' columns, as the importer fills them (migrations 0025, 0035, 0042, 0043).
      ...viewColumns({ table, fields }),
    );
}

function putPerson(
  sqlite: Sqlite,
  row: {
    idNumber: string;
    centreCode: string;
    recordTable: string;
    recordId: string;
    role: string;
    active: boolean;
  },
) {
  sqlite
    .prepare(
      `INSERT INTO exchange_people (id_number, centre_code, record_table, record_id, role, active)
       VALUES (@idNumber, @centreCode, @recordTable, @recordId, @role, @active)`,
    )
    .run({ ...row, active: row.active ? 1 : 0 });
}

export interface FileSpec extends RecordMeta {
  fileNo: string | null;
  status: string;
  category: string | null;
  /** 致困原因's main cause (a code of shared/domain/hardship-codes.ts CAUSES), kept in the file's draft as a centre's is. */
  mainCause?: string;
  headName: string;
  headIdNumber: string;
  household?: { name: string; idNumber: string; relation: string; deletedAt?: string }[];
  visits?: { kind: string; date: string; visitors: string[]; allClear: boolean; note?: string }[];
  events?: { at: string; action: string; fromStatus: string | null; toStatus: string; reason?: string }[];
}

/** A hardship file as a batch carries it, and the people it names. */
export function addFile(sqlite: Sqlite, centre: CentreRef, f: FileSpec) {
  // The day of the approval its timeline records (as the centre's file keeps it), none without one.
  const approvedOn = f.events?.find((e) => e.action === 'approve')?.at.slice(0, 10) ?? null;
  const household = (f.household ?? []).map((h, i) => ({
    id: `${f.id.slice(0, 24)}${String(i + 1).padStart(12, '0')}`,
    position: i + 1,
    relation: h.relation,
    name: h.name,
    id_number: h.idNumber,
    details: '{}',
    deleted_at: h.deletedAt ?? null,
  }));
  putRecord(sqlite, centre, 'hardship_files', f, {
    file_no: f.fileNo,
    status: f.status,
    member_id: null,
    head_name: f.headName,
    head_id_number: f.headIdNumber,
    worker_type: 'urban',
    entry_kind: 'new',
    category: f.category,
    draft: f.mainCause ? JSON.stringify({ mainCause: f.mainCause }) : '{}',
    entered_by: 'clerk-1',
    visits_count_from: null,
    notice_ends_on: null,
    annual_review_by: null,
    approved_by: approvedOn ? 'reviewer-1' : null,
    approved_on: approvedOn,
    reviewed_on: approvedOn,
    legacy_no: null,
    household,
    visits: (f.visits ?? []).map((v, i) => ({
      id: `${f.id.slice(0, 24)}${String(100 + i).padStart(12, '0')}`,
      kind: v.kind,
      date: v.date,
      // As file_visits holds them (and the export carries them): a JSON list of names.
      visitors: JSON.stringify(v.visitors),
      items: '{}',
      all_clear: v.allClear ? 1 : 0,
      must_visit_reason: null,
      head_signed: 1,
      note: v.note ?? null,
      recorded_by: 'clerk-1',
      recorded_at: `${v.date}T02:00:00.000Z`,
    })),
    objections: [],
    events: (f.events ?? []).map((e, i) => ({
      seq: i + 1,
      at: e.at,
      user_id: 'clerk-1',
      action: e.action,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      reason: e.reason ?? null,
      code: null,
      on_date: null,
    })),
    attachments: [],
  });
  const active = !f.deletedAt && (f.status === 'active' || f.status === 'annualReview');
  const base = { centreCode: centre.code, recordTable: 'hardship_files', recordId: f.id, active };
  putPerson(sqlite, { ...base, idNumber: f.headIdNumber, role: 'head' });
  // As the importer does: the head is in the household too (relation self) and is named once; a person taken off the
  // list is not named.
  const named = new Set([f.headIdNumber]);
  for (const h of household) {
    if (h.relation === 'self' || h.deleted_at !== null || named.has(h.id_number)) continue;
    named.add(h.id_number);
    putPerson(sqlite, { ...base, idNumber: h.id_number, role: 'member' });
  }
}

export interface PaymentSpec extends RecordMeta {
  year: number;
  type: string;
  status: 'pending' | 'approved' | 'paid' | 'voided';
  recipientName: string;
  recipientIdNumber: string;
  amountFen: number;
  fileId?: string | null;
  enteredAt: string;
  paidOn?: string | null;
}

export function addPayment(sqlite: Sqlite, centre: CentreRef, p: PaymentSpec) {
  putRecord(sqlite, centre, 'aid_payments', p, {
    program_id: '0193e000-0000-7000-8000-000000000001',
    batch_id: null,
    file_id: p.fileId ?? null,
    year: p.year,
    type: p.type,
    recipient_name: p.recipientName,
    recipient_id_number: p.recipientIdNumber,
    recipient_unit: null,
    amount_fen: p.amountFen,
    suggested_fen: p.amountFen,
    basis: '{}',
    method: 'cash',
    status: p.status,
    entered_by: 'clerk-1',
    entered_at: p.enteredAt,
    paid_on: p.paidOn ?? null,
    voided_at: p.status === 'voided' ? p.updatedAt : null,
    unit_id: null,
  });
  // Its recipient is a column of the record (migration 0035): no exchange_people row.
}

/** The centre's own org record, which every batch carries first: its origin is the centre's records' origin. */
export function addOrg(sqlite: Sqlite, centre: CentreRef, org: { name: string; regionCode?: string; updatedAt: string }) {
  putRecord(
    sqlite,
    centre,
    'org',
    { id: centre.origin, updatedAt: org.updatedAt },
    {
      name: org.name,
      credit_code: centre.code,
      region_code: org.regionCode ?? '110105',
      mode: 'centre',
    },
  );
}

export function addUnit(sqlite: Sqlite, centre: CentreRef, u: RecordMeta & { name: string }) {
  putRecord(sqlite, centre, 'units', u, { kind: 'employer', name: u.name, merged_into_id: null });
}

export interface MemberSpec extends RecordMeta {
  name: string;
  idNumber: string;
  status?: string;
  unitId?: string | null;
  joinedOn?: string | null;
}

export function addMember(sqlite: Sqlite, centre: CentreRef, m: MemberSpec) {
  putRecord(sqlite, centre, 'members', m, {
    name: m.name,
    id_number: m.idNumber,
    phone: null,
    ethnicity: null,
    unit_id: m.unitId ?? null,
    union_id: null,
    joined_on: m.joinedOn ?? null,
    card_no: null,
    status: m.status ?? 'active',
    status_on: null,
    status_reason: null,
    note: null,
  });
}
