/**
 * A bank card or account number as the screens and printed documents show it: its last four digits only, so a
 * payment can be matched to the card in the worker's hand without the full number leaving the core (the bank's
 * transfer list is the one document with full numbers, docs/domain.md "Personal data").
 */
export const maskAccount = (account: string | null | undefined): string | null => (account ? `**** ${account.slice(-4)}` : null);
