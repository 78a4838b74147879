import { Badge } from '@mantine/core';
import type { MemberStatus } from '@shared/contract/roster';
import { useT } from '../../i18n';

const COLOR: Record<MemberStatus, string> = { active: 'green', transferred: 'blue', withdrawn: 'gray', deceased: 'dark' };

/** 在册 / 转出 / 退会 / 去世. */
export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  const t = useT();
  return (
    <Badge color={COLOR[status]} variant={status === 'active' ? 'light' : 'outline'} style={{ flexShrink: 0 }}>
      {t(`memberStatuses.${status}`)}
    </Badge>
  );
}
