import type { Sqlite } from '../../db/client';

/** What the voucher check reads of a payment: its signed fields, its state and the summary (never the ID number). */
export interface VerifiablePayment {
  id: string;
  serial: string | null;
  amountFen: number;
  approvedAt: string | null;
  status: string;
  voidedAt: string | null;
  type: string;
  programName: string;
  recipientName: string;
}

const PAYMENT = `SELECT p.id, p.voucher_serial AS serial, p.amount_fen AS amountFen, p.approved_at AS approvedAt, p.status,
  p.voided_at AS voidedAt, p.type, g.name AS programName, p.recipient_name AS recipientName
  FROM aid_payments p JOIN aid_programs g ON g.id = p.program_id`;

export function paymentById(sqlite: Sqlite, id: string): VerifiablePayment | undefined {
  return sqlite.prepare(`${PAYMENT} WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as VerifiablePayment | undefined;
}

export function paymentBySerial(sqlite: Sqlite, serial: string): VerifiablePayment | undefined {
  return sqlite.prepare(`${PAYMENT} WHERE p.voucher_serial = ? AND p.deleted_at IS NULL`).get(serial) as VerifiablePayment | undefined;
}

export interface VerifiableCertificate {
  serial: string;
  fileId: string;
  validUntil: string;
  issuedAt: string;
  headName: string;
}

const CERTIFICATE = `SELECT c.serial, c.file_id AS fileId, c.valid_until AS validUntil, c.issued_at AS issuedAt, f.head_name AS headName
  FROM aid_certificates c JOIN hardship_files f ON f.id = c.file_id`;

export function certificateBySerial(sqlite: Sqlite, serial: string): VerifiableCertificate | undefined {
  return sqlite.prepare(`${CERTIFICATE} WHERE c.serial = ?`).get(serial) as VerifiableCertificate | undefined;
}
