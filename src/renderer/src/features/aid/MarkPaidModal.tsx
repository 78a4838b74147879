import { Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from '../../api/hooks';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { FormActions } from '../../components/FormActions';
import { todayIso } from '../../components/format';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';

interface MarkPaidProps {
  /** Chosen payments, or a whole batch. */
  target: { ids: string[] } | { batchId: string };
  /** How many payments it will mark (those 待发放), for the sentence. */
  count: number;
  onClose: () => void;
  onDone: (paid: number) => void;
}

function MarkPaidForm({ target, count, onClose, onDone }: MarkPaidProps) {
  const t = useT();
  const mark = useMutation('aid.markPaid');
  const [today] = useState(todayIso);
  const [paidOn, setPaidOn] = useState<string | null>(today);
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  useDialogValues({ paidOn });
  const missing = paidOn && !dateProblem ? [] : [t('aidPayments.missingPaidOn')];
  const submit = async () => {
    if (!paidOn) return;
    const result = await mark.run({ ...target, paidOn });
    if (result.ok) onDone(result.data.paid);
  };
  return (
    <StackedForm onSubmit={submit} error={mark.error}>
      <Text size="sm">{t('aidPayments.markPaidBody', { count })}</Text>
      <ClerkDateInput
        label={t('aidPayments.paidOn')}
        description={t('aidPayments.paidOnHint')}
        value={paidOn}
        onChange={setPaidOn}
        onProblem={setDateProblem}
        maxDate={today}
        data-autofocus
      />
      <FormActions submitLabel={t('aidPayments.markPaid')} loading={mark.running} missing={missing} onCancel={onClose} />
    </StackedForm>
  );
}

/** 登记已发放: the day the money went out (cash handed over, or the bank's return list). */
export function MarkPaidModal({ opened, ...props }: MarkPaidProps & { opened: boolean }) {
  const t = useT();
  return (
    <GuardedModal opened={opened} onClose={props.onClose} title={t('aidPayments.markPaid')} centered>
      {opened && <MarkPaidForm {...props} />}
    </GuardedModal>
  );
}
