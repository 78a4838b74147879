import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { parseYuan } from '../../components/money';
import { FormActions } from '../../components/FormActions';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import { yuan } from './aid-format';
import { YuanInput } from './YuanInput';

export type RowDecision = { kind: 'exclude'; reason: string } | { kind: 'adjust'; amountFen: number; reason: string };

interface RowDecisionProps {
  mode: 'exclude' | 'adjust';
  /** Who the row pays (户主, and the student for 助学), for the dialog's sentence. */
  who: string;
  suggestedFen: number;
  onClose: () => void;
  onDecided: (decision: RowDecision) => void;
}

function RowDecisionForm({ mode, who, suggestedFen, onClose, onDecided }: RowDecisionProps) {
  const t = useT();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  useDialogValues({ amount, reason });
  const amountFen = parseYuan(amount);
  const missing: string[] = [];
  if (mode === 'adjust' && (amountFen === null || amountFen >= suggestedFen))
    missing.push(t('aidBatch.missingLower', { max: yuan(suggestedFen) }));
  if (reason.trim().length < 2) missing.push(t('aidBatch.missingReason'));
  const submit = () => {
    if (missing.length > 0) return;
    onDecided(
      mode === 'adjust' ? { kind: 'adjust', amountFen: amountFen!, reason: reason.trim() } : { kind: 'exclude', reason: reason.trim() },
    );
  };
  return (
    <StackedForm onSubmit={submit}>
      <Text size="sm">{t(mode === 'adjust' ? 'aidBatch.adjustBody' : 'aidBatch.excludeBody', { who, amount: yuan(suggestedFen) })}</Text>
      {mode === 'adjust' && <YuanInput label={t('aidBatch.adjustedAmount')} value={amount} onChange={setAmount} data-autofocus w={220} />}
      <TextInput
        label={t('aidBatch.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={200}
        data-autofocus={mode === 'exclude' ? true : undefined}
      />
      <FormActions submitLabel={t(mode === 'adjust' ? 'aidBatch.adjust' : 'aidBatch.exclude')} missing={missing} onCancel={onClose} />
    </StackedForm>
  );
}

/** 排除 or 调低金额 for one row of a batch being made, always with a reason (kept with the payment). */
export function RowDecisionModal({ opened, ...props }: RowDecisionProps & { opened: boolean }) {
  const t = useT();
  return (
    <GuardedModal
      opened={opened}
      onClose={props.onClose}
      title={t(props.mode === 'adjust' ? 'aidBatch.adjustTitle' : 'aidBatch.excludeTitle', { who: props.who })}
      centered
    >
      {opened && <RowDecisionForm {...props} />}
    </GuardedModal>
  );
}
