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
import { keyCardFingerprint } from '../../keys/key-card';
import { ensureExchangeKey, readExchangeKey, readReplacedKeys, replaceOrgKeys, type OrgExchangeKey } from '../../keys/org-exchange';
import { ensureSigningKey, readSigningKey, signAsOrg, signWithOrgKey, type OrgPublicKey } from '../../keys/org-signing';
import { renderPdf } from '../../pdf';
import { keyCardDocument } from '../../pdf/documents/key-card';
import { appendAudit } from '../audit/audit.repo';
import { readOrg } from './org.repo';

/**
 * A database set up before the organisation had a signing key or an encryption identity gets them at the first start
 * after the upgrade (keys/org-signing.ts ensureSigningKey, keys/org-exchange.ts ensureExchangeKey: once, even with
 * two copies starting together), each with an audit entry. A start files them under setup, which it completes; a
 * restore of a backup from before the keys, under the restore.
 */
export function ensureSigningKeyAtStart(core: CoreState, when: 'start' | 'restore' = 'start', action = 'system.setup'): void {
  const conn = core.conn;
  if (!conn || core.state !== 'ready') return;
  const at = core.clock.now().toISOString();
  // Each new key is audited by the system (no user), under the action that made it.
  const audited = (event: 'org.signingKeyCreated' | 'org.exchangeKeyCreated') => (key: { id: string }) =>
    appendAudit(conn.sqlite, {
      at,
      userId: null,
      userName: null,
      action,
      recordType: 'org',
      recordId: key.id,
      summary: JSON.stringify({ event, params: { when } } satisfies AuditSummary),
    });
  const { created } = ensureSigningKey(conn.sqlite, at, audited('org.signingKeyCreated'));
  if (created) core.logger.info('org.signingKey.created', { when });
  const exchange = ensureExchangeKey(conn.sqlite, at, audited('org.exchangeKeyCreated'));
  if (exchange.created) core.logger.info('org.exchangeKey.created', { when });
}

function requireKeys(ctx: CallContext): { signing: OrgPublicKey; exchange: OrgExchangeKey } {
  const signing = readSigningKey(ctx.sqlite);
  const exchange = readExchangeKey(ctx.sqlite);
  // Setup and every start make them; their absence is a broken database, not something a clerk can fix here.
  if (!signing || !exchange) throw new Error('the organisation has no keys');
  return { signing, exchange };
}

function cardKeys(keys: { signing: OrgPublicKey; exchange: OrgExchangeKey }): KeyCardBody['keys'] {
  return { ed25519: keys.signing.publicKey.toString('base64'), x25519: keys.exchange.recipient };
}

/** The keys the current ones replaced, as a card names them: the old Ed25519 key and the old card's fingerprint. */
function replacedPart(ctx: CallContext) {
  const old = readReplacedKeys(ctx.sqlite);
  if (!old) return null;
  const fingerprint = keyCardFingerprint(cardKeys(old)).join(' ');
  return { old, part: { ed25519: old.signing.publicKey.toString('base64'), fingerprint } };
}

export function signingKey(ctx: CallContext): SigningKeyInfo {
  const keys = requireKeys(ctx);
  const replaced = replacedPart(ctx);
  return {
    fingerprint: keyCardFingerprint(cardKeys(keys)),
    publicKey: keys.signing.publicKey.toString('base64'),
    exchangeRecipient: keys.exchange.recipient,
    createdAt: keys.signing.createdAt,
    replaced: replaced && { fingerprint: replaced.part.fingerprint, at: replaced.old.retiredAt },
  };
}

/**
 * The signed card for other offices, with the same key that signs the vouchers (self-signed: trust comes from the
 * fingerprint). After a key change it names the keys it replaces and is signed by the old key too, so an office that
 * trusted the old card can take the new one in on that signature (still confirming the new fingerprint).
 */
export function keyCard(ctx: CallContext): KeyCard {
  const org = readOrg(ctx.db)!;
  const keys = requireKeys(ctx);
  const replaced = replacedPart(ctx);
  const body: KeyCardBody = {
    format: KEY_CARD_FORMAT,
    version: KEY_CARD_VERSION,
    org: { name: org.name, code: org.creditCode, region: org.regionCode, mode: org.mode },
    keys: cardKeys(keys),
    created: ctx.now(),
    ...(replaced ? { replaces: replaced.part } : {}),
  };
  const text = Buffer.from(keyCardBodyText(body), 'utf8');
  const { signature } = signAsOrg(ctx.sqlite, text);
  const { replaces: _unsigned, ...rest } = body;
  if (!replaced) return { ...rest, signature: signature.toString('base64') };
  const oldSignature = signWithOrgKey(ctx.sqlite, replaced.old.signing.id, text).toString('base64');
  return { ...rest, replaces: { ...replaced.part, signature: oldSignature }, signature: signature.toString('base64') };
}

export const MODE_LABELS = { centre: '帮扶中心', federation: '上级工会' } as const;

/**
 * New keys for the organisation (a key the administrator fears was copied, or a scheduled change): both are retired
 * and replaced at one instant. The next key card names the old keys and carries the old key's signature.
 */
export function replaceKeys(ctx: CallContext): SigningKeyInfo {
  const org = readOrg(ctx.db)!;
  ctx.write(() => {
    const fresh = replaceOrgKeys(ctx.sqlite, ctx.now());
    ctx.audit({ recordType: 'org', recordId: org.id, event: 'org.keysReplaced', params: {} });
    return fresh;
  });
  return signingKey(ctx);
}

export function exportKeyCard(ctx: CallContext, input: ParsedInput<'org.exportKeyCard'>): ChannelOutput<'org.exportKeyCard'> {
  requireKeys(ctx);
  return ctx.startJob(async (): Promise<FileRef> => {
    const org = readOrg(ctx.db)!;
    let file: FileRef;
    if (input.as === 'card') {
      const text = keyCardFileText(keyCard(ctx));
      file = putOutboxFile(ctx.core.files, `${org.creditCode}${KEY_CARD_EXTENSION}`, 'application/json', Buffer.from(text, 'utf8'));
    } else {
      const info = signingKey(ctx);
      const pdf = await renderPdf(
        keyCardDocument({
          orgName: org.name,
          creditCode: org.creditCode,
          regionCode: org.regionCode,
          modeLabel: MODE_LABELS[org.mode],
          publicKeyBase64: info.publicKey,
          exchangeRecipient: info.exchangeRecipient,
          fingerprint: info.fingerprint,
          replacesFingerprint: info.replaced?.fingerprint,
          keyCreatedAt: new Date(info.createdAt),
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
