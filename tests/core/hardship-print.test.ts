import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIX_CLEARS } from '@shared/domain/hardship-codes';
import { maskIdNumber } from '@shared/domain/id-number';
import { renderPdf } from '../../src/main/core/pdf';
import { hardshipApplicationDocument, type HardshipApplicationData } from '../../src/main/core/pdf/documents/hardship-application';
import { addUser, ORG, outboxCopy, type TestCore } from './support/core';
import {
  CHILD,
  consented,
  draftOf,
  fileForMember,
  HEAD,
  HEAD_PHONE,
  idOf,
  office,
  OTHER_HEAD,
  OTHER_PHONE,
  oneUnclear,
  SPOUSE,
  toNotice,
} from './support/hardship';

/** Runs a print job and reads its PDF back as text (pdftotext -layout) and without whitespace (CJK spacing varies). */
async function printed(
  t: TestCore,
  channel: 'files.printApplication' | 'files.printVisit' | 'files.printNotice',
  input: Record<string, unknown>,
) {
  const { result } = await t.job(channel, input as never, 'clerk');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const path = await outboxCopy(t, result.data.fileId);
  const text = execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
  return { text, flat: text.replace(/\s+/g, ''), path, name: result.data.name, pages: text.split('\f').filter((p) => p.trim()) };
}

const pageSizeOf = (path: string) => /Page size:\s+([\d.]+ x [\d.]+)/.exec(execFileSync('pdfinfo', [path]).toString())?.[1];

async function auditOf(t: TestCore, channel: string) {
  return (await t.call('audit.list', { action: channel, page: 1, pageSize: 10 })).entries;
}

/** The line of the PDF text holding `label` (a table row prints on one line while its cells fit). */
const lineWith = (text: string, label: string) => text.split('\n').find((line) => line.includes(label)) ?? '';

describe('hardship print: the application form (申报表)', () => {
  it('prints the head with the full ID number, the household, income and spending, the means test, the causes, consents and the four opinion boxes', async () => {
    const { t, today } = await office();
    const file = await t.call(
      'files.saveDraft',
      draftOf(await fileForMember(t), { ...consented(today), bankName: '工商银行', bankAccount: '6222020200112233445' }),
      'clerk',
    );
    const { text, flat, path, name, pages } = await printed(t, 'files.printApplication', { id: file.id });

    expect(pageSizeOf(path)).toBe('595.28 x 841.89'); // A4 portrait
    expect(name).toBe(`困难职工申报表-${today}.pdf`); // no name in the file's name
    expect(flat).toContain('困难职工档案申报表');
    expect(flat).toContain(`填报单位：${ORG.name}`);
    expect(flat).toContain('档案编号：（审批后编号）');
    // 基本情况: the head, the ID number in full (the form the applicant signs), gender, birth date, ethnicity, unit, type.
    for (const expected of ['测试户主', HEAD, '1980-01-01', '汉族', '甲机械厂', '城镇职工', '工会会员是', '家庭人口3人'])
      expect(flat).toContain(expected);
    // The same word as the screen (zh-CN entryKinds): a first file is 新增, never 增量.
    expect(flat).toContain('建档类型新增');
    expect(lineWith(text, '性别')).toContain('男');
    // 家庭成员: every member with relation, full ID, health, 文化程度 (— when not recorded), work or school, and monthly income.
    expect(lineWith(text, SPOUSE)).toMatch(/配偶\s+测试配偶\s+\S+\s+女\s+1982-02-02\s+大病/);
    expect(lineWith(text, CHILD)).toMatch(/子女\s+测试子女\s+\S+\s+男\s+2010-03-03\s+健康\s+—\s+学生（初中）\s+第一中学\s+0\.00/);
    expect(text.split('\n').find((line) => /本人\s+测试户主/.test(line))).toMatch(
      new RegExp(`${HEAD}\\s+男\\s+1980-01-01\\s+健康\\s+初中\\s+下岗\\s+—\\s+1,500\\.00`),
    );
    // 收入与支出: annual figures in yuan with two decimals.
    expect(lineWith(text, '家庭成员劳动收入')).toContain('18,000.00');
    expect(lineWith(text, '养老金')).toContain('6,000.00');
    expect(lineWith(text, '家庭年收入合计')).toContain('24,000.00');
    expect(lineWith(text, '医疗支出')).toContain('12,000.00');
    expect(lineWith(text, '家庭年可支配收入')).toContain('12,000.00');
    // 困难认定: (¥18,000 + ¥6,000 − ¥12,000) ÷ 12 ÷ 3 = ¥333.33 against the 低保 line of ¥1,320 in force today.
    expect(flat).toContain('人均月收入333.33元');
    expect(flat).toContain(`1,320.00元/人·月（${today}执行的当地城市低保标准`);
    expect(flat).toContain('■深度困难□相对困难□意外致困');
    expect(flat).toContain('家庭人均月收入低于当地城市低保标准，符合深度困难职工认定条件');
    // 致困原因 with the national codes' labels.
    expect(flat).toContain('主要致困原因6患重特大疾病');
    expect(flat).toContain('次要致困原因3下岗失业；9子女上学');
    expect(flat).toContain('配偶医疗费用负担重，希望获得医疗救助');
    expect(flat).toContain('申请医疗救助，协调子女助学');
    // The three consents with their dates.
    for (const consent of ['核查本人及家庭成员的收入', '在本单位或社区范围内公示', '报送上级工会'])
      expect(lineWith(text, consent)).toMatch(new RegExp(`已签署\\s+${today}`));
    // The four opinion boxes, each with a signature and a date line.
    for (const box of ['申请人签字', '基层工会意见（盖章）', '帮扶中心审核意见', '上级工会审批意见']) expect(flat).toContain(box);
    expect(flat.match(/年月日/g)?.length).toBeGreaterThanOrEqual(4);
    expect(flat).toContain('审核人签字：');
    // The bank account is not on the form; every page says which of how many it is.
    expect(flat).not.toContain('6222020200112233445');
    for (const [i, page] of pages.entries()) expect(page.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages.length}页`);

    const entries = await auditOf(t, 'files.printApplication');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      recordType: 'file',
      recordId: file.id,
      userName: 'clerk.sun',
      summary: { event: 'file.printed', params: { document: 'application', count: 1 } },
    });
    // The log keeps no name: the list names the file from the record, read when the list is shown.
    expect(JSON.stringify(entries.map((e) => e.summary))).not.toContain('测试户主');
    expect(entries[0]!.recordName).toBe('测试户主');
  });

  it("prints a migrant worker's labour relationship and the relative line at the percent in force", async () => {
    const { t, today } = await office();
    await t.call('policy.add', { key: 'relativeLinePercent', effectiveFrom: today, value: 150 });
    const member = await t.call('roster.create', { name: '测试农民工', idNumber: HEAD, unitName: '某建筑公司' });
    const created = await t.call('files.create', { memberId: member.id, workerType: 'migrant' }, 'clerk');
    const file = await t.call(
      'files.saveDraft',
      draftOf(created, { workerType: 'migrant', labourSince: '2024-02-29', labourEmployer: '某建筑公司第三项目部' }),
      'clerk',
    );
    const { text, flat } = await printed(t, 'files.printApplication', { id: file.id });
    expect(lineWith(text, '劳动关系')).toMatch(/2024-02-29 起，用工单位：某建筑公司第三项目部/);
    expect(flat).toContain('1.5倍为1,980.00元');
  });

  it('shows the file number and the category fixed at approval once the file is 在档', async () => {
    const { t, today, advanceDays } = await office();
    let file = await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk');
    file = await toNotice(t, today, file);
    await advanceDays(10);
    file = await t.call('files.act', { id: file.id, rev: file.rev, action: 'endNotice' }, 'clerk');
    file = await t.call('files.act', { id: file.id, rev: file.rev, action: 'approve' }, 'reviewer');
    expect(file.fileNo).toMatch(/^110105\d{4}00001$/);

    const { flat, name } = await printed(t, 'files.printApplication', { id: file.id });
    expect(flat).toContain(`档案编号：${file.fileNo}`);
    expect(name).toBe(`困难职工申报表-${file.fileNo}.pdf`);
    expect(flat).toContain('■深度困难□相对困难□意外致困');
    expect(flat).toContain(HEAD);
  });

  it("gives the same bytes for the same data (the creation date is the data's, not the render's)", async () => {
    const data: HardshipApplicationData = {
      orgName: ORG.name,
      printedAt: new Date(2026, 4, 12, 9, 30),
      fileNo: null,
      head: {
        name: '测试户主',
        idNumber: HEAD,
        gender: 'male',
        birthDate: '1980-01-01',
        ethnicity: null,
        unitName: null,
        workerType: 'migrant',
        isMember: true,
      },
      entryKind: 'relapsed',
      household: [
        {
          relation: 'self',
          name: '测试户主',
          idNumber: HEAD,
          gender: 'male',
          birthDate: '1980-01-01',
          ethnicity: null,
          health: 'disabled',
          disabilityType: 'physical',
          disabilityGrade: 3,
          medicalInsurance: null,
          maritalStatus: null,
          hukouType: null,
          workStatus: null,
          schoolStage: null,
          educationLevel: 'junior',
          unitOrSchool: null,
          monthlyIncomeFen: 0,
        },
      ],
      draft: {
        incomeItems: [],
        accidentCostsFen: 5_000_000,
        exclusions: {
          twoOrMoreHomes: false,
          ownsBusinessOrEmploysOthers: false,
          childAtCostlyPrivateSchoolOrAbroad: false,
          privateVehicleNotForWork: false,
        },
        mainCause: '8',
        secondaryCauses: [],
        housingType: 'rentedPrivate',
        homeAddress: null,
        homePhone: null,
        singleParent: true,
        zeroEmployment: true,
        modelWorker: false,
        needs: null,
        measures: null,
        consents: { incomeVerificationOn: null, publicNoticeOn: null, reportUpwardOn: null },
        labourSince: '2024-02-29',
        labourEmployer: null,
      },
      meansTest: {
        result: null,
        missing: ['lowIncomeLine'],
        judgedOn: '2026-05-12',
        regionCode: '110105',
        relativeLinePercent: 200,
        accidentThresholdPercent: 80,
      },
      category: null,
    };
    const fontsDir = resolve('resources/fonts');
    const first = await renderPdf(hardshipApplicationDocument(data), { fontsDir });
    const second = await renderPdf(hardshipApplicationDocument(data), { fontsDir });
    expect(first.equals(second)).toBe(true);
  });

  it('says on the form why accident costs above the threshold did not make the household 意外致困', async () => {
    const { t } = await office();
    // ¥333 a month per person is under the line (深度困难 by income); ¥30,000 is 125 % of the year's ¥24,000 income.
    const file = await t.call('files.saveDraft', draftOf(await fileForMember(t), { accidentCostsFen: 3_000_000 }), 'clerk');
    const { flat } = await printed(t, 'files.printApplication', { id: file.id });
    // The 说明 cell wraps across lines, so only its first words are read whole.
    expect(flat).toContain('只用于意外致困测试');
    expect(flat).toContain('当年因灾、意外事故或重大疾病的支出占家庭年收入的125.00%，超过80%，但已按收入认定（收入标准优先）。');
  });

  it('reports a name the font cannot print before printing, and prints nothing', async () => {
    const { t } = await office();
    const file = await fileForMember(t, HEAD, '\u{20BB7}大明'); // 𠮷 (CJK Extension B), not in Noto Serif SC
    const { result } = await t.job('files.printApplication', { id: file.id }, 'clerk');
    expect(result).toMatchObject({ ok: false, error: { code: 'MISSING_GLYPHS', params: { chars: ['\u{20BB7}'] } } });
    expect(await auditOf(t, 'files.printApplication')).toHaveLength(0);
  });
});

describe('hardship print: the visit record (入户调查表)', () => {
  it('prints the six items in order with 清/不清 and the notes as recorded, the visitors and every signature line', async () => {
    const { t, today } = await office();
    let file = await t.call('files.saveDraft', draftOf(await fileForMember(t)), 'clerk');
    file = await t.call(
      'files.recordVisit',
      {
        fileId: file.id,
        kind: 'sixClears',
        date: today,
        visitors: ['孙经办', '周干事', '吴委员'],
        items: oneUnclear,
        headSigned: true,
        note: '户主患病在家',
      },
      'clerk',
    );
    const visit = file.visits[0]!;
    const { text, flat, path, pages } = await printed(t, 'files.printVisit', { id: file.id, visitId: visit.id });

    expect(pageSizeOf(path)).toBe('595.28 x 841.89');
    expect(flat).toContain('困难职工家庭入户调查表');
    expect(flat).toContain(`调查单位：${ORG.name}`);
    for (const expected of [
      '测试户主',
      maskIdNumber(HEAD),
      '甲机械厂',
      '档案编号（未编号）',
      `走访日期${today}`,
      '六清入户调查',
      '孙经办、周干事、吴委员',
    ])
      expect(flat).toContain(expected);
    expect(flat).not.toContain(HEAD); // the full number belongs on the application form only

    const labels = ['家庭成员状况清', '家庭实际收入清', '家庭困难原因清', '家庭生活变化清', '职工现实表现清', '家庭走访住址清'];
    const positions = labels.map((label) => text.indexOf(label));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions); // docs/domain.md's order
    for (const [i, label] of labels.entries()) {
      // The row: 序号, the item, what is checked, then the conclusion as recorded and the note.
      const row = lineWith(text, label);
      const conclusion = row.slice(row.indexOf(label) + label.length);
      if (SIX_CLEARS[i] === 'income') expect(conclusion).toMatch(/\s不清\s+收入来源未核实/);
      else expect(conclusion).toMatch(/\s清(\s|$)/);
      if (SIX_CLEARS[i] !== 'income') expect(conclusion).not.toContain('不清');
    }
    expect(flat).toContain('与户籍地址不一致，实际居住于此');
    expect(flat).toContain('调查结论未查清：家庭实际收入清');
    expect(flat).toContain('户主已签字确认是');
    expect(flat).toContain('户主患病在家');
    // A signature and a date line for every visitor, and one for the head of household.
    for (const visitor of ['孙经办', '周干事', '吴委员'])
      expect(lineWith(text, `走访人：${visitor}`)).toMatch(/签字：.*日期：\s+年\s+月\s+日/);
    expect(lineWith(text, '户主（被调查人）：')).toMatch(/签字：.*日期：\s+年\s+月\s+日/);
    expect(flat.match(/签字：/g)).toHaveLength(4);
    for (const [i, page] of pages.entries()) expect(page.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages.length}页`);

    const entries = await auditOf(t, 'files.printVisit');
    expect(entries[0]).toMatchObject({
      recordType: 'file',
      recordId: file.id,
      summary: { event: 'file.printed', params: { document: 'visit', count: 1 } },
    });
  });

  it('prints a must-visit (五必访) with its kind and occasion instead of the six items', async () => {
    const { t, today } = await office();
    const file = await t.call(
      'files.recordVisit',
      {
        fileId: (await fileForMember(t)).id,
        kind: 'mustVisit',
        date: today,
        visitors: ['孙经办'],
        mustVisitReason: 'illness',
        note: '住院探望，送去慰问品',
      },
      'clerk',
    );
    const { text, flat } = await printed(t, 'files.printVisit', { id: file.id, visitId: file.visits[0]!.id });
    expect(flat).toContain('困难职工家庭走访记录表');
    expect(flat).toContain('走访类型五必访');
    expect(flat).toContain('走访事由患病住院');
    expect(flat).toContain('走访情况住院探望，送去慰问品');
    expect(flat).toContain('户主已签字确认否');
    expect(flat).not.toContain('家庭成员状况清');
    expect(lineWith(text, '走访人：孙经办')).toContain('签字：');
    expect(lineWith(text, '户主（被调查人）：')).toContain('签字：');
  });
});

describe('hardship print: the public notice (公示)', () => {
  it('lists only 序号, 姓名, 单位 and 类别, with the notice period and the organisation to contact: no ID number, phone or money figure', async () => {
    const { t, today } = await office();
    const first = await toNotice(t, today, await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk'));
    // A household of one earning ¥2,000 a month: between the line and twice the line → 相对困难.
    let second = await fileForMember(t, OTHER_HEAD, '李四', { phone: OTHER_PHONE, unitName: '乙纺织厂' });
    second = await t.call(
      'files.saveDraft',
      draftOf(second, {
        household: [{ id: second.household[0]!.id, relation: 'self', name: '李四', monthlyIncomeFen: 200_000, health: 'chronic' }],
        incomeItems: [],
        secondaryCauses: [],
        ...consented(today),
      }),
      'clerk',
    );
    second = await toNotice(t, today, second);
    expect(second.meansTest.result).toMatchObject({ category: 'relative', perCapitaMonthlyFen: 200_000 });

    const { text, flat, path, pages, name } = await printed(t, 'files.printNotice', { ids: [first.id, second.id] });
    expect(pageSizeOf(path)).toBe('595.28 x 841.89');
    expect(name).toBe(`困难职工建档公示-${today}.pdf`);
    expect(flat).toContain(`${ORG.name}困难职工建档公示`);
    const { inForce } = await t.call('policy.list', {});
    const days = inForce.find((p) => p.key === 'noticeWorkingDays')!.value;
    const [y, m, d] = first.noticeEndsOn!.split('-').map(Number);
    expect(flat).toContain(`公示期为${days}个工作日，至${y}年${m}月${d}日止`);
    expect(flat).toContain(`向${ORG.name}反映`);
    expect(flat).toContain('序号姓名单位类别');
    expect(lineWith(text, '测试户主')).toMatch(/^\s*1\s+测试户主\s+甲机械厂\s+深度困难\s*$/);
    expect(lineWith(text, '李四')).toMatch(/^\s*2\s+李四\s+乙纺织厂\s+相对困难\s*$/);
    for (const [i, page] of pages.entries()) expect(page.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages.length}页`);

    // Personal data (docs/domain.md): no ID number, full or masked, no phone, no figure of money, birth date or health.
    for (const id of [HEAD, SPOUSE, CHILD, OTHER_HEAD]) {
      expect(flat).not.toContain(id);
      expect(flat).not.toContain(maskIdNumber(id));
      expect(flat).not.toContain(id.slice(-4));
    }
    expect(flat).not.toMatch(/\*{3,}/);
    for (const phone of [HEAD_PHONE, OTHER_PHONE]) expect(flat).not.toContain(phone);
    expect(flat).not.toMatch(/\d\.\d{2}/); // 333.33, 2,000.00, 1,320.00 …
    for (const figure of ['333', '2000', '2,000', '1320', '1,320', '1500', '1,500', '6000', '6,000', '12000', '12,000'])
      expect(flat).not.toContain(figure);
    for (const word of ['1980', '1975', '大病', '慢性病', '患重特大疾病', '配偶', '测试子女']) expect(flat).not.toContain(word);

    const entries = await auditOf(t, 'files.printNotice');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      recordType: 'file',
      recordId: first.id,
      summary: { event: 'file.printed', params: { document: 'notice', count: 2 } },
    });
  });

  it('repeats the table header on every page of a long notice, with 第 x 页 共 y 页', async () => {
    const { t, today } = await office();
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) {
      const file = await fileForMember(
        t,
        idOf(
          `1101051980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + i).padStart(3, '0')}`,
        ),
        `公示对象${i + 1}`,
        { unitName: `第${i % 3}车间` },
      );
      await t.call(
        'files.saveDraft',
        draftOf(file, { household: [{ id: file.household[0]!.id, relation: 'self', name: file.headName }], ...consented(today) }),
        'clerk',
      );
      ids.push(file.id);
    }
    const { pages } = await printed(t, 'files.printNotice', { ids });
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      const flat = page.replace(/\s+/g, '');
      expect(flat).toContain('序号姓名单位类别');
      expect(flat).toContain(`第${i + 1}页共${pages.length}页`);
    }
    expect(pages.at(-1)).toMatch(/45\s+公示对象45\s+第2车间/);
  });

  it('says the notice runs from the day it is posted when the files have no end date yet, and counts each file once', async () => {
    const { t, today } = await office();
    const file = await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk');
    const { flat } = await printed(t, 'files.printNotice', { ids: [file.id, file.id] });
    expect(flat).toContain('自张贴之日起计算');
    expect(flat).toContain('以下1户职工');
    expect(flat.match(/测试户主/g)).toHaveLength(1);
    expect(flat).toContain(today.slice(0, 4));
    const entries = await auditOf(t, 'files.printNotice');
    expect(entries[0]!.summary.params).toEqual({ document: 'notice', count: 1 });
  });
});

describe('hardship print: a notice needs consent', () => {
  it('refuses to put a household on a notice without its written consent to the notice, and logs nothing', async () => {
    const { t, today } = await office();
    const consenting = await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk');
    const other = await fileForMember(t, OTHER_HEAD, '李四', {});
    expect(await t.fail('files.printNotice', { ids: [consenting.id, other.id] }, 'clerk')).toMatchObject({
      code: 'FILE_ACTION_BLOCKED',
      params: { action: 'printNotice', blockers: ['CONSENT_MISSING'], count: 1 },
    });
    expect(await auditOf(t, 'files.printNotice')).toHaveLength(0);
  });
});

describe('hardship print: wrong ids', () => {
  it('refuses a file or a visit that does not exist (NOT_FOUND) before starting a job, and logs nothing', async () => {
    const { t, today } = await office();
    const file = await fileForMember(t);
    const other = await t.call(
      'files.recordVisit',
      { fileId: (await fileForMember(t, OTHER_HEAD, '李四', {})).id, kind: 'ordinary', date: today, visitors: ['孙经办'] },
      'clerk',
    );
    const missing = '0190a2b4-0000-7000-8000-000000000000';
    expect(await t.fail('files.printApplication', { id: missing }, 'clerk')).toMatchObject({
      code: 'NOT_FOUND',
      params: { record: 'file' },
    });
    expect(await t.fail('files.printVisit', { id: missing, visitId: other.visits[0]!.id }, 'clerk')).toMatchObject({
      code: 'NOT_FOUND',
      params: { record: 'file' },
    });
    // A visit of another file is not a visit of this one.
    expect(await t.fail('files.printVisit', { id: file.id, visitId: other.visits[0]!.id }, 'clerk')).toMatchObject({
      code: 'NOT_FOUND',
      params: { record: 'visit' },
    });
    expect(await t.fail('files.printNotice', { ids: [file.id, missing] }, 'clerk')).toMatchObject({
      code: 'NOT_FOUND',
      params: { record: 'file' },
    });
    expect(t.events.filter((e) => e.type === 'job.finished')).toHaveLength(0);
    for (const channel of ['files.printApplication', 'files.printVisit', 'files.printNotice'])
      expect(await auditOf(t, channel)).toHaveLength(0);
  });

  it("lets a viewer print nothing: printing is a clerk's task", async () => {
    const { t } = await office();
    await addUser(t, 'viewer', 'viewer.wang', 'viewer');
    const file = await fileForMember(t);
    expect((await t.fail('files.printApplication', { id: file.id }, 'viewer')).code).toBe('FORBIDDEN');
  });
});
