import { Alert, Button, Group, List, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelOutput, JobResult } from '@shared/contract';
import { COMPARE_LIST_KINDS, type CompareListKind } from '@shared/domain/compare-list';
import type { AppErrorShape } from '@shared/errors';
import { bridge, toErrorShape } from '../../api/client';
import { useMutation } from '../../api/hooks';
import { useJob } from '../../api/jobs';
import { FormActions } from '../../components/FormActions';
import { GuardedModal } from '../../components/GuardedModal';
import { JobProgressBar } from '../../components/JobProgressBar';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES } from '../roster-import/useRosterImport';
import { importErrorMessage } from '../roster-import/import-text';
import { columnLabel, rowProblemText } from './compare-text';

interface Picked {
  uploadId: string;
  fileName: string;
  inspection: ChannelOutput<'compare.inspect'>;
}

type Imported = JobResult<'compare.import'>;

/**
 * 导入名单: pick the other body's file (the roster import's picker and limits), say who gave it and what it is, confirm
 * the ID-number and name columns the core suggests (and any other columns to keep), import. The rows left out are
 * listed by row number; then the comparison opens.
 */
export function ImportListModal({ onClose, onImported }: { onClose: () => void; onImported: (listId: string) => void }) {
  const t = useT();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [pickError, setPickError] = useState<AppErrorShape | null>(null);
  const [source, setSource] = useState('');
  const [kind, setKind] = useState<CompareListKind>('dibao');
  const [idColumn, setIdColumn] = useState<number | null>(null);
  const [nameColumn, setNameColumn] = useState<number | null>(null);
  const [extras, setExtras] = useState<number[]>([]);
  const [imported, setImported] = useState<Imported | null>(null);
  const inspect = useMutation('compare.inspect');
  const importing = useJob('compare.import');

  const pick = async () => {
    setPickError(null);
    let upload;
    try {
      upload = await bridge.pickFile({ accept: IMPORT_ACCEPT, maxBytes: IMPORT_MAX_BYTES });
    } catch (thrown) {
      setPickError(toErrorShape(thrown));
      return;
    }
    if (!upload) return;
    setPicked(null);
    const result = await inspect.run({ uploadId: upload.uploadId, fileName: upload.name });
    if (!result.ok) return;
    setPicked({ uploadId: upload.uploadId, fileName: upload.name, inspection: result.data });
    setIdColumn(result.data.suggested.idNumber);
    setNameColumn(result.data.suggested.name);
    setExtras([]);
  };

  const missing = [
    ...(picked ? [] : [t('compare.needFile')]),
    ...(source.trim() ? [] : [t('compare.needSource')]),
    ...(idColumn === null ? [t('compare.needId')] : []),
    ...(nameColumn === null ? [t('compare.needName')] : []),
    ...(nameColumn !== null && nameColumn === idColumn ? [t('compare.needDistinctName')] : []),
  ];

  const run = async () => {
    if (!picked || idColumn === null || nameColumn === null) return;
    const result = await importing.run({
      uploadId: picked.uploadId,
      fileName: picked.fileName,
      source: source.trim(),
      kind,
      mapping: { idNumber: idColumn, name: nameColumn, extras },
    });
    if (!result.ok) return;
    if (result.data.rejected === 0) onImported(result.data.listId);
    else setImported(result.data);
  };

  const headers = picked?.inspection.headers ?? [];
  const columns = headers.map((_, column) => ({ value: String(column), label: columnLabel(headers, column) }));
  const dirty = picked !== null || source !== '';
  const busy = importing.running;

  return (
    <GuardedModal opened onClose={onClose} dirty={dirty && !imported} title={t('compare.importList')} size="xl">
      {imported ? (
        <Stack gap="sm" data-testid="compare-imported">
          <Alert color="yellow" variant="light">
            {t('compare.importedWithRejected', { rows: imported.rows, rejected: imported.rejected })}
          </Alert>
          <List size="sm" spacing={2} mah={260} style={{ overflowY: 'auto' }}>
            {imported.problems.map((problem) => (
              <List.Item key={problem.rowNumber}>{rowProblemText(problem)}</List.Item>
            ))}
          </List>
          {imported.rejected > imported.problems.length && (
            <Text size="sm" c="dimmed">
              {t('compare.moreProblems', { count: imported.rejected - imported.problems.length })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={() => onImported(imported.listId)}>{t('compare.open')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          {(pickError ?? inspect.error) && (
            <Alert color="red" variant="light" role="alert">
              {importErrorMessage((pickError ?? inspect.error)!)}
            </Alert>
          )}
          <Group gap="sm">
            <Button
              variant={picked ? 'default' : 'filled'}
              leftSection={<IconFileSpreadsheet size={18} />}
              loading={inspect.running}
              onClick={() => void pick()}
              disabled={busy}
            >
              {t('compare.pickFile')}
            </Button>
            {picked && <Text size="sm">{picked.fileName}</Text>}
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('compare.source')}
              placeholder={t('compare.sourcePlaceholder')}
              value={source}
              maxLength={60}
              onChange={(e) => setSource(e.currentTarget.value)}
              {...requiredField}
            />
            <Select
              label={t('compare.kind')}
              data={COMPARE_LIST_KINDS.map((k) => ({ value: k, label: t(`compareKinds.${k}`) }))}
              value={kind}
              onChange={(value) => value && setKind(value as CompareListKind)}
              allowDeselect={false}
            />
          </Group>
          {picked && (
            <>
              <Group grow align="flex-start">
                <Select
                  label={t('compare.columnId')}
                  data={columns}
                  value={idColumn === null ? null : String(idColumn)}
                  onChange={(value) => setIdColumn(value === null ? null : Number(value))}
                />
                <Select
                  label={t('compare.columnName')}
                  data={columns}
                  value={nameColumn === null ? null : String(nameColumn)}
                  onChange={(value) => setNameColumn(value === null ? null : Number(value))}
                />
              </Group>
              <MultiSelect
                label={t('compare.columnExtras')}
                data={columns.filter((c) => Number(c.value) !== idColumn && Number(c.value) !== nameColumn)}
                value={extras.map(String)}
                onChange={(values) => setExtras(values.slice(0, 8).map(Number))}
                maxValues={8}
              />
              <SampleTable headers={headers} sample={picked.inspection.sample} />
            </>
          )}
          {importing.error && importing.error.code !== 'JOB_CANCELLED' && (
            <Alert color="red" variant="light" role="alert">
              {importErrorMessage(importing.error)}
            </Alert>
          )}
          {busy && <JobProgressBar label={t('compare.importing')} progress={importing.progress} onCancel={importing.cancel} />}
          <FormActions submitLabel={t('compare.importList')} loading={busy} missing={missing} onSubmit={run} onCancel={onClose} />
        </Stack>
      )}
    </GuardedModal>
  );
}

function SampleTable({ headers, sample }: { headers: string[]; sample: string[][] }) {
  const t = useT();
  if (sample.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('compare.sample')}
      </Text>
      <Table.ScrollContainer minWidth={500} type="native" mah={180}>
        <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((header, i) => (
                <Table.Th key={i}>{header || i + 1}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sample.map((row, r) => (
              <Table.Tr key={r}>
                {headers.map((_, i) => (
                  <Table.Td key={i}>{row[i] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
