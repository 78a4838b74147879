import { z } from 'zod';
import { channel, isoDate, uuid } from './define';

/** Why a row of the bank's return list marked nothing paid (coded; the renderer words it). */
export const returnRowProblem = z.enum([
  'failed', // the bank says the transfer failed (退回, 失败): the payment stays 待发放
  'noMatch', // no approved bank payment of the batch has this account and amount
  'badAccount', // no account, or one Excel turned into a number (its last digits are lost)
  'badAmount', // no amount, or not yuan with at most two decimals
  'noStatus', // the list has a status column and this row's is empty or unknown
]);

export const aidBatchChannels = {
  /**
   * 已发放 from the bank's return list (回单): the .xlsx the bank sends back, one row per transfer (账号, 金额, and a
   * status column if it has one). Each successful row marks one approved bank payment of the batch with that
   * account and amount paid on `paidOn`; the rest are reported by row number, never by name or account.
   */
  'aid.markPaidFromReturn': channel({
    input: z.object({ batchId: uuid, paidOn: isoDate, uploadId: z.string().min(1), fileName: z.string().trim().min(1).max(200) }),
    output: z.object({
      paid: z.number().int(),
      /** Rows whose payment was already 已发放 (the same list read twice). */
      alreadyPaid: z.number().int(),
      problems: z.array(z.object({ row: z.number().int(), problem: returnRowProblem })),
      /** Approved bank payments of the batch no row marked paid: still 待发放. */
      stillApproved: z.number().int(),
    }),
    access: 'clerk',
    mutates: true,
  }),
};
