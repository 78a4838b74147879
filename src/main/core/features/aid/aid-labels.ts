import type { AidType, FundSource } from '@shared/domain/aid';

/**
 * The Chinese words of aid's codes for the documents the core prints (the core has no i18n; the renderer's catalogue,
 * zh-CN-aid-codes.ts, holds the same words for the screens).
 */
export const AID_TYPE_LABELS: Record<AidType, string> = {
  living: '生活救助',
  medical: '医疗救助',
  education: '助学',
  festival: '送温暖',
  emergency: '临时救助',
  accident: '意外救助',
  employment: '就业帮扶',
};

export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  central: '中央财政专项',
  local: '地方财政',
  union: '工会经费',
  donation: '社会捐助',
};

/** A card or account number as printed: its last four digits only (files.get shows it the same way). */
export const maskAccount = (account: string | null | undefined): string | null => (account ? `**** ${account.slice(-4)}` : null);

/** The card number a file's draft keeps for payments (files.saveDraft), or null. */
export function accountInDraft(draft: string | null): string | null {
  if (!draft) return null;
  return (JSON.parse(draft) as { bankAccount?: string | null }).bankAccount ?? null;
}

/** The bank (开户行) a file's draft keeps with its card number, or null. */
export function bankInDraft(draft: string | null): string | null {
  if (!draft) return null;
  return (JSON.parse(draft) as { bankName?: string | null }).bankName ?? null;
}
