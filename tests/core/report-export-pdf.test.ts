import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportFile } from '../../src/main/core/reports/report-export';
import { aidSheet, causeSheet } from './support/report-sheets';

/** The report tables printed by pdfmake with the bundled font, read back with pdftotext and pdfinfo. */

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bangfu-report-pdf-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const options = { fontsDir: resolve('resources/fonts'), printedAt: new Date(Date.UTC(2026, 9, 8, 1, 12)) };

async function printed(sheets = [aidSheet(), causeSheet(80)]) {
  const file = await writeReportFile(sheets, 'pdf', options);
  const path = join(work, file.name);
  writeFileSync(path, file.bytes);
  const pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  // pdftotext puts spaces between CJK characters as the layout spaces them: compare without whitespace.
  return { file, path, pages, flat: pages.map((page) => page.replace(/\s+/g, '')) };
}

describe('report PDF', () => {
  it('prints the title, unit, period, merged headers, amounts to the fen, 合计, the signature line and computed-at', async () => {
    const { file, path, pages, flat } = await printed();
    expect(file.name).toBe('统计报表-2026年第三季度.pdf');
    expect(file.mime).toBe('application/pdf');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28/);
    const first = flat[0]!;
    expect(first).toContain('帮扶救助资金发放情况统计表');
    expect(first).toContain('填报单位：测试市总工会困难职工帮扶中心');
    expect(first).toContain('统计期间：2026年第三季度截至2026-09-30');
    expect(first).toContain('单位：户、人次、元');
    expect(first).toContain('上级专项资金');
    expect(first).toContain('金额（元）');
    expect(pages[0]).toMatch(/生活救助\s+3\s+4\s+1,234\.56\s+2\s+2\s+1,000\.00/);
    expect(pages[0]).toMatch(/合\s*计\s+4\s+5\s+1,734\.57\s+2\s+2\s+1,000\.00/);
    expect(first).toContain('人次按发放笔数计，补发只计一次，作废的不计。');
    expect(first).toMatch(/填报人：＿+审核人：＿+单位负责人：＿+填报日期：2026年10月08日/);
    expect(first).toContain('计算时间：2026-10-08 09:12'.replace(/\s/g, ''));
  });

  it('starts each table on a new page and repeats its header rows on every page it runs to', async () => {
    const { pages, flat } = await printed();
    expect(flat[0]).not.toContain('困难职工家庭致困原因统计表');
    const cause = flat.map((page, i) => (page.includes('致困原因') ? i : -1)).filter((i) => i >= 0);
    expect(cause.length).toBeGreaterThan(1); // 80 rows run over several pages
    for (const i of cause) expect(flat[i]).toContain('致困原因深度困难相对困难意外致困');
    expect(flat[cause[0]!]).toContain('困难职工家庭致困原因统计表');
    const last = flat[flat.length - 1]!;
    expect(last).toContain('原因80');
    expect(last).toMatch(/合计3160800/);
    expect(last).toContain('填报人：');
    for (const [i, page] of flat.entries()) expect(page).toContain(`第${i + 1}页共${pages.length}页`);
  });

  it('prints the same bytes for the same sheets and moment', async () => {
    const a = await writeReportFile([aidSheet()], 'pdf', options);
    const b = await writeReportFile([aidSheet()], 'pdf', options);
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });
});
