import { Alert, Anchor, Badge, Group, List, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { FileDetail } from '@shared/contract/hardship';
import { EDITABLE_STATUSES } from '@shared/domain/hardship-lifecycle';
import { roleAllows } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { formatYuan } from '../../components/money';
import { notifySuccess } from '../../components/notify';
import { QueryStatus } from '../../components/QueryStatus';
import { RecordHistory } from '../../components/RecordHistory';
import { useT } from '../../i18n';
import { FileAid } from '../aid/FileAid';
import { DraftForm } from './draft/DraftForm';
import { CrossHouseholdNote, FileActions } from './FileActions';
import { FileAttachments } from './FileAttachments';
import { FileObjections } from './FileObjections';
import { FileStatusBadge } from './FileStatusBadge';
import { PrintButton } from './PrintButton';
import { FileVisits } from './FileVisits';
import { meansTestSteps } from './means-test-steps';

/** 家庭住址 and 家庭联系电话 above the household (personal data: shown to staff here, never logged). */
function HomeFacts({ file }: { file: FileDetail }) {
  const t = useT();
  const { homeAddress, homePhone } = file.draft;
  return (
    <Group gap="xl" mb="sm" data-testid="home-facts">
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          {t('files.homeAddress')}：
        </Text>
        {homeAddress ?? '—'}
      </Text>
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          {t('files.homePhone')}：
        </Text>
        {homePhone ?? '—'}
      </Text>
    </Group>
  );
}

function Household({ file }: { file: FileDetail }) {
  const t = useT();
  return (
    <>
      <HomeFacts file={file} />
      <DataTable
        label={t('files.tabs.household')}
        rows={file.household}
        rowKey={(m) => m.id}
        empty={t('files.householdEmpty')}
        minWidth={900}
        columns={[
          { key: 'relation', header: t('files.relation'), width: 110, render: (m) => t(`relations.${m.relation}`) },
          {
            key: 'name',
            header: t('files.name'),
            render: (m) => (
              <Stack gap={2}>
                <span>{m.name}</span>
                {m.otherFiles.map((f) => (
                  <Anchor key={f.id} component={Link} to={`/files/${f.id}`} size="xs" c="orange.8">
                    {t('files.inOtherFile', { file: f.fileNo ?? t(`fileStatuses.${f.status}`) })}
                  </Anchor>
                ))}
              </Stack>
            ),
          },
          { key: 'id', header: t('files.idNumber'), width: 180, monospace: true, render: (m) => m.idNumberMasked },
          { key: 'gender', header: t('files.gender'), width: 60, render: (m) => t(`genders.${m.gender}`) },
          { key: 'birth', header: t('files.birthYear'), width: 90, nowrap: true, render: (m) => m.birthYear },
          { key: 'health', header: t('files.healthStatus'), width: 100, render: (m) => t(`health.${m.health}`) },
          {
            key: 'education',
            header: t('files.educationLevel'),
            width: 110,
            render: (m) => (m.educationLevel ? t(`educationLevels.${m.educationLevel}`) : ''),
          },
          {
            key: 'work',
            header: t('files.work'),
            width: 100,
            render: (m) => (m.schoolStage ? t(`schoolStages.${m.schoolStage}`) : m.workStatus ? t(`workStatus.${m.workStatus}`) : ''),
          },
          { key: 'income', header: t('files.monthlyIncome'), width: 120, align: 'right', render: (m) => formatYuan(m.monthlyIncomeFen) },
        ]}
      />
    </>
  );
}

function MeansTest({ file }: { file: FileDetail }) {
  const t = useT();
  const items = file.draft.incomeItems;
  return (
    <Stack>
      <Paper withBorder radius="md" p="md" data-testid="means-test">
        <Title order={4} mb="xs">
          {t('files.meansTitle', { date: file.meansTest.judgedOn })}
        </Title>
        {/* Line by line as the 申报表 prints it: every figure entered, where it counts, the accident test included. */}
        {meansTestSteps(
          t,
          { members: file.household, incomeItems: file.draft.incomeItems, accidentCostsFen: file.draft.accidentCostsFen },
          file.meansTest,
        ).map((line, i) => (
          <Text key={i}>{line}</Text>
        ))}
      </Paper>
      <Title order={5}>{t('files.incomeItems')}</Title>
      <Table withTableBorder maw={560}>
        <Table.Tbody>
          {items.map((i, n) => (
            <Table.Tr key={n}>
              <Table.Td>{t(`files.kinds.${i.kind}`)}</Table.Td>
              <Table.Td>{t(`incomeCodes.${i.code as 'other'}`)}</Table.Td>
              <Table.Td ta="right">¥{formatYuan(i.annualFen)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function History({ file }: { file: FileDetail }) {
  const history = useQuery('files.history', { id: file.id });
  return <RecordHistory entries={history.data?.entries} loading={history.loading} error={history.error} onRetry={history.reload} />;
}

function Timeline({ file }: { file: FileDetail }) {
  const t = useT();
  return (
    <List spacing="xs" aria-label={t('files.tabs.timeline')}>
      {file.timeline.map((e, i) => (
        <List.Item key={i}>
          <Text size="sm">
            {[formatDateTime(e.at), e.user ?? '', t(`fileActions.${e.action as 'submit'}`)].join(' · ')}
            {e.from && e.from !== e.to
              ? t('files.timelineStatus', { from: t(`fileStatuses.${e.from}`), to: t(`fileStatuses.${e.to}`) })
              : ''}
            {e.action === 'importExisting' ? ` — ${t('files.import.importedFrom', { word: e.code ?? '', date: e.onDate ?? '' })}` : ''}
            {e.reason ? ` — ${e.reason}` : ''}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** One hardship file: what is known, the means test, visits, attachments, its timeline, and the next steps. */
export function FilePage() {
  const t = useT();
  const { fileId = '' } = useParams();
  const { session } = useSession();
  const query = useQuery('files.get', { id: fileId });
  // What a step or a save answered replaces what was loaded, until another file is opened.
  const [changed, setFile] = useState<FileDetail | null>(null);
  const file = changed?.id === fileId ? changed : (query.data ?? null);
  const canEdit = roleAllows(session.user.role, 'clerk');
  // ?tab=aid opens the file at its 帮扶救助 tab (the emergency dialog's link for a worker on file).
  const [search] = useSearchParams();
  const [tab, setTab] = useState<string | null>(search.get('tab') ?? 'household');

  return (
    <>
      <Anchor component={Link} to="/files" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('files.back')}
        </Group>
      </Anchor>
      <QueryStatus loading={query.loading && !query.data} error={query.error} onRetry={query.reload} />
      {file && (
        <Stack gap="md" mt="sm">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Group gap="sm">
                <Title order={2}>{file.headName}</Title>
                <FileStatusBadge status={file.status} />
                {file.category && <Badge variant="light">{t(`hardshipCategories.${file.category}`)}</Badge>}
                {!file.isMember && (
                  <Badge color="orange" variant="light">
                    {t('files.notMemberBadge')}
                  </Badge>
                )}
                <Badge color="gray" variant="outline">
                  {t(`entryKinds.${file.entryKind}`)}
                </Badge>
                {file.flags.map((fl) => (
                  <Badge key={fl} color="orange" variant="dot">
                    {t(`fileFlags.${fl}`)}
                  </Badge>
                ))}
              </Group>
              <Text size="sm" c="dimmed" data-testid="file-facts">
                {[
                  file.fileNo ? `${t('files.fileNo')} ${file.fileNo}` : null,
                  file.legacyNo ? `${t('fileRecords.legacyNo')} ${file.legacyNo}` : null,
                  file.headIdNumberMasked,
                  file.unitName,
                  t('files.entered', { name: file.enteredBy ?? '' }),
                  file.noticeEndsOn && file.status === 'notice' ? t('files.noticeUntil', { date: file.noticeEndsOn }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
            <Group gap="sm">
              {file.status === 'notice' && (
                <PrintButton channel="files.printNotice" input={{ ids: [file.id] }} label={t('files.printNotice')} />
              )}
              <PrintButton channel="files.printApplication" input={{ id: file.id }} label={t('files.printApplication')} shortcut />
            </Group>
          </Group>
          <CrossHouseholdNote file={file} />
          {canEdit && <FileActions file={file} onChanged={setFile} />}
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="household">{t('files.tabs.household')}</Tabs.Tab>
              <Tabs.Tab value="income">{t('files.tabs.income')}</Tabs.Tab>
              <Tabs.Tab value="visits">{t('files.tabs.visits')}</Tabs.Tab>
              <Tabs.Tab value="attachments">{t('files.tabs.attachments')}</Tabs.Tab>
              <Tabs.Tab value="aid">{t('aidFile.tab')}</Tabs.Tab>
              <Tabs.Tab value="timeline">{t('files.tabs.timeline')}</Tabs.Tab>
              <Tabs.Tab value="history">{t('files.tabs.history')}</Tabs.Tab>
              {canEdit && <Tabs.Tab value="edit">{t('files.tabs.edit')}</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="household">
              <Household file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="income">
              <MeansTest file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="visits">
              <FileVisits file={file} canEdit={canEdit} onChanged={setFile} />
            </Tabs.Panel>
            <Tabs.Panel value="attachments">
              <FileAttachments file={file} canEdit={canEdit} onChanged={setFile} />
            </Tabs.Panel>
            <Tabs.Panel value="aid">
              <FileAid file={file} />
            </Tabs.Panel>
            <Tabs.Panel value="timeline">
              <FileObjections file={file} />
              <Timeline file={file} />
            </Tabs.Panel>
            {/* Read again after each change (keyed by the file's rev). */}
            <Tabs.Panel value="history">
              <History key={file.rev} file={file} />
            </Tabs.Panel>
            {canEdit && (
              <Tabs.Panel value="edit">
                {EDITABLE_STATUSES.includes(file.status) ? (
                  <DraftForm
                    key={file.rev}
                    file={file}
                    onSaved={(updated) => {
                      setFile(updated);
                      notifySuccess(t('files.saved'));
                    }}
                  />
                ) : (
                  <Alert color="gray">{t('files.notEditable')}</Alert>
                )}
              </Tabs.Panel>
            )}
          </Tabs>
        </Stack>
      )}
    </>
  );
}
