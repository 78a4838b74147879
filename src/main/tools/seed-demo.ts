import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CoreEvent } from '@shared/contract';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { createCore } from '../core/core';
import { reserveInboxFile } from '../core/files';
import { newDatabaseKey, readKeyFile, writeKeyFile } from '../core/keys/key-file';
import { dataPaths } from '../core/paths';
import { writeDemoFilesFor } from './demo-hardship-files';
import { writeDemoCsv } from './demo-roster-file';
import { writeFederationDemo } from './federation-demo';

/**
 * `npm run seed:demo -- --members N [--files M] [--data DIR]`: fills a data folder with synthetic members (never real
 * people) through the program's own import, so the roster looks like a real district's, and with M hardship files
 * for the first M of them (demo-files.ts). A folder that was never set up gets a demo organisation and an
 * administrator whose password is printed. `--federation` instead sets up a demo federation (上级工会) and writes two
 * synthetic centres' records as if their batches had been imported (federation-demo.ts), for 各中心 and 重复核查.
 */
const here = import.meta.dirname; // out/main
const repoRoot = resolve(here, '..', '..');
const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000' },
    files: { type: 'string', default: '0' },
    federation: { type: 'boolean', default: false },
    data: { type: 'string', default: process.env.BANGFU_DATA_DIR ?? join(repoRoot, '.data') },
  },
});
const count = Number(values.members);
if (!Number.isInteger(count) || count < 1) throw new Error('--members takes a whole number');
const fileCount = Number(values.files);
if (!Number.isInteger(fileCount) || fileCount < 0 || fileCount > count) throw new Error('--files takes a whole number, at most --members');

process.umask(0o077); // the demo data folder is the user's alone, like the program's
const dataDir = resolve(values.data!);
const paths = dataPaths(dataDir);
let key = readKeyFile(paths.keyFile);
if (!key) {
  if (existsSync(paths.database)) throw new Error('this data folder has a database but no key file: not a web-host folder');
  key = newDatabaseKey();
  writeKeyFile(paths.keyFile, key);
}

const finished = new Map<string, Extract<CoreEvent, { type: 'job.finished' }>>();
const core = createCore({
  dataDir,
  resourcesDir: join(repoRoot, 'resources'),
  key,
  version: 'seed',
  autoBackup: false,
  importReaderPath: join(here, 'import-reader.js'),
  batchSealerPath: join(here, 'batch-sealer.js'),
  batchReaderPath: join(here, 'batch-reader.js'),
  onEvent: (event) => {
    if (event.type === 'job.finished') finished.set(event.jobId, event);
    if (event.type === 'job.progress' && event.done % 50_000 === 0) process.stdout.write(`  ${event.done} 行…\n`);
  },
});
async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch('seed', channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const DEMO_ADMIN = { username: 'admin', displayName: '演示管理员', password: 'Demo#2026x' };
if (core.state.state === 'needs-setup') {
  const code17 = values.federation ? '81110100MC0000009' : '81440106MC0000001'; // a union's code (starts with 8), check computed
  const org = values.federation
    ? { name: '演示市总工会', regionCode: '110100', mode: 'federation' as const }
    : { name: '演示区总工会职工帮扶中心', regionCode: '440106', mode: 'centre' as const };
  await call('system.setup', { org: { ...org, creditCode: code17 + creditCodeCheckChar(code17) }, admin: DEMO_ADMIN });
  console.log(`新建演示单位；管理员 ${DEMO_ADMIN.username} / ${DEMO_ADMIN.password}`);
}
await call('auth.signIn', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password });
if (values.federation) {
  writeFederationDemo(core.state.conn!.sqlite, new Date());
  await seedFederationPolicy();
  console.log(`演示上级工会：两个中心的数据已写入。数据目录 ${dataDir}`);
  core.close();
  process.exit(0);
}

/**
 * What a federation sends its centres in a policy file (政策参数 → 导出政策文件): this year's 低保 line of the city and
 * a cap, and two open programs, so the demo's policy file has content (synthetic values, not any city's real ones).
 */
async function seedFederationPolicy(): Promise<void> {
  const year = new Date().getFullYear();
  await call('policy.add', { key: 'lowIncomeLine', regionCode: '110100', effectiveFrom: `${year}-01-01`, value: 145_000 });
  await call('policy.add', { key: 'aidYearCapFestival', regionCode: null, effectiveFrom: `${year}-01-01`, value: 200_000 });
  const program = { year, budgetFen: null, note: null };
  await call('aid.saveProgram', {
    ...program,
    type: 'festival',
    name: `${year}年元旦春节送温暖`,
    fundSource: 'union',
    standard: { kind: 'fixed', amountFen: 80_000, byCategory: {} },
  });
  await call('aid.saveProgram', {
    ...program,
    type: 'education',
    name: `${year}年金秋助学`,
    fundSource: 'union',
    standard: { kind: 'perStudent', byStage: { college: 500_000, vocational: 200_000, senior: 200_000 } },
  });
}

const started = Date.now();
const file = reserveInboxFile(core.state.files, 'demo-roster.csv');
await writeDemoCsv(file.stream, count);
const inspected = await call<{ suggested: Record<string, number> }>('rosterImport.inspect', {
  uploadId: file.uploadId,
  fileName: file.name,
});
const { jobId } = await call<{ jobId: string }>('rosterImport.commit', {
  uploadId: file.uploadId,
  fileName: file.name,
  mapping: inspected.suggested,
  policy: 'skip',
});
while (!finished.has(jobId)) await new Promise((r) => setTimeout(r, 50));
const result = finished.get(jobId)!.result;
if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error)}`);
console.log(
  `演示会员已导入：${JSON.stringify((result.data as { counts: unknown }).counts)}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。数据目录 ${dataDir}`,
);
if (fileCount > 0) {
  const written = writeDemoFilesFor(core, fileCount);
  console.log(`演示困难职工档案：${written} 份`);
}
core.close();
