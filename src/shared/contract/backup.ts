import { z } from 'zod';
import { channel, fileRef, isoInstant, jobChannel, noInput } from './define';

export const backupKind = z.enum(['auto', 'manual', 'pre-migration', 'pre-restore']);
export const backupEntry = z.object({
  id: z.string(),
  kind: backupKind,
  createdAt: isoInstant,
  bytes: z.number().int(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const backupChannels = {
  'backup.list': channel({
    input: noInput,
    output: z.object({ backups: z.array(backupEntry), lastAutoAt: isoInstant.nullable() }),
    access: 'admin',
    mutates: false,
  }),
  /** A job: copy (VACUUM INTO), verify the copy (integrity check), prune by the retention policy. */
  'backup.create': jobChannel({ input: noInput, result: backupEntry, access: 'admin', mutates: true }),
  /**
   * A copy of a backup for a folder of the administrator's choice (a USB stick): the backup file as it is, still the
   * encrypted database, put in the outbox for the host's save dialog or download. Opens only with this office's key
   * (or its recovery code). Audited: a copy of everything leaves the machine.
   */
  'backup.copy': channel({ input: z.object({ backupId: z.string() }), output: fileRef, access: 'admin', mutates: true }),
  /**
   * Replaces the database with a backup after checking it opens with this key, passes integrity_check and is not
   * from a newer version. The replaced database is kept as a 'pre-restore' backup. Everyone is signed out.
   */
  'backup.restore': channel({
    input: z.union([z.object({ backupId: z.string() }), z.object({ uploadId: z.string() })]),
    output: z.object({ restored: backupEntry.pick({ createdAt: true }), keptAs: backupEntry }),
    access: 'admin',
    mutates: true,
  }),
};
