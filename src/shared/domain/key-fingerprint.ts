/**
 * A public key's fingerprint as digits two people can read to each other over the phone (the federation confirms
 * a centre's key card this way, issue 12), in the manner of Signal's safety numbers: the SHA-256 digest of the raw
 * 32-byte public key, cut into eight 4-byte big-endian numbers, each taken mod 100000 and written as 5 digits.
 *
 * Eight groups use the whole digest; each keeps log2(100000) ≈ 16.6 bits, so the 40 digits hold about 133 bits —
 * more than Signal's 30 digits per key (≈ 100 bits), far past what a forger could match by trying keys. The bias of
 * a 32-bit number mod 100000 is below 1 in 40,000 per group, which costs nothing that matters.
 *
 * The digest is computed by the caller (node:crypto in the core): src/shared has no hash of its own.
 */

export const FINGERPRINT_GROUPS = 8;
const GROUP_BYTES = 4;

/** The 8 groups of 5 digits for a 32-byte SHA-256 digest. */
export function fingerprintGroups(sha256Digest: Uint8Array): string[] {
  if (sha256Digest.length !== FINGERPRINT_GROUPS * GROUP_BYTES) throw new Error('a SHA-256 digest has 32 bytes');
  const groups: string[] = [];
  for (let g = 0; g < FINGERPRINT_GROUPS; g++) {
    let value = 0;
    for (let i = 0; i < GROUP_BYTES; i++) value = value * 256 + sha256Digest[g * GROUP_BYTES + i]!;
    groups.push(String(value % 100000).padStart(5, '0'));
  }
  return groups;
}

/** Groups separated by spaces, four to a line when `lines` is set (a screen or a printed card). */
export function formatFingerprint(groups: readonly string[], lines = false): string {
  if (!lines) return groups.join(' ');
  const half = Math.ceil(groups.length / 2);
  return `${groups.slice(0, half).join(' ')}\n${groups.slice(half).join(' ')}`;
}

/** Reads a fingerprint someone typed or read out (spaces, dashes, line breaks ignored); null unless 40 digits. */
export function parseFingerprint(text: string): string[] | null {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{40}$/.test(digits)) return null;
  return Array.from({ length: FINGERPRINT_GROUPS }, (_, g) => digits.slice(g * 5, g * 5 + 5));
}
