import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PaymentItem } from '@shared/contract/aid';
import { roleAllows } from '@shared/roles';
import { useMutation } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { todayIso } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { PrintButton } from '../files/PrintButton';
import { ReissueModal } from './ReissueModal';

type Step = 'approve' | 'markPaid' | 'void' | null;

function StepForm({
  payment,
  step,
  onClose,
  onDone,
}: {
  payment: PaymentItem;
  step: Exclude<Step, null>;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const approve = useMutation('aid.approve');
  const markPaid = useMutation('aid.markPaid');
  const voidIt = useMutation('aid.void');
  const [reason, setReason] = useState('');
  const [paidOn, setPaidOn] = useState<string | null>(todayIso());
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  useDialogValues({ reason, paidOn });
  const error = approve.error ?? markPaid.error ?? voidIt.error;
  const running = approve.running || markPaid.running || voidIt.running;
  const missing =
    step === 'void' && reason.trim().length < 2
      ? [t('aidPayment.missingReason')]
      : step === 'markPaid' && paidOn === null
        ? [dateProblem ?? t('aidPayment.missingDate')]
        : [];
  const submit = async () => {
    const result =
      step === 'approve'
        ? await approve.run({ ids: [payment.id] })
        : step === 'markPaid'
          ? await markPaid.run({ ids: [payment.id], paidOn: paidOn! })
          : await voidIt.run({ id: payment.id, reason: reason.trim() });
    if (result.ok) {
      notifySuccess(
        t(step === 'approve' ? 'aidPayment.approvedDone' : step === 'markPaid' ? 'aidPayment.markedPaid' : 'aidPayment.voidedDone'),
      );
      onDone();
    }
  };
  return (
    <Stack>
      <ErrorAlert error={error} />
      {step === 'approve' && <Text size="sm">{t('aidPayment.approveConfirm')}</Text>}
      {step === 'void' && (
        <>
          <Text size="sm">{t('aidPayment.voidConfirm')}</Text>
          <Textarea
            label={t('aidPayment.voidReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={200}
            autosize
            minRows={2}
            {...requiredField}
          />
        </>
      )}
      {step === 'markPaid' && (
        <ClerkDateInput
          label={t('aidPayment.paidDate')}
          valueFormat="YYYY-MM-DD"
          value={paidOn}
          onChange={setPaidOn}
          onProblem={setDateProblem}
          maxDate={todayIso()}
          {...requiredField}
        />
      )}
      <FormActions
        submitLabel={t(`aidPayment.${step}`)}
        color={step === 'void' ? 'red' : undefined}
        loading={running}
        missing={missing}
        onSubmit={submit}
        onCancel={onClose}
      />
    </Stack>
  );
}

/** The payment's next steps for this user, each saying why when it may not be taken; and its voucher. */
export function PaymentActions({ payment, onChanged }: { payment: PaymentItem; onChanged: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const { role, id: userId } = session.user;
  const [step, setStep] = useState<Step>(null);
  const [reissuing, setReissuing] = useState(false);
  const [layout, setLayout] = useState<'a4-three' | 'a5'>('a4-three');
  const isReviewer = roleAllows(role, 'reviewer');
  const isClerk = roleAllows(role, 'clerk');
  // The four-eyes rule is the core's (AID_OWN_ENTRY); the screen says so before the reviewer tries.
  const ownEntry = payment.enteredById === userId;
  const approveWhy = !isReviewer ? t('aidPayment.approveRole') : ownEntry ? t('aidPayment.approveOwn') : null;
  const done = () => {
    setStep(null);
    onChanged();
  };

  return (
    <Stack gap="xs">
      <Group>
        {payment.status === 'pending' && (
          <Button
            disabled={approveWhy !== null}
            onClick={() => setStep('approve')}
            aria-describedby={approveWhy ? 'approve-why' : undefined}
          >
            {t('aidPayment.approve')}
          </Button>
        )}
        {payment.status === 'approved' && isClerk && payment.method !== 'service' && (
          <Button onClick={() => setStep('markPaid')}>{t('aidPayment.markPaid')}</Button>
        )}
        {payment.status !== 'voided' && isReviewer && (
          <Button color="red" variant="light" onClick={() => setStep('void')}>
            {t('aidPayment.void')}
          </Button>
        )}
        {payment.status === 'voided' && payment.reissuedBy === null && isClerk && (
          <Button variant="light" onClick={() => setReissuing(true)}>
            {t('aidPayment.reissue')}
          </Button>
        )}
        {payment.voucherSerial && isClerk && (
          <Group gap="xs">
            <Select
              aria-label={t('aidPayment.layout')}
              w={130}
              data={(['a4-three', 'a5'] as const).map((l) => ({ value: l, label: t(`voucherLayouts.${l}`) }))}
              value={layout}
              onChange={(v) => v && setLayout(v as 'a4-three' | 'a5')}
              allowDeselect={false}
            />
            <PrintButton
              channel="aid.printVouchers"
              input={{ ids: [payment.id], layout }}
              label={payment.printCount > 0 ? t('aidPayment.reprintVoucher') : t('aidPayment.printVoucher')}
              onPrinted={onChanged}
              shortcut
            />
          </Group>
        )}
      </Group>
      {payment.status === 'pending' && approveWhy && (
        <Text id="approve-why" size="xs" c="dimmed" data-testid="approve-why">
          {approveWhy}
        </Text>
      )}
      <GuardedModal opened={step !== null} onClose={() => setStep(null)} title={step ? t(`aidPayment.${step}`) : ''}>
        {step && <StepForm payment={payment} step={step} onClose={() => setStep(null)} onDone={done} />}
      </GuardedModal>
      <ReissueModal
        payment={payment}
        opened={reissuing}
        onClose={() => setReissuing(false)}
        onReissued={(p) => {
          setReissuing(false);
          void navigate(`/aid/payments/${p.id}`);
        }}
      />
    </Stack>
  );
}
