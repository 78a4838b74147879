// The bank card number on aid's documents (the words of aid's codes they print are in @shared/labels-zh).

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
