#!/usr/bin/env node
/**
 * Makes the roster-import fixtures in tests/fixtures/roster/ with a real spreadsheet program (LibreOffice), so the
 * readers are tested on files as an office suite writes them, not only as our own code would.
 *
 *   apt-get install -y libreoffice-calc-nogui     (once; CI does not need it: the outputs are committed)
 *   npx node scripts/make-roster-fixtures.mjs
 *
 * Re-runnable: sources are written to a temporary folder as flat ODS (.fods, XML that LibreOffice opens like an
 * .ods: merged cells, typed number/date cells, formulas with cached results, rich text, hyperlinks), then converted
 * with `soffice --headless --convert-to`. Outputs are overwritten; xlsx/xls bytes differ between runs only in their
 * timestamps.
 *
 * Every person here is synthetic: names start with 测试/样例/示例 so nobody mistakes them for real people; ID numbers
 * carry a valid GB 11643 check character computed below from a made-up birth date and sequence number.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWarningsFixture } from './roster-warnings-fixture.mjs';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/roster');

// ---------------------------------------------------------------------------------------------------------------
// Synthetic people

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643: the weighted sum of the first 17 digits mod 11 indexes "10X98765432". */
export function idNumber(region, birth, seq) {
  const body = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}

/** The 17th digit is odd for men: seq is chosen so. */
function person(i, name, gender, birth, region, extra = {}) {
  const seq = 100 + i * 2 + (gender === '男' ? 1 : 0);
  return {
    name,
    gender,
    birth,
    id: idNumber(region, birth, seq),
    ethnicity: '汉族',
    phone: `1380000${String(1000 + i).padStart(4, '0')}`,
    unit: i % 2 ? '示例机械厂' : '演示商贸有限公司',
    union: i % 2 ? '示例机械厂工会' : '演示商贸有限公司工会',
    joined: `20${String(10 + (i % 10)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
    card: `SL${String(i + 1).padStart(5, '0')}`,
    note: '',
    ...extra,
  };
}

const PEOPLE = [
  person(0, '测试张三', '男', '1985-03-12', '110101'),
  person(1, '测试李四', '女', '1990-07-01', '440106'),
  person(2, '样例王五', '男', '1978-11-30', '310104'),
  person(3, '样例赵六', '女', '1995-02-28', '510107', { ethnicity: '回族' }),
  person(4, '测试·阿依古丽', '女', '1988-09-09', '650102', { ethnicity: '维吾尔族' }),
  person(5, '示例孙七', '男', '1970-01-01', '320102'),
  person(6, '示例周八', '女', '2000-12-31', '420102', { note: '已转入' }),
  person(7, '测试吴九', '男', '1966-06-06', '350102'),
];

// ---------------------------------------------------------------------------------------------------------------
// Flat ODS writer (only what the fixtures need)

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Cell constructors. A plain string is a text cell. */
const text = (v) => ({ kind: 'text', v });
const num = (v) => ({ kind: 'num', v });
const date = (v) => ({ kind: 'date', v });
const formula = (f, v) => ({ kind: 'formula', f, v });
const rich = (plain, bold) => ({ kind: 'rich', plain, bold });
const link = (href, label) => ({ kind: 'link', href, label });
const lines = (...ls) => ({ kind: 'lines', ls });
/** A title cell merged across n columns. */
const merged = (v, n) => ({ kind: 'merged', v, n });

function cellXml(c) {
  if (c === null || c === undefined || c === '') return '<table:table-cell/>';
  if (typeof c === 'string') c = text(c);
  switch (c.kind) {
    case 'text':
      return `<table:table-cell office:value-type="string"><text:p>${esc(c.v)}</text:p></table:table-cell>`;
    case 'num':
      return `<table:table-cell office:value-type="float" office:value="${c.v}"><text:p>${c.v}</text:p></table:table-cell>`;
    case 'date':
      return `<table:table-cell table:style-name="ce_date" office:value-type="date" office:date-value="${c.v}"><text:p>${c.v}</text:p></table:table-cell>`;
    case 'formula':
      return `<table:table-cell table:formula="of:${esc(c.f)}" office:value-type="float" office:value="${c.v}"><text:p>${c.v}</text:p></table:table-cell>`;
    case 'rich':
      return `<table:table-cell office:value-type="string"><text:p>${esc(c.plain)}<text:span text:style-name="T_bold">${esc(c.bold)}</text:span></text:p></table:table-cell>`;
    case 'link':
      return `<table:table-cell office:value-type="string"><text:p><text:a xlink:type="simple" xlink:href="${esc(c.href)}">${esc(c.label)}</text:a></text:p></table:table-cell>`;
    case 'lines':
      return `<table:table-cell office:value-type="string">${c.ls.map((l) => `<text:p>${esc(l)}</text:p>`).join('')}</table:table-cell>`;
    case 'merged':
      return (
        `<table:table-cell table:style-name="ce_title" table:number-columns-spanned="${c.n}" office:value-type="string"><text:p>${esc(c.v)}</text:p></table:table-cell>` +
        `<table:covered-table-cell table:number-columns-repeated="${c.n - 1}"/>`
      );
    default:
      throw new Error(`unknown cell ${JSON.stringify(c)}`);
  }
}

const rowXml = (cells) => `<table:table-row>${cells.map(cellXml).join('')}</table:table-row>`;

function fods(sheets) {
  const tables = sheets
    .map(
      (s) =>
        `<table:table table:name="${esc(s.name)}">${s.rows.length ? s.rows.map(rowXml).join('\n') : '<table:table-row><table:table-cell/></table:table-row>'}</table:table>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
  <number:date-style style:name="N_DATE"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <style:style style:name="ce_date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_DATE"/>
  <style:style style:name="ce_title" style:family="table-cell" style:parent-style-name="Default"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="T_bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
${tables}
</office:spreadsheet></office:body></office:document>
`;
}

// ---------------------------------------------------------------------------------------------------------------
// The fixtures

const TITLE = '示例公司工会会员名册（2024年度）';
const HEADER = [
  '序号',
  '姓名',
  '性别',
  '身份证号码',
  '出生日期',
  '民族',
  '手机号码',
  '工作单位',
  '所属基层工会',
  '入会时间',
  '会员证号',
  '备注',
];

/** The standard roster: title merged over the header width, a blank row, the header, one member a row. */
function titledRoster({ richName = true, typedDates = true } = {}) {
  const rows = [[merged(TITLE, HEADER.length)], [], HEADER];
  PEOPLE.forEach((p, i) => {
    rows.push([
      formula('=ROW()-3', i + 1), // 序号 as a formula: the reader must take the cached value, never evaluate
      richName && i === 0 ? rich('测试', '张三') : p.name,
      p.gender,
      p.id,
      typedDates ? date(p.birth) : p.birth,
      p.ethnicity,
      p.phone,
      p.unit,
      p.union,
      typedDates ? date(p.joined) : p.joined,
      p.card,
      i === 1
        ? link('mailto:demo@example.invalid', 'demo@example.invalid')
        : i === 2
          ? lines('第一行', '第二行,有逗号', '第三行"有引号"')
          : p.note,
    ]);
  });
  return rows;
}

const INSTRUCTIONS = [['填表说明'], ['1. 身份证号码请设置为文本格式。'], ['2. 日期格式：2019-05-01。']];

/** ID numbers (and phones) typed into General cells: Excel keeps a double, 440106199007011234 → 4.40106199007011E+17. */
function idAsNumberRoster() {
  const rows = [['姓名', '性别', '身份证号', '手机', '单位名称', '基层工会']];
  for (const p of PEOPLE.slice(0, 5))
    rows.push([p.name, p.gender, num(p.id.endsWith('X') ? p.id.slice(0, 17) + '0' : p.id), num(p.phone), p.unit, p.union]);
  return rows;
}

/** What clerks make by hand: header annotations, trailing and full-width spaces, full-width digits, blank rows. */
function messyRoster() {
  const fw = (s) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const [a, b, c, d] = PEOPLE;
  return [
    ['示例街道总工会 会员信息采集表'],
    ['填报单位：示例机械厂工会', '', '', '填报日期：2024年3月1日'],
    [],
    ['序 号', '姓  名', '性别', '公民身份号码（必填）*', '联系电话：', '单位', '岗位', '入会日期', '备注'],
    ['1', `${a.name}  `, '男 ', `${a.id} `, a.phone, ` ${a.unit}`, '车工', '2015-07-01', ''],
    [],
    [],
    ['2', '样例　王五', '男', fw(c.id), fw(c.phone), '示例机械厂', '钳工', '2016-03-15', '全角数字'],
    [
      '3',
      `\u3000${b.name}\u3000`,
      '女',
      b.id.toLowerCase(),
      `${b.phone.slice(0, 3)} ${b.phone.slice(3, 7)} ${b.phone.slice(7)}`,
      '示例机械厂',
      '',
      '2017-01-01',
      '',
    ],
    ['', '', '', '', '', '', '', '', ''],
    ['4', d.name, '女', d.id, d.phone, '示例机械厂', '质检', '2018/9/1', '结尾有空行'],
    [],
  ];
}

/** The same person twice (once with a lower-case x), and one ID shared by two different names. */
function duplicatesRoster() {
  const withX = PEOPLE.find((p) => p.id.endsWith('X')) ?? PEOPLE[0];
  const rows = [['姓名', '性别', '身份证', '手机号', '工作单位', '工会名称', '会员卡号']];
  for (const p of PEOPLE.slice(0, 4)) rows.push([p.name, p.gender, p.id, p.phone, p.unit, p.union, p.card]);
  rows.push([withX.name, withX.gender, withX.id.toLowerCase(), withX.phone, withX.unit, withX.union, withX.card]);
  rows.push([PEOPLE[0].name, PEOPLE[0].gender, PEOPLE[0].id, PEOPLE[0].phone, PEOPLE[0].unit, PEOPLE[0].union, PEOPLE[0].card]);
  rows.push(['样例重号', '男', PEOPLE[1].id, '13800009999', '示例机械厂', '示例机械厂工会', 'SL09999']);
  return rows;
}

/** Birth and join dates in the formats clerks type, as text, a bare serial, a real date cell and impossible ones. */
function badDatesRoster() {
  const rows = [['姓名', '身份证号', '出生年月', '入会时间', '说明']];
  const cases = [
    ['2019/5/1', '斜杠'],
    ['2019.05.01', '点号'],
    ['2019年5月1日', '中文'],
    [num(43586), 'Excel 序列号（2019-05-01）'],
    [date('2019-05-01'), '日期单元格'],
    ['201905', '年月'],
    ['2019-13-01', '月份错误'],
    ['2019-02-30', '日期不存在'],
    ['五月一日', '无法识别'],
  ];
  cases.forEach(([joined, why], i) => {
    const p = PEOPLE[i % PEOPLE.length];
    rows.push([p.name, p.id, i % 2 ? p.birth.replaceAll('-', '/') : date(p.birth), joined, why]);
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Conversion

/** LibreOffice CSV filter options: separator, quote, charset (rtl_TextEncoding: 76 UTF-8, 61 MS-936/GBK, 65535 UTF-16), first line. */
const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76,1';
const CSV_GBK = 'csv:Text - txt - csv (StarCalc):44,34,61,1';
const TXT_UTF16_TAB = 'csv:Text - txt - csv (StarCalc):9,34,65535,1';

function convert(work, profile, name, sheets, target, outName) {
  const src = join(work, `${name}.fods`);
  writeFileSync(src, fods(sheets));
  const outDir = join(work, `out-${outName}`);
  mkdirSync(outDir, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', target, '--outdir', outDir, src], {
    stdio: 'pipe',
  });
  const ext = target.startsWith('csv') ? 'csv' : target.split(':')[0];
  const produced = join(outDir, `${name}.${ext}`);
  const dest = join(OUT, outName);
  copyFileSync(produced, dest);
  return dest;
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'roster-fixtures-'));
  const profile = `file://${join(work, 'lo-profile')}`;
  try {
    const titled = [
      { name: '会员名册', rows: titledRoster() },
      { name: '填表说明', rows: INSTRUCTIONS },
    ];
    convert(work, profile, 'titled', titled, 'xlsx:Calc MS Excel 2007 XML', 'roster-title.xlsx');
    convert(work, profile, 'titled', titled, 'xls:MS Excel 97', 'roster-title.xls');

    // Excel on Chinese Windows saves "CSV (逗号分隔)" in code page 936 (GBK). Different header words on purpose.
    const gbkRows = titledRoster({ richName: false, typedDates: false });
    gbkRows[2] = [
      '序号',
      '姓名',
      '性别',
      '公民身份号码',
      '出生年月',
      '民族',
      '联系电话',
      '单位名称',
      '基层工会',
      '入会日期',
      '会员证号',
      '备注',
    ];
    convert(work, profile, 'gbk', [{ name: 'Sheet1', rows: gbkRows }], CSV_GBK, 'roster-gbk.csv');

    // Excel's "CSV UTF-8": UTF-8 with a byte-order mark. LibreOffice 7.4 cannot write the BOM, so it is added here.
    const utf8 = convert(
      work,
      profile,
      'utf8',
      [{ name: 'Sheet1', rows: titledRoster({ richName: false, typedDates: false }) }],
      CSV_UTF8,
      'roster-utf8-bom.csv',
    );
    const body = readFileSync(utf8);
    if (!(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf))
      writeFileSync(utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));

    // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
    convert(
      work,
      profile,
      'utf16',
      [{ name: 'Sheet1', rows: titledRoster({ richName: false, typedDates: false }) }],
      TXT_UTF16_TAB,
      'roster-utf16.txt',
    );

    convert(work, profile, 'idnum', [{ name: '会员', rows: idAsNumberRoster() }], 'xlsx:Calc MS Excel 2007 XML', 'roster-id-number.xlsx');
    convert(work, profile, 'idnum', [{ name: '会员', rows: idAsNumberRoster() }], CSV_UTF8, 'roster-id-number.csv');

    // The first sheet is empty: the reader must take the first one with rows.
    convert(
      work,
      profile,
      'messy',
      [
        { name: 'Sheet1', rows: [] },
        { name: '采集表', rows: messyRoster() },
      ],
      'xlsx:Calc MS Excel 2007 XML',
      'roster-messy.xlsx',
    );

    convert(work, profile, 'dups', [{ name: 'Sheet1', rows: duplicatesRoster() }], CSV_UTF8, 'roster-duplicates.csv');
    convert(work, profile, 'dates', [{ name: '日期', rows: badDatesRoster() }], 'xlsx:Calc MS Excel 2007 XML', 'roster-bad-dates.xlsx');

    writeWarningsFixture();

    // A text file someone renamed to .xlsx: must be refused with a clear error, not parsed as a spreadsheet.
    writeFileSync(join(OUT, 'renamed-text.xlsx'), `姓名,身份证号\n${PEOPLE[0].name},${PEOPLE[0].id}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // What the tests assert about the people, so they need not recompute check characters.
  writeFileSync(join(OUT, 'people.json'), `${JSON.stringify(PEOPLE, null, 2)}\n`);
  console.log(`fixtures written to ${OUT}`);
}

main();
