import { AID_TYPES, FUND_SOURCES, PAYMENT_METHODS, PAYMENT_STATUSES, PROGRAM_STATUSES } from '@shared/domain/aid';
import { isIsoDate } from '@shared/domain/calendar';
import { checkCreditCode } from '@shared/domain/credit-code';
import { ETHNICITIES } from '@shared/domain/ethnicity';
import { ENTRY_KINDS, RELATIONS, SCHOOL_STAGES, WORKER_TYPES } from '@shared/domain/hardship-codes';
import { FILE_STATUSES } from '@shared/domain/hardship-lifecycle';
import { isValidNormalizedIdNumber } from '@shared/domain/id-number';
import { HARDSHIP_CATEGORIES } from '@shared/domain/means-test';
import { checkPhone } from '@shared/domain/phone';
import { MEMBER_STATUSES } from '@shared/contract/roster';
import type { BatchRecord } from '../../exchange/format';

/**
 * Every record of a centre's batch checked as if a clerk had typed it (docs/exchange-format.md "Records by table"):
 * the shared domain rules for ID numbers, money in fen, the code lists and dates. A record that fails is refused with
 * a reason code (never its value) and not applied; the rest of the batch goes in. Only the columns the federation
 * reads are checked; others are kept as the batch carried them.
 */

export const TRAVELLING_TABLES = ['org', 'units', 'members', 'hardship_files', 'aid_programs', 'aid_batches', 'aid_payments'] as const;
export type TravellingTable = (typeof TRAVELLING_TABLES)[number];

export const RECORD_REASONS = [
  'unknown-table',
  'wrong-origin',
  'bad-record-id',
  'bad-instant',
  'missing-field',
  'bad-field',
  'invalid-id-number',
  'invalid-money',
  'unknown-code',
  'invalid-date',
  'invalid-phone',
  'invalid-credit-code',
] as const;
export type RecordReason = (typeof RECORD_REASONS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ETHNICITY_CODES = new Set(ETHNICITIES.map((e) => e.code));

class Refusal extends Error {
  constructor(readonly reason: RecordReason) {
    super(reason);
  }
}

const refuse = (reason: RecordReason): never => {
  throw new Refusal(reason);
};

type Fields = Record<string, unknown>;

function text(f: Fields, key: string, required: boolean, max = 2000): string | null {
  const v = f[key];
  if (v === null || v === undefined) return required ? refuse('missing-field') : null;
  if (typeof v !== 'string') return refuse('bad-field');
  if (required && v.trim() === '') refuse('missing-field');
  if (v.length > max) refuse('bad-field');
  return v;
}

function code(f: Fields, key: string, list: readonly string[], required = true): void {
  const v = text(f, key, required, 64);
  if (v !== null && !list.includes(v)) refuse('unknown-code');
}

function date(f: Fields, key: string): void {
  const v = text(f, key, false, 10);
  if (v !== null && !isIsoDate(v)) refuse('invalid-date');
}

function uuid(f: Fields, key: string, required = false): void {
  const v = text(f, key, required, 36);
  if (v !== null && !UUID.test(v)) refuse('bad-field');
}

/** Fen: a whole number, never negative, within what a double holds exactly. */
function money(f: Fields, key: string, required: boolean): number | null {
  const v = f[key];
  if (v === null || v === undefined) return required ? refuse('missing-field') : null;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) refuse('invalid-money');
  return v as number;
}

/** An ID number as the centre stores it: already normalised to 18 characters and valid on this day. */
function idNumber(value: unknown, today: string): string {
  if (typeof value !== 'string' || value === '')
    return refuse(value === undefined || value === null ? 'missing-field' : 'invalid-id-number');
  // checkIdNumber's verdict on a number that must arrive unchanged by normalising, at a fraction of its cost.
  if (!isValidNormalizedIdNumber(value, today)) refuse('invalid-id-number');
  return value;
}

function jsonText(f: Fields, key: string): void {
  const v = text(f, key, true, 1_000_000);
  try {
    JSON.parse(v!);
  } catch {
    refuse('bad-field');
  }
}

function integer(f: Fields, key: string, min: number, max: number): void {
  const v = f[key];
  if (v === null || v === undefined) refuse('missing-field');
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) refuse('bad-field');
}

function rows(f: Fields, key: string): Fields[] {
  const v = f[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) return refuse('bad-field');
  return v as Fields[];
}

const CHECKS: Record<TravellingTable, (f: Fields, today: string, senderCode: string) => void> = {
  org(f, _today, senderCode) {
    text(f, 'name', true, 200);
    const credit = text(f, 'credit_code', true, 18)!;
    if (checkCreditCode(credit) !== 'ok' || credit !== senderCode) refuse('invalid-credit-code');
    const region = text(f, 'region_code', true, 6)!;
    if (!/^\d{6}$/.test(region)) refuse('bad-field');
    code(f, 'mode', ['centre']);
  },
  units(f) {
    code(f, 'kind', ['employer', 'union']);
    text(f, 'name', true, 200);
    uuid(f, 'merged_into_id');
  },
  members(f, today) {
    text(f, 'name', true, 100);
    idNumber(f.id_number, today);
    const phone = text(f, 'phone', false, 40);
    if (phone !== null && !checkPhone(phone).ok) refuse('invalid-phone');
    const ethnicity = text(f, 'ethnicity', false, 8);
    if (ethnicity !== null && !ETHNICITY_CODES.has(ethnicity)) refuse('unknown-code');
    uuid(f, 'unit_id');
    uuid(f, 'union_id');
    date(f, 'joined_on');
    code(f, 'status', MEMBER_STATUSES);
    date(f, 'status_on');
  },
  hardship_files(f, today) {
    code(f, 'status', FILE_STATUSES);
    text(f, 'head_name', true, 100);
    idNumber(f.head_id_number, today);
    uuid(f, 'member_id');
    code(f, 'worker_type', WORKER_TYPES);
    code(f, 'entry_kind', ENTRY_KINDS);
    code(f, 'category', HARDSHIP_CATEGORIES, false);
    jsonText(f, 'draft');
    for (const key of ['visits_count_from', 'notice_ends_on', 'approved_on', 'reviewed_on']) date(f, key);
    // Who started the annual review (lifecycle: the actor's id), not a date.
    uuid(f, 'annual_review_by');
    for (const person of rows(f, 'household')) {
      code(person, 'relation', RELATIONS);
      text(person, 'name', true, 100);
      idNumber(person.id_number, today);
    }
    for (const key of ['visits', 'objections', 'events', 'attachments']) rows(f, key);
  },
  aid_programs(f) {
    code(f, 'type', AID_TYPES);
    text(f, 'name', true, 200);
    integer(f, 'year', 1990, 2200);
    code(f, 'fund_source', FUND_SOURCES);
    money(f, 'budget_fen', false);
    code(f, 'status', PROGRAM_STATUSES);
    jsonText(f, 'standard');
  },
  aid_batches(f) {
    uuid(f, 'program_id', true);
    text(f, 'name', true, 200);
    code(f, 'method', PAYMENT_METHODS);
  },
  aid_payments(f, today) {
    uuid(f, 'program_id', true);
    uuid(f, 'batch_id');
    uuid(f, 'file_id');
    integer(f, 'year', 1990, 2200);
    code(f, 'type', AID_TYPES);
    text(f, 'recipient_name', true, 100);
    idNumber(f.recipient_id_number, today);
    money(f, 'amount_fen', true);
    money(f, 'suggested_fen', true);
    code(f, 'method', PAYMENT_METHODS);
    code(f, 'status', PAYMENT_STATUSES);
    code(f, 'school_stage', SCHOOL_STAGES, false);
    date(f, 'paid_on');
    uuid(f, 'unit_id');
  },
};

export function isTravellingTable(table: string): table is TravellingTable {
  return (TRAVELLING_TABLES as readonly string[]).includes(table);
}

/**
 * Why a record may not be applied, or null when it may. `origin` is the sender's organisation id (its org record's
 * id): a centre never writes another's records. `today` bounds birth dates in ID numbers, as at a clerk's desk.
 */
export function recordProblem(record: BatchRecord, context: { origin: string; senderCode: string; today: string }): RecordReason | null {
  if (!isTravellingTable(record.table)) return 'unknown-table';
  if (!UUID.test(record.id)) return 'bad-record-id';
  if (record.origin !== context.origin) return 'wrong-origin';
  if (!INSTANT.test(record.updated_at) || (record.deleted_at !== null && !INSTANT.test(record.deleted_at))) return 'bad-instant';
  try {
    CHECKS[record.table](record.fields, context.today, context.senderCode);
    return null;
  } catch (error) {
    if (error instanceof Refusal) return error.reason;
    throw error;
  }
}
