/** The exchange file formats (docs/exchange-format.md): `.bfb` batches, `.bfr` receipts and `.bfp` policy files. */
export { BATCH_FORMAT, BATCH_VERSION, type BatchHeader, type OrgKeyRef } from './batch-header';
export { readBatchEntries, verifyBatchFile, type BatchCheck, type BatchVerdict, type OpenedBatch } from './batch-reader';
export { BATCH_GZIP_LEVEL, writeBatch, type BatchWriteOptions, type BatchWritten } from './batch-writer';
export { keyFingerprint, type Ed25519Private, type Ed25519Public } from './keys';
export type { BatchAttachment, BatchEntry, BatchLines, BatchManifest, BatchRecord, BatchWriteEntry } from './payload';
export { BatchFormatError, REFUSAL_REASONS, type RefusalReason } from './reasons';
export { encodeReceipt, verifyReceipt, writeReceipt, type BatchReceipt, type RefusedRecord } from './receipt';
export {
  POLICY_FILE_VERSION,
  encodePolicyFile,
  verifyPolicyFile,
  type PolicyFileContent,
  type PolicyFileHeader,
  type PolicyFileVerdict,
} from './policy-file';
