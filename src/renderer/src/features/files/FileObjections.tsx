import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FileDetail } from '@shared/contract/hardship';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';

const OUTCOME_COLOURS = { open: 'orange', dismissed: 'gray', upheld: 'red' } as const;
const OUTCOME_KEYS = {
  open: 'fileRecords.objectionOpen',
  dismissed: 'fileRecords.objectionDismissed',
  upheld: 'fileRecords.objectionUpheld',
} as const;

/**
 * The notice's objections as recorded: the day each came in, who raised it and how to reach them (when they said),
 * what it says, and its outcome with the reviewer's words. Shown above the file's timeline; nothing when none came in.
 */
export function FileObjections({ file }: { file: FileDetail }) {
  const t = useT();
  if (file.objections.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" mb="md" data-testid="file-objections">
      <Title order={5} mb="xs">
        {t('fileRecords.objectionsTitle')}
      </Title>
      <Stack gap="sm">
        {file.objections.map((o) => (
          <Stack key={o.id} gap={2} data-testid="objection">
            <Group gap="xs">
              <Badge color={OUTCOME_COLOURS[o.status]} variant="light">
                {t(OUTCOME_KEYS[o.status])}
              </Badge>
              <Text size="sm">
                {t('fileRecords.objectionLine', {
                  date: o.receivedOn,
                  from: o.receivedFrom ? t('fileRecords.objectionFromWho', { from: o.receivedFrom }) : '',
                  content: o.content,
                })}
              </Text>
            </Group>
            {o.contact && (
              <Text size="xs" c="dimmed">
                {t('fileRecords.objectionContactLine', { contact: o.contact })}
              </Text>
            )}
            {o.status !== 'open' && (
              <Text size="sm" c="dimmed">
                {t('fileRecords.objectionOutcome', {
                  outcome: t(OUTCOME_KEYS[o.status]),
                  decision: o.decision ? `——${o.decision}` : '',
                })}
                {o.decidedAt ? `（${formatDateTime(o.decidedAt)}）` : ''}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
