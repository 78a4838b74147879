import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { FedFileItem, FedMemberItem, FedPaymentItem } from '@shared/contract/federation';
import { maskedIdView, maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { nextDay, startOfLocalDay } from '../aid/payment-list';
import { centreHeader } from './centres.service';
import { fileRows, memberRows, paymentPage, paymentTotals, readSearch, recordOf, unitNames, type RecordRow } from './records.repo';

/**
 * One centre's files, payments and roster, read-only, as the centre sent them. ID numbers leave only masked, with
 * the gender and birth year as the roster gives them (maskedIdView); the full number never crosses the channel.
 */

type Fields = Record<string, unknown>;
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number => (typeof v === 'number' ? v : 0);
const list = (v: unknown): Fields[] => (Array.isArray(v) ? (v as Fields[]) : []);

/** Name and masked number; a number that is not 18 characters (an old 15-digit one) shows masked without the facts. */
export function maskedPerson(name: unknown, idNumber: unknown) {
  const id = text(idNumber) ?? '';
  if (/^\d{17}[\dX]$/.test(id)) {
    const view = maskedIdView(id);
    return { name: text(name) ?? '', idNumberMasked: view.idNumberMasked, gender: view.gender, birthYear: view.birthYear };
  }
  return { name: text(name) ?? '', idNumberMasked: maskIdNumber(id), gender: null, birthYear: null };
}

const fieldsOf = (row: RecordRow): Fields => JSON.parse(row.fields) as Fields;
const offsetOf = (input: { page: number; pageSize: number }) => ({ limit: input.pageSize, offset: (input.page - 1) * input.pageSize });

function fileItem(row: RecordRow): FedFileItem {
  const f = fieldsOf(row);
  return {
    id: row.id,
    fileNo: text(f.file_no),
    status: f.status as FedFileItem['status'],
    category: (text(f.category) as FedFileItem['category']) ?? null,
    head: maskedPerson(f.head_name, f.head_id_number),
    householdSize: list(f.household).filter((h) => !h.deleted_at).length,
    updatedAt: row.updatedAt,
  };
}

export function centreFiles(ctx: CallContext, input: ParsedInput<'federation.centreFiles'>): ChannelOutput<'federation.centreFiles'> {
  const centre = centreHeader(ctx, input.centre);
  const { rows, total } = fileRows(ctx.sqlite, {
    centre: centre.code,
    status: input.status,
    category: input.category,
    inForce: input.inForce,
    mainCause: input.mainCause,
    search: readSearch(input.query),
    ...offsetOf(input),
  });
  return { centre, items: rows.map(fileItem), total };
}

export function centreFile(ctx: CallContext, input: ParsedInput<'federation.centreFile'>): ChannelOutput<'federation.centreFile'> {
  const centre = centreHeader(ctx, input.centre);
  const row = recordOf(ctx.sqlite, centre.code, 'hardship_files', input.id);
  if (!row) throw new AppError('NOT_FOUND');
  const f = fieldsOf(row);
  return {
    centre,
    file: {
      ...fileItem(row),
      workerType: text(f.worker_type) ?? '',
      entryKind: text(f.entry_kind) ?? '',
      approvedOn: text(f.approved_on),
      reviewedOn: text(f.reviewed_on),
      legacyNo: text(f.legacy_no),
      rev: row.rev,
      sequence: row.sequence,
      deleted: row.deletedAt !== null,
      household: list(f.household)
        .filter((h) => !h.deleted_at)
        .sort((a, b) => int(a.position) - int(b.position))
        .map((h) => ({ ...maskedPerson(h.name, h.id_number), relation: text(h.relation) ?? '' })),
      visits: list(f.visits)
        .map((v) => ({
          kind: text(v.kind) ?? '',
          date: text(v.date) ?? '',
          visitors: visitorNames(v.visitors),
          allClear: v.all_clear === 1 || v.all_clear === true,
          note: text(v.note),
        }))
        .sort((a, b) => a.date.localeCompare(b.date)),
      events: list(f.events)
        .map((e) => ({
          at: text(e.at) ?? '',
          action: text(e.action) ?? '',
          fromStatus: text(e.from_status),
          toStatus: text(e.to_status) ?? '',
          reason: text(e.reason),
        }))
        .sort((a, b) => a.at.localeCompare(b.at)),
    },
  };
}

function paymentItem(row: RecordRow): FedPaymentItem {
  const f = fieldsOf(row);
  return {
    id: row.id,
    year: int(f.year),
    type: f.type as FedPaymentItem['type'],
    status: f.status as FedPaymentItem['status'],
    recipient: maskedPerson(f.recipient_name, f.recipient_id_number),
    amountFen: int(f.amount_fen),
    fileId: text(f.file_id),
    paidOn: text(f.paid_on),
    enteredAt: text(f.entered_at) ?? '',
  };
}

export function centrePayments(
  ctx: CallContext,
  input: ParsedInput<'federation.centrePayments'>,
): ChannelOutput<'federation.centrePayments'> {
  const centre = centreHeader(ctx, input.centre);
  const filter = {
    centre: centre.code,
    year: input.year,
    type: input.type,
    status: input.status,
    programId: input.programId,
    // Local days as the centre's payments list takes them: from the first day's start to the last day's end.
    from: input.from ? startOfLocalDay(input.from) : undefined,
    to: input.to ? nextDay(input.to) : undefined,
  };
  // The list's count is the totals' (the same filter): one index walk for both.
  const sums = paymentTotals(ctx.sqlite, filter);
  const rows = paymentPage(ctx.sqlite, { ...filter, ...offsetOf(input) });
  return {
    centre,
    items: rows.map(paymentItem),
    total: sums.count,
    // Voided payments are kept apart, never added in.
    totals: {
      count: sums.count - sums.voidedCount,
      amountFen: sums.amountFen - sums.voidedFen,
      voidedCount: sums.voidedCount,
      voidedFen: sums.voidedFen,
    },
  };
}

export function centreRoster(ctx: CallContext, input: ParsedInput<'federation.centreRoster'>): ChannelOutput<'federation.centreRoster'> {
  const centre = centreHeader(ctx, input.centre);
  const { rows, total } = memberRows(ctx.sqlite, { centre: centre.code, search: readSearch(input.query), ...offsetOf(input) });
  const fields = rows.map(fieldsOf);
  const units = unitNames(ctx.sqlite, centre.code, [
    ...new Set(fields.map((f) => text(f.unit_id)).filter((id): id is string => id !== null)),
  ]);
  const items = rows.map((row, i): FedMemberItem => {
    const f = fields[i]!;
    const unitId = text(f.unit_id);
    return {
      id: row.id,
      ...maskedPerson(f.name, f.id_number),
      status: f.status as FedMemberItem['status'],
      unitName: unitId ? (units.get(unitId) ?? null) : null,
      joinedOn: text(f.joined_on),
    };
  });
  return { centre, items, total };
}

/** A visit's visitors travel as its column holds them, a JSON list of names: shown as 张三、李四. */
function visitorNames(value: unknown): string {
  const raw = text(value) ?? '';
  try {
    const names: unknown = JSON.parse(raw);
    if (Array.isArray(names) && names.every((n) => typeof n === 'string')) return names.join('、');
  } catch {
    // Not a list: shown as it came.
  }
  return raw;
}
