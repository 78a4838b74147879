import { readFileSync } from 'node:fs';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import type { KeyCard } from '@shared/domain/key-card';
import type { AppErrorShape } from '@shared/errors';
import { ADMIN, ORG, inboxUpload, outboxCopy, startCore, type TestCore } from './core';

/** Helpers of the key-card exchange tests (exchange-keys.test.ts): offices in either mode, cards out and in. */
const code = (first17: string) => first17 + creditCodeCheckChar(first17);
export const FEDERATION = {
  name: '测试市总工会',
  creditCode: code('81110100MC0000001'),
  regionCode: '110100',
  mode: 'federation' as const,
};
export const FEDERATION_2 = {
  name: '另一市总工会',
  creditCode: code('81110200MC0000002'),
  regionCode: '110200',
  mode: 'federation' as const,
};
export const CENTRE_2 = {
  name: '第二区总工会职工帮扶中心',
  creditCode: code('81110106MC0000003'),
  regionCode: '110106',
  mode: 'centre' as const,
};

/** A set-up office (the centre of support/core.ts by default) with its administrator signed in as 'test'. */
export async function startOffice(org: { name: string; creditCode: string; regionCode: string; mode: 'centre' | 'federation' } = ORG) {
  const t = startCore();
  await t.call('system.setup', { org, admin: ADMIN });
  await t.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  return t;
}

/** The office's .bfkey as exported (org.exportKeyCard). */
export async function cardText(t: TestCore): Promise<string> {
  const { result } = await t.job('org.exportKeyCard', { as: 'card' });
  if (!result.ok) throw new Error(result.error.code);
  return readFileSync(await outboxCopy(t, result.data.fileId), 'utf8');
}

export const parsed = (text: string) => JSON.parse(text) as KeyCard;

export function importCard(t: TestCore, text: string, startOver = false) {
  return t.call('exchange.importCard', { ...inboxUpload(t, 'card.bfkey', Buffer.from(text, 'utf8')), startOver });
}

export function refuseCard(t: TestCore, text: string | Buffer, startOver = false): Promise<AppErrorShape> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return t.fail('exchange.importCard', { ...inboxUpload(t, 'card.bfkey', bytes), startOver });
}

export function peerRowCount(t: TestCore): number {
  return t.core.state.conn!.sqlite.prepare('SELECT count(*) FROM exchange_peers').pluck().get() as number;
}

export function auditSummaries(t: TestCore, prefix: string): string[] {
  return t.core.state
    .conn!.sqlite.prepare("SELECT summary FROM audit_log WHERE json_extract(summary, '$.event') LIKE ? ORDER BY seq")
    .pluck()
    .all(`${prefix}%`) as string[];
}
