import { z } from 'zod';
import { channel, fileRef, noInput, okOutput } from './define';
import { orgMode } from './org';
import { password, username, displayName } from './users';

export const systemState = z.enum(['needs-setup', 'ready', 'key-missing', 'db-too-new']);
export type SystemState = z.infer<typeof systemState>;

export const systemChannels = {
  /** What the first screen should be: the setup wizard, the sign-in, or the key recovery. */
  'system.status': channel({
    input: noInput,
    output: z.object({
      state: systemState,
      orgName: z.string().nullable(),
      mode: orgMode.nullable(),
      version: z.string(),
    }),
    access: 'public',
    mutates: false,
  }),
  /** First run: creates the organisation and its administrator, and returns the recovery code once. */
  'system.setup': channel({
    input: z.object({
      org: z.object({
        name: z.string().trim().min(2).max(100),
        creditCode: z.string().trim().toUpperCase().max(18),
        regionCode: z.string().trim().regex(/^\d{6}$/),
        mode: orgMode,
      }),
      admin: z.object({ username, displayName, password }),
    }),
    output: z.object({
      recoveryCode: z.string(),
      recoveryPdf: fileRef,
      warnings: z.array(z.enum(['CREDIT_CODE_CHECK'])),
    }),
    access: 'public',
    mutates: true,
  }),
  /** When the key store cannot give back the database key (a lost Windows profile), the recovery code opens it. */
  'system.recover': channel({
    input: z.object({ recoveryCode: z.string().trim().min(1).max(64) }),
    output: okOutput,
    access: 'public',
    mutates: true,
  }),
  /** Stops a running job of this client's; it finishes with JOB_CANCELLED and leaves nothing half done. */
  'jobs.cancel': channel({
    input: z.object({ jobId: z.string() }),
    output: okOutput,
    access: 'viewer',
    mutates: false,
  }),
  'system.about': channel({
    input: noInput,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      databaseBytes: z.number().int(),
      schemaVersion: z.number().int(),
      runtime: z.string(),
      cipher: z.string(),
    }),
    access: 'admin',
    mutates: false,
  }),
};
