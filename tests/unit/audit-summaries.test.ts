import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AUDIT_EVENTS, type AuditEvent, type AuditParams } from '@shared/audit-events';
import type * as I18nModule from '../../src/renderer/src/i18n';

type I18n = typeof I18nModule;

/** Representative parameters of each event, as the core writes them (src/shared/audit-events.ts). */
const PARAMS: Record<AuditEvent, AuditParams> = {
  'org.setUp': { mode: 'centre' },
  'org.settingsChanged': { fields: 'contactPhone,contactAddress', idleLockMinutes: 10 },
  'key.recovered': {},
  'user.created': { role: 'clerk' },
  'user.renamed': {},
  'user.roleChanged': { from: 'clerk', to: 'admin' },
  'user.disabled': {},
  'user.enabled': {},
  'user.passwordReset': {},
  'user.passwordChanged': {},
  'user.signedIn': {},
  'user.signedOut': {},
  'user.wrongPassword': { attempt: 2 },
  'user.lockedOut': { minutes: 15 },
  'user.unlocked': {},
  'user.screenLocked': {},
  'user.screenUnlocked': {},
  'backup.created': {},
  'backup.copied': {},
  // The file name the backup list shows: the one technical word a summary may carry.
  'backup.restored': { keptAs: '20261206-120000-pre-restore' },
  'backup.countersCarried': { raised: 2 },
  'backup.exchangeCarried': { batches: 1 },
  'backup.alarmsCarried': { alarms: 1 },
  'backup.withdrawalsCarried': { cards: 1 },
  'member.created': {},
  'member.updated': { fields: 'phone,unitName' },
  'member.statusChanged': { from: 'active', to: 'withdrawn' },
  'member.idRevealed': {},
  'unit.created': { kind: 'union' },
  'unit.renamed': {},
  'unit.merged': { into: '0b6f3f1e-0000-4000-8000-000000000000', moved: 3 },
  'roster.imported': { new: 3, updated: 1, rejected: 0, firstRef: 1, lastRef: 3 },
  'roster.exported': { count: 4 },
  'roster.exportedFullIds': { count: 4 },
  'roster.printed': { count: 4 },
  'policy.added': { key: 'lowIncomeLine', regionCode: '110105', effectiveFrom: '2026-01-01' },
  'policy.voided': { key: 'lowIncomeLine' },
  'policy.daySet': { date: '2026-10-01', kind: 'holiday' },
  'policyFile.exported': { issue: 3, values: 12, programs: 2 },
  'policyFile.imported': {
    source: '81110100MC00000017',
    issue: 3,
    valuesAdded: 10,
    valuesSkipped: 2,
    programsAdded: 2,
    programsSkipped: 0,
  },
  'file.created': { workerType: 'employee', member: 'yes' },
  'file.draftSaved': {},
  'file.visitRecorded': { kind: 'initial', allClear: 'yes', photos: 2 },
  'file.attached': { type: 'idCard' },
  'file.attachmentWithdrawn': { type: 'idCard' },
  'file.action': { action: 'submit', from: 'draft', to: 'submitted' },
  'file.printed': { document: 'application', count: 1 },
  'file.imported': { category: 'deep', from: '深度困难' },
  'file.attachmentOpened': { type: 'idCard' },
  'files.exported': { count: 2 },
  'files.exportedFullIds': { count: 2 },
  'file.importStaged': { category: 'deep', from: '深度困难' },
  'fileImport.staged': { files: 2 },
  'fileImport.decided': { decision: 'confirm', files: 2 },
  'reports.exported': { period: '2026年第三季度', format: 'xlsx', tables: 3 },
  'audit.anchorStarted': {},
  'audit.alarmRaised': { kind: 'chain-broken', when: 'start', seq: 12 },
  'audit.alarmAcknowledged': { alarm: 40, kind: 'chain-broken' },
  'aid.programSaved': { type: 'festival', year: 2027, created: 'yes' },
  'aid.programStatusSet': { status: 'closed' },
  'aid.paymentCreated': { type: 'medical', method: 'bank', route: 'file', adjusted: 'no' },
  'aid.overBudget': { type: 'living' },
  'aid.nameMismatch': { type: 'emergency' },
  'aid.batchCreated': { type: 'festival', count: 120, excluded: 1, adjusted: 2 },
  'aid.paymentsApproved': { count: 120, first: '2027-000001', last: '2027-000120' },
  'aid.paymentsPaid': { count: 120 },
  'aid.paymentVoided': { type: 'festival', serial: '2027-000007' },
  'aid.paymentReissued': { type: 'festival' },
  'aid.vouchersPrinted': { count: 120, reprints: 3, layout: 'a4-three' },
  'aid.sheetPrinted': { count: 120, pages: 6 },
  'aid.bankListExported': { count: 120 },
  'aid.certificatePrinted': { serial: '2027-000001', reprint: 'no' },
  'aid.contactCardsPrinted': { count: 10 },
  'org.signingKeyCreated': { when: 'start' },
  'org.keysCarried': { added: 1, updated: 0, retired: 1 },
  'org.keyCardExported': { as: 'card' },
  'org.exchangeKeyCreated': { when: 'start' },
  'org.keysReplaced': {},
  'exchange.cardImported': { name: '某市总工会', mode: 'federation', change: 'new' },
  'exchange.peerConfirmed': { name: '某市总工会', mode: 'federation', change: 'signed' },
  'exchange.peerWithdrawn': { name: '某市总工会', status: 'trusted' },
  'exchange.peerCardPrinted': { name: '某市总工会' },
  'exchange.batchExported': { sequence: 2, kind: 'changes', records: 120, attachments: 3 },
  'exchange.batchExportedAgain': { from: 2, to: 4 },
  'exchange.receiptImported': { sequence: 2, outcome: 'applied', refused: 1 },
  'exchangeImport.applied': { name: '某区帮扶中心', sequence: 2, records: 120, refused: 1, attachments: 3 },
  'exchangeImport.withdrawn': { name: '某中心', sequence: 4, withdrawn: 1 },
  'exchangeImport.repeat': { name: '某区帮扶中心', sequence: 2 },
  'exchangeImport.refused': { reason: 'sequence-gap', name: '某区帮扶中心', sequence: 3, expected: 2 },
  'exchangeImport.alarm': { name: '某区帮扶中心', sequence: 2 },
  'exchangeImport.alarmSettled': { name: '某区帮扶中心', sequence: 2 },
  'compare.listImported': { kind: 'dibao', rows: 1200, rejected: 3 },
  'compare.exported': { kind: 'disability', matched: 40, missing: 2, outreach: 900 },
  'compare.listDeleted': { kind: 'hospital', rows: 300 },
  'federation.duplicatesExported': { files: 3, aid: 2 },
};

let i18n: I18n;

beforeAll(async () => {
  // The renderer's i18n reads the language from localStorage and marks <html lang>: a stand-in for both.
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  i18n = await import('../../src/renderer/src/i18n');
});

describe('audit summaries in words', () => {
  it('zh-CN: no event shows a code, a placeholder or an ASCII word', () => {
    i18n.setLanguage('zh-CN');
    const keptAs = String(PARAMS['backup.restored'].keptAs);
    const shown = AUDIT_EVENTS.map(
      (event) => [event, i18n.auditSummaryText({ event, params: PARAMS[event] }).replace(keptAs, '')] as const,
    );
    expect(shown.filter(([, text]) => /[A-Za-z{}]/.test(text))).toEqual([]);
    expect(i18n.auditSummaryText({ event: 'file.printed', params: { document: 'notice', count: 1 } })).toBe('打印档案文书（公示，1 份）');
    expect(i18n.auditSummaryText({ event: 'file.printed', params: { document: 'visit', count: 2 } })).toBe(
      '打印档案文书（入户调查表，2 份）',
    );
    expect(i18n.auditSummaryText({ event: 'org.settingsChanged', params: PARAMS['org.settingsChanged'] })).toBe(
      '修改机构设置：联系电话、联系地址（空闲自动锁定 10 分钟）',
    );
    // An entry written before the names were logged, and a save that changed nothing.
    expect(i18n.auditSummaryText({ event: 'org.settingsChanged', params: { idleLockMinutes: 10 } })).toBe(
      '修改机构设置：未记下改了哪些（空闲自动锁定 10 分钟）',
    );
    expect(i18n.auditSummaryText({ event: 'org.settingsChanged', params: { fields: '', idleLockMinutes: 10 } })).toContain('没有改动');
  });

  it('en: no event shows a placeholder', () => {
    i18n.setLanguage('en');
    const shown = AUDIT_EVENTS.map((event) => [event, i18n.auditSummaryText({ event, params: PARAMS[event] })] as const);
    expect(shown.filter(([, text]) => /[{}]/.test(text))).toEqual([]);
    expect(i18n.auditSummaryText({ event: 'file.printed', params: { document: 'application', count: 1 } })).toContain('application form');
    i18n.setLanguage('zh-CN');
  });

  it('a report exported at a federation names whose records it counted; at a centre, none', () => {
    i18n.setLanguage('zh-CN');
    const params = PARAMS['reports.exported'];
    expect(i18n.auditSummaryText({ event: 'reports.exported', params })).toBe('导出统计报表：2026年第三季度，3 张表（电子表格）');
    expect(i18n.auditSummaryText({ event: 'reports.exported', params: { ...params, centre: 'all' } })).toBe(
      '导出统计报表：2026年第三季度，3 张表（电子表格），各中心合计',
    );
    expect(i18n.auditSummaryText({ event: 'reports.exported', params: { ...params, centre: '91110105MA01ABCD1X' } })).toBe(
      '导出统计报表：2026年第三季度，3 张表（电子表格），中心 91110105MA01ABCD1X',
    );
    i18n.setLanguage('en');
    expect(i18n.auditSummaryText({ event: 'reports.exported', params: { ...params, centre: 'all' } })).toBe(
      'Report tables exported: 2026年第三季度, 3 tables (spreadsheet), all centres combined',
    );
    i18n.setLanguage('zh-CN');
  });

  it('a unit created while saving a member stands under its own action, not as 新增会员', () => {
    i18n.setLanguage('zh-CN');
    const entry = { action: 'roster.create', summary: { event: 'unit.created' as const, params: { kind: 'union' } } };
    expect(i18n.auditActionText(entry)).toBe('新建基层工会（新增会员时）');
    expect(i18n.auditActionText({ action: 'roster.create', summary: { event: 'member.created', params: {} } })).toBe('新增会员');
  });
});
