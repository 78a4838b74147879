/**
 * One of several programs starting on the same database at the same moment: opens its own connection and, when the
 * parent says "go", runs the start's ensureSigningKey (keys/org-signing.ts). Run as a child process by
 * tests/core/org-signing.test.ts, bundled with esbuild; it must not import vitest or ./core.
 *
 *   stdin ← {"path", "keyHex", "at"}   stdout → {"ready":true}
 *   stdin ← go                         stdout → {"created": boolean, "keyId": string | null}
 * The key comes on stdin, not in argv. Nothing but the answer is printed (never key material).
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '../../../src/main/core/db/client';
import { ensureSigningKey } from '../../../src/main/core/keys/org-signing';

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const config = JSON.parse((await lines.next()).value as string) as { path: string; keyHex: string; at: string };
const { sqlite } = openDatabase(config.path, Buffer.from(config.keyHex, 'hex'));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
await lines.next();
const { created, key } = ensureSigningKey(sqlite, config.at, () => undefined);
sqlite.close();
process.stdout.write(`${JSON.stringify({ created, keyId: key?.id ?? null })}\n`);
process.exit(0);
