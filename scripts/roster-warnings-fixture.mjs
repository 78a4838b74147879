#!/usr/bin/env node
/**
 * tests/fixtures/roster/roster-warnings.csv: one row for each warning an import gives (a field left empty, a gender
 * or birth date that follows the ID number, an ID number notice), a clean row, and rows that are still rejected.
 * Plain UTF-8 CSV with a byte-order mark, as Excel's "CSV UTF-8" saves it, so no spreadsheet program is needed:
 *
 *   npx node scripts/roster-warnings-fixture.mjs      (make-roster-fixtures.mjs runs it too)
 *
 * Every person is synthetic (names start with 测试); ID numbers carry valid GB 11643 check characters unless the
 * row is about a wrong one.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/roster/roster-warnings.csv');
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function id(first17) {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A man (odd 17th digit) or a woman born on `birth`, in 东城区 (110101) unless another region is given. */
const man = (birth, seq, region = '110101') => id(`${region}${birth.replaceAll('-', '')}${String(seq * 2 + 1).padStart(3, '0')}`);
const woman = (birth, seq, region = '110101') => id(`${region}${birth.replaceAll('-', '')}${String(seq * 2).padStart(3, '0')}`);

export function warningsRows() {
  const header = ['姓名', '性别', '身份证号', '出生日期', '民族', '手机号码', '工作单位', '入会日期', '会员状态', '备注'];
  const row = (name, gender, idNumber, birth, change = {}) => {
    const r = { 民族: '汉族', 手机号码: '', 工作单位: '示例机械厂', 入会日期: '2015-07-01', 会员状态: '在册', 备注: '', ...change };
    return [name, gender, idNumber, birth, r.民族, r.手机号码, r.工作单位, r.入会日期, r.会员状态, r.备注];
  };
  const badChecksum = (() => {
    const good = man('1982-06-06', 80);
    return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  })();
  return [
    header,
    row('测试无误', '男', man('1980-01-01', 10), '1980-01-01', { 手机号码: '13800002001' }),
    row('测试短号', '女', woman('1981-02-02', 11), '1981-02-02', { 手机号码: '1381234' }),
    row('测试性别', '男', woman('1982-03-03', 12), '1982-03-03', { 手机号码: '13800002003' }),
    row('测试性别不明', '未知', man('1983-04-04', 13), '1983-04-04', { 手机号码: '13800002004' }),
    row('测试生日', '女', woman('1984-05-05', 14), '1984-05-06', { 手机号码: '13800002005' }),
    row('测试生日错', '男', man('1985-06-06', 15), '1985-13-06', { 手机号码: '13800002006' }),
    row('测试民族', '女', woman('1986-07-07', 16), '1986-07-07', { 手机号码: '13800002007', 民族: '火星族' }),
    row('测试入会', '男', man('1987-08-08', 17), '1987-08-08', { 手机号码: '13800002008', 入会日期: '五月一日' }),
    row('测试未来', '女', woman('1988-09-09', 18), '1988-09-09', { 手机号码: '13800002009', 入会日期: '2099-01-01' }),
    // An old 15-digit number: region, a 2-digit year, month, day, sequence.
    row('测试旧证', '男', `110101${'890110'}${'391'}`, '1989-01-10', { 手机号码: '13800002010' }),
    row('测试备注', '女', woman('1990-11-11', 20), '1990-11-11', { 手机号码: '13800002011', 备注: '示'.repeat(501) }),
    row('测试多项', '女', man('1991-12-12', 21), '1991-12-12', { 手机号码: '12345', 民族: '火星族' }),
    row('测试区划', '男', man('1992-01-13', 22, '110199'), '1992-01-13', { 手机号码: '13800002013' }),
    // Still rejected: a status word the program does not know, and a wrong ID number (with a bad phone as well).
    row('测试退休', '男', man('1993-02-14', 23), '1993-02-14', { 手机号码: '13800002014', 会员状态: '退休' }),
    row('测试坏号', '男', badChecksum, '1982-06-06', { 手机号码: '1381234' }),
  ];
}

const csvCell = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function writeWarningsFixture(path = OUT) {
  const text = warningsRows()
    .map((r) => r.map(csvCell).join(','))
    .join('\r\n');
  writeFileSync(path, `\ufeff${text}\r\n`);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) console.log(`written ${writeWarningsFixture()}`);
