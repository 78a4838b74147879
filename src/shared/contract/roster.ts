import { z } from 'zod';
import { channel, fileRef, isoDate, isoInstant, jobChannel, uuid } from './define';
import { auditEntry } from './audit';

/** 会员状态: 在册 active, 转出 transferred out, 退会 withdrawn, 去世 deceased (labels in i18n). */
export const MEMBER_STATUSES = ['active', 'transferred', 'withdrawn', 'deceased'] as const;
export const memberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof memberStatus>;

export const gender = z.enum(['male', 'female']);
/** 民族 as its GB 3304 two-digit code ('01' 汉族 … '56' 基诺族, '97' 其他, '98' 外国血统). */
export const ethnicityCode = z.string().regex(/^\d{2}$/);

/** 工作单位 (employer) and 基层工会 (grassroots union): records the clerk can rename and merge. */
export const unitKind = z.enum(['employer', 'union']);
export type UnitKind = z.infer<typeof unitKind>;

const optionalText = (max: number) => z.string().trim().max(max).optional();

/** What a clerk types for a member; the core checks and normalises every field (the same rules as the import). */
export const memberInput = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: z.string().trim().min(1).max(40),
  ethnicity: ethnicityCode.optional(),
  phone: optionalText(40),
  unitName: optionalText(100),
  unionName: optionalText(100),
  joinedOn: isoDate.optional(),
  cardNo: optionalText(40),
  note: optionalText(500),
});
export type MemberInput = z.infer<typeof memberInput>;

export const memberListItem = z.object({
  id: uuid,
  name: z.string(),
  gender,
  /**
   * The year only: beside the mask a birth date would give back the whole number (maskedIdView in
   * shared/domain/id-number.ts says why the year does not).
   */
  birthYear: z.number().int(),
  /** 440106********123X: full numbers only through roster.revealId, which is logged. */
  idNumberMasked: z.string(),
  phone: z.string().nullable(),
  unitName: z.string().nullable(),
  unionName: z.string().nullable(),
  status: memberStatus,
  joinedOn: isoDate.nullable(),
});
export type MemberListItem = z.infer<typeof memberListItem>;

export const member = memberListItem.extend({
  ethnicity: ethnicityCode.nullable(),
  unitId: uuid.nullable(),
  unionId: uuid.nullable(),
  cardNo: z.string().nullable(),
  note: z.string().nullable(),
  statusOn: isoDate.nullable(),
  statusReason: z.string().nullable(),
  rev: z.number().int(),
  updatedAt: isoInstant,
  /** Non-blocking findings the clerk should see (e.g. an ID number from a region code no longer in use). */
  warnings: z.array(z.enum(['UNKNOWN_REGION', 'CONVERTED_FROM_15'])),
});
export type Member = z.infer<typeof member>;

/** How the core read the search box: shown to the clerk ("按身份证尾号查找") and used in tests. */
export const searchKind = z.enum(['all', 'name', 'pinyin', 'id-suffix', 'id-prefix', 'phone', 'text', 'id-whole', 'id-partial']);

export const unitRecord = z.object({
  id: uuid,
  kind: unitKind,
  name: z.string(),
  memberCount: z.number().int(),
});

/** What the roster screen shows: the same search and filters decide what is exported or printed. */
const rosterSelection = z.object({
  query: z.string().max(100).default(''),
  unitId: uuid.optional(),
  unionId: uuid.optional(),
  status: memberStatus.optional(),
  sort: z.enum(['name', 'joinedOn']).default('name'),
});

export const rosterChannels = {
  /** The selection as .xlsx; ID numbers masked unless an administrator asks for full ones. Logged (count, not content). */
  'roster.export': jobChannel({
    input: rosterSelection.extend({ fullIds: z.boolean().default(false) }),
    result: fileRef,
    access: 'clerk',
    mutates: true,
  }),
  /** The selection as a printed list: A4 landscape PDF, IDs masked, header on every page, 第 x 页 共 y 页. Logged. */
  'roster.print': jobChannel({ input: rosterSelection, result: fileRef, access: 'clerk', mutates: true }),
  /**
   * One search box (name part, pinyin or initials, ID tail, phone, unit) plus filters; paged and sorted in SQL. A role
   * without roster.revealId finds by a whole ID (ID_SEARCH_LIMIT distinct numbers a day) or the 4 characters the mask
   * shows, never by a start or a longer tail (member-search.ts).
   */
  'roster.search': channel({
    input: z.object({
      query: z.string().max(100).default(''),
      unitId: uuid.optional(),
      unionId: uuid.optional(),
      status: memberStatus.optional(),
      sort: z.enum(['name', 'joinedOn']).default('name'),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      members: z.array(memberListItem),
      /** Exact up to `totalCap`; beyond it the list says "more than". */
      total: z.number().int(),
      totalCapped: z.boolean(),
      kind: searchKind,
    }),
    access: 'viewer',
    mutates: false,
  }),
  'roster.get': channel({ input: z.object({ id: uuid }), output: member, access: 'viewer', mutates: false }),
  /** Shows one full ID number; every reveal is in the audit log. */
  'roster.revealId': channel({
    input: z.object({ id: uuid }),
    output: z.object({ idNumber: z.string() }),
    access: 'clerk',
    mutates: true,
  }),
  'roster.create': channel({ input: memberInput, output: member, access: 'clerk', mutates: true }),
  /**
   * `rev` is the one the clerk saw: a member changed by someone else meanwhile gives STALE_RECORD. Without
   * `idNumber` the ID stays as it is, so correcting a phone needs no (audited) reveal of the full number.
   */
  'roster.update': channel({
    input: memberInput.extend({ id: uuid, rev: z.number().int(), idNumber: z.string().trim().min(1).max(40).optional() }),
    output: member,
    access: 'clerk',
    mutates: true,
  }),
  /** 转出 / 退会 / 去世 with date and reason, or back to 在册. */
  'roster.changeStatus': channel({
    input: z.object({
      id: uuid,
      rev: z.number().int(),
      status: memberStatus,
      on: isoDate,
      reason: z.string().trim().max(200).default(''),
    }),
    output: member,
    access: 'clerk',
    mutates: true,
  }),
  /** The member's history from the audit log (who changed what, when). */
  'roster.history': channel({
    input: z.object({ id: uuid }),
    output: z.object({ entries: z.array(auditEntry) }),
    access: 'viewer',
    mutates: false,
  }),
  'units.list': channel({
    input: z.object({ kind: unitKind, query: z.string().max(100).default('') }),
    output: z.object({ units: z.array(unitRecord) }),
    access: 'viewer',
    mutates: false,
  }),
  'units.rename': channel({
    input: z.object({ id: uuid, name: z.string().trim().min(1).max(100) }),
    output: unitRecord,
    access: 'clerk',
    mutates: true,
  }),
  /** Two spellings of one unit: members of `fromId` move to `intoId`; `fromId` is kept as a tombstone. */
  'units.merge': channel({
    input: z.object({ fromId: uuid, intoId: uuid }),
    output: unitRecord,
    access: 'clerk',
    mutates: true,
  }),
};
