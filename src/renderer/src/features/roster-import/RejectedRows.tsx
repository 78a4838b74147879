import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { JobResult } from '@shared/contract';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useT } from '../../i18n';
import type { ImportPlan } from './import-plan';
import { problemText } from './import-text';
import { useSaveImportFile } from './useSaveImportFile';

type Rejected = JobResult<'rosterImport.preview'>['rejected'][number];

interface RejectedRowsProps {
  plan: ImportPlan;
  rows: Rejected[];
  total: number;
}

/** The rows that will not be imported, with the reasons, and the file to send back to the grassroots union. */
export function RejectedRows({ plan, rows, total }: RejectedRowsProps) {
  const t = useT();
  const save = useSaveImportFile(plan, t('rosterImport.rejectedSaved'));
  const columns: DataColumn<Rejected>[] = [
    { key: 'row', header: t('rosterImport.rowNumber'), width: 80, align: 'right', render: (row) => row.rowNumber },
    {
      key: 'reason',
      header: t('rosterImport.reason'),
      render: (row) => (
        <Stack gap={2}>
          {row.problems.map((problem, index) => (
            <Text key={index} size="sm">
              {problemText(problem)}
            </Text>
          ))}
        </Stack>
      ),
    },
  ];
  return (
    <Stack gap="sm" maw={820}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            {t('rosterImport.rejectedTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('rosterImport.rejectedHint')}
          </Text>
        </div>
        <Button variant="light" leftSection={<IconDownload size={18} />} loading={save.running} onClick={save.save}>
          {t('rosterImport.saveRejected')}
        </Button>
      </Group>
      {save.running && <JobProgressBar label={t('rosterImport.savingRejected')} progress={save.progress} onCancel={save.cancel} />}
      <ErrorAlert error={save.error?.code === 'JOB_CANCELLED' ? null : save.error} />
      {total > rows.length && (
        <Text size="sm" c="dimmed">
          {t('rosterImport.rejectedShown', { total, shown: rows.length })}
        </Text>
      )}
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(row) => row.rowNumber}
        empty={null}
        minWidth={560}
        dense
        label={t('rosterImport.rejectedTitle')}
      />
    </Stack>
  );
}
