import { Badge } from '@mantine/core';
import type { MemberStatus } from '@shared/contract/roster';
import { useT } from '../../i18n';

const COLOR: Record<MemberStatus, string> = { active: 'green', transferred: 'blue', withdrawn: 'gray', deceased: 'dark' };

/**
 * 在册 / 转出 / 退会 / 去世. Never narrower than its word: a Badge's label sits in a grid track that may shrink to
 * nothing, so in a table short of room it was cut to "在..", and the table took the space from it first.
 */
export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  const t = useT();
  return (
    <Badge color={COLOR[status]} variant={status === 'active' ? 'light' : 'outline'} style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {t(`memberStatuses.${status}`)}
    </Badge>
  );
}
