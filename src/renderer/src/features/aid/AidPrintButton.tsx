import { Button, Group, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { ChannelInput, FileRef } from '@shared/contract';
import { bridge } from '../../api/client';
import { useJob } from '../../api/jobs';
import { notifyError } from '../../components/notify';
import { useT } from '../../i18n';

type AidPrintChannel = 'aid.printVouchers' | 'aid.printSheet' | 'aid.exportBankList';

/**
 * Makes an aid document (vouchers, the payment sheet, the bank list) as a job and opens it. A batch's vouchers may
 * be thousands of pages: while the job runs the button says how far it got and offers to stop it.
 */
export function AidPrintButton<C extends AidPrintChannel>({
  channel,
  input,
  label,
  disabled,
  size = 'sm',
  variant = 'default',
}: {
  channel: C;
  /** Read when clicked (a layout or a range chosen beside the button). */
  input: () => ChannelInput<C> | null;
  label: string;
  disabled?: boolean;
  size?: 'xs' | 'sm';
  variant?: 'default' | 'light' | 'filled';
}) {
  const t = useT();
  const job = useJob(channel);
  const print = async () => {
    const value = input();
    if (!value) return;
    const result = await job.run(value);
    if (result.ok) await bridge.openFile(result.data as FileRef).catch(() => undefined);
    else if (result.error.code !== 'JOB_CANCELLED') notifyError(result.error);
  };
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        variant={variant}
        size={size}
        leftSection={<IconPrinter size={16} />}
        loading={job.running}
        disabled={disabled}
        onClick={() => void print()}
      >
        {label}
      </Button>
      {job.running && (
        <>
          {job.progress && (
            <Text size="xs" c="dimmed" role="status">
              {t('common.jobProgress', { done: job.progress.done, total: job.progress.total })}
            </Text>
          )}
          <Button size={size} variant="subtle" onClick={job.cancel}>
            {t('common.cancelJob')}
          </Button>
        </>
      )}
    </Group>
  );
}
