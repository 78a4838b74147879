import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS } from '@shared/audit-events';
import { CHANNEL_NAMES } from '@shared/contract';
import { en } from '../../src/renderer/src/i18n/en';
import { zhCN } from '../../src/renderer/src/i18n/zh-CN';

/** The audit log and a record's history show an entry's action (its channel) and event in words, never a raw key. */
describe('audit words', () => {
  for (const [language, catalogue] of [
    ['zh-CN', zhCN],
    ['en', en],
  ] as const) {
    it(`${language}: every channel (an entry's action) has a label`, () => {
      const labels: Record<string, string | undefined> = catalogue.actions;
      expect(CHANNEL_NAMES.filter((name) => !labels[name]?.trim())).toEqual([]);
    });

    it(`${language}: every audit event has a sentence, and none shows an id`, () => {
      const sentences: Record<string, string | undefined> = catalogue.auditEvents;
      expect(AUDIT_EVENTS.filter((event) => !sentences[event]?.trim())).toEqual([]);
      // Ids are record references for the core, not words for the clerk.
      expect(AUDIT_EVENTS.filter((event) => /\{(into|id|recordId)\}/.test(sentences[event] ?? ''))).toEqual([]);
    });
  }

  it('zh-CN labels are Chinese words, not keys', () => {
    const labels: Record<string, string> = zhCN.actions;
    expect(Object.values(labels).filter((label) => /^[a-zA-Z.]+$/.test(label))).toEqual([]);
  });
});
