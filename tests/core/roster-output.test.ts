import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '@shared/domain/id-number';
import { outboxCopy, startSetUpCore, tempDir, type TestCore } from './support/core';

const id = (first17: string) => first17 + idCheckChar(first17);

async function seedMembers(t: TestCore, n: number) {
  for (let i = 0; i < n; i++) {
    await t.call('roster.create', {
      name: `测试会员${i}`,
      idNumber: id(`44010619800101${String(i).padStart(3, '0')}`),
      phone: `1380000${String(i).padStart(4, '0')}`,
      unitName: i % 2 ? '甲单位' : '乙单位',
    });
  }
}

async function file(t: TestCore, channel: 'roster.export' | 'roster.print', input: Record<string, unknown>) {
  const { result } = await t.job(channel, { query: '', ...input } as never);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return outboxCopy(t, (result.data as { fileId: string }).fileId);
}

describe('roster export and print', () => {
  it('exports the current search as .xlsx with masked IDs, logged without its contents', async () => {
    const t = await startSetUpCore();
    await seedMembers(t, 5);
    const path = await file(t, 'roster.export', { query: '甲单位', fullIds: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 2); // header + the two members of 甲单位
    expect(String(sheet.getRow(2).getCell(5).value)).toMatch(/^440106\*{8}\d{3}[\dX]$/);
    const audit = await t.call('audit.list', { action: 'roster.export', page: 1, pageSize: 5 });
    expect(audit.entries[0]!.summary).toEqual({ event: 'roster.exported', params: { count: 2 } });
  });

  it('gives full IDs only to an administrator', async () => {
    const t = await startSetUpCore();
    await seedMembers(t, 1);
    const path = await file(t, 'roster.export', { fullIds: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(String(workbook.worksheets[0]!.getRow(2).getCell(5).value)).toBe(id('44010619800101000'));
    const audit = await t.call('audit.list', { action: 'roster.export', page: 1, pageSize: 5 });
    expect(audit.entries[0]!.summary.event).toBe('roster.exportedFullIds');
  });

  it('prints an A4 landscape list with the header on every page and 第 x 页 共 y 页', async () => {
    const t = await startSetUpCore();
    await seedMembers(t, 60);
    const path = await file(t, 'roster.print', {});
    const pdf = join(tempDir(), 'roster.pdf');
    writeFileSync(pdf, (await import('node:fs')).readFileSync(path));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('身份证号'); // the table header repeats
      expect(page.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages.length}页`); // pdftotext drops spaces between CJK characters
    }
    expect(text).toContain('测试会员59');
    expect(text).not.toMatch(/44010619800101\d{3}[\dX]/); // IDs masked
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/); // A4 landscape
  });
});

describe('roster export rights', () => {
  it('refuses full ID numbers to a clerk', async () => {
    const { addUser } = await import('./support/core');
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk1', 'c');
    expect((await t.fail('roster.export', { query: '', fullIds: true }, 'c')).code).toBe('FORBIDDEN');
  });
});
