import type { Sqlite } from '../../db/client';
import { keyFingerprint } from '../../exchange/format';
import { envelopePrefixSignedBy, type EnvelopeKind } from '../../exchange/format/signed-envelope';
import { signAsOrg } from '../../keys/org-signing';

/**
 * The signed prefix (lines 1–3, docs/exchange-format.md) of a file this office signs as itself — a receipt, a
 * policy file — through `signAsOrg`, the one reader of the office's private key (docs/architecture.md §5).
 */

/** The name this office's current signing key goes by in a file's header (SHA-256 of the raw public key). */
export function ownSigningKeyName(sqlite: Sqlite): string {
  return keyFingerprint(signAsOrg(sqlite, Buffer.alloc(0)).key.publicKey);
}

/** Signs bytes with this office's current key (for envelopePrefixSignedBy and the writers that call it). */
export function orgSigner(sqlite: Sqlite): (signed: Buffer) => Buffer {
  return (signed) => signAsOrg(sqlite, signed).signature;
}

export function orgSignedPrefix(sqlite: Sqlite, kind: EnvelopeKind, version: number, header: object): Buffer {
  return envelopePrefixSignedBy(kind, version, header, orgSigner(sqlite));
}
