import type { ChannelOutput, FileRef, ParsedInput } from '@shared/contract';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { readOrg } from '../org/org.repo';
import { duplicatesWorkbook } from './duplicates-export';
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

type FileItem = ChannelOutput<'federation.duplicateFiles'>['items'][number];
type AidItem = ChannelOutput<'federation.duplicateAid'>['items'][number];

/** Numbers asked for at once in filePlaces' IN list: well under SQLite's limit on a statement's parameters. */
const IDS_AT_ONCE = 500;

function fileItems(ctx: CallContext, ids: string[], names: Map<string, string>): FileItem[] {
  const rows: PlaceRow[] = [];
  for (let at = 0; at < ids.length; at += IDS_AT_ONCE) rows.push(...filePlaces(ctx.sqlite, ids.slice(at, at + IDS_AT_ONCE)));
  const byId = new Map<string, PlaceRow[]>();
  for (const row of rows) {
    const places = byId.get(row.idNumber);
    if (places) places.push(row);
    else byId.set(row.idNumber, [row]);
  }
  return ids.map((id) => placesOf(byId.get(id)!, names));
}

function aidItems(ctx: CallContext, keys: { year: number; idNumber: string }[], names: Map<string, string>): AidItem[] {
  return keys.map((key) => {
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
}

export function duplicateFiles(
  ctx: CallContext,
  input: ParsedInput<'federation.duplicateFiles'>,
): ChannelOutput<'federation.duplicateFiles'> {
  requireFederation(ctx);
  const { ids, total } = duplicateFileIds(ctx.sqlite, input.pageSize, (input.page - 1) * input.pageSize);
  return { items: fileItems(ctx, ids, centreNames(ctx)), total };
}

export function duplicateAid(ctx: CallContext, input: ParsedInput<'federation.duplicateAid'>): ChannelOutput<'federation.duplicateAid'> {
  requireFederation(ctx);
  const { keys, total } = duplicateAidKeys(ctx.sqlite, input.year, input.pageSize, (input.page - 1) * input.pageSize);
  return { items: aidItems(ctx, keys, centreNames(ctx)), total };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** SQLite's LIMIT for "no limit". */
const ALL = -1;

/** Both lists whole as .xlsx (duplicates-export.ts), read in one transaction; logged with the counts only. */
export function exportDuplicates(ctx: CallContext, input: ParsedInput<'federation.exportDuplicates'>): { jobId: string } {
  requireFederation(ctx);
  return ctx.startJob(async (job): Promise<FileRef> => {
    const names = centreNames(ctx);
    const { files, aid } = ctx.sqlite.transaction(() => ({
      files: fileItems(ctx, duplicateFileIds(ctx.sqlite, ALL, 0).ids, names),
      aid: aidItems(ctx, duplicateAidKeys(ctx.sqlite, input.year, ALL, 0).keys, names),
    }))();
    job.progress(1, 2);
    job.throwIfCancelled();
    const org = readOrg(ctx.db)!;
    const buffer = await duplicatesWorkbook({ federation: org.name, exportedAt: ctx.now(), year: input.year ?? null, files, aid });
    job.progress(2, 2);
    ctx.write(() =>
      ctx.audit({
        recordType: 'duplicates',
        recordId: null,
        event: 'federation.duplicatesExported',
        params: { files: files.length, aid: aid.length },
      }),
    );
    const name = input.year === undefined ? '重复核查.xlsx' : `重复核查-${input.year}年救助.xlsx`;
    return putOutboxFile(ctx.core.files, name, XLSX, buffer);
  });
}
