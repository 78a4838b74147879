import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '@shared/domain/calendar';
import { labourYearCompleteOn } from '@shared/domain/labour';
import { act, draftOf, fileForMember, HEAD, office } from './support/hardship';

/**
 * Issue 9 §9: the relative-hardship line (2 × 低保) and the accident share (80 %) are policy values with effective
 * dates, applied by the day a file is judged on; a migrant worker is filed only after a year of labour relationship.
 */
describe('hardship rules from policy and from the labour relationship', () => {
  it('judges a file with the relative line and accident share in force on its day, as an administrator set them', async () => {
    const { t, today, advanceDays } = await office();
    const file = await fileForMember(t);
    // One person earning ¥1,700 a month against a line of ¥1,320: relative (below ¥2,640); costs 60 % of income.
    const head = { id: file.household[0]!.id, relation: 'self' as const, name: file.headName, monthlyIncomeFen: 170_000 };
    await t.call('files.saveDraft', { ...draftOf(file), household: [head], incomeItems: [], accidentCostsFen: 1_224_000 }, 'clerk');
    const judged = async () => (await t.call('files.get', { id: file.id }, 'clerk')).meansTest;
    expect((await judged()).result).toMatchObject({
      category: 'relative',
      relativeLinePercent: 200,
      relativeLineFen: 264_000,
      accidentThresholdPercent: 80,
    });

    // Only an administrator sets them, within their range; a value from a later day changes nothing today.
    expect((await t.fail('policy.add', { key: 'relativeLinePercent', effectiveFrom: today, value: 120 }, 'reviewer')).code).toBe(
      'FORBIDDEN',
    );
    expect(await t.fail('policy.add', { key: 'relativeLinePercent', effectiveFrom: today, value: 99 })).toMatchObject({
      params: { problem: 'OUT_OF_RANGE', min: 100 },
    });
    expect(await t.fail('policy.add', { key: 'accidentThresholdPercent', effectiveFrom: today, value: 101 })).toMatchObject({
      params: { problem: 'OUT_OF_RANGE', max: 100 },
    });
    await t.call('policy.add', { key: 'relativeLinePercent', effectiveFrom: addDays(today, 10), value: 120 });
    const threshold = await t.call('policy.add', { key: 'accidentThresholdPercent', effectiveFrom: addDays(today, 10), value: 50 });
    expect((await judged()).result).toMatchObject({ category: 'relative', relativeLinePercent: 200 });

    // From that day: ¥1,700 is above 120 % of the line (¥1,584), and 60 % of income is above the new 50 %.
    await advanceDays(10);
    expect(await judged()).toMatchObject({ relativeLinePercent: 120, accidentThresholdPercent: 50 });
    expect((await judged()).result).toMatchObject({
      incomeTest: 'above-double-line',
      relativeLineFen: 158_400,
      accidentTest: 'passed',
      category: 'accident',
    });
    // A voided value is no longer applied: the default 80 % is back.
    await t.call('policy.void', { id: threshold.id, reason: '录入错误' });
    expect((await judged()).result).toMatchObject({ accidentTest: 'not-passed', category: 'none' });
  });

  it('files a migrant worker only with the employer and a labour relationship of at least a year on the day judged', async () => {
    const { t, today, advanceDays } = await office();
    const member = await t.call('roster.create', { name: '测试农民工', idNumber: HEAD, unitName: '某建筑公司' });
    let file = await t.call('files.create', { memberId: member.id, workerType: 'migrant' }, 'clerk');
    file = await t.call('files.saveDraft', draftOf(file, { workerType: 'migrant' }), 'clerk');
    const submit = file.actions.find((a) => a.action === 'submit')!;
    expect(submit.blockers).toEqual([{ code: 'LABOUR_START_MISSING' }, { code: 'LABOUR_EMPLOYER_MISSING' }]);
    expect((await t.fail('files.act', { id: file.id, rev: file.rev, action: 'submit' }, 'clerk')).params).toMatchObject({
      blockers: ['LABOUR_START_MISSING', 'LABOUR_EMPLOYER_MISSING'],
    });

    // Begun today: complete a year later (the shared rule; 29 February is tested in the unit tests).
    file = await t.call(
      'files.saveDraft',
      draftOf(file, { workerType: 'migrant', labourSince: today, labourEmployer: '某建筑公司' }),
      'clerk',
    );
    expect(file.draft).toMatchObject({ labourSince: today, labourEmployer: '某建筑公司' });
    const completeOn = labourYearCompleteOn(today);
    expect(file.actions.find((a) => a.action === 'submit')!.blockers).toEqual([{ code: 'LABOUR_TOO_SHORT', since: today, completeOn }]);

    await advanceDays(daysBetween(today, completeOn) - 1);
    file = await t.call('files.get', { id: file.id }, 'clerk');
    expect(file.actions.find((a) => a.action === 'submit')!.blockers.map((b) => b.code)).toEqual(['LABOUR_TOO_SHORT']);
    await advanceDays(1);
    file = await t.call('files.get', { id: file.id }, 'clerk');
    expect((await act(t, file, 'submit')).status).toBe('submitted');
  });
});
