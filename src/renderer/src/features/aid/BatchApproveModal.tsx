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

/** What is approved: a batch's pending payments (整批审核) or the payments ticked on the payments list. */
export type ApproveTarget = { kind: 'batch'; batch: BatchItem } | { kind: 'ticked'; ids: string[]; amountFen: number };

interface BatchApproveProps {
  target: ApproveTarget;
  onClose: () => void;
  onDone: () => void;
}

function BatchApproveForm({ target, onClose, onDone }: BatchApproveProps) {
  const t = useT();
  const approve = useMutation('aid.approve');
  const count = target.kind === 'batch' ? target.batch.counts.pending : target.ids.length;
  const amountFen = target.kind === 'batch' ? target.batch.pendingFen : target.amountFen;
  const submit = async () => {
    // The core approves exactly what is confirmed here, or nothing (AID_BATCH_CHANGED).
    const which = target.kind === 'batch' ? { batchId: target.batch.id } : { ids: target.ids };
    const result = await approve.run({ ...which, expected: { count, amountFen } });
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
        {target.kind === 'batch'
          ? t('aidBatch.approveConfirmBody', { name: target.batch.name, count, amount: yuan(amountFen) })
          : t('aidBatch.approveTickedBody', { count, amount: yuan(amountFen) })}
      </Text>
      {/* The total in 人民币大写 as the payment sheet prints it (shared/domain/money.ts), read before the serials are taken. */}
      <Text size="sm" fw={600} data-testid="batch-approve-uppercase">
        {t('aidBatch.approveConfirmUppercase', { uppercase: chineseUppercase(amountFen) })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('aidBatch.approveConfirmHint')}
      </Text>
      <FormActions
        submitLabel={t('aidBatch.approveConfirmSubmit', { count })}
        loading={approve.running}
        onSubmit={submit}
        onCancel={onClose}
      />
    </Stack>
  );
}

/** 审核通过 after the reviewer has read the count and total: a whole batch (整批审核) or the ticked payments. */
export function BatchApproveModal({ opened, ...props }: BatchApproveProps & { opened: boolean }) {
  const t = useT();
  const title = props.target.kind === 'batch' ? t('aidBatch.approveConfirmTitle') : t('aidBatch.approveTickedTitle');
  return (
    <GuardedModal opened={opened} onClose={props.onClose} title={title} centered>
      {opened && <BatchApproveForm {...props} />}
    </GuardedModal>
  );
}
