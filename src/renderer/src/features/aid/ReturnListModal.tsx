import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelOutput } from '@shared/contract';
import type { Upload } from '@shared/bridge';
import { bridge, toErrorShape } from '../../api/client';
import { useMutation } from '../../api/hooks';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { FormActions } from '../../components/FormActions';
import { todayIso } from '../../components/format';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { notifyError } from '../../components/notify';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';

type Outcome = ChannelOutput<'aid.markPaidFromReturn'>;

interface ReturnListProps {
  batchId: string;
  onClose: () => void;
  /** After the list was read: the batch's counts changed. */
  onDone: () => void;
}

function ReturnListForm({ batchId, onClose, onDone }: ReturnListProps) {
  const t = useT();
  const mark = useMutation('aid.markPaidFromReturn');
  const [today] = useState(todayIso);
  const [paidOn, setPaidOn] = useState<string | null>(today);
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useDialogValues({ paidOn, upload: upload?.uploadId ?? null });

  const choose = async () => {
    try {
      const picked = await bridge.pickFile({ accept: ['.xlsx'], maxBytes: 20 * 1024 * 1024 });
      if (picked) setUpload(picked);
    } catch (thrown) {
      notifyError(toErrorShape(thrown));
    }
  };
  const missing = [
    ...(paidOn && !dateProblem ? [] : [t('aidPayments.missingPaidOn')]),
    ...(upload ? [] : [t('aidBatch.missingReturnList')]),
  ];
  const submit = async () => {
    if (!paidOn || !upload) return;
    const result = await mark.run({ batchId, paidOn, uploadId: upload.uploadId, fileName: upload.name });
    if (result.ok) {
      setOutcome(result.data);
      onDone();
    }
  };

  if (outcome)
    return (
      <>
        <Alert color={outcome.problems.length > 0 ? 'yellow' : 'green'} role="status" data-testid="return-outcome">
          {t('aidBatch.returnOutcome', { paid: outcome.paid, already: outcome.alreadyPaid, still: outcome.stillApproved })}
        </Alert>
        {outcome.problems.length > 0 && (
          <List size="sm" mt="sm">
            {outcome.problems.map((p) => (
              <List.Item key={p.row}>{t('aidBatch.returnProblem', { row: p.row, problem: t(`aidReturnProblems.${p.problem}`) })}</List.Item>
            ))}
          </List>
        )}
        <Group justify="flex-end" mt="md">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </>
    );

  return (
    <StackedForm onSubmit={submit} error={mark.error}>
      <Text size="sm">{t('aidBatch.returnBody')}</Text>
      <ClerkDateInput label={t('aidPayments.paidOn')} value={paidOn} onChange={setPaidOn} onProblem={setDateProblem} maxDate={today} />
      <Group gap="sm">
        <Button variant="default" leftSection={<IconFileUpload size={16} />} onClick={() => void choose()}>
          {upload ? t('aidBatch.chooseAgain') : t('aidBatch.chooseReturnList')}
        </Button>
        {upload && <Text size="sm">{upload.name}</Text>}
      </Group>
      <FormActions submitLabel={t('aidBatch.readReturnList')} loading={mark.running} missing={missing} onCancel={onClose} />
    </StackedForm>
  );
}

/** 按银行回单登记: the bank's return list marks the batch's bank payments paid, row by row. */
export function ReturnListModal({ opened, ...props }: ReturnListProps & { opened: boolean }) {
  const t = useT();
  return (
    <GuardedModal opened={opened} onClose={props.onClose} title={t('aidBatch.returnTitle')} centered>
      {opened && <ReturnListForm {...props} />}
    </GuardedModal>
  );
}
