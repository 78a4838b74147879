import type { FileRef, ParsedInput } from '@shared/contract';
import { parseFingerprint } from '@shared/domain/key-fingerprint';
import type { KeyCard } from '@shared/domain/key-card';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { renderPdf } from '../../pdf';
import { keyCardDocument } from '../../pdf/documents/key-card';
import { readOrg } from '../org/org.repo';
import { MODE_LABELS } from '../org/signing-key.service';
import { readPeer } from './peers.repo';

const STATES = {
  pending: '待核对：尚未确认指纹',
  trusted: '已通过电话核对指纹',
  replaced: '已被新密钥替换',
  withdrawn: '已停止信任',
} as const;

/** Another office's card on one A4 page, as it was imported, with this office's state of trust: the confirmation record. */
export function printPeerCard(ctx: CallContext, input: ParsedInput<'exchange.printPeerCard'>): { jobId: string } {
  const row = readPeer(ctx.sqlite, input.id);
  if (!row) throw new AppError('NOT_FOUND', { record: 'exchangePeer' });
  return ctx.startJob(async (): Promise<FileRef> => {
    const card = JSON.parse(row.card) as KeyCard;
    const confirmed = row.confirmedAt ? `（${row.confirmedAt.slice(0, 10)}）` : '';
    const pdf = await renderPdf(
      keyCardDocument({
        orgName: row.name,
        creditCode: row.code,
        regionCode: row.region,
        modeLabel: MODE_LABELS[row.mode],
        publicKeyBase64: card.keys.ed25519,
        exchangeRecipient: card.keys.x25519,
        fingerprint: parseFingerprint(row.fingerprint) ?? [],
        replacesFingerprint: card.replaces?.fingerprint,
        keyCreatedAt: new Date(row.cardCreatedAt),
        printedAt: ctx.clock.now(),
        peer: { importerName: readOrg(ctx.db)!.name, importedAt: new Date(row.importedAt), state: `${STATES[row.status]}${confirmed}` },
      }),
      { fontsDir: ctx.core.resources.fontsDir },
    );
    const file = putOutboxFile(ctx.core.files, `对方密钥卡-${row.code}.pdf`, 'application/pdf', pdf);
    ctx.write(() =>
      ctx.audit({ recordType: 'exchangePeer', recordId: row.id, event: 'exchange.peerCardPrinted', params: { name: row.name } }),
    );
    return file;
  });
}
