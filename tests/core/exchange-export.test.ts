import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '@shared/contract/roster-import';
import { idCheckChar } from '@shared/domain/id-number';
import { demoMembers } from '../../src/main/core/features/roster/demo-members';
import { insertFile, saveProgram, sqliteOf } from './support/aid';
import { ORG, inboxUpload, outboxCopy, type TestCore } from './support/core';
import { auditSummaries } from './support/exchange';
import { centreWithFederation, exportBatch, readAsFederation } from './support/exchange-export';

/** 上报批次 at the centre (features/exchange export-*): what a batch holds, read back as the federation reads it. */

const id18 = (first17: string) => first17 + idCheckChar(first17);
const sentDir = (t: TestCore) => join(t.dataDir, 'exchange', 'sent');
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 10, 13, 0xff, 0xd9]);

function addAttachment(t: TestCore, fileId: string, content: Buffer = PHOTO): string {
  const id = uuidv7();
  sqliteOf(t)
    .prepare(
      `INSERT INTO file_attachments (id, file_id, type, file_name, mime, size, content, added_by, added_at)
       VALUES (?, ?, 'income', '收入证明.jpg', 'image/jpeg', ?, ?, 'test', '2026-01-02T00:00:00.000Z')`,
    )
    .run(id, fileId, content.length, content);
  return id;
}

async function importRoster(t: TestCore, n: number) {
  const lines = [
    '姓名,身份证号,手机,工作单位',
    ...[...demoMembers(n)].map((m) => `${m.name},${m.idNumber},${m.phone ?? ''},${m.unitName ?? ''}`),
  ];
  const source = inboxUpload(t, 'roster.csv', Buffer.from(lines.join('\r\n'), 'utf8'));
  const inspected = await t.call('rosterImport.inspect', source);
  const { result } = await t.job('rosterImport.commit', { ...source, mapping: inspected.suggested as ColumnMapping, policy: 'update' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
}

const byTable = (records: { table: string }[]) =>
  records.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.table]: (acc[r.table] ?? 0) + 1 }), {});

describe('上报批次: the first batch is a snapshot', () => {
  it('holds every travelling record with the fields the format names, each attachment once, and the sender’s org record', async () => {
    const { t, federation } = await centreWithFederation();
    t.clock.advance(1_234); // milliseconds that are not zero, to be carried exactly
    const member = await t.call(
      'roster.create',
      { name: '张三', idNumber: id18('11010519800101101'), unitName: '某某机械厂', unionName: '机械厂工会' },
      'clerk',
    );
    const { fileId } = insertFile(t, { headName: '李四' });
    const attachmentId = addAttachment(t, fileId);
    const program = await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: {} });
    await t.call('aid.createPayment', { programId: program.id, fileId, amountFen: 50_000, method: 'cash' }, 'clerk');

    const preview = await t.call('exchange.nextBatch', {}, 'clerk');
    expect(preview).toMatchObject({ sequence: 1, snapshot: true, attachments: 1 });
    const { batch, file, progress } = await exportBatch(t);
    expect(progress.length).toBeGreaterThan(0);
    expect(file.name).toBe(`上报批次-${ORG.creditCode}-第0001批.bfb`);
    expect(batch).toMatchObject({ sequence: 1, snapshot: true, state: 'exported', receipt: null, attachments: 1, counts: preview.counts });

    const read = await readAsFederation(t, federation, file);
    expect(read.manifest).toMatchObject({ snapshot: true, changes: { after: 0 }, counts: preview.counts, attachments: 1 });
    expect(byTable(read.records)).toEqual(preview.counts);
    expect(preview.counts).toMatchObject({ org: 1, members: 1, units: 2, hardship_files: 1, aid_programs: 1, aid_payments: 1 });

    const orgId = sqliteOf(t).prepare('SELECT id FROM org').pluck().get() as string;
    const org = read.records.find((r) => r.table === 'org')!;
    expect(org).toMatchObject({ id: orgId, origin: orgId, deleted_at: null, fields: { credit_code: ORG.creditCode, mode: 'centre' } });
    for (const record of read.records) expect(record.origin).toBe(orgId);

    const m = read.records.find((r) => r.table === 'members')!;
    const unitIds = Object.fromEntries(read.records.filter((r) => r.table === 'units').map((u) => [u.fields.name, u.id]));
    expect(m.id).toBe(member.id);
    expect(m.updated_at).toBe(member.updatedAt);
    expect(m.rev).toBe(member.rev);
    expect(m.fields).toMatchObject({
      name: '张三',
      id_number: id18('11010519800101101'),
      unit_id: unitIds['某某机械厂'],
      union_id: unitIds['机械厂工会'],
    });
    for (const local of ['ref', 'origin_ref', 'unit_ref', 'union_ref', 'name_pinyin', 'name_initials', 'id'])
      expect(m.fields).not.toHaveProperty(local);
    const unit = read.records.find((r) => r.table === 'units')!;
    for (const local of ['ref', 'name_key', 'merged_into_ref']) expect(unit.fields).not.toHaveProperty(local);
    expect(unit.fields).toHaveProperty('merged_into_id', null);

    const f = read.records.find((r) => r.table === 'hardship_files')!;
    expect(f.id).toBe(fileId);
    expect(f.fields).not.toHaveProperty('member_key');
    expect(f.fields).toMatchObject({ head_name: '李四', status: 'active' });
    const parts = f.fields as Record<string, Record<string, unknown>[]>;
    expect(parts.household).toHaveLength(1);
    expect(parts.household![0]).not.toHaveProperty('file_id');
    expect(parts.attachments).toEqual([expect.objectContaining({ id: attachmentId, file_name: '收入证明.jpg' })]);
    expect(parts.attachments![0]).not.toHaveProperty('content');
    for (const key of ['visits', 'objections', 'events']) expect(parts[key]).toEqual(expect.any(Array));

    const payment = read.records.find((r) => r.table === 'aid_payments')!;
    expect(payment.fields).toMatchObject({ program_id: program.id, file_id: fileId, amount_fen: 50_000 });
    expect(payment.fields).not.toHaveProperty('unit_ref');
    expect(read.attachments).toEqual([
      expect.objectContaining({ id: attachmentId, table: 'hardship_files', record: fileId, mime: 'image/jpeg' }),
    ]);
    expect(Buffer.from(read.attachments[0]!.data)).toEqual(PHOTO);

    // Kept in the data folder, private; recorded with its attachment; audited with counts only.
    const kept = readdirSync(sentDir(t));
    expect(kept).toEqual([`${ORG.creditCode}-000001.bfb`]);
    expect(statSync(join(sentDir(t), kept[0]!)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(sentDir(t), kept[0]!))).toEqual(readFileSync(read.path));
    expect(sqliteOf(t).prepare('SELECT attachment_id, sequence FROM exchange_sent_attachments').all()).toEqual([
      { attachment_id: attachmentId, sequence: 1 },
    ]);
    const audit = auditSummaries(t, 'exchange.batch');
    expect(audit).toEqual([
      `{"event":"exchange.batchExported","params":{"sequence":1,"kind":"snapshot","records":${batch.records},"attachments":1}}`,
    ]);
    expect([...audit, ...t.logger.lines].join('\n')).not.toMatch(/张三|李四|11010519800101101/);
  });

  it('is refused with a clear reason outside centre mode or before the federation is trusted', async () => {
    const { federation } = await centreWithFederation();
    expect((await federation.fail('exchange.exportBatch', {})).code).toBe('EXCHANGE_NOT_CENTRE');
    const { office } = await import('./support/hardship');
    const lone = await office();
    expect((await lone.t.fail('exchange.exportBatch', {}, 'clerk')).code).toBe('EXCHANGE_NO_FEDERATION');
    expect((await lone.t.fail('exchange.nextBatch', {}, 'clerk')).code).toBe('EXCHANGE_NO_FEDERATION');
    expect(await lone.t.call('exchange.sentBatches', {}, 'clerk')).toEqual({ federation: null, batches: [], fullBatchDueSince: null });
    expect((await lone.t.fail('exchange.sentBatches', {}, 'nobody')).code).toBe('UNAUTHENTICATED');
  });
});

describe('上报批次: the next batches hold the changes', () => {
  it('holds exactly the records changed since the last batch (a bulk import’s run, a tombstone), each attachment once', async () => {
    const { t, federation } = await centreWithFederation();
    const kept = await t.call('roster.create', { name: '王五', idNumber: id18('11010519800101102'), unitName: '甲厂' }, 'clerk');
    const changed = await t.call('roster.create', { name: '赵六', idNumber: id18('11010519800101103') }, 'clerk');
    const { fileId } = insertFile(t);
    const first = addAttachment(t, fileId);
    const { fileId: quietFile } = insertFile(t);
    await exportBatch(t);

    // Changes: one member renamed, a bulk import of 1,500, a unit retired (a tombstone), a photo added to a file
    // that is otherwise untouched.
    await t.call('roster.update', { id: changed.id, rev: changed.rev, name: '赵六六', idNumber: id18('11010519800101103') }, 'clerk');
    await importRoster(t, 1_500);
    const runs = sqliteOf(t)
      .prepare("SELECT count(*) FROM change_log WHERE table_name = 'members' AND record_count IS NOT NULL")
      .pluck()
      .get();
    expect(runs).toBe(1);
    const unitId = sqliteOf(t).prepare("SELECT id FROM units WHERE name = '甲厂'").pluck().get() as string;
    sqliteOf(t).prepare("UPDATE units SET deleted_at = '2026-03-01T00:00:00.000Z' WHERE id = ?").run(unitId);
    const second = addAttachment(t, quietFile, Buffer.from('第二张'));

    const { batch, file } = await exportBatch(t);
    expect(batch).toMatchObject({ sequence: 2, snapshot: false, attachments: 1 });
    const read = await readAsFederation(t, federation, file);
    const last = sqliteOf(t).prepare('SELECT max(seq) FROM change_log').pluck().get() as number;
    const firstRow = sqliteOf(t).prepare('SELECT change_through FROM exchange_sent WHERE sequence = 1').pluck().get() as number;
    expect(read.manifest).toMatchObject({ snapshot: false, changes: { after: firstRow, through: last } });

    const members = read.records.filter((r) => r.table === 'members');
    expect(members).toHaveLength(1 + 1_500);
    expect(members.map((m) => m.id)).toContain(changed.id);
    expect(members.map((m) => m.id)).not.toContain(kept.id);
    expect(members.find((m) => m.id === changed.id)).toMatchObject({ rev: 2, fields: { name: '赵六六' } });
    const units = read.records.filter((r) => r.table === 'units');
    expect(units.find((u) => u.id === unitId)).toMatchObject({ deleted_at: '2026-03-01T00:00:00.000Z' });
    // The imported members' units come too; the file with a new photo comes with it, the other file not.
    expect(read.records.filter((r) => r.table === 'hardship_files').map((r) => r.id)).toEqual([quietFile]);
    expect(read.attachments.map((a) => a.id)).toEqual([second]);
    expect(read.attachments.map((a) => a.id)).not.toContain(first);
    expect(byTable(read.records)).toEqual(read.manifest.counts);

    // Nothing changed since: a batch with the office record alone.
    const third = await exportBatch(t);
    expect(third.batch.counts).toEqual({ org: 1 });
  });

  it('writes kept batches again byte for byte from the chosen one, and refuses when a kept file is gone or altered', async () => {
    const { t } = await centreWithFederation();
    await t.call('roster.create', { name: '孙七', idNumber: id18('11010519800101104') }, 'clerk');
    const one = await exportBatch(t);
    await t.call('roster.create', { name: '周八', idNumber: id18('11010519800101105') }, 'clerk');
    const two = await exportBatch(t);
    const three = await exportBatch(t);

    const again = await t.job('exchange.exportAgain', { from: 2 }, 'clerk');
    if (!again.result.ok) throw new Error(again.result.error.code);
    expect(again.result.data.files.map((f) => f.name)).toEqual([two.file.name, three.file.name]);
    for (const [i, original] of [two, three].entries()) {
      expect(readFileSync(await outboxCopy(t, again.result.data.files[i]!.fileId))).toEqual(
        readFileSync(await outboxCopy(t, original.file.fileId)),
      );
    }
    expect(auditSummaries(t, 'exchange.batchExportedAgain')).toEqual([
      '{"event":"exchange.batchExportedAgain","params":{"from":2,"to":3}}',
    ]);

    expect((await t.job('exchange.exportAgain', { from: 9 }, 'clerk')).result).toMatchObject({
      ok: false,
      error: { code: 'EXCHANGE_NO_SUCH_BATCH' },
    });
    const keptTwo = join(sentDir(t), `${ORG.creditCode}-000002.bfb`);
    const bytes = readFileSync(keptTwo);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(keptTwo, bytes);
    expect((await t.job('exchange.exportAgain', { from: 1 }, 'clerk')).result).toMatchObject({
      ok: false,
      error: { code: 'EXCHANGE_KEPT_ALTERED', params: { sequence: 2 } },
    });
    rmSync(join(sentDir(t), `${ORG.creditCode}-000003.bfb`));
    expect((await t.job('exchange.exportAgain', { from: 3 }, 'clerk')).result).toMatchObject({
      ok: false,
      error: { code: 'EXCHANGE_KEPT_MISSING', params: { sequence: 3 } },
    });
    expect(one.batch.sequence).toBe(1);
  });

  it('leaves neither row nor file when cancelled', async () => {
    const { t } = await centreWithFederation();
    await importRoster(t, 6_000);
    const { jobId } = await t.call('exchange.exportBatch', {}, 'clerk');
    await t.call('jobs.cancel', { jobId }, 'clerk');
    while (!t.events.some((e) => e.type === 'job.finished' && e.jobId === jobId)) await new Promise((r) => setTimeout(r, 5));
    expect(t.events.find((e) => e.type === 'job.finished' && e.jobId === jobId)).toMatchObject({
      result: { ok: false, error: { code: 'JOB_CANCELLED' } },
    });
    expect(sqliteOf(t).prepare('SELECT count(*) FROM exchange_sent').pluck().get()).toBe(0);
    expect(sqliteOf(t).prepare('SELECT count(*) FROM exchange_sent_attachments').pluck().get()).toBe(0);
    expect(existsSync(sentDir(t)) ? readdirSync(sentDir(t)) : []).toEqual([]);
    // The next try is batch 1 again, a snapshot.
    const { batch } = await exportBatch(t);
    expect(batch).toMatchObject({ sequence: 1, snapshot: true, counts: { members: 6_000 } });
  });
});
