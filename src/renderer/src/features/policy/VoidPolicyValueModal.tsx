import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { PolicyValueItem } from '@shared/contract/policy';
import { useMutation } from '../../api/hooks';
import { FormActions } from '../../components/FormActions';
import { useDialogValues } from '../../components/GuardedModal';
import { RecordModal } from '../../components/RecordModal';
import { requiredField } from '../../components/required-field';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';

function VoidForm({ value, onClose, onVoided }: { value: PolicyValueItem; onClose: () => void; onVoided: () => void }) {
  const t = useT();
  const voidValue = useMutation('policy.void');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  useDialogValues(reason);
  const invalid = reason.trim().length < 2 || reason.trim().length > 200;

  const submit = async () => {
    setSubmitted(true);
    if (invalid) return;
    const result = await voidValue.run({ id: value.id, reason: reason.trim() });
    if (result.ok) onVoided();
  };

  return (
    <StackedForm onSubmit={submit} error={voidValue.error}>
      <Text size="sm">{t('policy.voidHint')}</Text>
      <Textarea
        label={t('policy.voidReason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={200}
        autosize
        minRows={2}
        {...requiredField}
        data-autofocus
        error={submitted && invalid ? t('policy.voidReasonInvalid') : undefined}
      />
      <FormActions submitLabel={t('policy.void')} loading={voidValue.running} onCancel={onClose} />
    </StackedForm>
  );
}

/** 作废: a value entered by mistake stops applying; its record stays. */
export function VoidPolicyValueModal({
  value,
  onClose,
  onVoided,
}: {
  value: PolicyValueItem | null;
  onClose: () => void;
  onVoided: () => void;
}) {
  const t = useT();
  return (
    <RecordModal record={value} title={(record) => t('policy.voidTitle', { key: t(`policyKeys.${record.key}`) })} onClose={onClose}>
      {(record) => <VoidForm value={record} onClose={onClose} onVoided={onVoided} />}
    </RecordModal>
  );
}
