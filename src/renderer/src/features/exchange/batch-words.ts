import type { SentBatchInfo } from '@shared/contract/exchange-export';
import { formatDateTime } from '../../components/format';
import { knownText, t } from '../../i18n';

/** Words for a batch's tables, the federation's reason codes and its receipt, shared by the 上报批次 list and dialogs. */

export function tableName(table: string): string {
  return knownText(`recordTables.${table}`) ?? t('recordTables.other', { table });
}

/** A reason code this version does not know is shown as its code, never guessed at. */
export function reasonText(code: string): string {
  return knownText(`refusalReasons.${code}`) ?? t('refusalReasons.other', { code });
}

export function receiptText(batch: SentBatchInfo): string {
  const receipt = batch.receipt;
  if (!receipt) return t('exchangeBatches.noReceipt');
  const time = formatDateTime(receipt.receivedAt);
  if (receipt.outcome === 'refused') return t('exchangeBatches.receiptRefused', { time, reason: reasonText(receipt.reason ?? '') });
  if (receipt.outcome === 'repeat') return t('exchangeBatches.receiptRepeat', { time });
  const applied = Object.values(receipt.applied).reduce((a, b) => a + b, 0);
  return t('exchangeBatches.receiptApplied', { time, applied });
}

/** Saves each file through the host's dialog (or download), one after the other; false if the clerk closed one. */
export async function saveAll(save: (index: number) => Promise<{ saved: boolean }>, count: number): Promise<boolean> {
  for (let i = 0; i < count; i++) if (!(await save(i)).saved) return false;
  return true;
}
