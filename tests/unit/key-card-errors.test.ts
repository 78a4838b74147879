import { describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '@shared/errors';

// The catalogue reads the chosen language from the browser's storage: none here, so Chinese.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { errorMessage } = await import('@renderer/i18n/errors');

describe('key card refusals in the administrator’s words', () => {
  it('name the other office and its mode, and never show a placeholder', () => {
    expect(errorMessage({ code: 'KEY_CARD_WRONG_MODE', params: { mode: 'centre', own: 'centre' } })).toMatch(/^这是一张帮扶中心的密钥卡。/);
    expect(errorMessage({ code: 'KEY_CARD_KEY_CHANGED', params: { name: '某市总工会' } })).toMatch(/^“某市总工会”已有一把受信任的密钥/);
    expect(errorMessage({ code: 'KEY_CARD_OTHER_FEDERATION', params: { name: '某市总工会' } })).toMatch(/已对接上级工会“某市总工会”/);
    expect(errorMessage({ code: 'KEY_CARD_RETIRED', params: { name: '某市总工会' } })).toMatch(/^这是“某市总工会”已经换掉的旧密钥卡/);
    expect(errorMessage({ code: 'NOT_FOUND', params: { record: 'exchangePeer' } })).toMatch(/对方密钥卡/);
    const params = { mode: 'federation', own: 'centre', name: '某市总工会' };
    for (const code of ERROR_CODES.filter((c) => c.startsWith('KEY_CARD_')))
      expect(errorMessage({ code, params }), code).not.toMatch(/[{}]/);
  });
});
