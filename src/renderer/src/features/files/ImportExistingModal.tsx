import { Alert, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelOutput } from '@shared/contract';
import { EXISTING_FILE_FIELDS, OLD_CATEGORY_WORDS, REQUIRED_EXISTING_FIELDS } from '@shared/domain/existing-files';
import { HARDSHIP_CATEGORIES } from '@shared/domain/means-test';
import type { Upload } from '@shared/bridge';
import { bridge, toErrorShape } from '../../api/client';
import { useMutation } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { notifyError, notifySuccess } from '../../components/notify';
import { pickFileOrNotify } from '../../components/pick-file';
import { useT } from '../../i18n';
import { IMPORT_ACCEPT } from '../roster-import/useRosterImport';
import { existingProblemText } from './file-text';

type Check = ChannelOutput<'files.checkExisting'>;

/** The largest sheet the core reads as old files; the host refuses a larger one before the core sees it. */
const SHEET_MAX_BYTES = 20 * 1024 * 1024;

/** What the clerk is told about a sheet before importing it: the mapping of categories, members, numbers, problems. */
export function CheckSummary({ check }: { check: Check }) {
  const t = useT();
  if (check.missingColumns.length > 0) {
    return (
      <Alert color="red" title={t('files.import.missingColumnsTitle')}>
        {t('files.import.missingColumns', { columns: check.missingColumns.map((f) => t(`files.import.fields.${f}`)).join('、') })}
      </Alert>
    );
  }
  if (check.rows === 0) return <Alert color="red">{t('files.import.noRows')}</Alert>;
  return (
    <Stack gap="sm" data-testid="existing-check">
      <Text>
        {t('files.import.summary', {
          rows: check.rows,
          members: check.members,
          nonMembers: check.nonMembers,
          kept: check.keptNumbers,
          numbered: check.newNumbers,
        })}
      </Text>
      {check.categories.length > 0 && (
        <Table withTableBorder maw={420} aria-label={t('files.import.categoryMapping')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('files.import.oldCategory')}</Table.Th>
              <Table.Th>{t('files.import.newCategory')}</Table.Th>
              <Table.Th ta="right">{t('files.import.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.categories.map((c) => (
              <Table.Tr key={c.word}>
                <Table.Td>{c.word}</Table.Td>
                <Table.Td>{t(`hardshipCategories.${c.category}`)}</Table.Td>
                <Table.Td ta="right">{c.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {check.problemCount > 0 && (
        <>
          <Alert color="red" title={t('files.import.problemsTitle', { count: check.problemCount })}>
            {t('files.import.problemsHint')}
          </Alert>
          <DataTable
            label={t('files.import.problemList')}
            rows={check.problems}
            rowKey={(p) => `${p.row}-${p.field}-${p.problem}`}
            empty=""
            minWidth={560}
            dense
            columns={[
              { key: 'row', header: t('files.import.row'), width: 70, align: 'right', render: (p) => p.row },
              { key: 'field', header: t('files.import.column'), width: 120, render: (p) => t(`files.import.fields.${p.field}`) },
              { key: 'problem', header: t('files.import.problem'), render: (p) => existingProblemText(t, p) },
            ]}
          />
          {check.problemCount > check.problems.length && (
            <Text size="sm" c="dimmed">
              {t('files.import.moreProblems', { count: check.problemCount - check.problems.length })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

/**
 * 导入存量档案: files kept before the program, from a spreadsheet, checked first and imported whole — every row or
 * none. The old category words (特困, 低保边缘户 …) become today's three, and the clerk sees how before importing.
 */
export function ImportExistingModal({ opened, onClose, onImported }: { opened: boolean; onClose: () => void; onImported: () => void }) {
  const t = useT();
  const checking = useMutation('files.checkExisting');
  const importing = useMutation('files.importExisting');
  const template = useMutation('files.existingTemplate');
  // The template sheet (the headers the import reads, one example row), saved where the clerk chooses.
  const saveTemplate = async () => {
    const result = await template.run({});
    if (!result.ok) return;
    try {
      const { saved } = await bridge.saveFile(result.data);
      if (saved) notifySuccess(t('fileRecords.templateSaved'));
    } catch (thrown) {
      notifyError(toErrorShape(thrown));
    }
  };
  const [sheet, setSheet] = useState<{ upload: Upload; check: Check } | null>(null);
  const close = () => {
    setSheet(null);
    checking.reset();
    importing.reset();
    onClose();
  };
  const pick = async () => {
    const upload = await pickFileOrNotify({ accept: IMPORT_ACCEPT, maxBytes: SHEET_MAX_BYTES });
    if (!upload) return;
    setSheet(null);
    importing.reset();
    const result = await checking.run({ uploadId: upload.uploadId, fileName: upload.name });
    if (result.ok) setSheet({ upload, check: result.data });
  };
  const run = async () => {
    if (!sheet) return;
    const result = await importing.run({ uploadId: sheet.upload.uploadId, fileName: sheet.upload.name });
    if (result.ok) {
      notifySuccess(t('files.import.done', { count: result.data.staged }));
      onImported();
      close();
    }
  };
  const ready = sheet !== null && sheet.check.missingColumns.length === 0 && sheet.check.problemCount === 0 && sheet.check.rows > 0;
  const oldWords = (category: (typeof HARDSHIP_CATEGORIES)[number]) =>
    Object.entries(OLD_CATEGORY_WORDS)
      .filter(([, c]) => c === category)
      .map(([word]) => word);

  return (
    <Modal opened={opened} onClose={close} title={t('files.import.title')} size="xl" centered>
      <Stack>
        <Text size="sm">{t('files.import.intro')}</Text>
        <List size="sm">
          <List.Item>
            {t('files.import.required', { columns: REQUIRED_EXISTING_FIELDS.map((f) => t(`files.import.fields.${f}`)).join('、') })}
          </List.Item>
          <List.Item>
            {t('files.import.optional', {
              columns: EXISTING_FILE_FIELDS.filter((f) => !REQUIRED_EXISTING_FIELDS.includes(f))
                .map((f) => t(`files.import.fields.${f}`))
                .join('、'),
            })}
          </List.Item>
          <List.Item>{t('fileRecords.legacyHint')}</List.Item>
          {HARDSHIP_CATEGORIES.filter((c) => oldWords(c).length > 0).map((c) => (
            <List.Item key={c}>
              {t('files.import.mapping', { words: oldWords(c).join('、'), category: t(`hardshipCategories.${c}`) })}
            </List.Item>
          ))}
        </List>
        <ErrorAlert error={checking.error ?? importing.error ?? template.error} />
        <Group>
          <Button
            variant={sheet ? 'default' : 'filled'}
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => void pick()}
            loading={checking.running}
          >
            {sheet ? t('files.import.pickAgain') : t('files.import.pick')}
          </Button>
          {sheet && (
            <Text size="sm" c="dimmed">
              {sheet.upload.name}
            </Text>
          )}
          <Button variant="subtle" leftSection={<IconDownload size={16} />} onClick={() => void saveTemplate()} loading={template.running}>
            {t('fileRecords.templateDownload')}
          </Button>
        </Group>
        {sheet && <CheckSummary check={sheet.check} />}
        <FormActions
          submitLabel={sheet ? t('files.import.run', { count: sheet.check.rows }) : t('files.import.runNothing')}
          onSubmit={run}
          missing={!sheet ? [t('fileRecords.need.sheet')] : ready ? [] : [t('fileRecords.need.sheetFixed')]}
          loading={importing.running}
          onCancel={close}
        />
      </Stack>
    </Modal>
  );
}
