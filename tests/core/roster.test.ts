import { describe, expect, it } from 'vitest';
import type { MemberInput } from '@shared/contract/roster';
import { idCheckChar } from '@shared/domain/id-number';
import { addUser, startSetUpCore, type TestCore } from './support/core';

/** A synthetic ID number with a correct check character (GB 11643): never a real person's. */
const id = (first17: string) => first17 + idCheckChar(first17);
const SHAN = id('44010619650315101'); // 单雄信, male (17th digit odd), born 1965-03-15
const ZENG = id('11010519800720002'); // 曾小红, female
const WANG = id('32010219921111123'); // 王伟芳

async function seed(t: TestCore) {
  const shan = await t.call('roster.create', {
    name: '单雄信',
    idNumber: SHAN,
    phone: '13812345678',
    unitName: '广州市 第一机床厂',
    unionName: '机床厂工会',
    joinedOn: '2010-05-01',
    ethnicity: '01',
  });
  const zeng = await t.call('roster.create', {
    name: '曾小红',
    idNumber: ZENG.toLowerCase(),
    phone: '010-87654321',
    unitName: '广州市第一机床厂',
    joinedOn: '2015-01-01',
  });
  const wang = await t.call('roster.create', { name: '王伟芳', idNumber: WANG, unitName: '天河区环卫所', unionName: '环卫所工会' });
  return { shan, zeng, wang };
}

const names = (result: { members: { name: string }[] }) => result.members.map((m) => m.name).sort();

describe('roster: members', () => {
  it('stores a member with gender and birth year read from the ID, masked ID, and units made from the names', async () => {
    const t = await startSetUpCore();
    const { shan, zeng } = await seed(t);
    expect(shan).toMatchObject({
      name: '单雄信',
      gender: 'male',
      birthYear: 1965,
      status: 'active',
      ethnicity: '01',
      phone: '13812345678',
    });
    expect(shan.idNumberMasked).toBe(`440106********${SHAN.slice(-4)}`);
    expect(JSON.stringify(shan)).not.toContain(SHAN);
    for (const date of ['19650315', '1965-03-15']) expect(JSON.stringify(shan)).not.toContain(date); // beside the mask it gives the number
    // "广州市 第一机床厂" and "广州市第一机床厂" are one unit.
    expect(zeng.unitId).toBe(shan.unitId);
    expect(zeng).toMatchObject({ gender: 'female', phone: '010-87654321' });
    const units = await t.call('units.list', { kind: 'employer' });
    expect(units.units.map((u) => [u.name, u.memberCount])).toEqual([
      ['广州市 第一机床厂', 2],
      ['天河区环卫所', 1],
    ]);
  });

  it('refuses what a clerk must fix, saying what', async () => {
    const t = await startSetUpCore();
    await seed(t);
    const bad = (change: Partial<MemberInput>) => t.fail('roster.create', { name: '测试', idNumber: id('44010619700101201'), ...change });
    expect(await bad({ idNumber: `${SHAN.slice(0, 17)}${SHAN[17] === '0' ? '1' : '0'}` })).toEqual({
      code: 'INVALID_ID_NUMBER',
      params: { problem: 'BAD_CHECKSUM' },
    });
    expect(await bad({ idNumber: '4.40106E+17' })).toMatchObject({ code: 'INVALID_ID_NUMBER' });
    expect(await bad({ phone: '12345' })).toEqual({ code: 'INVALID_PHONE' });
    expect((await bad({ joinedOn: '2999-01-01' })).code).toBe('INVALID_INPUT');
    expect((await bad({ ethnicity: '77' })).code).toBe('INVALID_INPUT');
    const dup = await t.fail('roster.create', { name: '另一人', idNumber: SHAN });
    expect(dup.code).toBe('DUPLICATE_ID_NUMBER');
    expect(typeof dup.params?.memberId).toBe('string');
  });

  it('converts a 15-digit old number to 18 and says so', async () => {
    const t = await startSetUpCore();
    const member = await t.call('roster.create', { name: '老号码', idNumber: '110105491231002' });
    expect(member.birthYear).toBe(1949);
    expect(member.idNumberMasked).toMatch(/^110105\*{8}\d{3}[\dX]$/);
    expect(member.warnings).toContain('CONVERTED_FROM_15');
  });
});

describe('roster: search as clerks search', () => {
  it('finds by any part of a name, pinyin and initials with surnames read as surnames', async () => {
    const t = await startSetUpCore();
    await seed(t);
    const search = (query: string) => t.call('roster.search', { query });
    expect(names(await search('雄信'))).toEqual(['单雄信']);
    expect(names(await search('伟'))).toEqual(['王伟芳']);
    expect(names(await search('王伟芳'))).toEqual(['王伟芳']);
    expect(names(await search('王芳'))).toEqual([]); // not adjacent: not a part of the name
    expect(names(await search('sxx'))).toEqual(['单雄信']); // 单 read shàn as a surname
    expect(names(await search('shanx'))).toEqual(['单雄信']);
    expect(names(await search('zeng'))).toEqual(['曾小红']); // 曾 read zēng
    expect((await search('sxx')).kind).toBe('pinyin');
  });

  it('finds by the last 4–6 characters of an ID, the start of an ID, a phone, a unit', async () => {
    const t = await startSetUpCore();
    await seed(t);
    const search = (query: string) => t.call('roster.search', { query });
    expect(names(await search(SHAN.slice(-4)))).toEqual(['单雄信']);
    expect(names(await search(ZENG.slice(-6).toLowerCase()))).toEqual(['曾小红']);
    expect((await search(SHAN.slice(-4))).kind).toBe('id-suffix');
    expect(names(await search('4401061965'))).toEqual(['单雄信']); // an administrator may reveal IDs
    expect(await search(SHAN)).toMatchObject({ kind: 'id-whole', total: 1 });
    expect(names(await search('1381234'))).toEqual(['单雄信']);
    expect(names(await search('环卫'))).toEqual(['王伟芳']); // part of a unit's name
  });

  it('filters by unit, union and status, pages and counts in SQL, sorts by pinyin', async () => {
    const t = await startSetUpCore();
    const { shan } = await seed(t);
    expect(names(await t.call('roster.search', { unitId: shan.unitId! }))).toEqual(['单雄信', '曾小红']);
    expect(names(await t.call('roster.search', { unionId: shan.unionId! }))).toEqual(['单雄信']);
    const page1 = await t.call('roster.search', { pageSize: 2 });
    expect(page1).toMatchObject({ total: 3, totalCapped: false });
    expect(page1.members.map((m) => m.name)).toEqual(['单雄信', '王伟芳']); // shan… < wang… < zeng…
    expect((await t.call('roster.search', { pageSize: 2, page: 2 })).members.map((m) => m.name)).toEqual(['曾小红']);
  });
});

describe('roster: changes', () => {
  it('edits with the rev the clerk saw, keeps the name index right, and records which fields changed', async () => {
    const t = await startSetUpCore();
    const { shan } = await seed(t);
    const input = {
      id: shan.id,
      rev: shan.rev,
      name: '单雄义',
      idNumber: SHAN,
      phone: '13900001111',
      unitName: '广州市第一机床厂',
      unionName: '机床厂工会',
      joinedOn: '2010-05-01',
      ethnicity: '01',
    };
    const edited = await t.call('roster.update', input);
    expect(edited).toMatchObject({ name: '单雄义', phone: '13900001111', rev: shan.rev + 1 });
    expect((await t.fail('roster.update', input)).code).toBe('STALE_RECORD');
    expect(names(await t.call('roster.search', { query: '雄信' }))).toEqual([]);
    expect(names(await t.call('roster.search', { query: '雄义' }))).toEqual(['单雄义']);
    const history = await t.call('roster.history', { id: shan.id });
    expect(history.entries.map((e) => e.summary)).toEqual([
      { event: 'member.updated', params: { fields: 'name,phone' } },
      { event: 'member.created', params: {} },
    ]);
  });

  it('changes status with a date and reason, and the status filter finds it', async () => {
    const t = await startSetUpCore();
    const { zeng } = await seed(t);
    expect(
      (await t.fail('roster.changeStatus', { id: zeng.id, rev: zeng.rev, status: 'transferred', on: '2026-01-05', reason: ' ' })).code,
    ).toBe('INVALID_INPUT');
    const moved = await t.call('roster.changeStatus', {
      id: zeng.id,
      rev: zeng.rev,
      status: 'transferred',
      on: '2026-01-05',
      reason: '调往外地',
    });
    expect(moved).toMatchObject({ status: 'transferred', statusOn: '2026-01-05', statusReason: '调往外地' });
    expect(names(await t.call('roster.search', { status: 'transferred' }))).toEqual(['曾小红']);
    expect(names(await t.call('roster.search', { status: 'active' }))).toEqual(['单雄信', '王伟芳']);
  });

  it('reveals a full ID only to a clerk or above, and logs every reveal without the number', async () => {
    const t = await startSetUpCore();
    const { shan } = await seed(t);
    await addUser(t, 'viewer', 'viewer1', 'v');
    expect((await t.fail('roster.revealId', { id: shan.id }, 'v')).code).toBe('FORBIDDEN');
    expect(await t.call('roster.revealId', { id: shan.id })).toEqual({ idNumber: SHAN });
    const audit = await t.call('audit.list', { action: 'roster.revealId', page: 1, pageSize: 10 });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ recordType: 'member', recordId: shan.id });
    // The log keeps ids only; the list names the member (read from the roster when shown), never the numbers.
    const stored = JSON.stringify(t.core.state.conn!.sqlite.prepare('SELECT * FROM audit_log').all());
    for (const secret of [SHAN, ZENG, '单雄信', '13812345678']) expect(stored).not.toContain(secret);
    const everything = JSON.stringify(await t.call('audit.list', { page: 1, pageSize: 200 }));
    for (const secret of [SHAN, ZENG, '13812345678']) expect(everything).not.toContain(secret);
    expect(audit.entries[0]!.recordName).toBe('单雄信');
  });

  it('logs members in the change log by their integer ref and refuses hard deletes', async () => {
    const t = await startSetUpCore();
    const { shan } = await seed(t);
    const sqlite = t.core.state.conn!.sqlite;
    const { ref } = sqlite.prepare("SELECT ref FROM members WHERE lower(hex(id)) = replace(?, '-', '')").get(shan.id) as { ref: number };
    expect(sqlite.prepare("SELECT op, rev, record_id FROM change_log WHERE table_name = 'members' AND record_ref = ?").all(ref)).toEqual([
      { op: 'insert', rev: 1, record_id: null },
    ]);
    expect(() => sqlite.prepare('DELETE FROM members').run()).toThrow(/hard delete refused/);
  });
});

describe('roster: units', () => {
  it('renames, refuses a name another unit has, and merges two spellings moving their members', async () => {
    const t = await startSetUpCore();
    const { shan, wang } = await seed(t);
    const renamed = await t.call('units.rename', { id: wang.unitId!, name: '天河区环境卫生管理所' });
    expect(renamed).toMatchObject({ name: '天河区环境卫生管理所', memberCount: 1 });
    expect((await t.fail('units.rename', { id: wang.unitId!, name: '广州市第一机床厂' })).code).toBe('UNIT_NAME_TAKEN');
    const merged = await t.call('units.merge', { fromId: wang.unitId!, intoId: shan.unitId! });
    expect(merged.memberCount).toBe(3);
    expect((await t.call('roster.get', { id: wang.id })).unitName).toBe('广州市 第一机床厂');
    expect((await t.call('units.list', { kind: 'employer' })).units).toHaveLength(1);
    // A filter chosen before the merge (the old unit's id) finds the members where they went.
    expect((await t.call('roster.search', { unitId: wang.unitId! })).total).toBe(3);
    expect((await t.fail('units.merge', { fromId: shan.unitId!, intoId: shan.unionId! })).code).toBe('UNIT_MERGE_INVALID');
  });
});

describe('roster: details a clerk would notice', () => {
  it('edits without the ID number (no reveal needed) and records nothing when nothing changed', async () => {
    const t = await startSetUpCore();
    const { shan } = await seed(t);
    const base = {
      id: shan.id,
      rev: shan.rev,
      name: '单雄信',
      phone: '13812345678',
      unitName: '广州市 第一机床厂',
      unionName: '机床厂工会',
      joinedOn: '2010-05-01',
      ethnicity: '01',
    };
    expect((await t.call('roster.update', base)).rev).toBe(shan.rev); // nothing changed: no new rev, no entry
    const edited = await t.call('roster.update', { ...base, phone: '13900002222' });
    expect(edited).toMatchObject({ phone: '13900002222', idNumberMasked: shan.idNumberMasked });
    const events = (await t.call('roster.history', { id: shan.id })).entries.map((e) => e.summary.event);
    expect(events).toEqual(['member.updated', 'member.created']);
  });

  it('reads an old, merged spelling of a unit as the unit it was merged into', async () => {
    const t = await startSetUpCore();
    const { shan, wang } = await seed(t);
    await t.call('units.merge', { fromId: wang.unitId!, intoId: shan.unitId! });
    const later = await t.call('roster.create', { name: '后来者', idNumber: id('44010619900101301'), unitName: '天河区环卫所' });
    expect(later.unitId).toBe(shan.unitId);
    expect((await t.call('units.list', { kind: 'employer' })).units).toHaveLength(1);
  });
});

describe('roster: pinyin search order and paging', () => {
  it('lists exact initials first, then longer initials, then full-pinyin matches, and pages across them', async () => {
    const t = await startSetUpCore();
    const names = ['王芳', '王飞', '王凤霞', '吴芬', '汪峰', '万方方', '王府井'];
    for (const [i, name] of names.entries())
      await t.call('roster.create', { name, idNumber: id(`44010619900101${String(i).padStart(3, '0')}`) });
    // "wf": initials exactly wf, by pinyin (wangfang < wangfei < wangfeng < wufen), then wff, wfj, wfx.
    const wf = await t.call('roster.search', { query: 'wf' });
    expect(wf.members.map((m) => m.name)).toEqual(['王芳', '王飞', '汪峰', '吴芬', '万方方', '王府井', '王凤霞']);
    expect(wf.total).toBe(7);
    // Paging walks the same order.
    const pages = [1, 2, 3].map((page) => t.call('roster.search', { query: 'wf', pageSize: 3, page }));
    expect((await Promise.all(pages)).flatMap((p) => p.members.map((m) => m.name))).toEqual(wf.members.map((m) => m.name));
    // "wang": no one's initials, so full-pinyin matches only.
    expect((await t.call('roster.search', { query: 'wang' })).members.map((m) => m.name)).toEqual([
      '王芳',
      '王飞',
      '汪峰',
      '王凤霞',
      '王府井',
    ]);
  });
});
