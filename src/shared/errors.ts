/**
 * Error codes that cross every boundary (core → router → transport → renderer).
 * The renderer shows the localized message for the code (src/renderer/src/i18n); params fill its placeholders.
 * Params never carry personal data: they name fields, counts and limits, not people.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SESSION_LOCKED',
  // The web host was started again since this tab got its pass (the per-run token): the tab must open the new address.
  'HOST_RESTARTED',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  // users.unlock on an account that is not locked (someone else unlocked it, or the lockout ran out).
  'ACCOUNT_NOT_LOCKED',
  'PASSWORD_TOO_WEAK',
  'PASSWORD_REUSED',
  'PASSWORD_CHANGE_REQUIRED',
  'USERNAME_TAKEN',
  'LAST_ADMIN',
  'NOT_FOUND',
  'STALE_RECORD',
  'INVALID_ID_NUMBER',
  'INVALID_PHONE',
  'DUPLICATE_ID_NUMBER',
  'UNIT_MERGE_INVALID',
  'UNIT_NAME_TAKEN',
  'BUSY',
  'IMPORT_HAS_DUPLICATES',
  'POLICY_VALUE_INVALID',
  'POLICY_DUPLICATE',
  'POLICY_ALREADY_VOIDED',
  'FILE_EXISTS',
  'MIGRANT_NOT_MEMBER',
  'MEMBER_NOT_ACTIVE',
  'FILE_DRAFT_INVALID',
  'FILE_NOT_EDITABLE',
  'FILE_ACTION_BLOCKED',
  'VISIT_INVALID',
  'ATTACHMENT_INVALID',
  'ATTACHMENT_WITHDRAWN',
  'FILE_IMPORT_INVALID',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'INVALID_CREDIT_CODE',
  'INVALID_REGION_CODE',
  'DB_WRONG_KEY',
  'DB_TOO_NEW',
  'KEY_MISSING',
  'BAD_RECOVERY_CODE',
  'BACKUP_INVALID',
  'FILE_NOT_FOUND',
  'FILE_TOO_LARGE',
  'JOB_CANCELLED',
  'MISSING_GLYPHS',
  // A role without the logged reveal searched more whole ID numbers today than a desk needs (members.service.ts).
  'ID_SEARCH_LIMIT',
  'DB_DAMAGED',
  'INTERNAL',
  'FILE_IMPORT_BLOCKED',
  // Aid (features/aid): a rule of docs/domain.md "Aid" refused the payment; params say which and the numbers.
  'AID_PROGRAM_INVALID',
  'AID_PROGRAM_CLOSED',
  'AID_NOT_ELIGIBLE',
  'AID_OVER_CAP',
  'AID_OVER_BUDGET',
  'AID_DUPLICATE_IN_BATCH',
  'AID_WRONG_STATE',
  'AID_OWN_ENTRY',
  // 整批审核 confirmed a count and total that no longer match the batch (a payment was added or changed meanwhile).
  'AID_BATCH_CHANGED',
  // A payment sheet with nothing approved on it: money is handed out against the sheet (features/aid/sheet.service.ts).
  'AID_SHEET_NOT_APPROVED',
  // Aid's printed documents (features/aid/print.service.ts): a voucher needs its serial (given at approval), and a
  // 困难职工证明 an active file.
  'AID_VOUCHER_NOT_APPROVED',
  'AID_CERTIFICATE_NOT_ACTIVE',
  // A bank payment for a file with no account on it (or on the emergency route): fill it in or pay in cash.
  'AID_NO_BANK_ACCOUNT',
  // Key cards (features/exchange): why another office's .bfkey was not taken in; params name the office, never keys.
  'KEY_CARD_NOT_A_CARD',
  'KEY_CARD_NEWER',
  'KEY_CARD_OLD_VERSION',
  'KEY_CARD_DAMAGED',
  'KEY_CARD_BAD_SIGNATURE',
  'KEY_CARD_OWN',
  'KEY_CARD_WRONG_MODE',
  'KEY_CARD_OTHER_FEDERATION',
  'KEY_CARD_KEY_CHANGED',
  'KEY_CARD_RETIRED',
  // 上报批次 (features/exchange export-*.ts, outbox.*): centre mode with a trusted federation card; a kept batch that is
  // gone or altered names its sequence; a receipt that is not the federation's signed answer to a batch sent here.
  'EXCHANGE_NOT_CENTRE',
  'EXCHANGE_NO_FEDERATION',
  'EXCHANGE_KEPT_MISSING',
  'EXCHANGE_KEPT_ALTERED',
  'EXCHANGE_NO_SUCH_BATCH',
  'RECEIPT_NOT_A_RECEIPT',
  'RECEIPT_NEWER',
  'RECEIPT_ALTERED',
  'RECEIPT_UNTRUSTED',
  'RECEIPT_WRONG_CENTRE',
  'RECEIPT_UNKNOWN_BATCH',
  'RECEIPT_OTHER_BATCH',
  // The federation's import of centres' batches (features/exchange import-*): only a federation imports batches;
  // a receipt asked for a batch whose kept file is gone; an alarm settled twice.
  'EXCHANGE_FEDERATION_ONLY',
  'EXCHANGE_RECEIPT_UNAVAILABLE',
  'EXCHANGE_ALARM_SETTLED',
  // Policy files (features/policy-file): the federation exports, a centre with a trusted federation imports; a file
  // refused names why (another federation's, an untrusted key, altered, cut short, newer, older than one taken in).
  'POLICY_FILE_FEDERATION_ONLY',
  'POLICY_FILE_CENTRE_ONLY',
  'POLICY_FILE_NO_FEDERATION',
  'POLICY_FILE_NOTHING_CHOSEN',
  'POLICY_FILE_NOT_A_FILE',
  'POLICY_FILE_NEWER',
  'POLICY_FILE_TRUNCATED',
  'POLICY_FILE_ALTERED',
  'POLICY_FILE_UNTRUSTED',
  'POLICY_FILE_OTHER_FEDERATION',
  'POLICY_FILE_OLDER_ISSUE',
  'POLICY_FILE_BAD_CONTENT',
  // The federation's views of its centres (features/federation): a centre has no centres to look at.
  'FEDERATION_MODE_ONLY',
  // Reports (features/reports): an as-of day before the period's first day; a drill key the core cannot read.
  'REPORT_AS_OF_BEFORE_PERIOD',
  'REPORT_DRILL_UNKNOWN',
  // A report's centre: asked for at a centre (federation mode only), or a code that is not one of the centres.
  'REPORT_SCOPE_FEDERATION_ONLY',
  'REPORT_CENTRE_UNKNOWN',
  // The director's charts' centre (features/dashboard): the same two refusals, worded for the home page.
  'DASHBOARD_SCOPE_FEDERATION_ONLY',
  'DASHBOARD_CENTRE_UNKNOWN',
  // 信息比对 (features/compare): a list in which no row has a valid ID number in the chosen column.
  'COMPARE_LIST_EMPTY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number | boolean | string[] | undefined>;

export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  params?: ErrorParams;
  /** Present for INVALID_INPUT: which fields failed and why (zod's words, no values). */
  issues?: ValidationIssue[];
  /** Present for INTERNAL: the reference under which the redacted error was logged. */
  ref?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

/** Thrown by services; the router turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
  readonly issues?: ValidationIssue[];

  constructor(code: ErrorCode, params?: ErrorParams, issues?: ValidationIssue[]) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.issues = issues;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code };
    if (this.params) shape.params = this.params;
    if (this.issues) shape.issues = this.issues;
    return shape;
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code)
  );
}
