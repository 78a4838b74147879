import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FileDetail } from '@shared/contract/hardship';
import { ACTION_TEXT, CLOSE_REASONS, type CloseReason, type FileAction } from '@shared/domain/hardship-lifecycle';
import { useMutation } from '../../api/hooks';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { formatDateTime, todayIso } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { blockerText } from './file-text';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';

/** The household members who are also in another open file (a small orange note on the household tab). */
export const inOtherFiles = (file: FileDetail) => file.household.filter((m) => m.otherFiles.length > 0);

/** What the clerk confirmed at submission about a household member in another open file, if anything. */
export function crossHouseholdConfirmation(file: FileDetail) {
  return file.timeline.filter((e) => e.action === 'submit' && e.code === 'crossHousehold').at(-1) ?? null;
}

/** The reviewer's view of that confirmation: shown on the file page and in the approval dialog. */
export function CrossHouseholdNote({ file }: { file: FileDetail }) {
  const t = useT();
  const confirmed = crossHouseholdConfirmation(file);
  if (!confirmed) return null;
  return (
    <Alert color="orange" variant="light" data-testid="cross-household-note">
      {t('fileRecords.crossHouseholdNote', {
        reason: confirmed.reason ?? '',
        user: confirmed.user ?? '',
        date: formatDateTime(confirmed.at),
      })}
    </Alert>
  );
}

/** The forward steps that ask nothing: their dialog says what follows, so the confirmation is not an empty box. */
const STEP_HINTS = ['submit', 'beginVisit', 'sendToCommittee', 'startNotice', 'endNotice', 'startAnnualReview'] as const;
type StepHint = (typeof STEP_HINTS)[number];

/** The day the file's latest notice began, from its timeline (null before any). */
function noticeStartOf(file: FileDetail): string | null {
  const started = file.timeline.filter((e) => e.action === 'startNotice').at(-1);
  return started ? dayjs(started.at).format('YYYY-MM-DD') : null;
}

/** An objection as received during the notice: when, from whom, how to reach them (all but the content optional). */
function ObjectionFields({
  value,
  onChange,
  noticeStartedOn,
}: {
  /** An objection is to the notice: the day it came in is not before the notice began (the core checks it too). */
  noticeStartedOn: string | null;
  value: { receivedOn: string | null; from: string; contact: string; content: string };
  onChange: (value: { receivedOn: string | null; from: string; contact: string; content: string }) => void;
}) {
  const t = useT();
  return (
    <>
      <ClerkDateInput
        label={t('fileRecords.objectionReceivedOn')}
        valueFormat="YYYY-MM-DD"
        value={value.receivedOn}
        onChange={(receivedOn) => onChange({ ...value, receivedOn })}
        maxDate={todayIso()}
        {...(noticeStartedOn ? { minDate: noticeStartedOn } : {})}
        {...requiredField}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('fileRecords.objectionFrom')}
          value={value.from}
          maxLength={50}
          onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
        />
        <TextInput
          label={t('fileRecords.objectionContact')}
          description={t('fileRecords.objectionContactHint')}
          value={value.contact}
          maxLength={100}
          onChange={(e) => onChange({ ...value, contact: e.currentTarget.value })}
        />
      </Group>
      <Textarea
        label={t('fileRecords.objectionContent')}
        value={value.content}
        onChange={(e) => onChange({ ...value, content: e.currentTarget.value })}
        maxLength={1000}
        autosize
        minRows={3}
        data-autofocus
        {...requiredField}
      />
    </>
  );
}

/**
 * The dialog of one step: only what the step asks for (ACTION_TEXT) — a reason where the file is turned down,
 * ended, withdrawn or sent back, the 审核意见 (optional) at approval, the objection's record, the confirmation of a
 * household member in another file at submission. A step that asks nothing is a plain confirmation.
 */
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
  const [objection, setObjection] = useState({ receivedOn: todayIso() as string | null, from: '', contact: '', content: '' });
  const [confirmed, setConfirmed] = useState(false);
  // Words typed for a step are not lost to Esc or a click outside without asking (GuardedModal).
  useDialogValues({ reason, date, closeReason, objection, confirmed });
  const text = ACTION_TEXT[action];
  const elsewhere = action === 'submit' ? inOtherFiles(file) : [];

  const missing = [
    ...(text?.required && reason.trim() === '' ? [t('fileRecords.need.reason')] : []),
    ...(action === 'exit' && !date ? [t('fileRecords.need.date')] : []),
    ...(action === 'close' && !closeReason ? [t('fileRecords.need.closeReason')] : []),
    ...(action === 'recordObjection' && !objection.receivedOn ? [t('fileRecords.need.receivedOn')] : []),
    ...(action === 'recordObjection' && objection.content.trim() === '' ? [t('fileRecords.need.objectionContent')] : []),
    ...(elsewhere.length > 0 && (!confirmed || reason.trim() === '') ? [t('fileRecords.need.crossHousehold')] : []),
  ];

  const submit = async () => {
    const result = await act.run({
      id: file.id,
      rev: file.rev,
      action,
      ...(text && reason.trim() ? { reason: reason.trim() } : {}),
      ...(elsewhere.length > 0 ? { crossHouseholdReason: reason.trim() } : {}),
      ...(action === 'exit' && date ? { date } : {}),
      ...(action === 'close' && closeReason ? { closeReason } : {}),
      ...(action === 'recordObjection'
        ? {
            objection: {
              receivedOn: objection.receivedOn!,
              from: objection.from.trim() || null,
              contact: objection.contact.trim() || null,
              content: objection.content.trim(),
            },
          }
        : {}),
    });
    if (result.ok) onDone(result.data);
  };

  const textLabel =
    text?.kind === 'opinion' ? t('fileRecords.opinionOptional') : action === 'close' ? t('fileRecords.closeNote') : t('files.reason');

  return (
    <Stack>
      <ErrorAlert error={act.error} />
      {(STEP_HINTS as readonly FileAction[]).includes(action) && (
        <Text size="sm" c="dimmed">
          {t(`fileRecords.stepHints.${action as StepHint}`)}
        </Text>
      )}
      {action === 'approve' && <CrossHouseholdNote file={file} />}
      {action === 'withdraw' && (
        <Text size="sm" c="dimmed">
          {t('fileRecords.withdrawHint')}
        </Text>
      )}
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
        <ClerkDateInput
          label={t('files.date')}
          valueFormat="YYYY-MM-DD"
          value={date}
          onChange={setDate}
          maxDate={todayIso()}
          {...requiredField}
        />
      )}
      {action === 'recordObjection' && <ObjectionFields value={objection} onChange={setObjection} noticeStartedOn={noticeStartOf(file)} />}
      {elsewhere.length > 0 && (
        <Alert color="orange" title={t('fileRecords.crossHouseholdTitle')} data-testid="cross-household-confirm">
          <Stack gap="xs">
            <Text size="sm">{t('fileRecords.crossHouseholdList', { names: elsewhere.map((m) => m.name).join('、') })}</Text>
            <Checkbox
              label={t('fileRecords.crossHouseholdConfirm')}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />
          </Stack>
        </Alert>
      )}
      {(text || elsewhere.length > 0) && (
        <Textarea
          label={elsewhere.length > 0 ? t('fileRecords.crossHouseholdReason') : textLabel}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
          {...(text?.required || elsewhere.length > 0 ? requiredField : {})}
        />
      )}
      <FormActions
        submitLabel={t(`fileActions.${action}`)}
        onSubmit={submit}
        missing={missing}
        loading={act.running}
        onCancel={onClose}
        color={action === 'withdraw' ? 'red' : undefined}
      />
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
              variant={a.action === 'reject' || a.action === 'close' || a.action === 'withdraw' ? 'light' : 'filled'}
              color={a.action === 'reject' || a.action === 'close' || a.action === 'withdraw' ? 'red' : undefined}
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
      <GuardedModal opened={taking !== null} onClose={() => setTaking(null)} title={taking ? t(`fileActions.${taking}`) : ''} centered>
        {taking && <ActionForm file={file} action={taking} onDone={done} onClose={() => setTaking(null)} />}
      </GuardedModal>
    </Paper>
  );
}
