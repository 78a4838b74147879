import { z } from 'zod';
import { aidType, fundSource } from './aid-types';
import { channel, fileRef, isoDate, isoInstant } from './define';
import { policyKey } from './policy';

/**
 * Policy files (issue 12, docs/exchange-format.md "The policy file"): the federation signs its policy values and aid
 * programs into a `.bfp`; a centre checks it against the federation's trusted key card, sees what is new, and takes
 * it in as new dated values. Administrators only, at both ends.
 */

const upload = z.object({ uploadId: z.string().min(1), fileName: z.string().trim().min(1).max(200) });
/** new: not here yet, taken in; exists: the same key, region and date (or the same program) is here, skipped. */
const lineState = z.enum(['new', 'exists']);
/** voided: the centre took this line from the federation before and voided it; skipped. */
const valueState = z.enum(['new', 'exists', 'voided']);

export const policyFilePlan = z.object({
  source: z.object({ code: z.string(), name: z.string(), issue: z.number().int(), createdAt: isoInstant }),
  /** new: a file not taken in before; repeat: this issue was taken in already (nothing changes). */
  outcome: z.enum(['new', 'repeat']),
  values: z.array(
    z.object({ key: policyKey, regionCode: z.string().nullable(), effectiveFrom: isoDate, value: z.number().int(), state: valueState }),
  ),
  programs: z.array(z.object({ name: z.string(), type: aidType, year: z.number().int(), fundSource, state: lineState })),
});
export type PolicyFilePlan = z.infer<typeof policyFilePlan>;

export const policyFileChannels = {
  /** 导出政策文件 (federation): the chosen keys' values in force or to come, and the programs of a year, signed. */
  'policyFile.export': channel({
    input: z.object({
      keys: z.array(policyKey).max(50),
      /** The federation's own open programs of this year go in (without its budget); null: none. */
      programYear: z.number().int().min(2000).max(2100).nullable(),
    }),
    output: z.object({ file: fileRef, issue: z.number().int(), values: z.number().int(), programs: z.number().int() }),
    access: 'admin',
    mutates: true,
  }),
  /** 导入政策文件, first step (centre): checks the file and says what is new; writes nothing, keeps the upload. */
  'policyFile.preview': channel({ input: upload, output: policyFilePlan, access: 'admin', mutates: false }),
  /** 导入政策文件, second step: checks again and takes in what is new, in one transaction. */
  'policyFile.import': channel({ input: upload, output: policyFilePlan, access: 'admin', mutates: true }),
};
