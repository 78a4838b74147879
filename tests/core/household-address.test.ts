import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ORG, outboxCopy, type TestCore } from './support/core';
import { allClear, consented, draftOf, fileForMember, office, toNotice } from './support/hardship';

/**
 * The household's home address and phone (家庭住址, 家庭联系电话) and the centre's own phone and address for objections:
 * saved, checked, printed where the national forms have them, and never written to the log.
 */

const ADDRESS = '北京市朝阳区幸福路 8 号院 3 单元 502 室';

async function printedText(t: TestCore, channel: 'files.printApplication' | 'files.printVisit' | 'files.printNotice', input: object) {
  const { result } = await t.job(channel, input as never, 'clerk');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const path = await outboxCopy(t, result.data.fileId);
  return execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8').replace(/\s+/g, '');
}

describe('the household address and phone', () => {
  it('are saved with the draft, the phone in the roster form, and come back with the file', async () => {
    const { t } = await office();
    const file = await t.call(
      'files.saveDraft',
      draftOf(await fileForMember(t), { homeAddress: `  ${ADDRESS} `, homePhone: '０１０ ８７６５ ４３２１' }),
      'clerk',
    );
    expect(file.draft.homeAddress).toBe(ADDRESS);
    expect(file.draft.homePhone).toBe('010-87654321');
    const again = await t.call('files.get', { id: file.id }, 'clerk');
    expect(again.draft).toMatchObject({ homeAddress: ADDRESS, homePhone: '010-87654321' });
    // Cleared by an empty field.
    const cleared = await t.call('files.saveDraft', draftOf(again, { homeAddress: '', homePhone: '' }), 'clerk');
    expect(cleared.draft).toMatchObject({ homeAddress: null, homePhone: null });
  });

  it('refuses a phone that is no phone number, naming the field, and keeps the draft as it was', async () => {
    const { t } = await office();
    const file = await t.call('files.saveDraft', draftOf(await fileForMember(t), { homePhone: '13800138000' }), 'clerk');
    const error = await t.fail('files.saveDraft', draftOf(file, { homePhone: '12345' }), 'clerk');
    expect(error).toMatchObject({ code: 'FILE_DRAFT_INVALID', params: { problem: 'HOME_PHONE' } });
    expect((await t.call('files.get', { id: file.id }, 'clerk')).draft.homePhone).toBe('13800138000');
  });

  it('never reach the log or the audit entries', async () => {
    const { t } = await office();
    const file = await t.call(
      'files.saveDraft',
      draftOf(await fileForMember(t), { homeAddress: ADDRESS, homePhone: '13800138000' }),
      'clerk',
    );
    await t.fail('files.saveDraft', draftOf(file, { homePhone: '12345' }), 'clerk');
    const audit = JSON.stringify(await t.call('audit.list', { page: 1, pageSize: 100 }));
    for (const text of [t.logger.lines.join('\n'), audit]) {
      expect(text).not.toContain('幸福路');
      expect(text).not.toContain('13800138000');
      expect(text).not.toContain('12345');
    }
  });

  it('are printed on the 申报表 (基本情况) and on the visit record, where the visitors check the address', async () => {
    const { t, today } = await office();
    let file = await t.call(
      'files.saveDraft',
      draftOf(await fileForMember(t), { homeAddress: ADDRESS, homePhone: '+86 139 1234 5678' }),
      'clerk',
    );
    const application = await printedText(t, 'files.printApplication', { id: file.id });
    expect(application).toContain(`家庭住址${ADDRESS.replace(/\s+/g, '')}`);
    expect(application).toContain('联系电话13912345678');
    // Both come before 二、共同生活家庭成员: in the first block, not in the opinions.
    expect(application.indexOf('家庭住址')).toBeLessThan(application.indexOf('二、共同生活家庭成员'));

    file = await t.call(
      'files.recordVisit',
      { fileId: file.id, kind: 'sixClears', date: today, visitors: ['孙经办', '周干事'], items: allClear, headSigned: true },
      'clerk',
    );
    const visit = await printedText(t, 'files.printVisit', { id: file.id, visitId: file.visits[0]!.id });
    expect(visit).toContain(`家庭住址${ADDRESS.replace(/\s+/g, '')}`);
    expect(visit).toContain('联系电话13912345678');
    expect(visit).toContain('家庭走访住址清');
  });

  it('print a dash when not filled in', async () => {
    const { t } = await office();
    const file = await t.call('files.saveDraft', draftOf(await fileForMember(t)), 'clerk');
    const application = await printedText(t, 'files.printApplication', { id: file.id });
    expect(application).toContain('家庭住址—');
    expect(application).toContain('联系电话—');
  });
});

describe("the centre's phone and address for objections", () => {
  const settings = { name: ORG.name, creditCode: ORG.creditCode, regionCode: ORG.regionCode, idleLockMinutes: 10 };

  it('are set by an administrator, the phone checked, and kept when left out', async () => {
    const { t } = await office();
    expect(await t.call('org.get', {})).toMatchObject({ contactPhone: null, contactAddress: null });
    const error = await t.fail('org.update', { ...settings, contactPhone: '87654321' });
    expect(error.code).toBe('INVALID_PHONE');
    const { settings: saved } = await t.call('org.update', {
      ...settings,
      contactPhone: '010 8765 4321',
      contactAddress: '北京市朝阳区工人路 1 号',
    });
    expect(saved).toMatchObject({ contactPhone: '010-87654321', contactAddress: '北京市朝阳区工人路 1 号' });
    // The log names the settings that changed, never the phone or address themselves.
    const { entries } = await t.call('audit.list', { page: 1, pageSize: 5 });
    expect(entries[0]!.summary).toEqual({
      event: 'org.settingsChanged',
      params: { fields: 'contactPhone,contactAddress', idleLockMinutes: 10 },
    });
    expect(JSON.stringify(entries)).not.toMatch(/87654321|工人路/);
    // An older caller that sends neither keeps them.
    expect((await t.call('org.update', settings)).settings.contactPhone).toBe('010-87654321');
    expect((await t.call('audit.list', { page: 1, pageSize: 1 })).entries[0]!.summary.params).toMatchObject({ fields: '' });
    expect((await t.fail('org.update', { ...settings, contactPhone: '13800138000' }, 'clerk')).code).toBe('FORBIDDEN');
  });

  it('are printed on the 公示 as the way to object', async () => {
    const { t, today } = await office();
    await t.call('org.update', { ...settings, contactPhone: '010-87654321', contactAddress: '北京市朝阳区工人路 1 号' });
    const file = await toNotice(
      t,
      today,
      await t.call(
        'files.saveDraft',
        draftOf(await fileForMember(t), { ...consented(today), homeAddress: ADDRESS, homePhone: '13800138000' }),
        'clerk',
      ),
    );
    const notice = await printedText(t, 'files.printNotice', { ids: [file.id] });
    expect(notice).toContain(`如有异议，请于公示期内以书面或当面方式向${ORG.name}反映，电话：010-87654321，地址：北京市朝阳区工人路1号`);
    // The household's own address and phone never reach the notice.
    expect(notice).not.toContain('幸福路');
    expect(notice).not.toContain('13800138000');
  });
});
