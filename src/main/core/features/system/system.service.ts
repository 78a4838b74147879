import { statSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelInput, ChannelOutput } from '@shared/contract';
import { passwordProblem } from '@shared/domain/password';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { FEDERATION_PAGE_SIZE, schemaVersion } from '../../db/client';
import { recreateEmptyDatabase } from '../../db/lifecycle';
import { recordKeyCheck } from '../../db/health';
import { openDatabaseAtStart } from '../../db/start';
import { putOutboxFile } from '../../files';
import { insertExchangeKey } from '../../keys/org-exchange';
import { insertSigningKey } from '../../keys/org-signing';
import { generateRecoveryCode, saveRecoveryFile, unwrapRecoveryFile } from '../../keys/recovery';
import { recoveryCodeDocument, renderPdf } from '../../pdf';
import { checkAuditTrailAlongside } from '../audit/audit-check';
import { hashPassword } from '../auth/password-hash';
import { checkOrgCodes } from '../org/org.service';
import { ensureSigningKeyAtStart } from '../org/signing-key.service';
import { insertOrg, readOrg } from '../org/org.repo';
import { insertUser } from '../users/users.repo';

export function status(ctx: CallContext): ChannelOutput<'system.status'> {
  const org = ctx.core.conn && ctx.core.state === 'ready' ? readOrg(ctx.db) : undefined;
  return { state: ctx.core.state, orgName: org?.name ?? null, mode: org?.mode ?? null, version: ctx.core.version };
}

/**
 * First run. Everything that can fail is done before anything is written: the codes are checked, the password
 * hashed and the recovery sheet rendered (a name the font cannot print fails here, not after setup). Then the
 * recovery file is saved and the organisation and administrator are created in one transaction.
 */
export async function setup(ctx: CallContext, input: ChannelInput<'system.setup'>): Promise<ChannelOutput<'system.setup'>> {
  if (ctx.core.state !== 'needs-setup') throw new AppError('ALREADY_SET_UP');
  const { creditCode, warnings } = checkOrgCodes(input.org.creditCode, input.org.regionCode);
  const problem = passwordProblem(input.admin.password, input.admin.username);
  if (problem) throw new AppError('PASSWORD_TOO_WEAK', { problem });

  const passwordHash = await hashPassword(input.admin.password);
  const recoveryCode = generateRecoveryCode();
  const now = ctx.clock.now();
  const pdf = await renderPdf(
    recoveryCodeDocument({
      orgName: input.org.name,
      regionCode: input.org.regionCode,
      adminUsername: input.admin.username,
      recoveryCode,
      createdAt: now,
    }),
    { fontsDir: ctx.core.resources.fontsDir },
  );
  // A federation takes in millions of records: its database, still only its schema, is made again with bigger pages
  // before the first write (client.ts FEDERATION_PAGE_SIZE); nothing is saved yet, so a kill here is a first run again.
  if (input.org.mode === 'federation') recreateEmptyDatabase(ctx.core, ctx.core.newDatabasePageSize ?? FEDERATION_PAGE_SIZE);
  saveRecoveryFile(ctx.core.paths.recoveryFile, ctx.core.key!, recoveryCode);

  const orgId = uuidv7();
  const adminId = uuidv7();
  ctx.write(() => {
    if (readOrg(ctx.db)) throw new AppError('ALREADY_SET_UP');
    insertOrg(ctx.db, {
      id: orgId,
      origin: orgId,
      updatedAt: now.toISOString(),
      name: input.org.name,
      creditCode,
      regionCode: input.org.regionCode,
      mode: input.org.mode,
      createdAt: now.toISOString(),
    });
    // The key that signs vouchers and the key card, and the identity batches are encrypted to: born with the
    // organisation, inside the encrypted database.
    insertSigningKey(ctx.sqlite, now.toISOString());
    insertExchangeKey(ctx.sqlite, now.toISOString());
    insertUser(ctx.db, {
      id: adminId,
      username: input.admin.username,
      displayName: input.admin.displayName,
      role: 'admin',
      passwordHash,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    ctx.audit(
      { recordType: 'org', recordId: orgId, event: 'org.setUp', params: { mode: input.org.mode } },
      { id: adminId, username: input.admin.username },
    );
  });
  ctx.core.state = 'ready';
  recordKeyCheck(ctx.core.paths.keyCheckFile, ctx.core.key!);
  const recoveryPdf = putOutboxFile(ctx.core.files, '帮扶工作台-恢复码.pdf', 'application/pdf', pdf);
  checkAuditTrailAlongside(ctx.core, 'setup'); // anchoring starts with the first entry
  return { recoveryCode, recoveryPdf, warnings };
}

/**
 * The key store lost the key: the recovery code unwraps the second copy, and the host is asked to store it again.
 * The unwrapping is authenticated (AES-GCM), so a code that unwraps gives the database's own key: if that key does
 * not open the database either, or the database is missing or empty, the damaged screen takes over (as at start).
 */
export function recover(ctx: CallContext, code: string): void {
  if (ctx.core.state !== 'key-missing') throw new AppError('ALREADY_SET_UP');
  const key = unwrapRecoveryFile(ctx.core.paths.recoveryFile, code);
  const opened = openDatabaseAtStart(ctx.core.paths, ctx.core.migrations, key, ctx.clock, ctx.core.logger, true);
  ctx.core.key = key;
  ctx.core.conn = opened.conn;
  ctx.core.state = opened.state;
  ctx.core.damage = opened.damage;
  ctx.core.storeKey(key);
  if (!opened.conn) return; // damaged, or from a newer version: nothing to audit in
  ensureSigningKeyAtStart(ctx.core, 'start', ctx.channel);
  ctx.write(() => ctx.audit({ recordType: 'org', recordId: null, event: 'key.recovered' }, null));
  checkAuditTrailAlongside(ctx.core, 'recover'); // the start's check could not run without the key
}

export function about(ctx: CallContext): ChannelOutput<'system.about'> {
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  const db = ctx.core.paths.database;
  return {
    version: ctx.core.version,
    dataDir: ctx.core.paths.dataDir,
    databaseBytes: size(db) + size(`${db}-wal`),
    schemaVersion: schemaVersion(ctx.sqlite),
    runtime: process.versions.electron ? `Electron ${process.versions.electron}` : `Node.js ${process.versions.node}`,
    cipher: String(ctx.sqlite.pragma('cipher', { simple: true })),
  };
}
