import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { maskIdNumber } from '@shared/domain/id-number';
import { addUser, outboxCopy, startSetUpCore, type TestCore } from './support/core';
import { FEDERATION, startOffice } from './support/exchange';
import {
  addAlarm,
  addCentrePeer,
  addFile,
  addMember,
  addOrg,
  addPayment,
  addReceived,
  addUnit,
  idNumber,
  type CentreRef,
} from './support/federation-rows';
import { sqliteOf } from './support/signing';

/**
 * The federation's views of its centres (features/federation) over hand-built mirror rows whose every expected
 * answer is known. The test clock stands at 2026-03-10T02:00Z.
 */

const A: CentreRef = { code: '81110101MA0000001A', origin: '0193c000-0000-7000-8000-00000000000a' };
const B: CentreRef = { code: '81110102MA0000002B', origin: '0193c000-0000-7000-8000-00000000000b' };
const uid = (n: number) => `0193d000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const ID1 = idNumber('11010119700101001');
const ID2 = idNumber('11010119900202002');
const ID3 = idNumber('11010219750303003');
const ID4 = idNumber('11010219650404004');
const ID5 = idNumber('11010319720505005');
const ID7 = idNumber('11010419800707007');
const ID8 = idNumber('11010519810808008');
const ID9 = idNumber('11010619820909009');
const ALL_IDS = [ID1, ID2, ID3, ID4, ID5, ID7, ID8, ID9];

const F1 = uid(101);
const F2 = uid(102);
const F3 = uid(103);
const F4 = uid(104);
const G1 = uid(201);
const G3 = uid(203);

let fed: TestCore;

beforeEach(async () => {
  fed = await startOffice(FEDERATION);
  const db = sqliteOf(fed);
  // A: trusted since December, last import 8 days ago, one open alarm and one settled.
  const a = addCentrePeer(db, {
    code: A.code,
    name: '东城区帮扶中心',
    status: 'trusted',
    importedAt: '2025-12-01T02:00:00.000Z',
    confirmedAt: '2025-12-01T03:00:00.000Z',
  });
  addReceived(db, {
    centreCode: A.code,
    sequence: 1,
    peerId: a,
    createdAt: '2026-01-04T02:00:00.000Z',
    importedAt: '2026-01-05T02:00:00.000Z',
  });
  addReceived(db, {
    centreCode: A.code,
    sequence: 2,
    peerId: a,
    createdAt: '2026-03-01T02:00:00.000Z',
    importedAt: '2026-03-02T02:00:00.000Z',
  });
  addAlarm(db, { id: uid(901), centreCode: A.code, sequence: 2, at: '2026-03-03T02:00:00.000Z' });
  addAlarm(db, { id: uid(902), centreCode: A.code, sequence: 1, at: '2026-01-06T02:00:00.000Z', settledAt: '2026-01-07T02:00:00.000Z' });
  // B: its key changed (signed by the old one) on 1 February; last import 49 days ago.
  const bOld = addCentrePeer(db, {
    code: B.code,
    name: '西城区帮扶中心',
    status: 'replaced',
    importedAt: '2025-11-01T02:00:00.000Z',
    confirmedAt: '2025-11-01T03:00:00.000Z',
    endedAt: '2026-02-01T03:00:00.000Z',
  });
  addCentrePeer(db, {
    code: B.code,
    name: '西城区帮扶中心',
    status: 'trusted',
    change: 'signed',
    replacesId: bOld,
    importedAt: '2026-02-01T02:00:00.000Z',
    confirmedAt: '2026-02-01T03:00:00.000Z',
  });
  addReceived(db, {
    centreCode: B.code,
    sequence: 1,
    peerId: bOld,
    createdAt: '2026-01-19T02:00:00.000Z',
    importedAt: '2026-01-20T02:00:00.000Z',
  });
  // C: trusted on 1 January and nothing since (68 days); D only imported, never confirmed; E withdrawn long ago.
  addCentrePeer(db, {
    code: '81110105MA0000003C',
    name: '朝阳区帮扶中心',
    status: 'trusted',
    importedAt: '2026-01-01T02:00:00.000Z',
    confirmedAt: '2026-01-01T02:00:00.000Z',
  });
  addCentrePeer(db, { code: '81110106MA0000004D', name: '丰台区帮扶中心', status: 'pending', importedAt: '2026-03-01T02:00:00.000Z' });
  addCentrePeer(db, {
    code: '81110108MA0000005E',
    name: '海淀区帮扶中心',
    status: 'withdrawn',
    importedAt: '2025-01-01T02:00:00.000Z',
    confirmedAt: '2025-01-01T03:00:00.000Z',
    endedAt: '2025-06-01T02:00:00.000Z',
  });

  const at = (day: number) => `2026-02-${String(day).padStart(2, '0')}T02:00:00.000Z`;
  // Every batch carries the centre's own org record: its origin is the centre's records' origin.
  addOrg(db, A, { name: '东城区帮扶中心', updatedAt: at(1) });
  addOrg(db, B, { name: '西城区帮扶中心', updatedAt: at(1) });
  // A's files: f1 in force with a household (one member taken off), f2 a draft, f3 deleted, f4 under annual review,
  // f5 and f6 name the same person twice in A alone.
  addFile(db, A, {
    id: F1,
    updatedAt: at(10),
    fileNo: '110101202600001',
    status: 'active',
    category: 'deep',
    headName: '张三',
    headIdNumber: ID1,
    // The head is in the household too (relation self), as a centre sends it.
    household: [
      { name: '张三', idNumber: ID1, relation: 'self' },
      { name: '张小三', idNumber: ID2, relation: 'child' },
      { name: '张旧', idNumber: ID9, relation: 'spouse', deletedAt: at(5) },
    ],
    visits: [{ kind: 'initial', date: '2026-01-10', visitors: ['李', '王'], allClear: true, note: '已入户' }],
    events: [
      { at: '2026-01-08T02:00:00.000Z', action: 'submit', fromStatus: 'draft', toStatus: 'submitted' },
      { at: '2026-01-20T02:00:00.000Z', action: 'approve', fromStatus: 'approval', toStatus: 'active', reason: '符合条件' },
    ],
  });
  addFile(db, A, { id: F2, updatedAt: at(11), fileNo: null, status: 'draft', category: null, headName: '李四', headIdNumber: ID3 });
  addFile(db, A, {
    id: F3,
    updatedAt: at(12),
    deletedAt: at(12),
    fileNo: '110101202600002',
    status: 'active',
    category: 'deep',
    headName: '王五',
    headIdNumber: ID4,
  });
  addFile(db, A, {
    id: F4,
    updatedAt: at(13),
    fileNo: '110101202600003',
    status: 'annualReview',
    category: 'relative',
    headName: '赵六',
    headIdNumber: ID5,
  });
  addFile(db, A, {
    id: uid(105),
    updatedAt: at(14),
    fileNo: '110101202600004',
    status: 'active',
    category: 'deep',
    headName: '周八',
    headIdNumber: ID7,
  });
  addFile(db, A, {
    id: uid(106),
    updatedAt: at(15),
    fileNo: '110101202600005',
    status: 'active',
    category: 'accident',
    headName: '周八妻',
    headIdNumber: ID8.slice(0, 6) + '19830101009' + ID8.slice(-1),
    household: [{ name: '周八', idNumber: ID7, relation: 'spouse' }],
  });
  // B's files: g1 the same head as f1; g2 the head of A's deleted file; g3 has f1's household member in its household.
  addFile(db, B, {
    id: G1,
    updatedAt: at(16),
    fileNo: '110102202600001',
    status: 'active',
    category: 'deep',
    headName: '张三',
    headIdNumber: ID1,
  });
  addFile(db, B, {
    id: uid(202),
    updatedAt: at(17),
    fileNo: '110102202600002',
    status: 'active',
    category: 'deep',
    headName: '王五',
    headIdNumber: ID4,
  });
  addFile(db, B, {
    id: G3,
    updatedAt: at(18),
    fileNo: '110102202600003',
    status: 'active',
    category: 'relative',
    headName: '吴九',
    headIdNumber: idNumber('11010219880808018'),
    household: [{ name: '张小三', idNumber: ID2, relation: 'other' }],
  });

  // Payments. A: p1 paid and p2 voided to ID1 in 2026, p3 to ID3 in 2025, p4 and p5 to ID9 twice in A alone.
  addPayment(db, A, {
    id: uid(301),
    updatedAt: at(20),
    year: 2026,
    type: 'living',
    status: 'paid',
    recipientName: '张三',
    recipientIdNumber: ID1,
    amountFen: 50_000,
    fileId: F1,
    enteredAt: at(1),
    paidOn: '2026-02-02',
  });
  addPayment(db, A, {
    id: uid(302),
    updatedAt: at(21),
    year: 2026,
    type: 'festival',
    status: 'voided',
    recipientName: '张三',
    recipientIdNumber: ID1,
    amountFen: 30_000,
    fileId: F1,
    enteredAt: at(2),
  });
  addPayment(db, A, {
    id: uid(303),
    updatedAt: at(22),
    year: 2025,
    type: 'medical',
    status: 'paid',
    recipientName: '李四',
    recipientIdNumber: ID3,
    amountFen: 20_000,
    enteredAt: '2025-11-03T02:00:00.000Z',
  });
  addPayment(db, A, {
    id: uid(304),
    updatedAt: at(23),
    year: 2026,
    type: 'living',
    status: 'paid',
    recipientName: '孙十',
    recipientIdNumber: ID9,
    amountFen: 1_000,
    enteredAt: at(3),
  });
  addPayment(db, A, {
    id: uid(305),
    updatedAt: at(24),
    year: 2026,
    type: 'festival',
    status: 'paid',
    recipientName: '孙十',
    recipientIdNumber: ID9,
    amountFen: 2_000,
    enteredAt: at(4),
  });
  // B: q1 approved to ID1 in 2026; q2 voided to ID3 in 2026; q3 paid to ID3 in 2025; a deleted one to ID9.
  addPayment(db, B, {
    id: uid(401),
    updatedAt: at(20),
    year: 2026,
    type: 'living',
    status: 'approved',
    recipientName: '张三',
    recipientIdNumber: ID1,
    amountFen: 40_000,
    fileId: G1,
    enteredAt: at(5),
  });
  addPayment(db, B, {
    id: uid(402),
    updatedAt: at(21),
    year: 2026,
    type: 'living',
    status: 'voided',
    recipientName: '李四',
    recipientIdNumber: ID3,
    amountFen: 10_000,
    enteredAt: at(6),
  });
  addPayment(db, B, {
    id: uid(403),
    updatedAt: at(22),
    year: 2025,
    type: 'medical',
    status: 'paid',
    recipientName: '李四',
    recipientIdNumber: ID3,
    amountFen: 15_000,
    enteredAt: '2025-12-03T02:00:00.000Z',
  });
  addPayment(db, B, {
    id: uid(404),
    updatedAt: at(23),
    deletedAt: at(23),
    year: 2026,
    type: 'living',
    status: 'paid',
    recipientName: '孙十',
    recipientIdNumber: ID9,
    amountFen: 5_000,
    enteredAt: at(7),
  });

  // A's roster: a unit, three members and a deleted one.
  addUnit(db, A, { id: uid(501), updatedAt: at(1), name: '甲机械厂' });
  addMember(db, A, { id: uid(601), updatedAt: at(1), name: '张三', idNumber: ID1, unitId: uid(501), joinedOn: '2010-05-01' });
  addMember(db, A, { id: uid(602), updatedAt: at(1), name: '李四', idNumber: ID3, status: 'transferred' });
  addMember(db, A, { id: uid(603), updatedAt: at(1), deletedAt: at(2), name: '张删', idNumber: ID4 });
  addMember(db, A, { id: uid(604), updatedAt: at(1), name: '张小三', idNumber: ID2 });
});

describe('各中心', () => {
  it('lists trusted and former centres with batches, counts, alarms, key changes, overdue ones first', async () => {
    const { centres, overdueDays } = await fed.call('federation.centres');
    expect(overdueDays).toBe(35);
    expect(centres.map((c) => [c.name, c.keyState, c.overdue, c.daysSince])).toEqual([
      ['朝阳区帮扶中心', 'trusted', true, 68],
      ['西城区帮扶中心', 'trusted', true, 49],
      ['东城区帮扶中心', 'trusted', false, 8],
      ['海淀区帮扶中心', 'withdrawn', false, 432],
    ]);
    const [c, b, a, e] = centres;
    expect(a).toMatchObject({
      code: A.code,
      keyChange: null,
      keyPending: false,
      lastBatch: { sequence: 2, createdAt: '2026-03-01T02:00:00.000Z', importedAt: '2026-03-02T02:00:00.000Z' },
      lastImportAt: '2026-03-02T02:00:00.000Z',
      counts: { files: 5, members: 3, payments: 5 },
      openAlarms: 1,
    });
    expect(b).toMatchObject({
      keyChange: { kind: 'signed', at: '2026-02-01T03:00:00.000Z' },
      counts: { files: 3, members: 0, payments: 3 },
      openAlarms: 0,
    });
    expect(b!.lastBatch?.sequence).toBe(1);
    expect(c).toMatchObject({ lastBatch: null, lastImportAt: null, counts: { files: 0, members: 0, payments: 0 } });
    expect(e!.lastBatch).toBeNull();
  });

  it('takes the overdue days from the policy value in force', async () => {
    const today = '2026-03-10';
    await fed.call('policy.add', { key: 'batchOverdueDays', effectiveFrom: today, value: 60 });
    const { centres, overdueDays } = await fed.call('federation.centres');
    expect(overdueDays).toBe(60);
    expect(centres.map((c) => [c.name, c.overdue])).toEqual([
      ['朝阳区帮扶中心', true],
      ['东城区帮扶中心', false],
      ['海淀区帮扶中心', false],
      ['西城区帮扶中心', false],
    ]);
  });

  it('is for a federation only, and a viewer may read it', async () => {
    const centre = await startSetUpCore();
    for (const channel of [
      'federation.centres',
      'federation.duplicateFiles',
      'federation.duplicateAid',
      'federation.exportDuplicates',
    ] as const) {
      expect((await centre.fail(channel, {})).code).toBe('FEDERATION_MODE_ONLY');
    }
    expect((await centre.fail('federation.centreFiles', { centre: A.code })).code).toBe('FEDERATION_MODE_ONLY');
    await addUser(fed, 'viewer', 'viewer1', 'viewer');
    expect((await fed.call('federation.centres', {}, 'viewer')).centres).toHaveLength(4);
    expect((await fed.fail('federation.centreFiles', { centre: '81110106MA0000004D' })).code).toBe('NOT_FOUND');
  });
});

describe("one centre's records, read-only", () => {
  it('pages files with status, category and search by number, name, whole ID and its tail', async () => {
    const files = (input: Record<string, unknown>) => fed.call('federation.centreFiles', { centre: A.code, ...input });
    const all = await files({});
    expect(all.centre).toEqual({ code: A.code, name: '东城区帮扶中心', region: '110105', keyState: 'trusted' });
    expect(all.total).toBe(5);
    expect(all.items.map((f) => f.head.name)).toEqual(['周八妻', '周八', '赵六', '李四', '张三']);
    const page2 = await files({ pageSize: 2, page: 2 });
    expect([page2.total, page2.items.map((f) => f.head.name)]).toEqual([5, ['赵六', '李四']]);
    expect((await files({ status: 'active' })).items.map((f) => f.head.name)).toEqual(['周八妻', '周八', '张三']);
    expect((await files({ category: 'relative' })).items.map((f) => f.id)).toEqual([F4]);
    expect((await files({ query: '张' })).items.map((f) => f.id)).toEqual([F1]);
    expect((await files({ query: ID2 })).items.map((f) => f.id)).toEqual([F1]);
    expect((await files({ query: ID5.slice(-4) })).items.map((f) => f.id)).toEqual([F4]);
    const numbered = await files({ query: '11010120260000' });
    expect(numbered.total).toBe(4);
    expect((await files({ query: '110101202600003' })).items.map((f) => f.id)).toEqual([F4]);
    // The deleted file is not listed, and a second centre's files are its own.
    expect((await files({ query: '王' })).total).toBe(0);
    expect((await fed.call('federation.centreFiles', { centre: B.code })).total).toBe(3);

    const f1 = all.items.find((f) => f.id === F1)!;
    expect(f1).toMatchObject({ fileNo: '110101202600001', status: 'active', category: 'deep', householdSize: 2 });
    expect(f1.head).toEqual({ name: '张三', idNumberMasked: maskIdNumber(ID1), gender: 'male', birthYear: 1970 });
  });

  it("shows a file's fields, household, visits and timeline as sent, masked, and says when it was deleted", async () => {
    const { file } = await fed.call('federation.centreFile', { centre: A.code, id: F1 });
    expect(file).toMatchObject({ fileNo: '110101202600001', approvedOn: '2026-01-20', deleted: false, rev: 1, sequence: 1 });
    expect(file.household).toEqual([
      { name: '张三', idNumberMasked: maskIdNumber(ID1), gender: 'male', birthYear: 1970, relation: 'self' },
      { name: '张小三', idNumberMasked: maskIdNumber(ID2), gender: 'female', birthYear: 1990, relation: 'child' },
    ]);
    expect(file.visits).toEqual([{ kind: 'initial', date: '2026-01-10', visitors: '李、王', allClear: true, note: '已入户' }]);
    expect(file.events.map((e) => [e.action, e.toStatus, e.reason])).toEqual([
      ['submit', 'submitted', null],
      ['approve', 'active', '符合条件'],
    ]);
    expect((await fed.call('federation.centreFile', { centre: A.code, id: F3 })).file.deleted).toBe(true);
    // A file of B is not A's.
    expect((await fed.fail('federation.centreFile', { centre: A.code, id: G1 })).code).toBe('NOT_FOUND');
  });

  it('pages payments with year, type and status filters and totals that leave voided ones apart', async () => {
    const pay = (input: Record<string, unknown>) => fed.call('federation.centrePayments', { centre: A.code, ...input });
    const all = await pay({});
    expect(all.total).toBe(5);
    expect(all.items.map((p) => p.amountFen)).toEqual([2_000, 1_000, 30_000, 50_000, 20_000]);
    expect(all.totals).toEqual({ count: 4, amountFen: 73_000, voidedCount: 1, voidedFen: 30_000 });
    expect((await pay({ year: 2026 })).totals).toEqual({ count: 3, amountFen: 53_000, voidedCount: 1, voidedFen: 30_000 });
    expect((await pay({ type: 'festival' })).totals).toEqual({ count: 1, amountFen: 2_000, voidedCount: 1, voidedFen: 30_000 });
    const paid = await pay({ status: 'paid', year: 2026 });
    expect([paid.total, paid.totals.amountFen, paid.totals.voidedCount]).toEqual([3, 53_000, 0]);
    expect(all.items[3]).toMatchObject({ year: 2026, type: 'living', status: 'paid', fileId: F1, paidOn: '2026-02-02' });
    expect(all.items[3]!.recipient).toEqual({ name: '张三', idNumberMasked: maskIdNumber(ID1), gender: 'male', birthYear: 1970 });
    // B's deleted payment is not held.
    expect((await fed.call('federation.centrePayments', { centre: B.code })).total).toBe(3);
  });

  it('pages the roster by name with unit names, searching by a name, a whole ID or its tail', async () => {
    const roster = (input: Record<string, unknown>) => fed.call('federation.centreRoster', { centre: A.code, ...input });
    const all = await roster({});
    expect(all.total).toBe(3);
    expect(all.items.map((m) => [m.name, m.status, m.unitName])).toEqual([
      ['张三', 'active', '甲机械厂'],
      ['张小三', 'active', null],
      ['李四', 'transferred', null],
    ]);
    expect(all.items[0]).toMatchObject({ idNumberMasked: maskIdNumber(ID1), birthYear: 1970, joinedOn: '2010-05-01' });
    expect((await roster({ query: '张' })).items.map((m) => m.name)).toEqual(['张三', '张小三']);
    expect((await roster({ query: ID3.slice(-4) })).items.map((m) => m.name)).toEqual(['李四']);
    expect((await roster({ query: ID2 })).items.map((m) => m.name)).toEqual(['张小三']);
    expect((await roster({ query: ID4 })).total).toBe(0);
  });

  it('never sends a whole ID number', async () => {
    const answers = JSON.stringify([
      await fed.call('federation.centreFiles', { centre: A.code }),
      await fed.call('federation.centreFile', { centre: A.code, id: F1 }),
      await fed.call('federation.centrePayments', { centre: A.code }),
      await fed.call('federation.centreRoster', { centre: A.code }),
      await fed.call('federation.duplicateFiles'),
      await fed.call('federation.duplicateAid'),
    ]);
    for (const id of ALL_IDS) expect(answers).not.toContain(id);
  });
});

describe("a federation's home page", () => {
  it("counts its centres' to-dos instead of files it does not keep, each as its list has it", async () => {
    const { today, items } = await fed.call('home.todo');
    expect(today).toBe('2026-03-10');
    const counts = Object.fromEntries(items.map((i) => [i.key, i.count]));
    // 朝阳 and 西城 overdue; A's one open alarm (the other settled); 张三 and 张小三 filed at two centres.
    expect(counts).toMatchObject({ centresOverdue: 2, batchAlarms: 1, duplicateFiles: 2 });
    expect(Object.keys(counts)).not.toContain('drafts');
    expect(Object.keys(counts)).not.toContain('approval');

    // A centre's home has the files' to-dos and none of these.
    const centre = await startSetUpCore();
    const keys = (await centre.call('home.todo')).items.map((i) => i.key);
    expect(keys).toContain('drafts');
    expect(keys).not.toContain('centresOverdue');
  });
});

describe('重复核查', () => {
  it('lists one ID number in active files of two centres, not a deleted file nor one centre twice', async () => {
    const { items, total } = await fed.call('federation.duplicateFiles');
    expect(total).toBe(2);
    expect(items.map((i) => [i.person.name, i.person.idNumberMasked])).toEqual([
      ['张三', maskIdNumber(ID1)],
      ['张小三', maskIdNumber(ID2)],
    ]);
    expect(items[0]!.places).toEqual([
      { centreCode: A.code, centreName: '东城区帮扶中心', recordId: F1, role: 'head', fileNo: '110101202600001', amountFen: null },
      { centreCode: B.code, centreName: '西城区帮扶中心', recordId: G1, role: 'head', fileNo: '110102202600001', amountFen: null },
    ]);
    expect(items[1]!.places.map((p) => [p.centreCode, p.recordId, p.role])).toEqual([
      [A.code, F1, 'member'],
      [B.code, G3, 'member'],
    ]);
    const paged = await fed.call('federation.duplicateFiles', { pageSize: 1, page: 2 });
    expect([paged.total, paged.items.map((i) => i.person.name)]).toEqual([2, ['张小三']]);
  });

  it('lists aid paid to one person by two centres in one year with amounts per centre, voided and deleted left out', async () => {
    const { items, total } = await fed.call('federation.duplicateAid');
    expect(total).toBe(2);
    expect(items.map((i) => [i.year, i.person.name, i.byCentre])).toEqual([
      [
        2026,
        '张三',
        [
          { centreCode: A.code, centreName: '东城区帮扶中心', count: 1, amountFen: 50_000 },
          { centreCode: B.code, centreName: '西城区帮扶中心', count: 1, amountFen: 40_000 },
        ],
      ],
      [
        2025,
        '李四',
        [
          { centreCode: A.code, centreName: '东城区帮扶中心', count: 1, amountFen: 20_000 },
          { centreCode: B.code, centreName: '西城区帮扶中心', count: 1, amountFen: 15_000 },
        ],
      ],
    ]);
    expect(items[0]!.places.map((p) => [p.centreCode, p.recordId, p.role, p.amountFen])).toEqual([
      [A.code, uid(301), 'recipient', 50_000],
      [B.code, uid(401), 'recipient', 40_000],
    ]);
    const y2025 = await fed.call('federation.duplicateAid', { year: 2025 });
    expect([y2025.total, y2025.items.map((i) => i.person.name)]).toEqual([1, ['李四']]);
  });

  it('exports both lists whole as .xlsx, a row per place, ID numbers masked, logged with the counts only', async () => {
    const done = await fed.job('federation.exportDuplicates', {});
    if (!done.result.ok) throw new Error(JSON.stringify(done.result.error));
    const path = await outboxCopy(fed, done.result.data.fileId);
    expect(done.result.data.name).toBe('重复核查.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['说明', '多个中心建档', '同年多个中心救助']);
    const rows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1));
    expect(rows('多个中心建档')).toEqual([
      ['序号', '姓名', '身份证号', '中心', '统一社会信用代码', '身份', '档案编号'],
      [1, '张三', maskIdNumber(ID1), '东城区帮扶中心', A.code, '户主', '110101202600001'],
      [1, '张三', maskIdNumber(ID1), '西城区帮扶中心', B.code, '户主', '110102202600001'],
      [2, '张小三', maskIdNumber(ID2), '东城区帮扶中心', A.code, '家庭成员', '110101202600001'],
      [2, '张小三', maskIdNumber(ID2), '西城区帮扶中心', B.code, '家庭成员', '110102202600003'],
    ]);
    expect(rows('同年多个中心救助')).toEqual([
      ['序号', '年度', '姓名', '身份证号', '中心', '统一社会信用代码', '笔数', '金额（元）'],
      [1, 2026, '张三', maskIdNumber(ID1), '东城区帮扶中心', A.code, 1, 500],
      [1, 2026, '张三', maskIdNumber(ID1), '西城区帮扶中心', B.code, 1, 400],
      [2, 2025, '李四', maskIdNumber(ID3), '东城区帮扶中心', A.code, 1, 200],
      [2, 2025, '李四', maskIdNumber(ID3), '西城区帮扶中心', B.code, 1, 150],
    ]);
    expect(workbook.getWorksheet('说明')!.getCell('B4').value).toBe('2 人次');
    // No whole ID number in any cell of any sheet.
    const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (row as unknown[] | undefined) ?? []));
    expect(cells.filter((value) => ALL_IDS.some((id) => String(value).includes(id)))).toEqual([]);
    const { entries } = await fed.call('audit.list', { action: 'federation.exportDuplicates' });
    expect(entries[0]!.summary).toEqual({ event: 'federation.duplicatesExported', params: { files: 2, aid: 2 } });

    // The aid of one year; a viewer may look at the lists but not take them away.
    const y2025 = await fed.job('federation.exportDuplicates', { year: 2025 });
    if (!y2025.result.ok) throw new Error(JSON.stringify(y2025.result.error));
    expect(y2025.result.data.name).toBe('重复核查-2025年救助.xlsx');
    const one = new ExcelJS.Workbook();
    await one.xlsx.readFile(await outboxCopy(fed, y2025.result.data.fileId));
    expect(one.getWorksheet('同年多个中心救助')!.rowCount).toBe(3);
    expect(one.getWorksheet('说明')!.getCell('A4').value).toBe('同年多个中心救助（2025 年）');
    await addUser(fed, 'viewer', 'viewer1', 'viewer');
    expect((await fed.fail('federation.exportDuplicates', {}, 'viewer')).code).toBe('FORBIDDEN');
  });
});
