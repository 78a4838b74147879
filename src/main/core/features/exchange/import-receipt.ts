import { closeSync, openSync, readSync } from 'node:fs';
import type { FileRef } from '@shared/contract';
import type { Sqlite } from '../../db/client';
import { verifyReceipt, type BatchHeader, type OrgKeyRef, type RefusedRecord } from '../../exchange/format';
import { RECEIPT_FORMAT, RECEIPT_VERSION, type BatchReceipt, type ReceiptBody } from '../../exchange/format/receipt';
import { putOutboxFile, type TransientFiles } from '../../files';
import { orgSignedPrefix, ownSigningKeyName } from './org-envelope';

/**
 * The federation's signed receipt (`.bfr`, docs/exchange-format.md "The receipt"). It is the format library's
 * receipt byte for byte, but signed through `signAsOrg`, the one reader of the office's private key
 * (docs/architecture.md §5, org-envelope.ts), instead of handing the key to `encodeReceipt`; it is read back with `verifyReceipt`
 * before it is offered. Ed25519 is deterministic: the same receipt body gives the same bytes each time, so a
 * receipt downloaded again is the one given at the import.
 */

/** The receipt's header is one line the reader caps at 4 MiB: this many refused records are listed, the rest counted. */
export const RECEIPT_REFUSED_LIMIT = 20_000;

export function encodeSignedReceipt(sqlite: Sqlite, code: string, body: ReceiptBody): Buffer {
  const receipt: BatchReceipt = {
    format: RECEIPT_FORMAT,
    version: RECEIPT_VERSION,
    sender: { code, key: ownSigningKeyName(sqlite) },
    ...body,
  };
  return orgSignedPrefix(sqlite, 'RECEIPT', RECEIPT_VERSION, receipt);
}

/** Checks the receipt with this office's own key (as the centre will) and puts it in the outbox. */
export async function offerReceipt(files: TransientFiles, bytes: Buffer, name: string, ownKey: Buffer): Promise<FileRef> {
  const check = await verifyReceipt(bytes, { lookupSender: () => ownKey, isRecipient: () => true });
  if (!check.ok) throw new Error(`the receipt does not read back (${check.reason})`);
  return putOutboxFile(files, name, 'application/octet-stream', bytes);
}

export function receiptName(centreCode: string, sequence: number): string {
  return `回执-${centreCode}-第${sequence}批.bfr`;
}

/** The body of a receipt answering `header` (the batch's recipient in the receipt is the centre that sent it). */
export function receiptBody(
  header: BatchHeader,
  outcome: BatchReceipt['outcome'],
  receivedAt: string,
  details: { reason?: string; applied?: Record<string, number>; refused?: RefusedRecord[] } = {},
): ReceiptBody {
  const centre: OrgKeyRef = { code: header.sender.code, key: header.sender.key };
  return {
    recipient: centre,
    batch: { sequence: header.sequence, sha256: header.payload.sha256 },
    receivedAt,
    outcome,
    ...(details.reason ? { reason: details.reason } : {}),
    applied: details.applied ?? {},
    refused: (details.refused ?? []).slice(0, RECEIPT_REFUSED_LIMIT),
  };
}

/** The header of a kept batch file (lines 1 and 2), for a receipt made again later. */
export function keptHeader(path: string): BatchHeader {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(64 * 1024);
  let start: Buffer;
  try {
    start = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
  const first = start.indexOf(0x0a);
  const second = start.indexOf(0x0a, first + 1);
  return JSON.parse(start.subarray(first + 1, second).toString('utf8')) as BatchHeader;
}
