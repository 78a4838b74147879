import { Alert, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import type { AppErrorShape } from '@shared/errors';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';
import type { PickedFile } from './import-plan';
import { importErrorMessage } from './import-text';

interface FileStepProps {
  picked: PickedFile | null;
  reading: boolean;
  error: AppErrorShape | null;
  onPick: () => void;
  onNext: () => void;
}

function PreviousImport({ picked }: { picked: PickedFile }) {
  const t = useT();
  const previous = picked.inspection.previousImport;
  if (!previous) return null;
  const time = formatDateTime(previous.at);
  return (
    <Alert color="yellow" variant="light" role="note" icon={<IconAlertTriangle size={18} />} data-testid="previous-import">
      {previous.userName
        ? t('rosterImport.previousImport', { time, user: previous.userName })
        : t('rosterImport.previousImportUnknown', { time })}
    </Alert>
  );
}

function FileFacts({ picked }: { picked: PickedFile }) {
  const t = useT();
  const { inspection } = picked;
  const facts: [string, string][] = [
    [t('rosterImport.fileName'), picked.fileName],
    [t('rosterImport.format'), t(`rosterImport.formats.${inspection.format}`)],
  ];
  if (inspection.format !== 'csv' && inspection.sheetName) facts.push([t('rosterImport.sheet'), inspection.sheetName]);
  if (inspection.encoding) facts.push([t('rosterImport.encoding'), inspection.encoding]);
  facts.push([
    '',
    inspection.headerRowNumber ? t('rosterImport.headerRow', { row: inspection.headerRowNumber }) : t('rosterImport.noHeaderRow'),
  ]);
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4} maw={640} data-testid="import-file-facts">
      <Table.Tbody>
        {facts.map(([label, value]) => (
          <Table.Tr key={`${label}|${value}`}>
            <Table.Th w={100} bg="transparent" c="dimmed" fw={400}>
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Step 1: choose the file; the core reads its header at once and says what it found. */
export function FileStep({ picked, reading, error, onPick, onNext }: FileStepProps) {
  const t = useT();
  return (
    <Stack gap="md" maw={820}>
      <Text size="sm" c="dimmed">
        {t('rosterImport.fileIntro')}
      </Text>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {importErrorMessage(error)}
        </Alert>
      )}
      {picked && !reading && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <FileFacts picked={picked} />
            <PreviousImport picked={picked} />
          </Stack>
        </Paper>
      )}
      <Group justify="space-between">
        <Button variant={picked ? 'default' : 'filled'} leftSection={<IconFileSpreadsheet size={18} />} loading={reading} onClick={onPick}>
          {picked ? t('rosterImport.chooseOther') : t('rosterImport.chooseFile')}
        </Button>
        {picked && !reading && <Button onClick={onNext}>{t('common.next')}</Button>}
      </Group>
    </Stack>
  );
}
