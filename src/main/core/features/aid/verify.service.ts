import type { VerifyResult } from '@shared/contract/aid';
import { toHalfWidth } from '@shared/domain/half-width';
import { parseSignedCode, type CertificateCode, type VoucherCode } from '@shared/domain/signed-code';
import { localDate, localDateOf } from '../../clock';
import type { CallContext } from '../../context';
import type { Sqlite } from '../../db/client';
import { verifyAsOrg } from '../../keys/org-signing';
import { readOrg } from '../org/org.repo';
import { voucherIssuedOn } from './qr-codes';
import { certificateBySerial, paymentById, paymentBySerial, type VerifiableCertificate, type VerifiablePayment } from './verify.repo';

/**
 * 凭证核验: the QR text of a voucher or certificate (pasted, or typed by a USB scanner) or a typed serial → what it is.
 *
 * A code is judged in this order: readable at all (else `malformed`, with the reason), signed by one of this
 * organisation's keys (else `not-issued-here` when it names another organisation's code, `forged` when ours), about a
 * payment or certificate this database has, with the very fields the database holds (else `not-on-record`, with
 * problem `differs` for a record whose fields differ: a valid signature of our key means we issued it, so it is
 * never `forged`; an office that restored an older backup no longer holds the record, or holds it as it was before
 * the approval: the keys survive a restore, backup/restore-keys.ts), and then its state. A typed serial has no
 * signature: it is only looked up, and the answer says so (`serial-found`, or `serial-not-found`).
 * The summary masks the name to its first character and never carries an ID number.
 */
export function verify(ctx: CallContext, text: string): VerifyResult {
  const serial = typedSerial(text);
  if (serial) return bySerial(ctx, serial);

  const parsed = parseSignedCode(text);
  if (!parsed.ok) return answer('malformed', null, null, parsed.problem);
  const { payload } = parsed;
  // The signature first: a code our key signed is ours even if the credit code was corrected in 机构设置 since.
  if (!verifyAsOrg(ctx.sqlite, parsed.message, parsed.signature)) {
    const ours = payload.orgCode === readOrg(ctx.db)!.creditCode.toUpperCase();
    return answer(ours ? 'forged' : 'not-issued-here', payload.kind);
  }
  return payload.kind === 'voucher' ? checkVoucher(ctx.sqlite, payload) : checkCertificate(ctx, payload);
}

function checkVoucher(sqlite: Sqlite, code: VoucherCode): VerifyResult {
  const payment = paymentById(sqlite, code.paymentId);
  if (!payment) return answer('not-on-record', 'voucher');
  const same =
    payment.serial === code.serial &&
    payment.amountFen === code.amountFen &&
    payment.approvedAt !== null &&
    voucherIssuedOn(payment.approvedAt) === code.issuedOn;
  if (!same) return answer('not-on-record', 'voucher', null, 'differs');
  return answer(paymentVerdict(payment), 'voucher', paymentSummary(payment));
}

function checkCertificate(ctx: CallContext, code: CertificateCode): VerifyResult {
  const certificate = certificateBySerial(ctx.sqlite, code.serial);
  if (!certificate) return answer('not-on-record', 'certificate');
  if (certificate.fileId !== code.fileId || certificate.validUntil !== code.validUntil)
    return answer('not-on-record', 'certificate', null, 'differs');
  return answer(certificateVerdict(ctx, certificate), 'certificate', certificateSummary(certificate));
}

function bySerial(ctx: CallContext, serial: string): VerifyResult {
  const payment = paymentBySerial(ctx.sqlite, serial);
  if (payment) return answer('serial-found', 'voucher', paymentSummary(payment));
  const certificate = certificateBySerial(ctx.sqlite, serial);
  if (certificate) return answer('serial-found', 'certificate', certificateSummary(certificate));
  // Our own serial format, and no such record: a mistyped serial or year, or one given after the backup restored
  // since. Never "another organisation's": a serial names no organisation.
  return answer('serial-not-found', null);
}

function paymentVerdict(payment: VerifiablePayment): VerifyResult['verdict'] {
  if (payment.status === 'voided') return 'voided';
  return payment.status === 'paid' ? 'valid-paid' : 'valid-unpaid';
}

/** A certificate holds until its valid-until day, inclusive, on the office's calendar. */
function certificateVerdict(ctx: CallContext, certificate: VerifiableCertificate): VerifyResult['verdict'] {
  return localDate(ctx.clock) <= certificate.validUntil ? 'valid' : 'expired';
}

/**
 * A serial as a clerk types it (aid/serials.ts): 2027-000123 or 2027-123 for a voucher, Z2027-000001 for a
 * certificate, full-width digits, spaces and a lower-case z too. Anything else is read as a code.
 */
export function typedSerial(text: string): string | null {
  const m = /^(Z?)(\d{4})-(\d{1,6})$/.exec(toHalfWidth(text).replace(/\s+/g, '').toUpperCase());
  return m ? `${m[1]}${m[2]}-${m[3]!.padStart(6, '0')}` : null;
}

/** 张三 → 张*, 欧阳修 → 欧*: enough to tell a holder apart at a desk, never the length or the rest of a name. */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first ? `${first}*` : '';
}

type Summary = NonNullable<VerifyResult['summary']>;

function paymentSummary(payment: VerifiablePayment): Summary {
  return {
    serial: payment.serial ?? '',
    amountFen: payment.amountFen,
    date: payment.approvedAt ? voucherIssuedOn(payment.approvedAt) : null,
    type: payment.type as Summary['type'],
    programName: payment.programName,
    recipientMasked: maskName(payment.recipientName),
    status: payment.status as Summary['status'],
    voidedAt: payment.voidedAt,
    validUntil: null,
  };
}

function certificateSummary(certificate: VerifiableCertificate): Summary {
  return {
    serial: certificate.serial,
    amountFen: null,
    date: localDateOf(certificate.issuedAt),
    type: null,
    programName: null,
    recipientMasked: maskName(certificate.headName),
    status: null,
    voidedAt: null,
    validUntil: certificate.validUntil,
  };
}

function answer(
  verdict: VerifyResult['verdict'],
  kind: VerifyResult['kind'],
  summary: Summary | null = null,
  problem: string | null = null,
): VerifyResult {
  return { verdict, problem, kind, summary };
}
