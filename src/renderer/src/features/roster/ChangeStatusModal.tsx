import { Select, Text, Textarea } from '@mantine/core';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { useState } from 'react';
import { MEMBER_STATUSES, type Member, type MemberStatus } from '@shared/contract/roster';
import { useMutation } from '../../api/hooks';
import { FormActions } from '../../components/FormActions';
import { useDialogValues } from '../../components/GuardedModal';
import { todayIso } from '../../components/format';
import { RecordModal } from '../../components/RecordModal';
import { requiredField } from '../../components/required-field';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import { MemberSaveError } from './MemberSaveError';

const REASON_MAX = 200;

interface ChangeStatusModalProps {
  member: Member | null;
  onClose: () => void;
  onChanged: (member: Member) => void;
  /** Someone else changed the member meanwhile: close and load it again. */
  onReload: () => void;
}

/** 转出 / 退会 / 去世 need a reason; 恢复在册 (back to active) does not. */
function reasonRequired(status: MemberStatus): boolean {
  return status !== 'active';
}

function ChangeStatusForm({ member, onClose, onChanged, onReload }: Omit<ChangeStatusModalProps, 'member'> & { member: Member }) {
  const t = useT();
  const change = useMutation('roster.changeStatus');
  const [today] = useState(todayIso);
  const choices = MEMBER_STATUSES.filter((status) => status !== member.status);
  const [status, setStatus] = useState<MemberStatus>(choices[0]!);
  const [on, setOn] = useState<string | null>(today);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  // Text in the date box that was not taken: the value is empty then, and the box says why.
  const [onProblem, setOnProblem] = useState<string | null>(null);
  useDialogValues({ status, on, reason });
  const missingReason = reasonRequired(status) && !reason.trim();

  const submit = async () => {
    setSubmitted(true);
    if (!on || onProblem || missingReason) return;
    const result = await change.run({ id: member.id, rev: member.rev, status, on, reason: reason.trim() });
    if (result.ok) onChanged(result.data);
  };

  return (
    <StackedForm onSubmit={submit}>
      <MemberSaveError error={change.error} onReload={onReload} />
      <Text size="sm">{t('memberStatus.current', { status: t(`memberStatuses.${member.status}`) })}</Text>
      <Select
        label={t('memberStatus.to')}
        value={status}
        onChange={(value) => setStatus(choices.find((s) => s === value) ?? status)}
        data={choices.map((s) => ({ value: s, label: t(`statusActions.${s}`) }))}
        allowDeselect={false}
        {...requiredField}
        data-autofocus
      />
      <ClerkDateInput
        label={t('memberStatus.on')}
        value={on}
        onChange={setOn}
        onProblem={setOnProblem}
        valueFormat="YYYY-MM-DD"
        placeholder={t('memberForm.datePlaceholder')}
        maxDate={today}
        {...requiredField}
        error={submitted && !on ? (onProblem ?? t('validation.required')) : undefined}
      />
      <Textarea
        label={t('memberStatus.reason')}
        description={reasonRequired(status) ? t('memberStatus.reasonHint') : t('memberStatus.reasonOptional')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={REASON_MAX}
        autosize
        minRows={2}
        {...(reasonRequired(status) ? requiredField : {})}
        error={submitted && missingReason ? t('memberStatus.reasonRequired') : undefined}
      />
      <FormActions
        submitLabel={t('memberStatus.submit', { action: t(`statusActions.${status}`) })}
        color={status === 'active' ? 'green' : 'orange'}
        loading={change.running}
        onCancel={onClose}
      />
    </StackedForm>
  );
}

/** 变更状态: the member leaves the active roster (transferred, withdrawn, deceased) or comes back to it. */
export function ChangeStatusModal({ member, onClose, onChanged, onReload }: ChangeStatusModalProps) {
  const t = useT();
  return (
    <RecordModal record={member} title={(record) => t('memberStatus.title', { name: record.name })} onClose={onClose}>
      {(record) => <ChangeStatusForm member={record} onClose={onClose} onChanged={onChanged} onReload={onReload} />}
    </RecordModal>
  );
}
