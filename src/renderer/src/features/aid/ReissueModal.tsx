import { Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PaymentItem } from '@shared/contract/aid';
import { loweringNeedsReason, type PaymentMethod } from '@shared/domain/aid';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { formatYuan } from '../../components/money';
import { notifySuccess } from '../../components/notify';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { readYuan, yuanText } from './yuan';

function ReissueForm({
  payment,
  onClose,
  onReissued,
}: {
  payment: PaymentItem;
  onClose: () => void;
  onReissued: (p: PaymentItem) => void;
}) {
  const t = useT();
  const reissue = useMutation('aid.reissue');
  const [text, setText] = useState(yuanText(payment.amountFen));
  // Bank goes to the account on file now (the core refuses bank without one, AID_NO_BANK_ACCOUNT): a voided cash
  // payment may be reissued by bank once the file has an account, and the option says why when it has none.
  const bankWhy = payment.fileAccountMasked ? null : payment.fileId ? t('aidPayment.reissueNoAccount') : t('aidPayment.reissueNoFile');
  const [method, setMethod] = useState<PaymentMethod>(payment.method === 'bank' && bankWhy ? 'cash' : payment.method);
  const [reason, setReason] = useState('');
  useDialogValues({ text, method, reason });
  // The most is what the standard allowed when the voided payment was entered; the core checks the caps again.
  const maxFen = payment.suggestion?.maxFen ?? payment.suggestedFen;
  const read = readYuan(t, text);
  const error = read.error ?? (read.fen !== null && read.fen > maxFen ? t('aidPay.overMax', { max: formatYuan(maxFen) }) : null);
  // 临时救助's sum is a most per case: paying less needs no reason there (as the core rules).
  const lowered =
    read.fen !== null && read.fen < payment.suggestedFen && loweringNeedsReason(payment.suggestion?.basis ?? { rule: payment.type });
  const missing = [
    ...(read.fen === null || error ? [t('aidPay.missingAmount')] : []),
    ...(lowered && reason.trim().length < 2 ? [t('aidPay.missingAdjustReason')] : []),
  ];
  const submit = async () => {
    const result = await reissue.run({
      voidedId: payment.id,
      amountFen: read.fen!,
      method,
      adjustReason: lowered ? reason.trim() : null,
      note: null,
    });
    if (result.ok) {
      notifySuccess(t('aidPayment.reissued'));
      onReissued(result.data);
    }
  };
  return (
    <Stack>
      <ErrorAlert error={reissue.error} />
      <Text size="sm">{t('aidPayment.reissueHint')}</Text>
      <TextInput
        label={t('aidPay.amount')}
        description={t('aidPay.amountMax', { max: formatYuan(maxFen) })}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        inputMode="decimal"
        error={error}
        {...requiredField}
      />
      {lowered && (
        <Textarea
          label={t('aidPay.adjustReason')}
          description={t('aidPay.adjustHint', { suggested: formatYuan(payment.suggestedFen) })}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={200}
          autosize
          {...requiredField}
        />
      )}
      {payment.method !== 'service' && (
        <Radio.Group label={t('aidPay.method')} value={method} onChange={(v) => setMethod(v as PaymentMethod)}>
          <Stack gap={4} mt={4}>
            <Radio
              value="bank"
              disabled={bankWhy !== null}
              label={`${t('paymentMethods.bank')} ${payment.fileAccountMasked ?? ''}`}
              description={bankWhy}
            />
            <Radio value="cash" label={t('paymentMethods.cash')} />
          </Stack>
        </Radio.Group>
      )}
      <FormActions submitLabel={t('aidPayment.reissue')} loading={reissue.running} missing={missing} onSubmit={submit} onCancel={onClose} />
    </Stack>
  );
}

/** 重新发放: a new payment in place of a voided one, linked to it both ways. */
export function ReissueModal({
  payment,
  opened,
  onClose,
  onReissued,
}: {
  payment: PaymentItem;
  opened: boolean;
  onClose: () => void;
  onReissued: (p: PaymentItem) => void;
}) {
  const t = useT();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('aidPayment.reissue')}>
      {opened && <ReissueForm payment={payment} onClose={onClose} onReissued={onReissued} />}
    </GuardedModal>
  );
}
