import { createHash } from 'node:crypto';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { AidStandard } from '@shared/domain/aid';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { encodePolicyFile, verifyPolicyFile } from '../../exchange/format';
import { putOutboxFile } from '../../files';
import { readSigningKey } from '../../keys/org-signing';
import { orgSigner, ownSigningKeyName } from '../exchange/org-envelope';
import { readOrg } from '../org/org.repo';
import type { PolicyFileProgram, PolicyFileValue } from './policy-file-content';

/**
 * 导出政策文件 (issue 12): the federation's chosen policy values (every one not voided, past and to come, so a
 * centre's history matches) and its own open programs of a year, signed with its Ed25519 key into a `.bfp` with the
 * next issue number. Read back with its own key before it is offered, as a receipt is.
 */

export const policyFileName = (code: string, issue: number) => `政策文件-${code}-第${issue}号.bfp`;

function chosenValues(ctx: CallContext, keys: readonly string[]): PolicyFileValue[] {
  if (keys.length === 0) return [];
  return ctx.sqlite
    .prepare(
      `SELECT key, region_code AS regionCode, effective_from AS effectiveFrom, value FROM policy_values
       WHERE voided_at IS NULL AND key IN (SELECT value FROM json_each(?)) ORDER BY key, region_code, effective_from`,
    )
    .all(JSON.stringify(keys)) as PolicyFileValue[];
}

function chosenPrograms(ctx: CallContext, origin: string, year: number | null): PolicyFileProgram[] {
  if (year === null) return [];
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, type, name, year, fund_source AS fundSource, standard, note FROM aid_programs
       WHERE origin = ? AND year = ? AND status = 'open' AND deleted_at IS NULL ORDER BY type, name`,
    )
    .all(origin, year) as (Omit<PolicyFileProgram, 'standard'> & { standard: string })[];
  return rows.map((r) => ({ ...r, standard: JSON.parse(r.standard) as AidStandard }));
}

export async function exportPolicyFile(
  ctx: CallContext,
  input: ParsedInput<'policyFile.export'>,
): Promise<ChannelOutput<'policyFile.export'>> {
  const org = readOrg(ctx.db)!;
  if (org.mode !== 'federation') throw new AppError('POLICY_FILE_FEDERATION_ONLY');
  const values = chosenValues(ctx, input.keys);
  const programs = chosenPrograms(ctx, org.id, input.programYear);
  if (values.length + programs.length === 0) throw new AppError('POLICY_FILE_NOTHING_CHOSEN');

  const { bytes, issue } = ctx.write(() => {
    const issue = ((ctx.sqlite.prepare('SELECT max(issue) FROM policy_file_issues').pluck().get() as number | null) ?? 0) + 1;
    const createdAt = ctx.now();
    const sender = { code: org.creditCode, key: ownSigningKeyName(ctx.sqlite) };
    const bytes = encodePolicyFile({ sender, issue, createdAt }, { values, programs }, orgSigner(ctx.sqlite));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    ctx.sqlite
      .prepare(
        'INSERT INTO policy_file_issues (issue, created_at, created_by, value_count, program_count, sha256) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(issue, createdAt, ctx.user!.id, values.length, programs.length, sha256);
    ctx.audit({
      recordType: 'policyFile',
      recordId: String(issue),
      event: 'policyFile.exported',
      params: { issue, values: values.length, programs: programs.length },
    });
    return { bytes, issue };
  });
  const ownKey = readSigningKey(ctx.sqlite)!.publicKey;
  const check = await verifyPolicyFile(bytes, () => ownKey);
  if (!check.ok) throw new Error(`the policy file does not read back (${check.reason})`);
  const file = putOutboxFile(ctx.core.files, policyFileName(org.creditCode, issue), 'application/octet-stream', bytes);
  return { file, issue, values: values.length, programs: programs.length };
}
