import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { CallContext } from '../../context';
import { centreNames, requireFederation } from './centres.service';
import { aidPlaces, duplicateAidKeys, duplicateFileIds, filePlaces, type PlaceRow } from './duplicates.repo';
import { maskedPerson } from './records.service';

/** 重复核查 (docs/domain.md "The federation's views"): one person in two centres' files, or paid by two centres in a year. */

type Fields = Record<string, unknown>;

/** The name a record gives the person: the file's head, the household member with that number, the recipient. */
function nameIn(place: PlaceRow, fields: Fields): string {
  if (place.role === 'head') return String(fields.head_name ?? '');
  if (place.role === 'recipient') return String(fields.recipient_name ?? '');
  const household = Array.isArray(fields.household) ? (fields.household as Fields[]) : [];
  return String(household.find((h) => h.id_number === place.idNumber)?.name ?? '');
}

function placesOf(rows: PlaceRow[], names: Map<string, string>) {
  const parsed = rows.map((row) => ({ row, fields: (row.fields ? JSON.parse(row.fields) : {}) as Fields }));
  return {
    // The first record's name stands for the person (the same number in two centres may be spelt apart: the places say).
    person: maskedPerson(parsed.map((p) => nameIn(p.row, p.fields)).find((n) => n !== '') ?? '', rows[0]!.idNumber),
    places: parsed.map(({ row, fields }) => ({
      centreCode: row.centreCode,
      centreName: names.get(row.centreCode) ?? row.centreCode,
      recordId: row.recordId,
      role: row.role,
      fileNo: typeof fields.file_no === 'string' ? fields.file_no : null,
      amountFen: row.amountFen,
    })),
  };
}

export function duplicateFiles(
  ctx: CallContext,
  input: ParsedInput<'federation.duplicateFiles'>,
): ChannelOutput<'federation.duplicateFiles'> {
  requireFederation(ctx);
  const names = centreNames(ctx);
  const { ids, total } = duplicateFileIds(ctx.sqlite, input.pageSize, (input.page - 1) * input.pageSize);
  const rows = filePlaces(ctx.sqlite, ids);
  const items = ids.map((id) =>
    placesOf(
      rows.filter((r) => r.idNumber === id),
      names,
    ),
  );
  return { items, total };
}

export function duplicateAid(ctx: CallContext, input: ParsedInput<'federation.duplicateAid'>): ChannelOutput<'federation.duplicateAid'> {
  requireFederation(ctx);
  const names = centreNames(ctx);
  const { keys, total } = duplicateAidKeys(ctx.sqlite, input.year, input.pageSize, (input.page - 1) * input.pageSize);
  const items = keys.map((key) => {
    const rows = aidPlaces(ctx.sqlite, key);
    const byCentre = new Map<string, { count: number; amountFen: number }>();
    for (const row of rows) {
      const sum = byCentre.get(row.centreCode) ?? { count: 0, amountFen: 0 };
      byCentre.set(row.centreCode, { count: sum.count + 1, amountFen: sum.amountFen + (row.amountFen ?? 0) });
    }
    return {
      ...placesOf(rows, names),
      year: key.year,
      byCentre: [...byCentre].map(([code, sum]) => ({ centreCode: code, centreName: names.get(code) ?? code, ...sum })),
    };
  });
  return { items, total };
}
