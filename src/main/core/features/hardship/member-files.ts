import type { ChannelOutput } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { findMemberById } from '../roster/members.repo';

type MemberFile = ChannelOutput<'files.ofMember'>['files'][number];

/**
 * The files a roster member is in, for their page: as the head (by ID number, so also a file opened before they
 * joined the roster) or in a file's household (file_household_id_number). Files ended are listed too: the page
 * tells the member's history. Newest first.
 */
export function filesOfMember(ctx: CallContext, memberId: string): ChannelOutput<'files.ofMember'> {
  const member = findMemberById(ctx.sqlite, memberId);
  if (!member) throw new AppError('NOT_FOUND', { record: 'member' });
  const files = ctx.sqlite
    .prepare(
      `SELECT f.id, f.file_no AS fileNo, f.status, f.head_name AS headName, f.category, f.updated_at AS updatedAt,
              CASE WHEN f.head_id_number = @idNumber THEN 'self'
                   ELSE (SELECT h.relation FROM file_household h
                         WHERE h.file_id = f.id AND h.id_number = @idNumber AND h.deleted_at IS NULL ORDER BY h.position LIMIT 1)
              END AS relation
       FROM hardship_files f
       WHERE f.deleted_at IS NULL
         AND (f.head_id_number = @idNumber
              OR f.id IN (SELECT h.file_id FROM file_household h WHERE h.id_number = @idNumber AND h.deleted_at IS NULL))
       ORDER BY f.updated_at DESC, f.id DESC`,
    )
    .all({ idNumber: member.idNumber }) as MemberFile[];
  return { files };
}
