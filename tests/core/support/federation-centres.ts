import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { outboxCopy, type TestCore } from './core';
import { cardText, importCard } from './exchange';
import { importFile } from './exchange-import';

/** A centre and a federation exchange key cards and each confirms the other's (the phone check done). */
export async function trustEachOther(centre: TestCore, federation: TestCore) {
  const toCentre = await importCard(centre, await cardText(federation));
  await centre.call('exchange.confirmPeer', { id: toCentre.peer.id, fingerprintChecked: true });
  const toFederation = await importCard(federation, await cardText(centre));
  await federation.call('exchange.confirmPeer', { id: toFederation.peer.id, fingerprintChecked: true });
}

/** The centre's next batch through the real export, imported whole at the federation. */
export async function send(centre: TestCore, federation: TestCore) {
  const { result } = await centre.job('exchange.exportBatch', {});
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const path = await outboxCopy(centre, result.data.file.fileId);
  const imported = await importFile(federation, readFileSync(path));
  expect([imported.outcome, imported.refusedCount], JSON.stringify(imported).slice(0, 1500)).toEqual(['applied', 0]);
}
