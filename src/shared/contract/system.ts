import { z } from 'zod';
import { backupKind } from './backup';
import { channel, fileRef, isoInstant, noInput, okOutput } from './define';
import { orgMode } from './org';
import { password, username, displayName } from './users';

export const systemState = z.enum(['needs-setup', 'ready', 'key-missing', 'db-too-new', 'damaged']);
export type SystemState = z.infer<typeof systemState>;
/** Why the state is 'damaged': the file fails its check, or it is missing or empty in a folder that was set up. */
export const damageKind = z.enum(['damaged', 'missing']);
export type DamageKind = z.infer<typeof damageKind>;

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
        regionCode: z
          .string()
          .trim()
          .regex(/^\d{6}$/),
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
  /**
   * In the 'damaged' state: what is wrong, and the newest backup that opens with this key and passes its check
   * (null when there is none: the clerk is told to call the administrator).
   */
  'system.damage': channel({
    input: noInput,
    output: z.object({
      damage: damageKind,
      backup: z.object({ id: z.string(), kind: backupKind, createdAt: isoInstant }).nullable(),
    }),
    access: 'public',
    mutates: false,
  }),
  /**
   * In the 'damaged' state, from its screen (nobody can sign in to a damaged database): puts a checked backup in
   * place. The damaged file is kept beside it under a new name, and the restore is audited in the restored database.
   */
  'system.restoreDamaged': channel({
    input: z.object({ backupId: z.string().max(100) }),
    output: z.object({ restored: z.object({ createdAt: isoInstant }), keptAs: z.string().nullable() }),
    access: 'public',
    mutates: true,
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
