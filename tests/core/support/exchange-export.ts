import { join } from 'node:path';
import type { FileRef } from '@shared/contract';
import {
  readBatchEntries,
  verifyBatchFile,
  writeReceipt,
  type BatchAttachment,
  type BatchManifest,
  type BatchRecord,
  keyFingerprint,
  type Ed25519Private,
} from '../../../src/main/core/exchange/format';
import type { ReceiptBody } from '../../../src/main/core/exchange/format/receipt';
import { exchangeIdentities } from '../../../src/main/core/keys/org-exchange';
import { orgSigningKeyForBatch, readSigningKey } from '../../../src/main/core/keys/org-signing';
import { sqliteOf } from './aid';
import { ORG, inboxUpload, outboxCopy, tempDir, type TestCore } from './core';
import { FEDERATION, cardText, importCard, startOffice } from './exchange';
import { office } from './hardship';

/** Helpers of the 上报批次 tests (exchange-export*.test.ts): a centre that trusts a real federation office. */

export async function centreWithFederation(options: Parameters<typeof office>[0] = {}) {
  const federation = await startOffice(FEDERATION);
  const o = await office(options);
  const { peer } = await importCard(o.t, await cardText(federation));
  await o.t.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
  return { ...o, federation };
}

export async function exportBatch(t: TestCore) {
  const { result, progress } = await t.job('exchange.exportBatch', {}, 'clerk');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { ...result.data, progress };
}

export interface ReadBatch {
  sequence: number;
  manifest: BatchManifest;
  records: BatchRecord[];
  attachments: BatchAttachment[];
  payloadSha256: string;
  path: string;
}

/** The federation's reading of a batch the centre handed over: verified with the centre's key, decrypted with its identity. */
export async function readAsFederation(centre: TestCore, federation: TestCore, file: FileRef): Promise<ReadBatch> {
  const path = await outboxCopy(centre, file.fileId);
  const key = readSigningKey(sqliteOf(centre))!.publicKey;
  const verdict = await verifyBatchFile(path, { lookupSender: () => key, isRecipient: () => true });
  if (!verdict.ok) throw new Error(verdict.reason);
  const opened = await readBatchEntries(path, verdict, { ageIdentity: exchangeIdentities(sqliteOf(federation))[0]! });
  const records: BatchRecord[] = [];
  const attachments: BatchAttachment[] = [];
  for await (const entry of opened.entries) {
    if (entry.kind === 'record') records.push(entry.record);
    else attachments.push(entry.attachment);
  }
  return {
    sequence: verdict.header.sequence,
    manifest: opened.manifest,
    records,
    attachments,
    payloadSha256: verdict.header.payload.sha256,
    path,
  };
}

/** A receipt signed by `signer` (the federation's own key unless a test passes another), as an upload at the centre. */
export async function receiptUpload(
  centre: TestCore,
  federation: TestCore,
  body: Omit<ReceiptBody, 'recipient'> & { recipient?: ReceiptBody['recipient'] },
  signer?: { code: string; signingKey: Ed25519Private },
) {
  const sender = signer ?? { code: FEDERATION.creditCode, signingKey: orgSigningKeyForBatch(sqliteOf(federation)).privateKey };
  const recipient = body.recipient ?? { code: ORG.creditCode, key: keyFingerprint(readSigningKey(sqliteOf(centre))!.publicKey) };
  const path = join(tempDir(), 'receipt.bfr');
  const bytes = await writeReceipt(path, { ...body, recipient }, sender);
  return { upload: () => inboxUpload(centre, '回执.bfr', bytes), bytes, path };
}
