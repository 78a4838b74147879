import { Alert, Button, Checkbox, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { FileRef } from '@shared/contract';
import type { AppErrorShape } from '@shared/errors';
import { bridge, toErrorShape } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';

interface RecoveryCodeStepProps {
  recoveryCode: string;
  recoveryPdf: FileRef;
  onFinish: () => void;
}

/** The recovery code, shown this once: the clerk cannot leave before confirming it is kept somewhere safe. */
export function RecoveryCodeStep({ recoveryCode, recoveryPdf, onFinish }: RecoveryCodeStepProps) {
  const t = useT();
  const [kept, setKept] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const handOver = (action: (file: FileRef) => Promise<unknown>) => {
    setError(null);
    action(recoveryPdf).catch((thrown: unknown) => setError(toErrorShape(thrown)));
  };

  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" role="note" icon={<IconAlertTriangle size={20} />} title={t('setup.recoveryTitle')}>
        {t('setup.recoveryWarning')}
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="recovery-code-label">
          {t('setup.recoveryCodeLabel')}
        </Text>
        <Code
          block
          aria-labelledby="recovery-code-label"
          data-testid="recovery-code"
          fz={26}
          fw={700}
          ta="center"
          py="lg"
          style={{ letterSpacing: '0.08em', wordBreak: 'break-all', userSelect: 'all' }}
        >
          {recoveryCode}
        </Code>
      </Stack>
      <ErrorAlert error={error} />
      <Group>
        <Button variant="light" leftSection={<IconDownload size={18} />} onClick={() => handOver(bridge.saveFile)}>
          {t('setup.downloadPdf')}
        </Button>
        <Button variant="light" leftSection={<IconPrinter size={18} />} onClick={() => handOver(bridge.openFile)}>
          {t('setup.print')}
        </Button>
      </Group>
      <Checkbox label={t('setup.acknowledge')} checked={kept} onChange={(event) => setKept(event.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button onClick={onFinish} disabled={!kept}>
          {t('setup.finish')}
        </Button>
      </Group>
    </Stack>
  );
}
