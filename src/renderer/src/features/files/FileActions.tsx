import { Button, Group, Modal, Paper, Select, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import type { FileDetail } from '@shared/contract/hardship';
import { CLOSE_REASONS, type CloseReason, type FileAction } from '@shared/domain/hardship-lifecycle';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { todayIso } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { blockerText } from './file-text';

/** Actions that ask the clerk for words or a date before they are taken. */
const NEEDS_REASON: readonly FileAction[] = ['recordObjection', 'dismissObjection', 'upholdObjection', 'reject', 'exit'];

function ActionForm({
  file,
  action,
  onDone,
  onClose,
}: {
  file: FileDetail;
  action: FileAction;
  onDone: (file: FileDetail) => void;
  onClose: () => void;
}) {
  const t = useT();
  const act = useMutation('files.act');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState<string | null>(todayIso());
  const [closeReason, setCloseReason] = useState<CloseReason | null>(null);
  const needsReason = NEEDS_REASON.includes(action);
  const ready = (!needsReason || reason.trim().length > 0) && (action !== 'exit' || date) && (action !== 'close' || closeReason);

  const submit = async () => {
    const result = await act.run({
      id: file.id,
      rev: file.rev,
      action,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(action === 'exit' && date ? { date } : {}),
      ...(action === 'close' && closeReason ? { closeReason } : {}),
    });
    if (result.ok) onDone(result.data);
  };

  return (
    <Stack>
      <ErrorAlert error={act.error} />
      {action === 'close' && (
        <Select
          label={t('files.closeReason')}
          data={CLOSE_REASONS.map((r) => ({ value: r, label: t(`closeReasons.${r}`) }))}
          value={closeReason}
          onChange={(v) => setCloseReason(v as CloseReason)}
          {...requiredField}
        />
      )}
      {action === 'exit' && (
        <DateInput
          label={t('files.date')}
          valueFormat="YYYY-MM-DD"
          value={date}
          onChange={setDate}
          maxDate={todayIso()}
          {...requiredField}
        />
      )}
      <Textarea
        label={t('files.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={500}
        autosize
        minRows={2}
        data-autofocus
        {...(needsReason ? requiredField : {})}
      />
      <FormActions submitLabel={t(`fileActions.${action}`)} onSubmit={submit} disabled={!ready} loading={act.running} onCancel={onClose} />
    </Stack>
  );
}

/** The file's next steps for the signed-in user: each a button, disabled with the reasons when it cannot be taken. */
export function FileActions({ file, onChanged }: { file: FileDetail; onChanged: (file: FileDetail) => void }) {
  const t = useT();
  const [taking, setTaking] = useState<FileAction | null>(null);
  const blockerFree = (a: FileDetail['actions'][number]) => a.blockers.length === 0;
  // Decisions a reviewer takes stay visible to a clerk, disabled with the reason; the rest only to who may take them.
  const shown = file.actions.filter((a) => !a.blockers.some((b) => b.code === 'ROLE') || a.action === 'approve' || a.action === 'keep');
  if (shown.length === 0) return null;
  const done = (updated: FileDetail) => {
    notifySuccess(t('files.actionDone', { action: t(`fileActions.${taking!}`) }));
    setTaking(null);
    onChanged(updated);
  };
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Title order={4} mb="xs">
        {t('files.actionsTitle')}
      </Title>
      <Group gap="sm" align="flex-start">
        {shown.map((a) =>
          blockerFree(a) ? (
            <Button
              key={a.action}
              variant={a.action === 'reject' || a.action === 'close' ? 'light' : 'filled'}
              color={a.action === 'reject' || a.action === 'close' ? 'red' : undefined}
              onClick={() => setTaking(a.action)}
            >
              {t(`fileActions.${a.action}`)}
            </Button>
          ) : (
            <Tooltip
              key={a.action}
              multiline
              w={320}
              label={
                <Stack gap={2}>
                  <Text size="sm">{t('files.blockedTitle')}</Text>
                  {a.blockers.map((b, i) => (
                    <Text key={i} size="sm">
                      · {blockerText(t, b)}
                    </Text>
                  ))}
                </Stack>
              }
            >
              <Button
                variant="default"
                data-disabled
                aria-disabled
                onClick={(e) => e.preventDefault()}
                aria-describedby={`blockers-${a.action}`}
              >
                {t(`fileActions.${a.action}`)}
              </Button>
            </Tooltip>
          ),
        )}
      </Group>
      {shown
        .filter((a) => !blockerFree(a))
        .map((a) => (
          <Text key={a.action} id={`blockers-${a.action}`} size="xs" c="dimmed" mt={6} data-testid={`blockers-${a.action}`}>
            {t('files.blockersLine', {
              action: t(`fileActions.${a.action}`),
              reasons: a.blockers.map((b) => blockerText(t, b)).join(t('files.blockersJoin')),
            })}
          </Text>
        ))}
      <Modal opened={taking !== null} onClose={() => setTaking(null)} title={taking ? t(`fileActions.${taking}`) : ''} centered>
        {taking && <ActionForm file={file} action={taking} onDone={done} onClose={() => setTaking(null)} />}
      </Modal>
    </Paper>
  );
}
