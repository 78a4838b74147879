import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { AuditAlarm } from '@shared/contract/audit';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { knownText, t as translate, useT } from '../../i18n';

/** What the check found, in words: the kind's sentence with its numbers. */
export function alarmText(alarm: AuditAlarm): string {
  return translate(`audit.alarmDetail.${alarm.kind}`, alarm.params);
}

function foundText(alarm: AuditAlarm): string {
  const when = knownText(`auditCheckMoments.${alarm.params.when}`) ?? '';
  return translate('audit.alarmFound', { time: formatDateTime(alarm.at), when });
}

/**
 * The audit alarms on the audit page: each open one with what was found and an "acknowledge" button (recorded in
 * the audit log); acknowledged ones stay listed below, as they stay in the log.
 */
export function AuditAlarms({ alarms, onChanged }: { alarms: AuditAlarm[]; onChanged: () => void }) {
  const t = useT();
  const acknowledge = useMutation('audit.acknowledge');
  const open = alarms.filter((alarm) => !alarm.acknowledgedAt);
  const seen = alarms.filter((alarm) => alarm.acknowledgedAt);
  if (alarms.length === 0) return null;

  const run = async (seq: number) => {
    const outcome = await acknowledge.run({ seq });
    if (outcome.ok) onChanged();
  };

  return (
    <Stack gap="sm" mb="md" data-testid="audit-alarms">
      <ErrorAlert error={acknowledge.error} />
      {open.map((alarm) => (
        <Alert
          key={alarm.seq}
          color="red"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle size={20} />}
          title={t('audit.alarmsTitle')}
        >
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {alarmText(alarm)}
            </Text>
            <Text size="sm">{t('audit.alarmHint')}</Text>
            <Group justify="space-between" wrap="wrap">
              <Text size="xs" c="dimmed">
                {foundText(alarm)}
              </Text>
              <Button size="xs" variant="default" loading={acknowledge.running} onClick={() => void run(alarm.seq)}>
                {t('audit.acknowledge')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ))}
      {seen.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('audit.acknowledgedTitle', { count: seen.length })}
          </Text>
          <List size="sm" spacing={4}>
            {seen.map((alarm) => (
              <List.Item key={alarm.seq}>
                {alarmText(alarm)}{' '}
                <Text span size="xs" c="dimmed">
                  {foundText(alarm)} ·{' '}
                  {t('audit.acknowledged', { by: alarm.acknowledgedBy ?? t('audit.system'), time: formatDateTime(alarm.acknowledgedAt!) })}
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
