import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import { maskIdNumber } from '@shared/domain/id-number';
import type { ReportSheet, SheetCell } from '@shared/domain/report-sheet';
import { GENDER_LABELS, SCHOOL_LABELS } from '@shared/labels-zh';
import type { Sqlite } from '../../db/client';
import type { CallContext } from '../../context';
import { sheetFrame, type AidSheetInput } from './aid-sheets';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  PEOPLE_ROWS,
  countPeople,
  peopleFilter,
  peopleParams,
  peopleSql,
  type PeopleColumn,
  type PeopleRow,
} from './people-counts';

/**
 * 困难职工及家庭成员情况统计表: the people in hardship on the as-of day by sex, age band and, for students, school
 * stage (people-counts.ts). Each number drills to the files those people are in (`people:` keys).
 */
export const PEOPLE_DRILL_PREFIX = 'people';

const COLUMNS: PeopleColumn[] = [
  { kind: 'all' },
  { kind: 'sex', value: 'male' },
  { kind: 'sex', value: 'female' },
  ...AGE_BANDS.map((value) => ({ kind: 'band', value }) as const),
  ...SCHOOL_STAGES.map((value) => ({ kind: 'stage', value }) as const),
];
const ROW_LABELS: Record<PeopleRow, string> = { worker: '困难职工本人', family: '家庭成员' };

export function peopleDrillKey(asOf: string, row: PeopleRow | '*', column: PeopleColumn): string {
  const query = new URLSearchParams({ asOf, row });
  if (column.kind !== 'all') query.set(column.kind, column.value);
  return `${PEOPLE_DRILL_PREFIX}:${query.toString()}`;
}

function parsePeopleKey(key: string): { asOf: string; row: PeopleRow | '*'; column: PeopleColumn } | null {
  if (!key.startsWith(`${PEOPLE_DRILL_PREFIX}:`)) return null;
  const query = new URLSearchParams(key.slice(PEOPLE_DRILL_PREFIX.length + 1));
  const asOf = query.get('asOf') ?? '';
  const row = query.get('row') as PeopleRow | '*' | null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !row || ![...PEOPLE_ROWS, '*'].includes(row)) return null;
  const column = COLUMNS.find((c) =>
    c.kind === 'all' ? ![...query.keys()].some((k) => k !== 'asOf' && k !== 'row') : query.get(c.kind) === c.value,
  );
  return column ? { asOf, row, column } : null;
}

export function peopleSheet(ctx: CallContext, input: AidSheetInput): ReportSheet {
  const counts = countPeople(ctx.sqlite, input.asOf);
  const cells = (row: PeopleRow | '*'): SheetCell[] =>
    COLUMNS.map((column) => ({ count: counts.get(row, column), drill: peopleDrillKey(input.asOf, row, column) }));
  return {
    ...sheetFrame(ctx, input, '人员情况', '困难职工及家庭成员情况统计表'),
    unitsNote: '单位：人',
    header: [
      [
        { text: '人员', rowSpan: 2 },
        { text: '人数', rowSpan: 2 },
        { text: '性别', colSpan: 2 },
        { text: '年龄段', colSpan: AGE_BANDS.length },
        { text: '在校学生（按学段）', colSpan: SCHOOL_STAGES.length },
      ],
      [
        { text: GENDER_LABELS.male },
        { text: GENDER_LABELS.female },
        ...AGE_BANDS.map((band) => ({ text: AGE_BAND_LABELS[band] })),
        ...SCHOOL_STAGES.map((stage) => ({ text: SCHOOL_LABELS[stage] })),
      ],
    ],
    body: PEOPLE_ROWS.map((row) => [{ text: ROW_LABELS[row] }, ...cells(row)]),
    totals: [{ text: '合计' }, ...cells('*')],
    notes: [
      `统计截至 ${input.asOf} 在档（含年度复核中）档案的家庭成员名单；性别、年龄按身份证号计算，年龄为截至统计日的周岁；学段为在校学生登记的学段。`,
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
  const parsed = parsePeopleKey(key);
  if (!parsed) return null;
  const filter = peopleFilter(parsed.row, parsed.column);
  const params = { ...peopleParams(parsed.asOf), ...filter.params };
  const files = `SELECT DISTINCT fileId FROM (${peopleSql()}) ${filter.sql}`;
  const total = sqlite.prepare(`SELECT count(*) FROM (${files})`).pluck().get(params) as number;
  const rows = sqlite
    .prepare(
      `SELECT f.id AS fileId, f.file_no AS fileNo, f.head_name AS headName, f.head_id_number AS idNumber, f.category,
         f.worker_type AS workerType, f.entry_kind AS entryKind, json_extract(f.draft, '$.mainCause') AS mainCause, f.status
       FROM (${files}) p JOIN hardship_files f ON f.id = p.fileId ORDER BY f.file_no, f.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as (Omit<DrillPeopleFile, 'headIdMasked' | 'stepOn'> & { idNumber: string })[];
  return { total, rows: rows.map(({ idNumber, ...row }) => ({ ...row, headIdMasked: maskIdNumber(idNumber), stepOn: null })) };
}
