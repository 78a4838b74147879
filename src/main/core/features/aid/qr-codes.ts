import { formatSignedCode, signedMessage, type SignedCodePayload } from '@shared/domain/signed-code';
import { localDateOf } from '../../clock';
import type { Sqlite } from '../../db/client';
import { signAsOrg } from '../../keys/org-signing';
import { certificateBySerial, paymentById } from './verify.repo';

/**
 * The signed QR text printed on a voucher or a certificate (shared/domain/signed-code.ts), made from the database
 * so that what is signed is exactly what the check (verify.service.ts) compares against later.
 */

function orgCode(sqlite: Sqlite): string {
  return (sqlite.prepare('SELECT credit_code FROM org WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string).toUpperCase();
}

function signed(sqlite: Sqlite, payload: SignedCodePayload): string {
  return formatSignedCode(payload, signAsOrg(sqlite, signedMessage(payload)).signature);
}

/** The voucher's day is its approval day (when the serial was given), on the office's calendar. */
export function voucherIssuedOn(approvedAt: string): string {
  return localDateOf(approvedAt);
}

/** The QR text of an approved payment's voucher; throws for a payment that has no voucher yet (no serial). */
export function voucherCodeText(sqlite: Sqlite, paymentId: string): string {
  const payment = paymentById(sqlite, paymentId);
  if (!payment?.serial || !payment.approvedAt) throw new Error('a voucher needs an approved payment with a serial');
  return signed(sqlite, {
    kind: 'voucher',
    orgCode: orgCode(sqlite),
    serial: payment.serial,
    paymentId: payment.id,
    amountFen: payment.amountFen,
    issuedOn: voucherIssuedOn(payment.approvedAt),
  });
}

/** The QR text of an issued certificate, by its serial. */
export function certificateCodeText(sqlite: Sqlite, serial: string): string {
  const certificate = certificateBySerial(sqlite, serial);
  if (!certificate) throw new Error('no certificate with this serial');
  return signed(sqlite, {
    kind: 'certificate',
    orgCode: orgCode(sqlite),
    serial: certificate.serial,
    fileId: certificate.fileId,
    validUntil: certificate.validUntil,
  });
}
