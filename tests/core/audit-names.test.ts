import { describe, expect, it } from 'vitest';
import { inboxUpload, startSetUpCore, addUser } from './support/core';
import type { ColumnMapping } from '@shared/contract/roster-import';
import { idCheckChar } from '@shared/domain/id-number';

function id18(first17: string): string {
  return first17 + idCheckChar(first17);
}

const ZHANG = id18('11010519800101001');
const LI = id18('11010519810202002');

describe('audit log names the records it lists, read from the records now', () => {
  it('gives display names and record names to the administrator, keeps none in the log itself', async () => {
    const t = await startSetUpCore();
    const { user } = await addUser(t, 'clerk', 'clerk1', 'c');
    await t.call('users.update', { id: user.id, displayName: '经办小王', role: 'clerk' });
    const member = await t.call('roster.create', { name: '张三丰', idNumber: ZHANG }, 'c');
    const { entries } = await t.call('audit.list', { page: 1, pageSize: 50 });
    const created = entries.find((e) => e.summary.event === 'member.created')!;
    expect(created).toMatchObject({ userName: 'clerk1', userDisplayName: '经办小王', recordType: 'member', recordName: '张三丰' });
    expect(created.recordId).toBe(member.id);
    const userEntry = entries.find((e) => e.summary.event === 'user.roleChanged' || e.action === 'users.update')!;
    expect(userEntry.recordName).toBe('经办小王');
    // The log itself still holds ids only: the names came from the records at read time.
    const raw = t.core.state
      .conn!.sqlite.prepare("SELECT group_concat(summary || coalesce(user_name, ''), '|') FROM audit_log")
      .pluck()
      .get() as string;
    expect(raw).not.toContain('张三丰');
    expect(raw).not.toContain('经办小王');
  });

  it('shows display names in a record history, and the roster import that created a member', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk1', 'c');
    const csv = Buffer.from(['姓名,身份证号', `李四,${LI}`].join('\r\n'), 'utf8');
    const source = inboxUpload(t, '二〇二六年花名册.csv', csv);
    const inspected = await t.call('rosterImport.inspect', source, 'c');
    const committed = await t.job(
      'rosterImport.commit',
      { ...source, mapping: inspected.suggested as ColumnMapping, policy: 'update' },
      'c',
    );
    if (!committed.result.ok) throw new Error(JSON.stringify(committed.result.error));
    const found = await t.call('roster.search', { query: '李四', pageSize: 5 }, 'c');
    const li = found.members[0]!;
    const { entries } = await t.call('roster.history', { id: li.id }, 'c');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'rosterImport.commit',
      recordType: 'rosterImport',
      recordName: '二〇二六年花名册.csv',
      userName: 'clerk1',
      userDisplayName: 'clerk-user',
      summary: { event: 'roster.imported', params: { new: 1 } },
    });
    // The import history names the clerk as people know them, too.
    expect((await t.call('rosterImport.history', {}, 'c')).imports.map((i) => i.userName)).toEqual(['clerk-user']);
    // A member created by hand has its own entry only, with the display name of who did it.
    const wang = await t.call('roster.create', { name: '王五', idNumber: id18('11010519820303003') }, 'c');
    const own = await t.call('roster.history', { id: wang.id }, 'c');
    expect(own.entries.map((e) => [e.summary.event, e.userDisplayName])).toEqual([['member.created', 'clerk-user']]);
  });
});
