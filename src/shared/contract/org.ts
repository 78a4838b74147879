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

/** The organisation's Ed25519 signing key as the administrator sees it: public facts only, never the private key. */
export const signingKeyInfo = z.object({
  /** 8 groups of 5 digits (shared/domain/key-fingerprint.ts), read to the federation over the phone. */
  fingerprint: z.array(z.string()),
  /** The raw 32-byte public key in base64, as the key card carries it. */
  publicKey: z.string(),
  createdAt: z.string(),
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
  /** The key card: `card` the signed `.bfkey` file for the federation, `pdf` the A4 page to compare and sign. */
  'org.exportKeyCard': jobChannel({
    input: z.object({ as: z.enum(['card', 'pdf']) }),
    result: fileRef,
    access: 'admin',
    mutates: true,
  }),
};
