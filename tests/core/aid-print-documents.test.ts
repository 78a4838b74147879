import { describe, expect, it } from 'vitest';
import { parseSignedCode } from '@shared/domain/signed-code';
import { aidOffice, auditOf, PEOPLE, printed, qrCodesOn, SLOW } from './support/aid-print';
import { ORG } from './support/core';
import { consented, draftOf, fileForMember, HEAD, idOf, toNotice } from './support/hardship';

/**
 * The payment sheet, the hardship certificate and the contact cards through their channels, on a real database file,
 * read back from the real PDFs (pdftotext, pdfinfo) and the certificate's QR code from a picture of the page.
 */

/** The line of pdftotext -layout's text holding `label` (a table row prints on one line while its cells fit). */
const lineOf = (pages: string[], label: string) =>
  pages
    .join('\n')
    .split('\n')
    .find((line) => line.includes(label)) ?? '';

describe('aid print: the payment sheet (发放表)', SLOW, () => {
  it('lists the batch without voided payments, a subtotal on every page, the grand total in 大写 and 第 x 页 共 y 页', async () => {
    const env = await aidOffice();
    const { t } = env;
    const batchId = env.addBatch();
    // 17 payments to pay (15 rows a page: two pages), one voided that is not paid, and one in another batch.
    for (let i = 0; i < 17; i++) env.addPayment({ ...PEOPLE[i % 4]!, batchId, amountFen: i === 16 ? 140_950 : 50_000 });
    env.addPayment({ ...PEOPLE[0]!, batchId, status: 'voided', amountFen: 990_000 });
    env.addPayment({ ...PEOPLE[1]!, batchId: env.addBatch('第二批'), amountFen: 70_000 });

    const sheet = await printed(t, 'aid.printSheet', { batchId });
    expect(sheet.pageCount).toBe(2);
    expect(sheet.name).toBe('发放表-春节送温暖第一批.pdf');
    expect(sheet.flat[0]).toContain('帮扶救助金发放表');
    expect(sheet.flat[0]).toContain(`救助项目：${env.year}年送温暖`);
    expect(sheet.flat[0]).toContain('资金来源：工会经费');
    expect(sheet.flat[0]).toContain('发放批次：春节送温暖第一批');
    expect(sheet.flat[0]).toContain('第1页共2页');
    expect(sheet.flat[1]).toContain('第2页共2页');
    expect(sheet.flat[0]).not.toContain(HEAD);
    // Page 1: 15 × ¥500 = ¥7,500; page 2: ¥500 + ¥1,409.50; all: ¥9,409.50 (the voided ¥9,900 and the other batch left out).
    expect(sheet.flat[0]).toContain('本页小计15人¥7,500.00');
    expect(sheet.flat[1]).toContain('本页小计2人¥1,909.50');
    expect(sheet.flat[1]).toContain('共17人¥9,409.50');
    expect(sheet.flat[1]).toContain('人民币玖仟肆佰零玖元伍角');
    expect(sheet.flat.join('')).not.toContain('9,900.00');

    const program = await printed(t, 'aid.printSheet', { programId: env.programId });
    expect(program.flat.at(-1)).toContain('共18人¥10,109.50');
    expect(program.flat[0]).toContain('发放批次：全部');

    const entries = await auditOf(t, 'aid.printSheet');
    expect(entries.map((e) => e.summary.params)).toEqual([
      { count: 18, pages: 2 },
      { count: 17, pages: 2 },
    ]);
  });
});

describe('aid print: a reissued payment on paper (补发)', SLOW, () => {
  it('marks the reissue on the payment sheet with the voided serial, beside each row’s 凭证编号, and names the voided voucher on every part of its own', async () => {
    const env = await aidOffice();
    const { t, year } = env;
    const file = await t.call(
      'files.saveDraft',
      draftOf(await fileForMember(t), { bankName: '工商银行', bankAccount: '6222020200112233445' }),
      'clerk',
    );
    const batchId = env.addBatch();
    const first = env.addPayment({ ...PEOPLE[0]!, batchId });
    const voided = env.addPayment({ ...PEOPLE[1]!, batchId, status: 'voided', amountFen: 990_000 });
    const reissue = env.addPayment({ ...PEOPLE[1]!, batchId, reissueOf: voided.id, method: 'bank', fileId: file.id, amountFen: 99_000 });
    expect([first.serial, voided.serial, reissue.serial]).toEqual([`${year}-000001`, `${year}-000002`, `${year}-000003`]);

    const sheet = await printed(t, 'aid.printSheet', { batchId });
    const page = sheet.flat[0]!;
    expect(page).toContain('序号凭证编号姓名身份证号单位账号/领款人签字金额（元）');
    expect(page).toContain(`1${year}-000001赵建国`);
    // The reissue's cell: its own serial, then 补发 and the voided payment's serial (the voided row itself is not listed).
    expect(page).toContain(`${year}-0000032补发原${year}-000002钱秀英`);
    expect(page).toContain('工商银行****3445990.00');
    expect(page).not.toContain('9,900.00');
    expect(page).toContain('本页小计2人¥1,490.00');

    const a4 = await printed(t, 'aid.printVouchers', { ids: [reissue.id], layout: 'a4-three' });
    expect(a4.flat[0]!.split(`补发，原凭证${year}-000002已作废`)).toHaveLength(4);
    const a5 = await printed(t, 'aid.printVouchers', { ids: [reissue.id], layout: 'a5' });
    expect(a5.flat[0]).toContain(`补发，原凭证${year}-000002已作废`);
    // The first payment's voucher is no reissue, and the voided one names none.
    const others = await printed(t, 'aid.printVouchers', { ids: [first.id, voided.id], layout: 'a5' });
    for (const other of others.flat) expect(other).not.toContain('补发');
  });
});

describe('aid print: the 申报表 at the annual review', SLOW, () => {
  it('prints the aid paid out in the last 12 months on its own income line, in the totals the means test judged', async () => {
    const env = await aidOffice();
    const { t, today } = env;
    // ¥1,500 a month earned (¥18,000 a year) and a ¥6,000 pension; ¥12,000 of medical costs; three people.
    const file = await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk');
    env.addPayment({ ...PEOPLE[0]!, fileId: file.id, status: 'paid', paidOn: today, amountFen: 300_000 });
    // Neither a voided payment nor one approved but not paid out is income.
    env.addPayment({ ...PEOPLE[0]!, fileId: file.id, status: 'voided', amountFen: 70_000 });
    env.addPayment({ ...PEOPLE[0]!, fileId: file.id, amountFen: 50_000 });

    // Outside a review the aid is not income, and the form has no aid line.
    const before = await printed(t, 'files.printApplication', { id: file.id });
    expect(before.flat.join('')).not.toContain('帮扶救助金');
    expect(lineOf(before.pages, '家庭年收入合计')).toContain('24,000.00');

    env.sqlite.prepare("UPDATE hardship_files SET status = 'annualReview', category = 'deep' WHERE id = ?").run(file.id);
    expect((await t.call('files.get', { id: file.id }, 'clerk')).meansTest).toMatchObject({ aidReceivedFen: 300_000 });
    const review = await printed(t, 'files.printApplication', { id: file.id });
    const aidLine = lineOf(review.pages, '近 12 个月领取的帮扶救助金');
    expect(aidLine).toMatch(/近 12 个月领取的帮扶救助金\s+3,000\.00\s/);
    expect(review.flat.join('')).toContain(`${today}前12个月内已发放，复核时计入家庭收入`);
    // ¥18,000 + ¥6,000 + ¥3,000 = ¥27,000; less ¥12,000 = ¥15,000; ÷ 12 ÷ 3 = ¥416.666… a person a month (shown
    // rounded down, as the screen shows it).
    expect(lineOf(review.pages, '家庭年收入合计')).toContain('27,000.00');
    expect(lineOf(review.pages, '家庭年可支配收入')).toContain('15,000.00');
    expect(review.flat.join('')).toContain('人均月收入416.66元');
    // The income lines in the order of the screen's 收入与核算: earned, the items, the aid, then the total.
    const text = review.pages.join('');
    expect(text.indexOf('养老金')).toBeLessThan(text.indexOf('近 12 个月领取的帮扶救助金'));
    expect(text.indexOf('近 12 个月领取的帮扶救助金')).toBeLessThan(text.indexOf('家庭年收入合计'));
  });
});

describe('aid print: the hardship certificate (困难职工证明)', SLOW, () => {
  it('is refused for a file not 在档; for an active file takes a serial once, is valid until the next review, and says 补打 when printed again', async () => {
    const env = await aidOffice();
    const { t, today, advanceDays } = env;
    let file = await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk');
    expect(await t.fail('aid.printCertificate', { fileId: file.id }, 'clerk')).toMatchObject({ code: 'AID_CERTIFICATE_NOT_ACTIVE' });

    file = await toNotice(t, today, file);
    await advanceDays(10);
    file = await t.call('files.act', { id: file.id, rev: file.rev, action: 'endNotice' }, 'clerk');
    file = await t.call('files.act', { id: file.id, rev: file.rev, action: 'approve' }, 'reviewer');
    const approvedOn = (await t.call('policy.list', {})).today;
    const validUntil = `${Number(approvedOn.slice(0, 4)) + 1}${approvedOn.slice(4)}`; // the policy's 12 months
    const year = approvedOn.slice(0, 4);

    const first = await printed(t, 'aid.printCertificate', { fileId: file.id });
    expect(first.pageCount).toBe(1);
    expect(first.name).toBe(`困难职工证明-Z${year}-000001.pdf`);
    const page = first.flat[0]!;
    expect(page).toContain('困难职工证明');
    expect(page).toContain(`编号：Z${year}-000001`);
    expect(page).toContain('测试户主');
    expect(page).not.toContain(HEAD);
    expect(page).toContain('甲机械厂');
    expect(page).toContain('深度困难');
    expect(page).toContain(file.fileNo!);
    expect(page).not.toContain('补打');
    const [code] = qrCodesOn(first.path, 1);
    expect(parseSignedCode(code!)).toMatchObject({ ok: true, payload: { kind: 'certificate', serial: `Z${year}-000001`, validUntil } });
    expect(await t.call('aid.verify', { text: code! })).toMatchObject({ verdict: 'valid', summary: { validUntil } });

    const again = await printed(t, 'aid.printCertificate', { fileId: file.id, layout: 'a5' });
    expect(again.name).toBe(`困难职工证明-Z${year}-000001.pdf`);
    expect(again.flat[0]).toContain('补打（第1次）');
    expect(env.sqlite.prepare('SELECT count(*) AS n, max(print_count) AS prints FROM aid_certificates').get()).toEqual({ n: 1, prints: 2 });
    expect((await auditOf(t, 'aid.printCertificate')).map((e) => e.summary.params)).toEqual([
      { serial: `Z${year}-000001`, reprint: 'yes' },
      { serial: `Z${year}-000001`, reprint: 'no' },
    ]);
  });
});

describe('aid print: contact cards (联系卡)', SLOW, () => {
  it("prints ten cards a page with the file's number, name, category, its own 帮扶责任人 or the centre's phone, and 12351", async () => {
    const env = await aidOffice();
    const { t } = env;
    await t.call('org.update', {
      name: ORG.name,
      creditCode: ORG.creditCode,
      regionCode: ORG.regionCode,
      idleLockMinutes: 10,
      contactPhone: '010-66668888',
    });
    const fileIds: string[] = [];
    for (let i = 0; i < 11; i++) {
      const file = await fileForMember(
        t,
        idOf(`110105198001${String(i + 1).padStart(2, '0')}1${String(i).padStart(2, '0')}`),
        `持卡人${'甲乙丙丁戊己庚辛壬癸子'[i]}`,
      );
      fileIds.push(file.id);
    }
    const withContact = await t.call('files.get', { id: fileIds[1]! });
    await t.call(
      'files.saveDraft',
      draftOf(withContact, { contacts: [{ level: 'centre', name: '王帮扶', phone: '13800001111' }] }),
      'clerk',
    );

    const cards = await printed(t, 'aid.printContactCards', { fileIds: [...fileIds, fileIds[0]!] });
    expect(cards.pageCount).toBe(2);
    expect(cards.name).toBe('帮扶联系卡-11张.pdf');
    const [first, second] = cards.flat;
    for (const name of '甲乙丙丁戊己庚辛壬癸') expect(first).toContain(`持卡人${name}`);
    expect(second).toContain('持卡人子');
    expect(first!.match(/12351/g)).toHaveLength(10);
    expect(first!.match(/帮扶联系卡/g)).toHaveLength(10);
    expect(first).toContain('王帮扶13800001111');
    expect(first!.match(/帮扶中心010-66668888/g)).toHaveLength(9);
    expect(first).toContain('（待编号）'); // drafts have no file number yet
    expect((await auditOf(t, 'aid.printContactCards')).map((e) => e.summary.params)).toEqual([{ count: 11 }]);

    // For what the files list shows: its filters choose the households, each once.
    const listed = await printed(t, 'aid.printContactCards', { selection: { status: 'draft' } });
    expect(listed.name).toBe('帮扶联系卡-11张.pdf');
    expect(listed.flat.join('').match(/持卡人/g)).toHaveLength(11);
    expect(await t.fail('aid.printContactCards', { selection: { status: 'active' } })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
