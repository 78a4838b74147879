import { Alert, Button, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFirstAidKit } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PaymentItem } from '@shared/contract/aid';
import { checkIdNumber } from '@shared/domain/id-number';
import { roleAllows } from '@shared/roles';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { todayIso } from '../../components/format';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { formatYuan } from '../../components/money';
import { notifySuccess } from '../../components/notify';
import { QueryStatus } from '../../components/QueryStatus';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { IdNumberField } from '../roster/IdNumberField';
import { checkAmount, NO_AMOUNT, type AmountState } from './amount-check';
import { AmountField } from './AmountField';
import { useOpenPrograms } from './NewPaymentModal';
import { SuggestionLines } from './SuggestionLines';

function EmergencyForm({ onClose, onCreated }: { onClose: () => void; onCreated: (p: PaymentItem) => void }) {
  const t = useT();
  const { session } = useSession();
  const { year, query, programs } = useOpenPrograms((p) => p.type === 'emergency');
  const create = useMutation('aid.createPayment');
  const [programId, setProgramId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [today] = useState(todayIso);
  const [unit, setUnit] = useState('');
  const [amount, setAmount] = useState<AmountState>(NO_AMOUNT);
  useDialogValues({ programId, name, idNumber, unit, amount });
  // Only one program ever to choose from is chosen already.
  const chosen = programId ?? (programs.length === 1 ? programs[0]!.id : null);
  // Checked as typed (the core's rule): a wrong check digit is said in the field, and only a valid number is asked
  // about, so that 本次最多 takes off what this ID number already received this year.
  const idValid = checkIdNumber(idNumber, today).ok;
  const suggest = useQuery(
    'aid.suggest',
    {
      programId: chosen ?? '',
      fileId: null,
      studentId: null,
      baseFen: null,
      recipient: idValid ? { name: name.trim(), idNumber } : null,
    },
    { enabled: chosen !== null },
  );
  const suggestion = chosen ? suggest.data : undefined;
  const check = suggestion ? checkAmount(t, suggestion, amount, session.user.role === 'admin') : null;
  const missing = [
    ...(chosen === null ? [t('aidPay.missingProgram')] : []),
    ...(name.trim() === '' ? [t('aidPay.missingName')] : []),
    ...(idNumber.trim() === '' ? [t('aidPay.missingId')] : idValid ? [] : [t('aidPay.missingIdFix')]),
    // A worker on file is not missing a program: the payment belongs on the file's page.
    ...(suggestion && !suggestion.eligible
      ? [suggestion.reason === 'hasActiveFile' ? t('aidPay.missingPayOnFile') : t('aidPay.missingEligible')]
      : []),
    ...(suggestion?.eligible && check ? check.missing : []),
  ];
  const submit = async () => {
    const result = await create.run({
      programId: chosen!,
      fileId: null,
      emergency: { name: name.trim(), idNumber: idNumber.trim(), unit: unit.trim() || null },
      studentId: null,
      baseFen: null,
      amountFen: check!.fen!,
      adjustReason: check!.lowered ? amount.adjustReason.trim() : null,
      // A worker without a file has no account on record: cash against a signature.
      method: 'cash',
      overBudgetReason: check!.overBudget ? amount.overBudgetReason.trim() : null,
      note: null,
    });
    if (result.ok) {
      notifySuccess(t('aidPay.created', { amount: formatYuan(result.data.amountFen) }));
      onCreated(result.data);
    }
  };
  return (
    <Stack>
      <Text size="sm">{t('aidPay.emergencyHint')}</Text>
      <ErrorAlert error={create.error} />
      <QueryStatus loading={query.loading && !query.data} error={query.error} onRetry={query.reload} />
      {query.data && programs.length === 0 && <Alert color="gray">{t('aidPay.noEmergencyPrograms', { year })}</Alert>}
      {programs.length > 1 && (
        <Select
          label={t('aidPay.program')}
          data={programs.map((p) => ({ value: p.id, label: p.name }))}
          value={programId}
          onChange={(v) => {
            setProgramId(v);
            setAmount(NO_AMOUNT);
          }}
          {...requiredField}
        />
      )}
      <TextInput label={t('aidPay.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={30} {...requiredField} />
      <IdNumberField value={idNumber} onChange={setIdNumber} today={today} showErrors={false} />
      {suggestion?.nameMismatch && name.trim() !== '' && (
        <Alert color="orange" role="alert" data-testid="aid-name-mismatch">
          {t('aidPay.nameMismatch')}
        </Alert>
      )}
      <TextInput label={t('aidPay.unit')} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} maxLength={60} />
      {suggestion && <SuggestionLines suggestion={suggestion} byIdNumber={suggestion.countedIdNumber} />}
      {suggestion?.eligible && check && <AmountField suggestion={suggestion} state={amount} check={check} onChange={setAmount} />}
      <FormActions
        submitLabel={t('aidPay.submit')}
        loading={create.running}
        disabled={suggest.loading}
        missing={missing}
        onSubmit={submit}
        onCancel={onClose}
      />
    </Stack>
  );
}

/** 临时救助 for a worker without a file (the emergency route): a button and its small dialog; opens the payment made. */
export function EmergencyPaymentButton() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const [opened, setOpened] = useState(false);
  if (!roleAllows(session.user.role, 'clerk')) return null;
  return (
    <>
      <Button variant="light" leftSection={<IconFirstAidKit size={16} />} onClick={() => setOpened(true)}>
        {t('aidPay.emergencyButton')}
      </Button>
      <GuardedModal opened={opened} onClose={() => setOpened(false)} title={t('aidPay.emergencyTitle')} size="lg">
        {opened && (
          <EmergencyForm
            onClose={() => setOpened(false)}
            onCreated={(p) => {
              setOpened(false);
              void navigate(`/aid/payments/${p.id}`);
            }}
          />
        )}
      </GuardedModal>
    </>
  );
}
