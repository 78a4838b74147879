import { Alert, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExchangeAlarm } from '@shared/contract/exchange-import';
import { roleAllows } from '@shared/roles';
import { useMutation } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { FormActions } from '../../components/FormActions';
import { formatDateTime } from '../../components/format';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';

/**
 * 异常: a batch number that came again as another file. Shown above everything else on the page, open ones in red;
 * an administrator marks one 已处理 with a note, and it stays listed.
 */
export function AlarmsPanel({ alarms, onChanged }: { alarms: ExchangeAlarm[]; onChanged: () => void }) {
  const t = useT();
  const { session } = useSession();
  const isAdmin = roleAllows(session.user.role, 'admin');
  const [settling, setSettling] = useState<ExchangeAlarm | null>(null);
  if (alarms.length === 0) return null;
  const open = alarms.some((a) => !a.settledAt);
  return (
    <Alert
      color={open ? 'red' : 'gray'}
      icon={<IconAlertTriangle size={20} />}
      title={t('exchangeImport.alarmsTitle')}
      maw={1080}
      mb="lg"
      data-testid="alarms"
    >
      <Text size="sm" mb="sm">
        {t('exchangeImport.alarmsIntro')}
      </Text>
      <Stack gap="xs">
        {alarms.map((alarm) => (
          <Group key={alarm.id} justify="space-between" wrap="nowrap" data-testid="alarm-row">
            <div>
              <Text size="sm" fw={alarm.settledAt ? 400 : 600}>
                {t('exchangeImport.alarmText', {
                  name: alarm.centreName,
                  sequence: alarm.sequence,
                  at: formatDateTime(alarm.at),
                  by: alarm.by,
                })}
              </Text>
              {alarm.settledAt && (
                <Text size="xs" c="dimmed">
                  {t('exchangeImport.alarmSettled', {
                    time: formatDateTime(alarm.settledAt),
                    user: alarm.settledBy ?? '',
                    note: alarm.settledNote ?? '',
                  })}
                </Text>
              )}
            </div>
            {alarm.settledAt ? (
              <Badge color="gray" variant="light">
                {t('exchangeImport.settle').replace('…', '')}
              </Badge>
            ) : (
              isAdmin && (
                <Button size="xs" color="red" variant="light" onClick={() => setSettling(alarm)}>
                  {t('exchangeImport.settle')}
                </Button>
              )
            )}
          </Group>
        ))}
      </Stack>
      <SettleAlarmModal
        alarm={settling}
        onClose={() => setSettling(null)}
        onDone={() => {
          setSettling(null);
          onChanged();
        }}
      />
    </Alert>
  );
}

function SettleAlarmModal({ alarm, onClose, onDone }: { alarm: ExchangeAlarm | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  return (
    <GuardedModal opened={alarm !== null} onClose={onClose} title={t('exchangeImport.settleTitle')} centered>
      {alarm && <SettleForm key={alarm.id} alarm={alarm} onCancel={onClose} onDone={onDone} />}
    </GuardedModal>
  );
}

function SettleForm({ alarm, onCancel, onDone }: { alarm: ExchangeAlarm; onCancel: () => void; onDone: () => void }) {
  const t = useT();
  const settle = useMutation('exchangeImport.settleAlarm');
  const [note, setNote] = useState('');
  useDialogValues({ note });
  const submit = async () => {
    const result = await settle.run({ id: alarm.id, note });
    if (!result.ok) return notifyError(result.error);
    notifySuccess(t('exchangeImport.settled'));
    onDone();
  };
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('exchangeImport.alarmText', { name: alarm.centreName, sequence: alarm.sequence, at: formatDateTime(alarm.at), by: alarm.by })}
      </Text>
      <Textarea
        label={t('exchangeImport.settleNote')}
        description={t('exchangeImport.settleNoteHint')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={500}
        data-autofocus
      />
      <FormActions
        submitLabel={t('exchangeImport.settleConfirm')}
        loading={settle.running}
        missing={note.trim() ? [] : [t('exchangeImport.missingNote')]}
        onSubmit={() => void submit()}
        onCancel={onCancel}
      />
    </Stack>
  );
}
