import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import type { DrillOutput } from '@shared/contract/reports';
import { maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { SheetCell } from '@shared/domain/report-sheet';
import { GENDER_LABELS, SCHOOL_LABELS } from '@shared/labels-zh';
import type { Sqlite } from '../../db/client';
import type { CallContext } from '../../context';
import type { AidSheetInput } from './aid-sheets';
import { drillKey, type DrillPage, type SheetBody } from './report-frame';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  EDUCATION_BANDS,
  EDUCATION_BAND_LABELS,
  PEOPLE_ROWS,
  countPeople,
  peopleFilter,
  peopleParams,
  peopleWith,
  type PeopleColumn,
  type PeopleRow,
} from './people-counts';

/**
 * 困难职工及家庭成员情况统计表: the people in hardship on the as-of day by sex, age band, 文化程度 and, for students, school
 * stage (people-counts.ts). Each number drills to the files those people are in (`people:` keys).
 */
export const PEOPLE_DRILL_PREFIX = 'people';

const COLUMNS: PeopleColumn[] = [
  { kind: 'all' },
  { kind: 'sex', value: 'male' },
  { kind: 'sex', value: 'female' },
  ...AGE_BANDS.map((value) => ({ kind: 'band', value }) as const),
  ...EDUCATION_BANDS.map((value) => ({ kind: 'edu', value }) as const),
  ...SCHOOL_STAGES.map((value) => ({ kind: 'stage', value }) as const),
];
const ROW_LABELS: Record<PeopleRow, string> = { worker: '困难职工本人', family: '家庭成员' };

export function peopleDrillKey(asOf: string, row: PeopleRow | '*', column: PeopleColumn): string {
  return drillKey(PEOPLE_DRILL_PREFIX, 'people', { asOf, row, ...(column.kind === 'all' ? {} : { [column.kind]: column.value }) });
}

function parsePeoplePayload(raw: unknown): { asOf: string; row: PeopleRow | '*'; column: PeopleColumn } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const { asOf, row } = record;
  if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return null;
  if (typeof row !== 'string' || ![...PEOPLE_ROWS, '*'].includes(row)) return null;
  const named = (['sex', 'band', 'edu', 'stage'] as const).filter((kind) => record[kind] !== undefined);
  const column = COLUMNS.find((c) => (c.kind === 'all' ? named.length === 0 : named.length === 1 && record[c.kind] === c.value));
  return column ? { asOf, row: row as PeopleRow | '*', column } : null;
}

export function peopleSheet(ctx: CallContext, input: AidSheetInput): SheetBody {
  const counts = countPeople(ctx.sqlite, input.asOf);
  const cells = (row: PeopleRow | '*'): SheetCell[] =>
    COLUMNS.map((column) => ({ count: counts.get(row, column), drill: peopleDrillKey(input.asOf, row, column) }));
  return {
    name: '人员情况',
    title: '困难职工及家庭成员情况统计表',
    unitsNote: '单位：人',
    header: [
      [
        { text: '人员', rowSpan: 2 },
        { text: '人数', rowSpan: 2 },
        { text: '性别', colSpan: 2 },
        { text: '年龄段', colSpan: AGE_BANDS.length },
        { text: '文化程度', colSpan: EDUCATION_BANDS.length },
        { text: '在校学生（按学段）', colSpan: SCHOOL_STAGES.length },
      ],
      [
        { text: GENDER_LABELS.male },
        { text: GENDER_LABELS.female },
        ...AGE_BANDS.map((band) => ({ text: AGE_BAND_LABELS[band] })),
        ...EDUCATION_BANDS.map((band) => ({ text: EDUCATION_BAND_LABELS[band] })),
        ...SCHOOL_STAGES.map((stage) => ({ text: SCHOOL_LABELS[stage] })),
      ],
    ],
    body: PEOPLE_ROWS.map((row) => [{ text: ROW_LABELS[row] }, ...cells(row)]),
    totals: [{ text: '合计' }, ...cells('*')],
    notes: [
      `统计截至 ${input.asOf} 在档（含年度复核中）档案的家庭成员名单；性别、年龄按身份证号计算，年龄为截至统计日的周岁；文化程度为家庭成员名单登记的文化程度（大专及以上含研究生、本科、专科），未登记的计入“未填写”；学段为在校学生登记的学段。`,
    ],
  };
}

export interface DrillPeopleFile {
  fileId: string;
  fileNo: string | null;
  headName: string;
  headIdMasked: string;
  category: string | null;
  workerType: string;
  entryKind: string;
  mainCause: string | null;
  status: string;
  stepOn: null;
}

/** A page of the files the people behind a number are in (file number order), and how many; null: not a people key. */
export function drillPeopleFiles(
  sqlite: Sqlite,
  key: string,
  limit: number,
  offset: number,
): { rows: DrillPeopleFile[]; total: number } | null {
  const colon = key.indexOf(':');
  if (key.slice(0, colon) !== PEOPLE_DRILL_PREFIX) return null;
  let parsed: ReturnType<typeof parsePeoplePayload>;
  try {
    parsed = parsePeoplePayload(JSON.parse(key.slice(colon + 1)));
  } catch {
    return null;
  }
  if (!parsed) return null;
  const filter = peopleFilter(parsed.row, parsed.column);
  const params = { ...peopleParams(parsed.asOf), ...filter.params };
  const files = `${peopleWith(sqlite, params)}, files AS (SELECT DISTINCT fileId FROM people ${filter.sql})`;
  const total = sqlite.prepare(`${files} SELECT count(*) FROM files`).pluck().get(params) as number;
  const rows = sqlite
    .prepare(
      `${files} SELECT f.id AS fileId, f.file_no AS fileNo, f.head_name AS headName, f.head_id_number AS idNumber, f.category,
         f.worker_type AS workerType, f.entry_kind AS entryKind, f.main_cause AS mainCause, f.status
       FROM files p JOIN hardship_files f ON f.id = p.fileId ORDER BY f.file_no, f.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as (Omit<DrillPeopleFile, 'headIdMasked' | 'stepOn'> & { idNumber: string })[];
  return { total, rows: rows.map(({ idNumber, ...row }) => ({ ...row, headIdMasked: maskIdNumber(idNumber), stepOn: null })) };
}

/** DRILL_HANDLERS' people: the files the people behind a number of the people table are in. */
export function peopleDrill(ctx: CallContext, raw: unknown, page: DrillPage): DrillOutput {
  const listed = drillPeopleFiles(ctx.sqlite, `${PEOPLE_DRILL_PREFIX}:${JSON.stringify(raw)}`, page.limit, page.offset);
  if (!listed) throw new AppError('REPORT_DRILL_UNKNOWN');
  return { kind: 'files', ...listed } as DrillOutput;
}
