import { z } from 'zod';
import { channel, noInput } from './define';

/** A help centre (帮扶中心) serves workers; a higher federation (上级工会) imports centres' batches. */
export const orgMode = z.enum(['centre', 'federation']);
export type OrgMode = z.infer<typeof orgMode>;

export const orgSettings = z.object({
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  mode: orgMode,
  idleLockMinutes: z.number().int(),
});
export type OrgSettings = z.infer<typeof orgSettings>;

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
    }),
    output: z.object({ settings: orgSettings, warnings: z.array(z.enum(['CREDIT_CODE_CHECK'])) }),
    access: 'admin',
    mutates: true,
  }),
};
