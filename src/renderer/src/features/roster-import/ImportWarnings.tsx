import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { JobResult } from '@shared/contract';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useT } from '../../i18n';
import type { ImportPlan } from './import-plan';
import { warningKindText, warningText } from './import-text';
import { useSaveImportFile } from './useSaveImportFile';

type Warnings = JobResult<'rosterImport.preview'>['warnings'];
type Warning = Warnings['first'][number];

interface ImportWarningsProps {
  plan: ImportPlan;
  warnings: Warnings;
  /** With rejected rows, the warnings are saved in the rejected rows' file (RejectedRows has the button). */
  hasRejected: boolean;
}

/**
 * Rows that are imported with something changed (a field left empty, sex or birth date taken from the ID number, a
 * 15-digit ID number converted): how many of each kind, the first ones row by row, and the file with all of them.
 */
export function ImportWarnings({ plan, warnings, hasRejected }: ImportWarningsProps) {
  const t = useT();
  const save = useSaveImportFile(plan, t('rosterImport.warningsSaved'));
  const total = warnings.kinds.reduce((sum, kind) => sum + kind.rows, 0);
  const columns: DataColumn<Warning>[] = [
    { key: 'row', header: t('rosterImport.rowNumber'), width: 80, align: 'right', render: (w) => w.rowNumber },
    { key: 'warning', header: t('rosterImport.warningColumn'), render: (w) => warningText(w) },
  ];
  return (
    <Stack gap="sm" maw={820}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            {t('rosterImport.warningsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('rosterImport.warningsHint')}
          </Text>
        </div>
        {!hasRejected && (
          <Button variant="light" leftSection={<IconDownload size={18} />} loading={save.running} onClick={save.save}>
            {t('rosterImport.saveWarnings')}
          </Button>
        )}
      </Group>
      {save.running && <JobProgressBar label={t('rosterImport.savingWarnings')} progress={save.progress} onCancel={save.cancel} />}
      <ErrorAlert error={save.error?.code === 'JOB_CANCELLED' ? null : save.error} />
      <List size="sm" spacing={2} aria-label={t('rosterImport.warningsKinds')} data-testid="import-warning-kinds">
        {warnings.kinds.map((kind) => (
          <List.Item key={`${kind.field}.${kind.problem}`}>
            {t('rosterImport.warningKindRows', { kind: warningKindText(kind), rows: kind.rows })}
          </List.Item>
        ))}
      </List>
      {hasRejected && (
        <Text size="sm" c="dimmed">
          {t('rosterImport.warningsInRejectedFile')}
        </Text>
      )}
      {total > warnings.first.length && (
        <Text size="sm" c="dimmed">
          {t('rosterImport.warningsShown', { total, shown: warnings.first.length })}
        </Text>
      )}
      <DataTable
        columns={columns}
        rows={warnings.first}
        rowKey={(w) => `${w.rowNumber}.${w.field}.${w.problem}`}
        empty={null}
        minWidth={560}
        dense
        label={t('rosterImport.warningsTitle')}
      />
    </Stack>
  );
}
