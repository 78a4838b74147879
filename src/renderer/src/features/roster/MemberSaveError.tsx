import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { AppErrorShape } from '@shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';

interface MemberSaveErrorProps {
  error: AppErrorShape | null;
  /** Opens the member who already has the ID number (DUPLICATE_ID_NUMBER); absent where that cannot happen. */
  onOpenMember?: (memberId: string) => void;
  /** Loads the member again after someone else changed it (STALE_RECORD); absent when adding a member. */
  onReload?: () => void;
}

/** Why the core refused to save a member, with the way forward for the two refusals that have one. */
export function MemberSaveError({ error, onOpenMember, onReload }: MemberSaveErrorProps) {
  const t = useT();
  if (!error) return null;
  const existingId = typeof error.params?.memberId === 'string' ? error.params.memberId : null;
  let action: { label: string; run: () => void } | null = null;
  if (error.code === 'DUPLICATE_ID_NUMBER' && existingId && onOpenMember) {
    action = { label: t('memberForm.openExisting'), run: () => onOpenMember(existingId) };
  }
  if (error.code === 'STALE_RECORD' && onReload) action = { label: t('memberForm.reload'), run: onReload };
  if (!action) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">{error.code === 'STALE_RECORD' ? t('memberForm.stale') : t('memberForm.duplicate')}</Text>
        <Button size="xs" variant="white" color="red" onClick={action.run} style={{ flexShrink: 0 }}>
          {action.label}
        </Button>
      </Group>
    </Alert>
  );
}
