import { z } from 'zod';
import { channel, fileRef, jobChannel, noInput } from './define';

/** A help centre (帮扶中心) serves workers; a higher federation (上级工会) imports centres' batches. */
export const orgMode = z.enum(['centre', 'federation']);
export type OrgMode = z.infer<typeof orgMode>;

export const orgSettings = z.object({
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  mode: orgMode,
  idleLockMinutes: z.number().int(),
  /** Where the public may object to a 公示: the centre's own phone and address (printed on it), or null. */
  contactPhone: z.string().nullable(),
  contactAddress: z.string().nullable(),
});
export type OrgSettings = z.infer<typeof orgSettings>;

/**
 * The organisation's keys as the administrator sees them (the Ed25519 signing key and the X25519 encryption
 * identity): public facts only, never a private key.
 */
export const signingKeyInfo = z.object({
  /** The key card's fingerprint over both keys, 8 groups of 5 digits (keys/key-card.ts), read out over the phone. */
  fingerprint: z.array(z.string()),
  /** The raw 32-byte Ed25519 public key in base64, as the key card carries it. */
  publicKey: z.string(),
  /** The age recipient (age1…) other offices encrypt batches to. */
  exchangeRecipient: z.string(),
  createdAt: z.string(),
  /** After a key change: the old card's fingerprint and when it was replaced (the card names it in `replaces`). */
  replaced: z.object({ fingerprint: z.string(), at: z.string() }).nullable(),
});
export type SigningKeyInfo = z.infer<typeof signingKeyInfo>;

export const orgChannels = {
  'org.get': channel({ input: noInput, output: orgSettings, access: 'viewer', mutates: false }),
  'org.update': channel({
    input: z.object({
      name: z.string().trim().min(2).max(100),
      creditCode: z.string().trim().toUpperCase().max(18),
      regionCode: z
        .string()
        .trim()
        .regex(/^\d{6}$/),
      idleLockMinutes: z.number().int().min(1).max(120),
      /** Left out: kept as it is; empty: cleared. The phone is checked with shared/domain/phone.ts. */
      contactPhone: z.string().trim().max(30).optional(),
      contactAddress: z.string().trim().max(100).optional(),
    }),
    output: z.object({ settings: orgSettings, warnings: z.array(z.enum(['CREDIT_CODE_CHECK'])) }),
    access: 'admin',
    mutates: true,
  }),
  'org.signingKey': channel({ input: noInput, output: signingKeyInfo, access: 'admin', mutates: false }),
  /** New signing and encryption keys; the old ones are kept (retired) so what they signed still verifies. */
  'org.replaceKeys': channel({
    input: z.object({ confirm: z.literal(true) }),
    output: signingKeyInfo,
    access: 'admin',
    mutates: true,
  }),
  /** The key card: `card` the signed `.bfkey` file for the federation, `pdf` the A4 page to compare and sign. */
  'org.exportKeyCard': jobChannel({
    input: z.object({ as: z.enum(['card', 'pdf']) }),
    result: fileRef,
    access: 'admin',
    mutates: true,
  }),
};
