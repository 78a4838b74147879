import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping } from '@shared/contract/roster-import';
import { idCheckChar } from '@shared/domain/id-number';
import { execFileSync } from 'node:child_process';
import { addUser, inboxUpload, outboxCopy, startSetUpCore, type TestCore } from './support/core';
import { insertFile, saveProgram } from './support/aid';
import { bundleImportReader } from './support/bundle';
import { cardText, importCard } from './support/exchange';
import { centreWithFederation, exportBatch } from './support/exchange-export';
import { compareOffice, HEAD, OUTSIDER, ROSTER_ONLY } from './support/compare';
import { CHILD, consented, draftOf, office, SPOUSE } from './support/hardship';

/**
 * What someone who copies the data folder gets after a clerk's day: a raw byte search of every file in it (database,
 * WAL, backups, logs, inbox, outbox, key files), decompressing nothing, finds none of the names, ID numbers and
 * phones the day handled (and, on an aid day, bank accounts; on a comparison day, another body's list), in UTF-8 or
 * GBK, nor the recovery code; no document lies there in clear (print jobs' and exports' outbox files are sealed); and every file is the user's alone.
 */
const idOf = (first17: string) => first17 + idCheckChar(first17);
/** Invented people (never real ones), with names unlikely to occur by chance in any byte string. */
const PEOPLE = [
  { name: '龚秀兰', id: idOf('11010519710304122'), phone: '13911110001' },
  { name: '欧阳建国', id: idOf('11010519680711093'), phone: '13911110002' },
  { name: '蔺晓燕', id: idOf('11010519850926204'), phone: '13911110003' },
  { name: '濮阳春生', id: idOf('11010519790215311'), phone: '13911110004' },
  { name: '萧桂芝', id: idOf('11010519820501428'), phone: '13911110005' },
  { name: '宓文强', id: idOf('11010519900817535'), phone: '13911110006' },
];
/** Households paid aid, with bank accounts and a 帮扶责任人 (whose phone goes on the contact card). */
const AID_PEOPLE = [
  {
    name: '禤翠屏',
    id: idOf('11010519620419211'),
    phone: '13911110011',
    account: '6222020200987650011',
    helper: '劳春燕',
    helperPhone: '13911110021',
  },
  {
    name: '璩德顺',
    id: idOf('11010519700623315'),
    phone: '13911110012',
    account: '6222020200987650012',
    helper: '劳春燕',
    helperPhone: '13911110021',
  },
  {
    name: '逯桂荣',
    id: idOf('11010519830114426'),
    phone: '13911110013',
    account: '6222020200987650013',
    helper: '訾海涛',
    helperPhone: '13911110023',
  },
];
const FILE_HEAD = { name: '甄秋菊', id: idOf('11010519760101646'), phone: '13911110007' };

function csv(people: typeof PEOPLE, extra: string[] = []): string {
  return ['姓名,身份证号,手机', ...people.map((p) => `${p.name},${p.id},${p.phone}`), ...extra].join('\r\n');
}

async function xlsx(people: typeof PEOPLE): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('会员名册');
  sheet.addRow(['姓名', '身份证号', '手机']);
  for (const p of people) sheet.addRow([p.name, p.id, p.phone]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? [path, ...filesUnder(path)] : [path];
  });
}

/** Every needle in UTF-8 and GBK; the ones found, as "needle in file" (the test prints which, never the bytes). */
function foundInDataFolder(dataDir: string, needles: string[]): string[] {
  const encoded = needles.flatMap((text) => [
    { text, bytes: Buffer.from(text, 'utf8') },
    { text: `${text} (GBK)`, bytes: iconv.encode(text, 'gbk') },
  ]);
  const found: string[] = [];
  for (const path of filesUnder(dataDir)) {
    if (statSync(path).isDirectory()) continue;
    const content = readFileSync(path);
    for (const needle of encoded) if (content.includes(needle.bytes)) found.push(`${needle.text} in ${path.slice(dataDir.length)}`);
    // A document in clear: a PDF or a zip (.xlsx), whatever its name.
    if (content.includes(Buffer.from('%PDF-'))) found.push(`a PDF in ${path.slice(dataDir.length)}`);
    if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) found.push(`a zip in ${path.slice(dataDir.length)}`);
  }
  return found;
}

function loosePermissions(dataDir: string): string[] {
  return [dataDir, ...filesUnder(dataDir)].flatMap((path) => {
    const stat = statSync(path);
    const mode = stat.mode & 0o777;
    const wanted = stat.isDirectory() ? 0o700 : 0o600;
    return mode === wanted ? [] : [`${path.slice(dataDir.length) || '/'} ${mode.toString(8)}`];
  });
}

async function importSheet(t: TestCore, fileName: string, bytes: Buffer, policy: 'skip' | 'stop' = 'skip') {
  const source = inboxUpload(t, fileName, bytes);
  const inspected = await t.call('rosterImport.inspect', source);
  const plan = { ...source, mapping: inspected.suggested as ColumnMapping, policy };
  return { plan, committed: await t.job('rosterImport.commit', plan) };
}

describe('the data folder after a day of work', () => {
  let readerPath: string;
  beforeAll(() => {
    readerPath = bundleImportReader();
  });

  it('holds no name, ID number, phone or recovery code in clear, no document, and nothing readable by others', async () => {
    const t = await startSetUpCore({ importReaderPath: readerPath });
    const recoveryCode = t.setup.recoveryCode;
    await addUser(t, 'clerk', 'clerk.sun', 'clerk');
    await t.call('policy.add', { key: 'lowIncomeLine', regionCode: '110105', effectiveFrom: '2020-01-01', value: 132_000 });

    // Three rosters, as a grassroots union sends them: CSV in UTF-8, CSV in GBK (Excel on Chinese Windows), .xlsx.
    const utf8 = await importSheet(t, '名册.csv', Buffer.from(csv(PEOPLE.slice(0, 2), ['坏行,123,1'])));
    expect(utf8.committed.result).toMatchObject({ ok: true, data: { counts: { new: 2, rejected: 1 } } });
    const gbk = await importSheet(t, '名册-gbk.csv', iconv.encode(csv(PEOPLE.slice(2, 4)), 'gbk'));
    expect(gbk.committed.result).toMatchObject({ ok: true, data: { counts: { new: 2 } } });
    const book = await importSheet(t, '名册.xlsx', await xlsx(PEOPLE.slice(4)));
    expect(book.committed.result).toMatchObject({ ok: true, data: { counts: { new: 2 } } });

    // The rejected rows of a sheet, before its import (the clerk's copy to correct).
    const rejectedSource = inboxUpload(t, '待改.csv', Buffer.from(csv([], [`${PEOPLE[0]!.name},11010519710304999,${PEOPLE[0]!.phone}`])));
    const inspected = await t.call('rosterImport.inspect', rejectedSource);
    const rejectedPlan = { ...rejectedSource, mapping: inspected.suggested as ColumnMapping, policy: 'skip' as const };
    const rejected = await t.job('rosterImport.rejectedFile', rejectedPlan);
    expect(rejected.result.ok).toBe(true);

    // An import that fails (duplicates under "stop"), and one cancelled mid-way.
    const failed = await importSheet(t, '重复.csv', Buffer.from(csv(PEOPLE)), 'stop');
    expect(failed.committed.result).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_DUPLICATES' } });
    const filler = Array.from({ length: 60_000 }, (_, i) => `某人${i},${idOf(`1101051970${String(i).padStart(7, '0')}`)},`);
    const many = [...csv(PEOPLE).split('\r\n'), ...filler];
    const bigSource = inboxUpload(t, '大名册.csv', Buffer.from(many.join('\r\n')));
    const bigInspected = await t.call('rosterImport.inspect', bigSource);
    const bigPlan = { ...bigSource, mapping: bigInspected.suggested as ColumnMapping, policy: 'update' as const };
    const { jobId } = await t.call('rosterImport.commit', bigPlan);
    while (!t.events.some((e) => e.type === 'job.progress' && e.jobId === jobId && e.done > 0)) await new Promise((r) => setTimeout(r, 5));
    await t.call('jobs.cancel', { jobId });
    while (!t.events.some((e) => e.type === 'job.finished' && e.jobId === jobId)) await new Promise((r) => setTimeout(r, 5));

    // Printed and exported: the roster (PDF, and .xlsx with full IDs), a 申报表 with the household; a backup.
    for (const channel of ['roster.print', 'roster.export'] as const) {
      expect((await t.job(channel, channel === 'roster.export' ? { query: '', fullIds: true } : { query: '' })).result.ok).toBe(true);
    }
    const member = await t.call('roster.create', { name: FILE_HEAD.name, idNumber: FILE_HEAD.id, phone: FILE_HEAD.phone });
    const created = await t.call('files.create', { memberId: member.id, workerType: 'urban' }, 'clerk');
    const { today } = await t.call('policy.list', {});
    const draft = await t.call('files.saveDraft', draftOf(created, consented(today)), 'clerk');
    expect((await t.job('files.printApplication', { id: draft.id }, 'clerk')).result.ok).toBe(true);
    expect((await t.job('backup.create', {})).result.ok).toBe(true);

    const needles = [
      ...[...PEOPLE, FILE_HEAD].flatMap((p) => [p.name, p.id, p.phone]),
      SPOUSE,
      CHILD,
      recoveryCode,
      recoveryCode.replace(/-/g, ''),
    ];
    // While the program runs (what a copy taken now gets), and after it quit.
    expect(foundInDataFolder(t.dataDir, needles)).toEqual([]);
    expect(loosePermissions(t.dataDir)).toEqual([]);
    t.core.close();
    expect(foundInDataFolder(t.dataDir, needles)).toEqual([]);
    expect(loosePermissions(t.dataDir)).toEqual([]);
  }, 60_000);

  it('after a day of aid (a batch approved, every document printed, the bank list exported) holds none of it in clear', async () => {
    const { t, today } = await office();
    const sqlite = t.core.state.conn!.sqlite;
    // Files 在档 with their heads' names, ID numbers, phones (the roster) and bank accounts, and a 帮扶责任人 each.
    const households = AID_PEOPLE.map((p, i) => {
      const { fileId } = insertFile(t, { headName: p.name, headIdNumber: p.id, bankAccount: p.account });
      const draft = { bankAccount: p.account, bankName: '工商银行', contacts: [{ name: p.helper, phone: p.helperPhone }] };
      sqlite
        .prepare('UPDATE hardship_files SET draft = ?, file_no = ?, approved_on = ? WHERE id = ?')
        .run(JSON.stringify(draft), `K${i + 1}`, today, fileId);
      return fileId;
    });
    for (const p of AID_PEOPLE) await t.call('roster.create', { name: p.name, idNumber: p.id, phone: p.phone });

    const year = Number(today.slice(0, 4));
    const program = await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: {} }, { year });
    const noFilters = { categories: [], unitIds: [], statuses: [] };
    const { batchId, count } = await t.call(
      'aid.createBatch',
      { programId: program.id, name: '春节送温暖银行代发', method: 'bank', filters: noFilters },
      'clerk',
    );
    expect(count).toBe(AID_PEOPLE.length);
    await t.call('aid.approve', { batchId }, 'reviewer');

    // Every print and the export, each read back from a copy outside the data folder (where the host saves it):
    // what they hold is what the search below must not find inside.
    const copies: Record<string, string> = {};
    const jobs = [
      ['vouchers', () => t.job('aid.printVouchers', { batchId }, 'clerk')],
      ['sheet', () => t.job('aid.printSheet', { batchId }, 'clerk')],
      ['certificate', () => t.job('aid.printCertificate', { fileId: households[0]! }, 'clerk')],
      ['cards', () => t.job('aid.printContactCards', { fileIds: households }, 'clerk')],
      ['bank', () => t.job('aid.exportBankList', { batchId })],
    ] as const;
    for (const [name, run] of jobs) {
      const { result } = await run();
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
      copies[name] = await outboxCopy(t, result.data.fileId);
    }
    const pdfText = (path: string) => execFileSync('pdftotext', [path, '-']).toString('utf8').replace(/\s+/g, '');
    expect(pdfText(copies.vouchers!)).toContain(AID_PEOPLE[0]!.name);
    expect(pdfText(copies.sheet!)).toContain(AID_PEOPLE[1]!.name);
    expect(pdfText(copies.certificate!)).toContain(AID_PEOPLE[0]!.name);
    expect(pdfText(copies.cards!)).toContain(AID_PEOPLE[2]!.helperPhone);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(copies.bank!);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => cells.push(...(row.values as unknown[]).map(String)));
    expect(cells).toEqual(expect.arrayContaining(AID_PEOPLE.flatMap((p) => [p.name, p.account])));
    await t.call('aid.markPaid', { batchId, paidOn: today }, 'clerk');
    expect((await t.job('backup.create', {})).result.ok).toBe(true);

    const needles = AID_PEOPLE.flatMap((p) => [p.name, p.id, p.phone, p.account, p.helper, p.helperPhone]);
    // The log (kept in memory here; a file under logs/ in the program) and the audit summaries carry none either.
    const said = [...t.logger.lines, ...(sqlite.prepare('SELECT summary FROM audit_log').pluck().all() as string[])].join('\n');
    expect(needles.filter((needle) => said.includes(needle))).toEqual([]);
    expect(foundInDataFolder(t.dataDir, needles)).toEqual([]);
    expect(loosePermissions(t.dataDir)).toEqual([]);
    t.core.close();
    expect(foundInDataFolder(t.dataDir, needles)).toEqual([]);
    expect(loosePermissions(t.dataDir)).toEqual([]);
  }, 90_000);

  it('after a batch to the federation and its import there, holds none of it in clear at either office', async () => {
    const { t, federation } = await centreWithFederation();
    const people = PEOPLE.slice(0, 3);
    for (const p of people) await t.call('roster.create', { name: p.name, idNumber: p.id, phone: p.phone });
    const { peer } = await importCard(federation, await cardText(t));
    await federation.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });

    // The batch as the clerk carries it (a copy outside the data folder, where the host saves it), imported there.
    const { file } = await exportBatch(t);
    const stick = await outboxCopy(t, file.fileId);
    const { result } = await federation.job('exchangeImport.importBatch', inboxUpload(federation, 'batch.bfb', readFileSync(stick)));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const held = federation.core.state
      .conn!.sqlite.prepare("SELECT count(*) FROM exchange_records WHERE table_name = 'members'")
      .pluck()
      .get();
    expect(held).toBe(people.length);

    const needles = people.flatMap((p) => [p.name, p.id, p.phone]);
    for (const office of [t, federation]) {
      expect(foundInDataFolder(office.dataDir, needles)).toEqual([]);
      expect(loosePermissions(office.dataDir)).toEqual([]);
    }
  }, 90_000);

  it('after a 民政 list compared, the comparison and the reports exported, and the list deleted, holds none of it in clear', async () => {
    const { t } = await compareOffice();
    // Someone else's data: a name and an ID only on the list, beside our own heads' ID numbers.
    const outsider = { name: '禚玉兰', id: OUTSIDER };
    const list = [
      '姓名,身份证号,所属街道',
      `测试户主,${HEAD},东街道`,
      `${outsider.name},${outsider.id},西街道`,
      `名册会员,${ROSTER_ONLY},北街道`,
    ];
    const upload = inboxUpload(t, '低保名单.csv', Buffer.from(list.join('\r\n')));
    const inspected = await t.call('compare.inspect', upload, 'clerk');
    const mapping = { idNumber: inspected.suggested.idNumber!, name: inspected.suggested.name!, extras: [2] };
    const imported = await t.job('compare.import', { ...upload, source: '测试区民政局', kind: 'dibao', mapping }, 'clerk');
    if (!imported.result.ok) throw new Error(JSON.stringify(imported.result.error));
    const { listId } = imported.result.data;
    for (const view of ['matched', 'missing', 'outreach'] as const) await t.call('compare.results', { listId, view }, 'clerk');

    // The comparison (it names the outsider: read back from the copy the host saves outside the data folder) and the
    // quarter's reports in both forms.
    const compared = await t.job('compare.export', { listId }, 'clerk');
    if (!compared.result.ok) throw new Error(JSON.stringify(compared.result.error));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await outboxCopy(t, compared.result.data.fileId));
    const cells: string[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => cells.push(...(row.values as unknown[]).map(String)));
    expect(cells).toContain(outsider.name);
    const { today } = await t.call('policy.list', {});
    const year = Number(today.slice(0, 4));
    for (const format of ['xlsx', 'pdf'] as const) {
      const period = { kind: 'year' as const, year };
      const { result } = await t.job('reports.export', { tables: ['households', 'people'], period, asOf: today, format }, 'clerk');
      expect(result.ok).toBe(true);
    }

    const needles = [outsider.name, outsider.id, HEAD, SPOUSE, ROSTER_ONLY];
    expect(foundInDataFolder(t.dataDir, needles)).toEqual([]);
    expect(loosePermissions(t.dataDir)).toEqual([]);
    // Deleted for good by an administrator (secure_delete, the WAL truncated): still nothing in clear, and gone.
    await t.call('compare.delete', { listId });
    expect(t.core.state.conn!.sqlite.prepare('SELECT count(*) FROM compare_rows').pluck().get()).toBe(0);
    t.core.close();
    expect(foundInDataFolder(t.dataDir, needles)).toEqual([]);
    expect(loosePermissions(t.dataDir)).toEqual([]);
  }, 90_000);
});
