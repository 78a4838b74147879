import { SIX_CLEARS } from '@shared/domain/hardship-codes';
import { ADMIN, CLERK, createReadyUser, rpc, setUpOffice, signIn, signOut, syntheticIdNumber } from './support';
import { NO_EXCLUSIONS } from './file-steps';
import { expect, test } from './fixtures';

const REVIEWER = { username: 'reviewer.li', displayName: '李审核', role: 'reviewer', password: 'Li#2026xyz' };
const DAY_MS = 86_400_000;

interface File {
  id: string;
  rev: number;
  household: { id: string }[];
}

test("each role's home shows today's work with counts that follow the clock, each a link to exactly its files", async ({
  page,
  host,
  shots,
}) => {
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  await createReadyUser(host.origin, host.token, REVIEWER);
  const call = (channel: string, input: unknown = {}) => rpc(host.origin, host.token, channel, input);
  await call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call('policy.add', { key: 'lowIncomeLine', regionCode: '440106', effectiveFrom: '2020-01-01', value: 94_000 });
  await call('auth.signOut');

  // The clerk's files: a draft, one submitted and not visited, one visited today (all six clear, signed).
  await call('auth.signIn', { username: CLERK.username, password: CLERK.password });
  const { today } = (await call('policy.list')) as { today: string };
  const fileFor = async (name: string, first17: string): Promise<File> => {
    const member = (await call('roster.create', { name, idNumber: syntheticIdNumber(first17), unitName: '甲机械厂' })) as { id: string };
    return (await call('files.create', { memberId: member.id, workerType: 'urban' })) as File;
  };
  const submitted = async (name: string, first17: string): Promise<File> => {
    const file = await fileFor(name, first17);
    const saved = (await call('files.saveDraft', {
      id: file.id,
      rev: file.rev,
      household: [{ id: file.household[0]!.id, relation: 'self', name, monthlyIncomeFen: 50_000 }],
      incomeItems: [],
      exclusions: NO_EXCLUSIONS,
      mainCause: '6',
      workerType: 'urban',
      consents: { incomeVerificationOn: null, publicNoticeOn: null, reportUpwardOn: null },
    })) as File;
    return (await call('files.act', { id: saved.id, rev: saved.rev, action: 'submit' })) as File;
  };
  await fileFor('甲户主', '44010619800101101');
  await submitted('乙户主', '44010619800202102');
  const visited = (await call('files.act', { ...(await submitted('丙户主', '44010619800303103')), action: 'beginVisit' })) as File;
  await call('files.recordVisit', {
    fileId: visited.id,
    kind: 'sixClears',
    date: today,
    visitors: ['孙经办', '周干事'],
    items: SIX_CLEARS.map((item) => ({ item, clear: true })),
    headSigned: true,
  });
  await call('auth.signOut');

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await signIn(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '今日待办' })).toBeVisible();
  for (const count of [
    '我的草稿：1',
    '全部草稿：1',
    '办理中的档案：2',
    '尚无有效走访记录：1',
    '入户调查已过期：0',
    '公示即将期满：0',
    '异议待处理：0',
  ]) {
    await expect(page.getByRole('link', { name: count })).toBeVisible();
  }
  // A clerk decides nothing: no approvals, no administrator's health.
  await expect(page.getByRole('link', { name: /待审批/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /未确认的审计警报/ })).toHaveCount(0);
  await shots(page, 'home-clerk');

  await page.getByRole('link', { name: '尚无有效走访记录：1' }).click();
  await expect(page).toHaveURL(/#\/files\?flag=awaitingVisit$/);
  await expect(page.getByRole('link', { name: '乙户主' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^[甲丙]户主$/ })).toHaveCount(0);
  await expect(page.getByText('共 1 份')).toBeVisible();
  await page.getByRole('link', { name: '首页' }).click();
  await page.getByRole('link', { name: '我的草稿：1' }).click();
  await expect(page.getByRole('link', { name: '甲户主' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^[乙丙]户主$/ })).toHaveCount(0);
  await signOut(page);

  // 91 days on, the visit of 丙户主 is older than the policy's 90 days: the reviewer sees it expired.
  await host.advanceClock(91 * DAY_MS);
  await signIn(page, REVIEWER.username, REVIEWER.password);
  for (const count of ['待审批：0', '复核待决定：0', '入户调查已过期：1', '尚无有效走访记录：1', '我的草稿：0', '全部草稿：1']) {
    await expect(page.getByRole('link', { name: count })).toBeVisible();
  }
  await shots(page, 'home-reviewer');
  await page.getByRole('link', { name: '入户调查已过期：1' }).click();
  await expect(page.getByRole('link', { name: '丙户主' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^[甲乙]户主$/ })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: /入户调查已过期/ })).toBeChecked();
  await shots(page, 'files-visit-expired');
});
