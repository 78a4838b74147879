import type { Page } from '@playwright/test';
import { ADMIN, CLERK, createReadyUser, rpc, setUpOffice, signIn, signOut, syntheticIdNumber } from './support';
import { addLowIncomeLine, draftOf, toNotice } from './file-steps';
import { expect, test } from './fixtures';
import { DAY_MS, localIsoDate } from '../support/test-clock';

/**
 * The lifecycle's words and records on screen (issue 10 §6): a household member in another open file confirmed with
 * a reason at submission, an objection recorded with its date, source and contact, a draft withdrawn, an attachment
 * withdrawn, and an approval that asks no reason (its 审核意见 optional) and shows the reviewer the confirmation.
 */

const REVIEWER = { username: 'reviewer.li', displayName: '李审核', role: 'reviewer', password: 'Li#2026xyz' };
const HEAD = { name: '测试户主', idNumber: syntheticIdNumber('44010619800101101') };
const SPOUSE = { name: '测试配偶', idNumber: syntheticIdNumber('44010619820202102') };
const OTHER = { name: '另一户主', idNumber: syntheticIdNumber('44010619750505105') };

type File = { id: string; rev: number };

async function call<T = File>(host: { origin: string; token: string }, channel: string, input: unknown): Promise<T> {
  return (await rpc(host.origin, host.token, channel, input)) as T;
}

/** Opens a file from the list by its head's name (the list shows the files not withdrawn). */
async function openFile(page: Page, name: string) {
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('lifecycle records: cross-household confirmation, an objection with its fields, a draft and an attachment withdrawn, approval without a reason', async ({
  page,
  host,
  shots,
}) => {
  // The office, and three files entered by the administrator: A at the notice (its spouse confirmed at submission),
  // B a draft headed by the spouse, C a draft whose household also names the spouse.
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  await createReadyUser(host.origin, host.token, REVIEWER);
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const today = localIsoDate(await host.now());
  await addLowIncomeLine(host);
  const member = await call<{ id: string }>(host, 'roster.create', { name: HEAD.name, idNumber: HEAD.idNumber, unitName: '甲机械厂' });
  const draft = (file: File & { household: { id: string }[] }, head: string, partner: { name: string; idNumber: string }) =>
    draftOf(
      file,
      [
        { id: file.household[0]!.id, relation: 'self', name: head, monthlyIncomeFen: 50_000 },
        { relation: 'spouse', name: partner.name, idNumber: partner.idNumber },
      ],
      today,
    );
  let a = await call<File & { household: { id: string }[] }>(host, 'files.create', { memberId: member.id, workerType: 'urban' });
  a = await call(host, 'files.saveDraft', draft(a, HEAD.name, SPOUSE));
  await call(host, 'files.create', { head: SPOUSE, workerType: 'urban' });
  const c = await call<File & { household: { id: string }[] }>(host, 'files.create', { head: OTHER, workerType: 'urban' });
  await call(host, 'files.saveDraft', draft(c, OTHER.name, SPOUSE));
  await toNotice(host, a, today, '夫妻分居两地，经核实各自生活');
  await rpc(host.origin, host.token, 'auth.signOut');

  // The clerk submits C: its spouse is in another open file, so the step asks for a confirmation and a reason.
  await page.goto(host.url);
  await signIn(page, CLERK.username, CLERK.password);
  await openFile(page, OTHER.name);
  await expect(page.getByRole('link', { name: /已在另一份档案中/ }).first()).toBeVisible();
  await page.getByRole('button', { name: '提交申请', exact: true }).click();
  const submit = page.getByRole('dialog', { name: '提交申请' });
  // A forward step's dialog says what follows, not only 取消 / confirm.
  await expect(submit).toContainText('下一步是入户调查');
  await expect(submit.getByTestId('cross-household-confirm')).toContainText(`${SPOUSE.name} 已在其他在办档案中`);
  await expect(submit.getByRole('button', { name: '提交申请' })).toBeDisabled();
  await expect(submit.getByTestId('form-missing')).toContainText('还需要：核实其他档案并说明原因');
  await submit.getByLabel('我已核实，确认提交').check();
  await submit.getByLabel('原因').fill('再婚家庭，配偶另有子女同住');
  await shots(page, 'lifecycle-cross-household');
  await submit.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('已办理：提交申请')).toBeVisible();
  await expect(page.getByTestId('cross-household-note')).toContainText('再婚家庭，配偶另有子女同住');

  // An objection to A's notice, with the day it came in, who raised it and how to reach them.
  await openFile(page, HEAD.name);
  await page.getByRole('button', { name: '记录异议', exact: true }).click();
  const objection = page.getByRole('dialog', { name: '记录异议' });
  await expect(objection.getByLabel('原因')).toHaveCount(0);
  await expect(objection.getByTestId('form-missing')).toContainText('异议内容');
  await objection.getByLabel('提出人（可不填）').fill('邻居王某');
  await objection.getByLabel('联系方式（可不填）').fill('13800138000');
  await objection.getByLabel('异议内容').fill('反映其配偶有经营收入');
  await objection.getByRole('button', { name: '记录异议' }).click();
  await expect(page.getByText('已办理：记录异议')).toBeVisible();
  await page.getByRole('tab', { name: '办理记录' }).click();
  const recorded = page.getByTestId('objection');
  await expect(recorded).toContainText(`${today} 收到（邻居王某）：反映其配偶有经营收入`);
  await expect(recorded).toContainText('13800138000');
  await expect(recorded).toContainText('待处理');
  // Steps that moved the file show where from and to, in full-width brackets; the objection moved nothing.
  const timeline = page.getByRole('list', { name: '办理记录' });
  await expect(timeline).toContainText('提交申请（草稿 → 已申请）');
  await expect(timeline).toContainText('记录异议');
  await expect(timeline).not.toContainText('公示中 → 公示中');

  // The committee's minutes were the wrong paper: withdrawn with a reason, still listed.
  await page.getByRole('tab', { name: '附件' }).click();
  const attachments = page.getByRole('table', { name: '附件' });
  await expect(attachments.getByRole('columnheader', { name: '文件名' })).toBeVisible();
  await attachments.getByRole('button', { name: '撤回 minutes.pdf' }).click();
  const withdrawAttachment = page.getByRole('dialog', { name: '撤回附件：minutes.pdf' });
  await withdrawAttachment.getByLabel('原因').fill('传错了文件');
  await withdrawAttachment.getByRole('button', { name: '撤回' }).click();
  await expect(attachments).toContainText('已撤回');
  await expect(attachments).toContainText('传错了文件');

  // The spouse's own draft is withdrawn: kept, but gone from the list.
  await openFile(page, SPOUSE.name);
  await page.getByRole('button', { name: '撤回作废', exact: true }).click();
  const withdraw = page.getByRole('dialog', { name: '撤回作废' });
  await expect(withdraw.getByRole('button', { name: '撤回作废' })).toBeDisabled();
  await withdraw.getByLabel('原因').fill('重复建档');
  // Esc does not throw the typed reason away without asking; 继续填写 keeps it.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog', { name: '放弃已填写的内容？' })).toBeVisible();
  await page.getByRole('button', { name: '继续填写' }).click();
  await expect(withdraw.getByLabel('原因')).toHaveValue('重复建档');
  await withdraw.getByRole('button', { name: '撤回作废' }).click();
  await expect(page.getByText('已撤回作废', { exact: true }).first()).toBeVisible();
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await expect(page.getByRole('link', { name: OTHER.name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: SPOUSE.name, exact: true })).toHaveCount(0);
  await signOut(page);

  // The reviewer settles the objection (its outcome needs words).
  await signIn(page, REVIEWER.username, REVIEWER.password);
  await openFile(page, HEAD.name);
  await page.getByRole('button', { name: '异议不成立', exact: true }).click();
  const dismiss = page.getByRole('dialog', { name: '异议不成立' });
  await dismiss.getByLabel('原因').fill('经入户核实，配偶无经营收入');
  await dismiss.getByRole('button', { name: '异议不成立' }).click();
  await expect(page.getByText('已办理：异议不成立')).toBeVisible();
  await signOut(page);

  // After the notice the reviewer approves: no reason asked, the 审核意见 may stay empty, and the clerk's
  // confirmation about the spouse is in front of them.
  await host.advanceClock(10 * DAY_MS);
  await signIn(page, REVIEWER.username, REVIEWER.password);
  await openFile(page, HEAD.name);
  await expect(page.getByTestId('cross-household-note')).toContainText('夫妻分居两地，经核实各自生活');
  await page.getByRole('button', { name: '公示结束，报审批', exact: true }).click();
  const endNotice = page.getByRole('dialog', { name: '公示结束，报审批' });
  await expect(endNotice.getByRole('textbox')).toHaveCount(0);
  await endNotice.getByRole('button', { name: '公示结束，报审批' }).click();
  await expect(page.getByText('已办理：公示结束，报审批')).toBeVisible();
  await page.getByRole('button', { name: '审批通过', exact: true }).click();
  const approve = page.getByRole('dialog', { name: '审批通过' });
  await expect(approve.getByTestId('cross-household-note')).toContainText('夫妻分居两地，经核实各自生活');
  await expect(approve.getByLabel('原因')).toHaveCount(0);
  await expect(approve.getByLabel('审核意见（可不填）')).toBeVisible();
  await expect(approve.getByRole('button', { name: '审批通过' })).toBeEnabled();
  await shots(page, 'lifecycle-approve');
  await approve.getByRole('button', { name: '审批通过' }).click();
  await expect(page.getByText('已办理：审批通过')).toBeVisible();
  await expect(page.getByText('在档', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '办理记录' }).click();
  await expect(page.getByTestId('objection')).toContainText('处理结果：不成立——经入户核实，配偶无经营收入');
});
