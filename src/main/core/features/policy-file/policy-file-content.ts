import { z } from 'zod';
import { aidStandard, aidType, fundSource, programInput } from '@shared/contract/aid-types';
import { isoDate, uuid } from '@shared/contract/define';
import { policyKey } from '@shared/contract/policy';
import { policyValueProblem } from '@shared/domain/policy';
import { isValidRegionCode } from '@shared/domain/region-code';
import { AppError } from '@shared/errors';
import type { PolicyFileContent } from '../../exchange/format';
import { standardProblem } from '../aid/programs.service';

/**
 * What a policy file's payload holds (docs/exchange-format.md "The policy file"), checked line by line as if an
 * administrator had typed it here: a signed file from the trusted federation is still refused whole
 * (POLICY_FILE_BAD_CONTENT, nothing written) when a value is out of its range or a program's standard does not fit.
 */

const fileValue = z.strictObject({
  key: policyKey,
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  effectiveFrom: isoDate,
  value: z.number().int(),
});
export type PolicyFileValue = z.infer<typeof fileValue>;

const fileProgram = z.strictObject({
  /** The program's id at the federation: a later file naming it again is recognised. */
  id: uuid,
  type: aidType,
  name: programInput.shape.name,
  year: programInput.shape.year,
  fundSource,
  standard: aidStandard,
  note: programInput.shape.note,
});
export type PolicyFileProgram = z.infer<typeof fileProgram>;

const content = z.strictObject({ values: z.array(fileValue).max(10_000), programs: z.array(fileProgram).max(1_000) });

export function checkedContent(raw: PolicyFileContent): { values: PolicyFileValue[]; programs: PolicyFileProgram[] } {
  const parsed = content.safeParse(raw);
  if (!parsed.success) throw new AppError('POLICY_FILE_BAD_CONTENT');
  const { values, programs } = parsed.data;
  const seen = new Set<string>();
  for (const v of values) {
    const line = `${v.key}|${v.regionCode}|${v.effectiveFrom}`;
    if (seen.has(line) || policyValueProblem(v.key, v.value, v.regionCode)) throw new AppError('POLICY_FILE_BAD_CONTENT');
    if (v.regionCode !== null && !isValidRegionCode(v.regionCode)) throw new AppError('POLICY_FILE_BAD_CONTENT');
    seen.add(line);
  }
  const ids = new Set(programs.map((p) => p.id));
  if (ids.size !== programs.length || programs.some((p) => standardProblem(p.type, p.standard)))
    throw new AppError('POLICY_FILE_BAD_CONTENT');
  return { values, programs };
}
