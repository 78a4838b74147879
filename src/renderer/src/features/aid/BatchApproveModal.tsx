import { Stack, Text } from '@mantine/core';
import type { BatchItem } from '@shared/contract/aid-types';
import { chineseUppercase } from '@shared/domain/money';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { GuardedModal } from '../../components/GuardedModal';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { yuan } from './aid-format';

interface BatchApproveProps {
  batch: BatchItem;
  onClose: () => void;
  onDone: () => void;
}

function BatchApproveForm({ batch, onClose, onDone }: BatchApproveProps) {
  const t = useT();
  const approve = useMutation('aid.approve');
  const submit = async () => {
    const result = await approve.run({ batchId: batch.id, expected: { count: batch.counts.pending, amountFen: batch.pendingFen } });
    if (!result.ok) return;
    notifySuccess(
      result.data.serials
        ? t('aidPayments.approvedWithSerials', { count: result.data.approved, ...result.data.serials })
        : t('aidPayments.approvedDone', { count: result.data.approved }),
    );
    onDone();
  };
  return (
    <Stack>
      <ErrorAlert error={approve.error} />
      <Text size="sm" data-testid="batch-approve-summary">
        {t('aidBatch.approveConfirmBody', { name: batch.name, count: batch.counts.pending, amount: yuan(batch.pendingFen) })}
      </Text>
      {/* The total in 人民币大写 as the payment sheet prints it (shared/domain/money.ts), read before the serials are taken. */}
      <Text size="sm" fw={600} data-testid="batch-approve-uppercase">
        {t('aidBatch.approveConfirmUppercase', { uppercase: chineseUppercase(batch.pendingFen) })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('aidBatch.approveConfirmHint')}
      </Text>
      <FormActions
        submitLabel={t('aidBatch.approveConfirmSubmit', { count: batch.counts.pending })}
        loading={approve.running}
        onSubmit={submit}
        onCancel={onClose}
      />
    </Stack>
  );
}

/** 整批审核: the batch's pending payments approved at once, after the reviewer has read their count and total. */
export function BatchApproveModal({ opened, ...props }: BatchApproveProps & { opened: boolean }) {
  const t = useT();
  return (
    <GuardedModal opened={opened} onClose={props.onClose} title={t('aidBatch.approveConfirmTitle')} centered>
      {opened && <BatchApproveForm {...props} />}
    </GuardedModal>
  );
}
