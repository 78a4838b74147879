import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FileDetail } from '@shared/contract/hardship';
import { maskIdNumber } from '@shared/domain/id-number';
import { addUser, outboxCopy, type TestCore } from './support/core';
import { CHILD, consented, draftOf, fileForMember, HEAD, idOf, office, SPOUSE, toNotice } from './support/hardship';
import { birthDateSpellings, candidatesFor } from './support/id-candidates';

/**
 * Issue 9 §3: nothing a role gets — on screen, in an export, on paper — rebuilds an ID number it may only see masked.
 * The one way to a whole number is a logged one: roster.revealId, the administrator's full-ID export, the 申报表.
 */

const MEMBER = idOf('44010619850312123');
const IDS = [HEAD, SPOUSE, CHILD, MEMBER];
const CLIENTS = { viewer: 'viewer', clerk: 'clerk', reviewer: 'reviewer', admin: 'test' } as const;

/** An office with a user of every role, a member, and a file (household of three) under public notice. */
async function officeWithEveryRole() {
  const { t, today } = await office();
  await addUser(t, 'viewer', 'viewer.qian', 'viewer');
  const member = await t.call('roster.create', { name: '单雄信', idNumber: MEMBER, joinedOn: '2010-05-04', unitName: '甲机械厂' });
  const saved = await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk');
  const file = await toNotice(t, today, saved);
  return { t, member, file };
}

/**
 * No whole number, none of its 8 birth-date digits in any spelling, no tail longer than the mask's; and what the
 * text can tell of a number (its mask and birth year) leaves more than one candidate.
 */
function expectCannotRebuild(text: string, ids = IDS) {
  for (const id of ids) {
    expect(text).not.toContain(id);
    expect(text).not.toContain(id.slice(6, 14));
    for (const spelling of birthDateSpellings(id)) expect(text).not.toContain(spelling);
    expect(text).not.toContain(id.slice(-5));
    if (text.includes(maskIdNumber(id))) expect(candidatesFor(maskIdNumber(id), Number(id.slice(6, 10))).length).toBeGreaterThan(30);
  }
}

type OutputChannel = 'roster.export' | 'roster.print' | 'files.printVisit' | 'files.printNotice' | 'files.printApplication';

async function outboxPath(t: TestCore, channel: OutputChannel, input: unknown, client: string) {
  const { result } = await t.job(channel, input as never, client);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return outboxCopy(t, result.data.fileId); // the outbox is sealed: a clear copy in a temp folder to read back
}

async function xlsxText(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: string[][] = [];
  const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(cellText)));
  return { header: rows[0]!, rows: rows.slice(1) };
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');

/** What a role sees on screen: the roster's list and member, the files' list and file. */
async function expectScreensMasked(t: TestCore, client: string, memberId: string, fileId: string) {
  const list = await t.call('roster.search', { query: '' }, client);
  expect(list.members.map((m) => [m.idNumberMasked, m.birthYear]).sort()).toEqual([
    [maskIdNumber(HEAD), 1980],
    [maskIdNumber(MEMBER), 1985],
  ]);
  const one = await t.call('roster.get', { id: memberId }, client);
  expect(one).toMatchObject({ idNumberMasked: maskIdNumber(MEMBER), birthYear: 1985, gender: 'male' });
  const detail = await t.call('files.get', { id: fileId }, client);
  expect(detail.household.map((m) => [m.idNumberMasked, m.birthYear])).toEqual([
    [maskIdNumber(HEAD), 1980],
    [maskIdNumber(SPOUSE), 1982],
    [maskIdNumber(CHILD), 2010],
  ]);
  const files = await t.call('files.list', {}, client);
  for (const output of [list, one, detail, files]) expectCannotRebuild(JSON.stringify(output));
}

/** The roster as .xlsx (read back with exceljs): 出生年份 beside the masked 公民身份号码. */
async function expectExportMasked(t: TestCore, client: string) {
  const { header, rows } = await xlsxText(await outboxPath(t, 'roster.export', { query: '', fullIds: false }, client));
  expect(header.slice(2, 5)).toEqual(['性别', '出生年份', '公民身份号码']);
  expect(rows.map((r) => [r[3], r[4]]).sort()).toEqual([
    ['1980', maskIdNumber(HEAD)],
    ['1985', maskIdNumber(MEMBER)],
  ]);
  expectCannotRebuild(rows.map((r) => r.join('|')).join('\n'));
}

/** The printed roster, 入户调查表 and 公示 (pdftotext): the birth year and masks only. */
async function expectPrintsMasked(t: TestCore, client: string, file: FileDetail) {
  const roster = pdfText(await outboxPath(t, 'roster.print', { query: '' }, client));
  expect(roster).toContain('出生年份');
  expect(roster).toMatch(new RegExp(`1985\\s+${maskIdNumber(MEMBER).replace(/\*/g, '\\*')}`));
  const visit = pdfText(await outboxPath(t, 'files.printVisit', { id: file.id, visitId: file.visits[0]!.id }, client));
  expect(visit).toContain(maskIdNumber(HEAD));
  const notice = pdfText(await outboxPath(t, 'files.printNotice', { ids: [file.id] }, client));
  for (const text of [roster, visit, notice]) {
    expectCannotRebuild(text);
    expectCannotRebuild(text.replace(/\s+/g, ''));
  }
}

/**
 * The 申报表 is the form the household signs and the federation checks against their ID cards: it carries the whole
 * numbers and birth dates. Only roles that may reveal an ID print it, and each print is logged.
 */
async function expectApplicationWholeAndLogged(t: TestCore, client: string, fileId: string) {
  const text = pdfText(await outboxPath(t, 'files.printApplication', { id: fileId }, client)).replace(/\s+/g, '');
  for (const id of [HEAD, SPOUSE, CHILD]) expect(text).toContain(id);
  const audit = await t.call('audit.list', { action: 'files.printApplication', page: 1, pageSize: 5 });
  expect(audit.entries[0]!.summary).toEqual({ event: 'file.printed', params: { document: 'application', count: 1 } });
}

describe('masked ID numbers: what each role gets cannot rebuild a number', () => {
  it('viewer: screens give the mask and the birth year; no export or print at all', async () => {
    const { t, member, file } = await officeWithEveryRole();
    await expectScreensMasked(t, 'viewer', member.id, file.id);
    const refused = [
      await t.fail('roster.export', { query: '', fullIds: false }, 'viewer'),
      await t.fail('roster.print', { query: '' }, 'viewer'),
      await t.fail('files.printApplication', { id: file.id }, 'viewer'),
      await t.fail('files.printVisit', { id: file.id, visitId: file.visits[0]!.id }, 'viewer'),
      await t.fail('files.printNotice', { ids: [file.id] }, 'viewer'),
      await t.fail('roster.revealId', { id: member.id }, 'viewer'),
    ];
    expect(refused.map((e) => e.code)).toEqual(Array(6).fill('FORBIDDEN'));
  });

  it.each(['clerk', 'reviewer', 'admin'] as const)(
    '%s: screens, the .xlsx export and the roster, visit and notice prints are masked; the 申报表 is whole and logged',
    async (role) => {
      const { t, member, file } = await officeWithEveryRole();
      const client = CLIENTS[role];
      await expectScreensMasked(t, client, member.id, file.id);
      await expectExportMasked(t, client);
      await expectPrintsMasked(t, client, file);
      await expectApplicationWholeAndLogged(t, client, file.id);
    },
    60_000, // five documents rendered: well over the default 20 s on a busy machine
  );
});
