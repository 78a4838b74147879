import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { FileDetail, FileDraft } from '@shared/contract/hardship';
import { checkIdNumber, maskedIdView, maskIdNumber } from '@shared/domain/id-number';
import { availableActions, EDITABLE_STATUSES, ENDED_STATUSES } from '@shared/domain/hardship-lifecycle';
import { checkPhone } from '@shared/domain/phone';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import { refuseBadPastDates } from '../../date-rules';
import type { CallContext } from '../../context';
import { listAudit } from '../audit/audit.repo';
import { readOrg } from '../org/org.repo';
import { findMemberById } from '../roster/members.repo';
import { findUserById } from '../users/users.repo';
import { aidForMeansTest, detailsOf, emptyDraft, factsOf, judgingDay, meansTestOf, parseDraft, reviewPeriodOf } from './file-facts';
import { filesOfHead, findFile, householdOf, otherActiveFiles, touchFile, type FileRow, type StoredDraft } from './files.repo';
import { flagsOfFile } from './file-list';
import { serviceBlockers } from './file-rules';

export function requireFile(ctx: CallContext, id: string): FileRow {
  const file = findFile(ctx.sqlite, id);
  if (!file) throw new AppError('NOT_FOUND', { record: 'file' });
  return file;
}

function normalizedId(raw: string, today: string, row?: number): string {
  const checked = checkIdNumber(raw, today);
  if (!checked.ok) throw new AppError('INVALID_ID_NUMBER', { problem: checked.problem, ...(row ? { row } : {}) });
  return checked.id;
}

/** A file for a roster member or for a worker not yet a member; one file per household (not ended). */
export function create(ctx: CallContext, input: ParsedInput<'files.create'>): ChannelOutput<'files.create'> {
  const today = localDate(ctx.clock);
  let head: { name: string; idNumber: string; memberId: string | null; ethnicity?: string | null };
  if ('memberId' in input) {
    const member = findMemberById(ctx.sqlite, input.memberId);
    if (!member) throw new AppError('NOT_FOUND', { record: 'member' });
    if (member.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE');
    head = { name: member.name, idNumber: member.idNumber, memberId: input.memberId, ethnicity: member.ethnicity };
  } else {
    if (input.workerType === 'migrant') throw new AppError('MIGRANT_NOT_MEMBER');
    head = { name: input.head.name, idNumber: normalizedId(input.head.idNumber, today), memberId: null };
  }
  const id = uuidv7();
  ctx.write(() => {
    const previous = filesOfHead(ctx.sqlite, head.idNumber);
    const open = previous.find((f) => !ENDED_STATUSES.includes(f.status));
    if (open) throw new AppError('FILE_EXISTS', { fileId: open.id });
    // 返困: the household had left hardship (已脱困) and applies again.
    const entryKind = previous.some((f) => f.status === 'exited') ? 'relapsed' : 'new';
    const now = ctx.now();
    ctx.sqlite
      .prepare(
        `INSERT INTO hardship_files (id, origin, updated_at, status, member_id, head_name, head_id_number, worker_type, entry_kind, draft, entered_by)
         VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        readOrg(ctx.db)!.id,
        now,
        head.memberId,
        head.name,
        head.idNumber,
        input.workerType,
        entryKind,
        JSON.stringify(emptyDraft(input.workerType)),
        ctx.user!.id,
      );
    ctx.sqlite
      .prepare("INSERT INTO file_household (id, file_id, position, relation, name, id_number, details) VALUES (?, ?, 0, 'self', ?, ?, ?)")
      .run(
        uuidv7(),
        id,
        head.name,
        head.idNumber,
        JSON.stringify({ health: 'healthy', monthlyIncomeFen: 0, ethnicity: head.ethnicity ?? null }),
      );
    ctx.sqlite
      .prepare("INSERT INTO file_events (file_id, at, user_id, action, from_status, to_status) VALUES (?, ?, ?, 'create', NULL, 'draft')")
      .run(id, now, ctx.user!.id);
    ctx.audit({
      recordType: 'file',
      recordId: id,
      event: 'file.created',
      params: { workerType: input.workerType, member: head.memberId ? 'yes' : 'no' },
    });
  });
  return get(ctx, id);
}

/** Everything a file's screen shows, with what the signed-in user may do next and why not. */
export function get(ctx: CallContext, id: string): FileDetail {
  const file = requireFile(ctx, id);
  const day = judgingDay(ctx);
  const draft = parseDraft(file);
  const rows = householdOf(ctx.sqlite, id);
  const details = rows.map(detailsOf);
  const elsewhere = otherActiveFiles(
    ctx.sqlite,
    id,
    rows.map((r) => r.idNumber),
  );
  const meansTest = meansTestOf(draft, details, day, aidForMeansTest(ctx, file, day));
  const facts = factsOf(ctx, file, draft);
  const actor = { id: ctx.user!.id, role: ctx.user!.role };
  const actions = availableActions(facts, actor, day.today, day.lifecycle).map(({ action, blockers }) => ({
    action,
    blockers: [...blockers, ...serviceBlockers(action, rows, draft, meansTest).map((code) => ({ code }))],
  }));
  const unitName = file.memberId ? (findMemberById(ctx.sqlite, file.memberId)?.unitName ?? null) : null;
  return {
    id: file.id,
    rev: file.rev,
    fileNo: file.fileNo,
    status: file.status,
    headName: file.headName,
    headIdNumberMasked: maskIdNumber(file.headIdNumber),
    unitName,
    category: file.category,
    updatedAt: file.updatedAt,
    flags: flagsOfFile(ctx, file.id, day),
    memberId: file.memberId,
    isMember: file.memberId !== null,
    entryKind: file.entryKind,
    enteredBy: findUserById(ctx.db, file.enteredBy)?.displayName ?? null,
    draft: (({ bankAccount, ...rest }) => ({ ...rest, bankAccountMasked: bankAccount ? `**** ${bankAccount.slice(-4)}` : null }))(draft),
    household: rows.map((r, i) => ({
      ...details[i]!,
      id: r.id,
      relation: r.relation as FileDraft['household'][number]['relation'],
      name: r.name,
      ...maskedIdView(r.idNumber),
      otherFiles: elsewhere.get(r.idNumber) ?? [],
    })),
    meansTest,
    visits: visitsOf(ctx, id),
    objections: ctx.sqlite
      .prepare(
        `SELECT id, received_on AS receivedOn, received_from AS receivedFrom, contact, content, status, decision, decided_at AS decidedAt
           FROM file_objections WHERE file_id = ? ORDER BY received_on, id`,
      )
      .all(id) as FileDetail['objections'],
    attachments: attachmentsOf(ctx, id),
    legacyNo: file.legacyNo,
    noticeEndsOn: file.noticeEndsOn,
    ...reviewPeriodOf(ctx, file, day),
    timeline: ctx.sqlite
      .prepare(
        `SELECT e.at, u.display_name AS user, e.action, e.from_status AS "from", e.to_status AS "to", e.reason, e.code, e.on_date AS onDate
           FROM file_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.file_id = ? ORDER BY e.seq`,
      )
      .all(id) as FileDetail['timeline'],
    actions,
  };
}

/** The file's attachments, withdrawn ones too (marked, with who withdrew them, when and why). */
function attachmentsOf(ctx: CallContext, fileId: string): FileDetail['attachments'] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT a.id, a.type, a.file_name AS fileName, a.mime, a.size, a.added_at AS addedAt, a.visit_id AS visitId,
              a.withdrawn_at AS withdrawnAt, u.display_name AS withdrawnBy, a.withdrawn_reason AS withdrawnReason
       FROM file_attachments a LEFT JOIN users u ON u.id = a.withdrawn_by
       WHERE a.file_id = ? AND a.deleted_at IS NULL ORDER BY a.added_at, a.id`,
    )
    .all(fileId) as (Omit<FileDetail['attachments'][number], 'withdrawn'> & {
    withdrawnAt: string | null;
    withdrawnBy: string | null;
    withdrawnReason: string | null;
  })[];
  return rows.map(({ withdrawnAt, withdrawnBy, withdrawnReason, ...a }) => ({
    ...a,
    withdrawn: withdrawnAt ? { at: withdrawnAt, by: withdrawnBy, reason: withdrawnReason ?? '' } : null,
  }));
}

function visitsOf(ctx: CallContext, fileId: string): FileDetail['visits'] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT v.id, v.kind, v.date, v.visitors, v.items, v.all_clear AS allClear, v.must_visit_reason AS mustVisitReason,
              v.head_signed AS headSigned, v.note, u.display_name AS recordedBy, v.recorded_at AS recordedAt
       FROM file_visits v LEFT JOIN users u ON u.id = v.recorded_by WHERE v.file_id = ? ORDER BY v.date DESC, v.recorded_at DESC`,
    )
    .all(fileId) as (Omit<FileDetail['visits'][number], 'visitors' | 'items' | 'allClear' | 'headSigned' | 'photoIds'> & {
    visitors: string;
    items: string;
    allClear: number;
    headSigned: number;
  })[];
  const photos = ctx.sqlite
    .prepare(
      'SELECT visit_id AS visitId, id FROM file_attachments WHERE file_id = ? AND visit_id IS NOT NULL AND deleted_at IS NULL AND withdrawn_at IS NULL ORDER BY added_at, id',
    )
    .all(fileId) as { visitId: string; id: string }[];
  return rows.map((v) => ({
    ...v,
    visitors: JSON.parse(v.visitors),
    items: JSON.parse(v.items),
    allClear: v.allClear === 1,
    headSigned: v.headSigned === 1,
    photoIds: photos.filter((p) => p.visitId === v.id).map((p) => p.id),
  }));
}

/**
 * Saves the clerk's sections. The household is matched to its rows by ID number: a person kept keeps their row,
 * a person taken off the list gets deleted_at (nothing is deleted), the head stays the file's head.
 */
export function saveDraft(ctx: CallContext, input: ParsedInput<'files.saveDraft'>): ChannelOutput<'files.saveDraft'> {
  const today = localDate(ctx.clock);
  const { id, rev, household, ...rest } = input;
  refuseBadPastDates(ctx.clock, [
    [['consents', 'incomeVerificationOn'], rest.consents.incomeVerificationOn],
    [['consents', 'publicNoticeOn'], rest.consents.publicNoticeOn],
    [['consents', 'reportUpwardOn'], rest.consents.reportUpwardOn],
    [['labourSince'], rest.labourSince],
  ]);
  ctx.write(() => {
    const file = requireFile(ctx, id);
    if (file.rev !== rev) throw new AppError('STALE_RECORD');
    if (!EDITABLE_STATUSES.includes(file.status)) throw new AppError('FILE_NOT_EDITABLE');
    const rows = householdOf(ctx.sqlite, id);
    const byRowId = new Map(rows.map((r) => [r.id, r]));
    // A listed person is known by their row; a new one by the ID number typed (checked like the roster's).
    const members = household.map((m, i) => {
      const row = m.id ? byRowId.get(m.id) : undefined;
      if (m.id && !row) throw new AppError('NOT_FOUND', { record: 'householdMember' });
      if (!m.idNumber && !row) throw new AppError('FILE_DRAFT_INVALID', { problem: 'ID_REQUIRED', row: i + 1 });
      return { ...m, idNumber: m.idNumber ? normalizedId(m.idNumber, today, i + 1) : row!.idNumber };
    });
    checkHousehold(members, file.headIdNumber);
    checkCauses(rest.mainCause ?? null, rest.secondaryCauses ?? []);
    const homePhone = checkHomePhone(rest.homePhone ?? null);
    const contacts = checkContactPhones(rest.contacts ?? []);
    if (rest.workerType === 'migrant' && !file.memberId) throw new AppError('MIGRANT_NOT_MEMBER');
    const existing = new Map(rows.map((r) => [r.idNumber, r]));
    const now = ctx.now();
    members.forEach((m, position) => {
      const { relation, name, idNumber, id: _rowId, ...details } = m;
      const clean = {
        ...details,
        disabilityType: details.health === 'disabled' ? details.disabilityType : null,
        disabilityGrade: details.health === 'disabled' ? details.disabilityGrade : null,
      };
      const row = existing.get(idNumber);
      if (row) {
        ctx.sqlite
          .prepare('UPDATE file_household SET position = ?, relation = ?, name = ?, details = ? WHERE id = ?')
          .run(position, relation, name, JSON.stringify(clean), row.id);
        existing.delete(idNumber);
      } else {
        ctx.sqlite
          .prepare('INSERT INTO file_household (id, file_id, position, relation, name, id_number, details) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(uuidv7(), id, position, relation, name, idNumber, JSON.stringify(clean));
      }
    });
    for (const gone of existing.values()) ctx.sqlite.prepare('UPDATE file_household SET deleted_at = ? WHERE id = ?').run(now, gone.id);
    // The card number is kept unless a new one (or null) was sent: the screen never has it whole.
    const draft: StoredDraft = {
      ...emptyDraft(rest.workerType),
      ...rest,
      homeAddress: rest.homeAddress || null,
      homePhone,
      contacts,
      bankAccount: rest.bankAccount === undefined ? parseDraft(file).bankAccount : rest.bankAccount,
    };
    touchFile(ctx.sqlite, id, now, { draft: JSON.stringify(draft), worker_type: rest.workerType });
    ctx.audit({ recordType: 'file', recordId: id, event: 'file.draftSaved' });
  });
  return get(ctx, id);
}

/** One head (本人, the file's own head), no ID number twice. */
function checkHousehold(members: { relation: string; idNumber: string }[], headIdNumber: string): void {
  const heads = members.filter((m) => m.relation === 'self');
  if (heads.length !== 1 || heads[0]!.idNumber !== headIdNumber) throw new AppError('FILE_DRAFT_INVALID', { problem: 'HEAD' });
  const secondSpouse = members.findIndex((m, i) => m.relation === 'spouse' && members.findIndex((o) => o.relation === 'spouse') < i);
  if (secondSpouse >= 0) throw new AppError('FILE_DRAFT_INVALID', { problem: 'SPOUSE_TWICE', row: secondSpouse + 1 });
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    const first = seen.get(m.idNumber);
    if (first !== undefined) throw new AppError('FILE_DRAFT_INVALID', { problem: 'DUPLICATE_ID', row: i + 1, firstRow: first + 1 });
    seen.set(m.idNumber, i);
  });
}

/** The household's phone in the roster's form (13800138000, 010-87654321); refused, naming the field, when it is none. */
function checkHomePhone(raw: string | null): string | null {
  if (!raw) return null;
  const checked = checkPhone(raw);
  if (!checked.ok) throw new AppError('FILE_DRAFT_INVALID', { problem: 'HOME_PHONE' });
  return checked.phone;
}

/** 帮扶责任人's phones in the roster's form; a number that is none is refused, naming the contact's place in the list. */
function checkContactPhones<C extends { phone: string | null }>(contacts: C[]): C[] {
  return contacts.map((contact, i) => {
    if (!contact.phone) return { ...contact, phone: null };
    const checked = checkPhone(contact.phone);
    if (!checked.ok) throw new AppError('FILE_DRAFT_INVALID', { problem: 'CONTACT_PHONE', contact: i + 1 });
    return { ...contact, phone: checked.phone };
  });
}

/** Exactly one main cause (when given) and up to three secondary ones, none repeating it. */
function checkCauses(main: string | null, secondary: string[]): void {
  if (
    new Set(secondary).size !== secondary.length ||
    (main !== null && secondary.includes(main)) ||
    (main === null && secondary.length > 0)
  ) {
    throw new AppError('FILE_DRAFT_INVALID', { problem: 'CAUSES' });
  }
}

/** The audit log's entries for the file: who did what, when (the reasons are in the timeline, not here). */
export function history(ctx: CallContext, id: string): ChannelOutput<'files.history'> {
  requireFile(ctx, id);
  return { entries: listAudit(ctx.sqlite, { recordId: id }, 1, 500).entries };
}
