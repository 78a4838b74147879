// The bank card number and bank a file's draft keeps for payments (masked for screens and paper by @shared/domain/bank-account).

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
