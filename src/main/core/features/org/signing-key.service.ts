import type { ChannelOutput, FileRef, ParsedInput } from '@shared/contract';
import type { SigningKeyInfo } from '@shared/contract/org';
import {
  KEY_CARD_EXTENSION,
  KEY_CARD_FORMAT,
  KEY_CARD_VERSION,
  keyCardBodyText,
  keyCardFileText,
  type KeyCard,
  type KeyCardBody,
} from '@shared/domain/key-card';
import type { AuditSummary } from '@shared/audit-events';
import type { CallContext, CoreState } from '../../context';
import { putOutboxFile } from '../../files';
import { ensureSigningKey, fingerprintOf, readSigningKey, signAsOrg, type OrgPublicKey } from '../../keys/org-signing';
import { renderPdf } from '../../pdf';
import { keyCardDocument } from '../../pdf/documents/key-card';
import { appendAudit } from '../audit/audit.repo';
import { readOrg } from './org.repo';

/**
 * A database set up before the organisation had a signing key gets one at the first start after the upgrade
 * (keys/org-signing.ts ensureSigningKey: once, even with two copies starting together), with an audit entry. A
 * start files it under setup, which it completes; a restore of a backup from before the keys, under the restore.
 */
export function ensureSigningKeyAtStart(core: CoreState, when: 'start' | 'restore' = 'start', action = 'system.setup'): void {
  const conn = core.conn;
  if (!conn || core.state !== 'ready') return;
  const at = core.clock.now().toISOString();
  const { created } = ensureSigningKey(conn.sqlite, at, (key) =>
    appendAudit(conn.sqlite, {
      at,
      userId: null,
      userName: null,
      action,
      recordType: 'org',
      recordId: key.id,
      summary: JSON.stringify({ event: 'org.signingKeyCreated', params: { when } } satisfies AuditSummary),
    }),
  );
  if (created) core.logger.info('org.signingKey.created', { when });
}

function requireKey(ctx: CallContext): OrgPublicKey {
  const key = readSigningKey(ctx.sqlite);
  // Setup and every start make one; its absence is a broken database, not something a clerk can fix here.
  if (!key) throw new Error('the organisation has no signing key');
  return key;
}

export function signingKey(ctx: CallContext): SigningKeyInfo {
  const key = requireKey(ctx);
  return { fingerprint: fingerprintOf(key.publicKey), publicKey: key.publicKey.toString('base64'), createdAt: key.createdAt };
}

/** The signed card for the federation, with the same key that signs the vouchers (self-signed: trust comes from the fingerprint). */
export function keyCard(ctx: CallContext): KeyCard {
  const org = readOrg(ctx.db)!;
  const key = requireKey(ctx);
  const body: KeyCardBody = {
    format: KEY_CARD_FORMAT,
    version: KEY_CARD_VERSION,
    org: { name: org.name, code: org.creditCode, region: org.regionCode, mode: org.mode },
    keys: { ed25519: key.publicKey.toString('base64') },
    created: ctx.now(),
  };
  const { signature } = signAsOrg(ctx.sqlite, Buffer.from(keyCardBodyText(body), 'utf8'));
  return { ...body, signature: signature.toString('base64') };
}

const MODE_LABELS = { centre: '帮扶中心', federation: '上级工会' } as const;

export function exportKeyCard(ctx: CallContext, input: ParsedInput<'org.exportKeyCard'>): ChannelOutput<'org.exportKeyCard'> {
  requireKey(ctx);
  return ctx.startJob(async (): Promise<FileRef> => {
    const org = readOrg(ctx.db)!;
    let file: FileRef;
    if (input.as === 'card') {
      const text = keyCardFileText(keyCard(ctx));
      file = putOutboxFile(ctx.core.files, `${org.creditCode}${KEY_CARD_EXTENSION}`, 'application/json', Buffer.from(text, 'utf8'));
    } else {
      const key = requireKey(ctx);
      const pdf = await renderPdf(
        keyCardDocument({
          orgName: org.name,
          creditCode: org.creditCode,
          regionCode: org.regionCode,
          modeLabel: MODE_LABELS[org.mode],
          publicKeyBase64: key.publicKey.toString('base64'),
          fingerprint: fingerprintOf(key.publicKey),
          keyCreatedAt: new Date(key.createdAt),
          printedAt: ctx.clock.now(),
        }),
        { fontsDir: ctx.core.resources.fontsDir },
      );
      file = putOutboxFile(ctx.core.files, `机构密钥卡-${org.creditCode}.pdf`, 'application/pdf', pdf);
    }
    ctx.write(() => ctx.audit({ recordType: 'org', recordId: org.id, event: 'org.keyCardExported', params: { as: input.as } }));
    return file;
  });
}
