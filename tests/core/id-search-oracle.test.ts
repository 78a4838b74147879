import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '@shared/domain/id-number';
import { WHOLE_ID_SEARCHES_PER_DAY } from '../../src/main/core/features/roster/id-search-policy';
import { addUser, startSetUpCore } from './support/core';
import { idOf } from './support/hardship';
import { candidatesFor } from './support/id-candidates';

/**
 * Issue 9 §3: the roster search was an oracle. A viewer rebuilt a full number in 53 searches by growing its start
 * digit by digit and reading the totals. A role without roster.revealId now finds a member by a whole number or by
 * the 4 characters the mask shows, and nothing else of an ID answers.
 */

const SHAN = idOf('44010619850312123');
const ZENG = idOf('44010619900708246');
const DAY_MS = 86_400_000;

async function roster() {
  const t = await startSetUpCore();
  const viewer = await addUser(t, 'viewer', 'viewer.qian', 'viewer');
  await addUser(t, 'clerk', 'clerk.zhao', 'clerk');
  await t.call('roster.create', { name: '单雄信', idNumber: SHAN });
  await t.call('roster.create', { name: '曾小红', idNumber: ZENG });
  return { t, viewer };
}

describe('searching by ID number without the right to reveal one', () => {
  it('answers nothing, and counts nothing, to a growing start or a tail longer than the mask shows', async () => {
    const { t } = await roster();
    const answers: { kind: string; total: number; members: number }[] = [];
    // The attack as it was run: the region is on the mask; each next digit is tried and the totals read.
    for (let known = 6; known < 17; known++) {
      for (let digit = 0; digit <= 9; digit++) {
        const result = await t.call('roster.search', { query: `${SHAN.slice(0, known)}${digit}` }, 'viewer');
        answers.push({ kind: result.kind, total: result.total, members: result.members.length });
      }
    }
    // The day of birth is the two characters before the tail: a 5- or 6-character tail would read it.
    for (const length of [5, 6]) {
      for (let digit = 0; digit <= 9; digit++) {
        const tail = `${digit}${SHAN.slice(-(length - 1))}`;
        const result = await t.call('roster.search', { query: tail }, 'viewer');
        answers.push({ kind: result.kind, total: result.total, members: result.members.length });
      }
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ kind: 'id-partial', total: 0, members: 0 })]));
  });

  it('finds a member by the whole number or by the last 4 characters', async () => {
    const { t } = await roster();
    const whole = await t.call('roster.search', { query: SHAN.toLowerCase() }, 'viewer');
    expect(whole).toMatchObject({ kind: 'id-whole', total: 1 });
    expect(whole.members.map((m) => m.idNumberMasked)).toEqual([maskIdNumber(SHAN)]);
    const tail = await t.call('roster.search', { query: ZENG.slice(-4) }, 'viewer');
    expect(tail).toMatchObject({ kind: 'id-suffix', total: 1 });
    expect(tail.members.map((m) => m.name)).toEqual(['曾小红']);
  });

  it(`tries at most ${WHOLE_ID_SEARCHES_PER_DAY} distinct whole numbers a day: a member's 32–35 candidates take days`, async () => {
    const { t, viewer } = await roster();
    const candidates = candidatesFor(maskIdNumber(SHAN), 1985);
    expect(candidates.length).toBeGreaterThanOrEqual(32);
    const wrong = candidates.filter((c) => c !== SHAN).slice(0, WHOLE_ID_SEARCHES_PER_DAY);
    for (const guess of wrong) expect((await t.call('roster.search', { query: guess }, 'viewer')).total).toBe(0);
    // The same number again costs nothing (a list reloaded); a new one is refused, whatever it would find.
    expect((await t.call('roster.search', { query: wrong[0] }, 'viewer')).total).toBe(0);
    const refused = await t.fail('roster.search', { query: SHAN }, 'viewer');
    expect(refused).toEqual({ code: 'ID_SEARCH_LIMIT', params: { limit: WHOLE_ID_SEARCHES_PER_DAY } });
    // Names and the visible tail still answer.
    expect((await t.call('roster.search', { query: SHAN.slice(-4) }, 'viewer')).total).toBe(1);
    // A clerk, who may reveal, is not counted.
    for (const guess of wrong) await t.call('roster.search', { query: guess }, 'clerk');
    expect((await t.call('roster.search', { query: SHAN }, 'clerk')).total).toBe(1);
    // The next day the viewer may look a number up again.
    t.clock.advance(DAY_MS);
    await t.call('auth.signIn', { username: 'viewer.qian', password: viewer.password }, 'viewer');
    expect((await t.call('roster.search', { query: SHAN }, 'viewer')).total).toBe(1);
  });

  it('leaves a role that may reveal IDs (clerk and up) the start of a number and tails of 4–6', async () => {
    const { t } = await roster();
    expect(await t.call('roster.search', { query: SHAN.slice(0, 10) }, 'clerk')).toMatchObject({ kind: 'id-prefix', total: 1 });
    expect(await t.call('roster.search', { query: ZENG.slice(-6) }, 'clerk')).toMatchObject({ kind: 'id-suffix', total: 1 });
  });
});
