import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { PolicyFilePlan } from '@shared/contract/policy-file';
import { AppError, type ErrorCode } from '@shared/errors';
import type { CallContext } from '../../context';
import type { Sqlite } from '../../db/client';
import { keyFingerprint, verifyPolicyFile, type PolicyFileHeader, type RefusalReason } from '../../exchange/format';
import { inboxFileSize, readInboxFileSync, removeInboxFile } from '../../files';
import { insertProgram } from '../aid/aid.repo';
import { trustedFederation } from '../exchange/export-list';
import { readOrg } from '../org/org.repo';
import { hasActiveValue, insertPolicyValue } from '../policy/policy.repo';
import { checkedContent, type PolicyFileProgram, type PolicyFileValue } from './policy-file-content';

/**
 * 导入政策文件 (issue 12): a centre takes in the `.bfp` of the federation whose key card it trusts. The file is
 * checked whole before anything is written; what it holds is added as NEW dated values and programs, marked with
 * the federation's code and the issue, in one transaction. The centre's own values are never changed: a value with
 * the same key, region and date already in force here is skipped and listed. An older issue than one taken in is
 * refused; the same issue again is a harmless repeat.
 */

/** A policy file is a few kilobytes; past this it is not one. */
const MAX_POLICY_FILE_BYTES = 16 * 1024 * 1024;

const REFUSALS: Partial<Record<RefusalReason, ErrorCode>> = {
  'not-a-batch': 'POLICY_FILE_NOT_A_FILE',
  'newer-version': 'POLICY_FILE_NEWER',
  truncated: 'POLICY_FILE_TRUNCATED',
  'unknown-sender': 'POLICY_FILE_UNTRUSTED',
};

interface CheckedFile {
  header: PolicyFileHeader;
  values: PolicyFileValue[];
  programs: PolicyFileProgram[];
  federationName: string;
  sha256: string;
}

function readUpload(ctx: CallContext, uploadId: string, remove: boolean): Buffer {
  try {
    if (inboxFileSize(ctx.core.files, uploadId) > MAX_POLICY_FILE_BYTES) throw new AppError('POLICY_FILE_NOT_A_FILE');
    return readInboxFileSync(ctx.core.files, uploadId);
  } finally {
    if (remove) removeInboxFile(ctx.core.files, uploadId);
  }
}

/** Only the federation's current trusted key: a replaced key may have been replaced because it was lost. */
async function checkFile(ctx: CallContext, bytes: Buffer): Promise<CheckedFile> {
  if (readOrg(ctx.db)!.mode !== 'centre') throw new AppError('POLICY_FILE_CENTRE_ONLY');
  const peer = trustedFederation(ctx.sqlite);
  if (!peer) throw new AppError('POLICY_FILE_NO_FEDERATION');
  let otherCode: string | null = null;
  const verdict = await verifyPolicyFile(bytes, (from) => {
    if (from.code !== peer.code) otherCode = from.code;
    return from.code === peer.code && keyFingerprint(peer.ed25519) === from.key ? peer.ed25519 : null;
  });
  if (!verdict.ok) {
    if (otherCode !== null) throw new AppError('POLICY_FILE_OTHER_FEDERATION', { code: otherCode });
    throw new AppError(REFUSALS[verdict.reason] ?? 'POLICY_FILE_ALTERED');
  }
  const { values, programs } = checkedContent(verdict.content);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { header: verdict.header, values, programs, federationName: peer.name, sha256 };
}

function programTaken(sqlite: Sqlite, sourceCode: string, sourceProgramId: string): boolean {
  return (
    sqlite
      .prepare('SELECT 1 FROM policy_file_programs WHERE source_code = ? AND source_program_id = ?')
      .get(sourceCode, sourceProgramId) !== undefined
  );
}

/**
 * exists: a value for the same key, region and date is in force here (the centre's own or an earlier file's);
 * voided: this centre took that line from this federation before and voided it — a later issue, which lists every
 * value again, does not bring it back.
 */
function valueState(sqlite: Sqlite, sourceCode: string, v: PolicyFileValue): 'new' | 'exists' | 'voided' {
  if (hasActiveValue(sqlite, v.key, v.regionCode, v.effectiveFrom)) return 'exists';
  const voided = sqlite
    .prepare(
      'SELECT 1 FROM policy_values WHERE key = ? AND region_code IS ? AND effective_from = ? AND source_code = ? AND voided_at IS NOT NULL',
    )
    .get(v.key, v.regionCode, v.effectiveFrom, sourceCode);
  return voided ? 'voided' : 'new';
}

/** What the file would add here now, line by line; refuses an issue older than the last one taken in. */
function planOf(sqlite: Sqlite, file: CheckedFile): PolicyFilePlan {
  const { header } = file;
  const code = header.sender.code;
  const repeat =
    sqlite.prepare('SELECT 1 FROM policy_file_imports WHERE source_code = ? AND issue = ?').get(code, header.issue) !== undefined;
  const last = sqlite.prepare('SELECT max(issue) FROM policy_file_imports WHERE source_code = ?').pluck().get(code) as number | null;
  if (!repeat && last !== null && header.issue < last) throw new AppError('POLICY_FILE_OLDER_ISSUE', { issue: header.issue, last });
  const state = (exists: boolean) => (exists ? ('exists' as const) : ('new' as const));
  return {
    source: { code, name: file.federationName, issue: header.issue, createdAt: header.createdAt },
    outcome: repeat ? 'repeat' : 'new',
    values: file.values.map((v) => ({ ...v, state: valueState(sqlite, code, v) })),
    programs: file.programs.map((p) => ({
      name: p.name,
      type: p.type,
      year: p.year,
      fundSource: p.fundSource,
      state: state(programTaken(sqlite, code, p.id)),
    })),
  };
}

export async function previewPolicyFile(
  ctx: CallContext,
  input: ParsedInput<'policyFile.preview'>,
): Promise<ChannelOutput<'policyFile.preview'>> {
  return planOf(ctx.sqlite, await checkFile(ctx, readUpload(ctx, input.uploadId, false)));
}

export async function importPolicyFile(
  ctx: CallContext,
  input: ParsedInput<'policyFile.import'>,
): Promise<ChannelOutput<'policyFile.import'>> {
  const file = await checkFile(ctx, readUpload(ctx, input.uploadId, true));
  const outside = planOf(ctx.sqlite, file);
  if (outside.outcome === 'repeat') return outside;
  return ctx.write(() => {
    // Planned again inside the transaction: what is here may have changed since the preview.
    const plan = planOf(ctx.sqlite, file);
    if (plan.outcome === 'repeat') throw new AppError('BUSY');
    applyPlan(ctx, file, plan);
    return plan;
  });
}

function applyPlan(ctx: CallContext, file: CheckedFile, plan: PolicyFilePlan): void {
  const now = ctx.now();
  const by = ctx.user!.id;
  const source = { code: file.header.sender.code, issue: file.header.issue };
  file.values.forEach((v, i) => {
    if (plan.values[i]!.state === 'new') insertPolicyValue(ctx.sqlite, { ...v, id: uuidv7(), createdAt: now, createdBy: by, source });
  });
  const origin = readOrg(ctx.db)!.id;
  file.programs.forEach((p, i) => {
    if (plan.programs[i]!.state === 'exists') return;
    const id = uuidv7();
    // The centre's own program from here on (its origin: it travels up with the centre's payments).
    insertProgram(ctx.sqlite, { ...p, id, budgetFen: null, origin, now, by });
    ctx.sqlite
      .prepare('INSERT INTO policy_file_programs (program_id, source_code, source_issue, source_program_id) VALUES (?, ?, ?, ?)')
      .run(id, source.code, source.issue, p.id);
  });
  const count = (lines: { state: string }[], state: string) => lines.filter((l) => l.state === state).length;
  const counts = {
    valuesAdded: count(plan.values, 'new'),
    valuesSkipped: plan.values.length - count(plan.values, 'new'),
    programsAdded: count(plan.programs, 'new'),
    programsSkipped: count(plan.programs, 'exists'),
  };
  const id = uuidv7();
  ctx.sqlite
    .prepare(
      `INSERT INTO policy_file_imports (id, source_code, source_key, issue, file_created_at, sha256, imported_at, imported_by,
         values_added, values_skipped, programs_added, programs_skipped)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      source.code,
      file.header.sender.key,
      source.issue,
      file.header.createdAt,
      file.sha256,
      now,
      by,
      counts.valuesAdded,
      counts.valuesSkipped,
      counts.programsAdded,
      counts.programsSkipped,
    );
  ctx.audit({
    recordType: 'policyFile',
    recordId: id,
    event: 'policyFile.imported',
    params: { source: source.code, issue: source.issue, ...counts },
  });
}
