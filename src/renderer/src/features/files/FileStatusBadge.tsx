import { Badge } from '@mantine/core';
import type { FileStatus } from '@shared/domain/hardship-lifecycle';
import { useT } from '../../i18n';

const COLOURS: Record<FileStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  visit: 'blue',
  review: 'blue',
  notice: 'orange',
  approval: 'grape',
  staged: 'yellow',
  active: 'green',
  annualReview: 'teal',
  rejected: 'red',
  exited: 'gray',
  closed: 'dark',
  withdrawn: 'gray',
};

export function FileStatusBadge({ status }: { status: FileStatus }) {
  const t = useT();
  return (
    <Badge color={COLOURS[status]} variant="light">
      {t(`fileStatuses.${status}`)}
    </Badge>
  );
}
