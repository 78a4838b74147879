import type { FileDetail } from '@shared/contract/hardship';
import type { TestCore } from './core';
import { CHILD, draftOf, fileForMember, HEAD, idOf, office, OTHER_HEAD, SPOUSE } from './hardship';

/**
 * 信息比对 in core tests: an office with three households whose every person is known, and the lists compared with it.
 * - A: 测试户主 (HEAD) + 测试配偶 (SPOUSE) + 测试子女 (CHILD), 在档, 深度困难;
 * - B: 另一户主 (OTHER_HEAD) alone, 在档, 深度困难 — on no list;
 * - C: 第三户主 (THIRD_HEAD) + 残疾配偶 (DISABLED, health 'disabled'), 在档, 相对困难.
 * Statuses and categories are set in the table (the lifecycle is tested elsewhere; here only the state matters).
 */
export const THIRD_HEAD = idOf('11010519700707107');
export const DISABLED = idOf('11010519720808108');
/** On the lists, in no file: one of them a member of the roster. */
export const OUTSIDER = idOf('11010519900909109');
export const ROSTER_ONLY = idOf('11010519911010110');

function setOnRecord(t: TestCore, file: FileDetail, category: string) {
  t.core.state.conn!.sqlite.prepare("UPDATE hardship_files SET status = 'active', category = ? WHERE id = ?").run(category, file.id);
}

export async function compareOffice() {
  const o = await office();
  const { t } = o;
  const a = await fileForMember(t, HEAD, '测试户主');
  await t.call('files.saveDraft', draftOf(a), 'clerk');
  setOnRecord(t, a, 'deep');
  const b = await fileForMember(t, OTHER_HEAD, '另一户主', { phone: '13698765432', unitName: '乙纺织厂', ethnicity: '01' });
  await t.call(
    'files.saveDraft',
    draftOf(b, { household: [{ id: b.household[0]!.id, relation: 'self', name: b.headName, workStatus: 'laidOff' }] }),
    'clerk',
  );
  setOnRecord(t, b, 'deep');
  const c = await fileForMember(t, THIRD_HEAD, '第三户主', { phone: '13512345678', unitName: '丙电子厂', ethnicity: '01' });
  await t.call(
    'files.saveDraft',
    draftOf(c, {
      household: [
        { id: c.household[0]!.id, relation: 'self', name: c.headName, workStatus: 'laidOff' },
        { relation: 'spouse', name: '残疾配偶', idNumber: DISABLED, health: 'disabled', disabilityType: 'physical', disabilityGrade: 2 },
      ],
    }),
    'clerk',
  );
  setOnRecord(t, c, 'relative');
  await t.call('roster.create', { name: '名册会员', idNumber: ROSTER_ONLY });
  return { ...o, files: { a, b, c } };
}

/** A 民政 低保 list as CSV: matched (same name, another name), outreach (in the roster or not), a bad and a repeated ID. */
export function dibaoCsv(): Buffer {
  const lines = [
    '姓名,身份证号,保障人数,所属街道',
    `测试户主,${HEAD},3,东街道`,
    `测试配遇,${SPOUSE},3,东街道`,
    `名单外人,${OUTSIDER},1,西街道`,
    `号码有误,${HEAD.slice(0, 17)}${HEAD[17] === '0' ? '1' : '0'},2,西街道`,
    `测试户主,${HEAD},3,东街道`,
    `名册会员,${ROSTER_ONLY},1,北街道`,
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

export { CHILD, HEAD, OTHER_HEAD, SPOUSE };
