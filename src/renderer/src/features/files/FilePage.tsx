import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FileDetail } from '@shared/contract/hardship';
import { ATTACHMENT_TYPES, type AttachmentType } from '@shared/domain/hardship-codes';
import { roleAllows } from '@shared/roles';
import { bridge } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes, formatDateTime } from '../../components/format';
import { formatYuan } from '../../components/money';
import { notifySuccess } from '../../components/notify';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { MemberHistory } from '../roster/MemberHistory';
import { DraftForm } from './DraftForm';
import { FileActions } from './FileActions';
import { FileStatusBadge } from './FileStatusBadge';
import { PrintButton } from './PrintButton';
import { meansTestLines } from './file-text';
import { VisitModal } from './VisitModal';

const EDITABLE = ['draft', 'submitted', 'visit', 'review', 'annualReview'];

function Household({ file }: { file: FileDetail }) {
  const t = useT();
  return (
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
                  {t('files.inOtherFile')}: {f.fileNo ?? t(`fileStatuses.${f.status}`)}
                </Anchor>
              ))}
            </Stack>
          ),
        },
        { key: 'id', header: t('files.idNumber'), width: 180, monospace: true, render: (m) => m.idNumberMasked },
        { key: 'gender', header: t('files.gender'), width: 60, render: (m) => t(`files.genders.${m.gender}`) },
        { key: 'birth', header: t('files.birthDate'), width: 110, render: (m) => m.birthDate },
        { key: 'health', header: t('files.healthStatus'), width: 100, render: (m) => t(`health.${m.health}`) },
        { key: 'work', header: t('files.work'), width: 100, render: (m) => (m.schoolStage ? t(`schoolStages.${m.schoolStage}`) : m.workStatus ? t(`workStatus.${m.workStatus}`) : '') },
        { key: 'income', header: t('files.monthlyIncome'), width: 120, align: 'right', render: (m) => formatYuan(m.monthlyIncomeFen) },
      ]}
    />
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
        {meansTestLines(t, file.meansTest).map((line) => (
          <Text key={line}>{line}</Text>
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

function SixMarks({ visit }: { visit: FileDetail['visits'][number] }) {
  const t = useT();
  return (
    <Group gap={4} aria-label={t('files.sixMarks')}>
      {visit.items.map((i) => (
        <Badge key={i.item} size="sm" color={i.clear ? 'green' : 'red'} variant="light" leftSection={i.clear ? <IconCheck size={10} /> : <IconX size={10} />} title={i.note ?? undefined}>
          {t(`sixClears.${i.item}`).slice(0, 4)}
        </Badge>
      ))}
    </Group>
  );
}

function Visits({ file, canEdit, onChanged }: { file: FileDetail; canEdit: boolean; onChanged: (file: FileDetail) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Stack>
      {canEdit && (
        <Group>
          <Button onClick={() => setOpen(true)}>{t('files.recordVisit')}</Button>
        </Group>
      )}
      <DataTable
        label={t('files.tabs.visits')}
        rows={file.visits}
        rowKey={(v) => v.id}
        empty={t('files.visitsEmpty')}
        minWidth={900}
        columns={[
          { key: 'date', header: t('files.visitDate'), width: 110, render: (v) => v.date },
          { key: 'kind', header: t('files.visitKind'), width: 130, render: (v) => (v.mustVisitReason ? `${t(`visitKinds.${v.kind}`)}: ${t(`mustVisitReasons.${v.mustVisitReason}`)}` : t(`visitKinds.${v.kind}`)) },
          { key: 'visitors', header: t('files.visitorsShort'), width: 160, render: (v) => v.visitors.join(', ') },
          { key: 'six', header: t('files.sixMarks'), render: (v) => (v.kind === 'sixClears' ? <SixMarks visit={v} /> : (v.note ?? '')) },
          { key: 'signed', header: t('files.headSigned'), width: 120, render: (v) => (v.headSigned ? <IconCheck size={16} /> : '') },
          { key: 'print', header: '', width: 140, render: (v) => <PrintButton channel="files.printVisit" input={{ id: file.id, visitId: v.id }} label={t('files.printVisit')} size="xs" /> },
        ]}
      />
      <VisitModal file={file} opened={open} onClose={() => setOpen(false)} onSaved={(updated) => { setOpen(false); notifySuccess(t('files.visitSaved')); onChanged(updated); }} />
    </Stack>
  );
}

function Attachments({ file, canEdit, onChanged }: { file: FileDetail; canEdit: boolean; onChanged: (file: FileDetail) => void }) {
  const t = useT();
  const attach = useMutation('files.attach');
  const opening = useMutation('files.openAttachment');
  // Each look is logged in the core; the file opens in the system viewer (a new tab in the browser).
  const open = async (attachmentId: string) => {
    const result = await opening.run({ fileId: file.id, attachmentId });
    if (result.ok) await bridge.openFile(result.data).catch(() => undefined);
  };
  const [type, setType] = useState<AttachmentType>('application');
  const upload = async () => {
    const picked = await bridge.pickFile({ accept: ['.jpg', '.jpeg', '.png', '.pdf'], maxBytes: 10 * 1024 * 1024 });
    if (!picked) return;
    const result = await attach.run({ fileId: file.id, type, uploadId: picked.uploadId, fileName: picked.name });
    if (result.ok) {
      notifySuccess(t('files.attached'));
      onChanged(result.data);
    }
  };
  return (
    <Stack>
      <ErrorAlert error={attach.error ?? opening.error} />
      {canEdit && (
        <Group align="flex-end">
          <Select label={t('files.attachmentType')} data={ATTACHMENT_TYPES.map((a) => ({ value: a, label: t(`attachmentTypes.${a}`) }))} value={type} onChange={(v) => v && setType(v as AttachmentType)} allowDeselect={false} w={200} />
          <Button leftSection={<IconPaperclip size={16} />} onClick={upload} loading={attach.running}>
            {t('files.attach')}
          </Button>
        </Group>
      )}
      <DataTable
        label={t('files.tabs.attachments')}
        rows={file.attachments}
        rowKey={(a) => a.id}
        empty={t('files.attachmentsEmpty')}
        minWidth={600}
        columns={[
          { key: 'type', header: t('files.attachmentType'), width: 130, render: (a) => t(`attachmentTypes.${a.type}`) },
          { key: 'name', header: t('files.name'), render: (a) => a.fileName },
          { key: 'size', header: t('files.size'), width: 100, align: 'right', render: (a) => formatBytes(a.size) },
          { key: 'at', header: t('files.updatedAt'), width: 150, render: (a) => formatDateTime(a.addedAt) },
          {
            key: 'open',
            header: '',
            width: 90,
            render: (a) => (
              <Button size="compact-sm" variant="subtle" onClick={() => void open(a.id)} aria-label={`${t('files.openAttachment')} ${a.fileName}`}>
                {t('files.openAttachment')}
              </Button>
            ),
          },
        ]}
      />
    </Stack>
  );
}

function History({ file }: { file: FileDetail }) {
  const history = useQuery('files.history', { id: file.id });
  return <MemberHistory entries={history.data?.entries} loading={history.loading} error={history.error} onRetry={history.reload} />;
}

function Timeline({ file }: { file: FileDetail }) {
  const t = useT();
  return (
    <List spacing="xs" aria-label={t('files.tabs.timeline')}>
      {file.timeline.map((e, i) => (
        <List.Item key={i}>
          <Text size="sm">
            {[formatDateTime(e.at), e.user ?? '', t(`fileActions.${e.action as 'submit'}`)].join(' · ')}
            {e.from ? ` (${t(`fileStatuses.${e.from}`)} → ${t(`fileStatuses.${e.to}`)})` : ''}
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
  const [tab, setTab] = useState<string | null>('household');

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
                {!file.isMember && <Badge color="orange" variant="light">{t('files.notMemberBadge')}</Badge>}
                <Badge color="gray" variant="outline">{t(`entryKinds.${file.entryKind}`)}</Badge>
                {file.flags.map((fl) => (
                  <Badge key={fl} color="orange" variant="dot">
                    {t(`fileFlags.${fl}`)}
                  </Badge>
                ))}
              </Group>
              <Text size="sm" c="dimmed" data-testid="file-facts">
                {[
                  file.fileNo ? `${t('files.fileNo')} ${file.fileNo}` : null,
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
              {file.status === 'notice' && <PrintButton channel="files.printNotice" input={{ ids: [file.id] }} label={t('files.printNotice')} />}
              <PrintButton channel="files.printApplication" input={{ id: file.id }} label={t('files.printApplication')} />
            </Group>
          </Group>
          {canEdit && <FileActions file={file} onChanged={setFile} />}
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="household">{t('files.tabs.household')}</Tabs.Tab>
              <Tabs.Tab value="income">{t('files.tabs.income')}</Tabs.Tab>
              <Tabs.Tab value="visits">{t('files.tabs.visits')}</Tabs.Tab>
              <Tabs.Tab value="attachments">{t('files.tabs.attachments')}</Tabs.Tab>
              <Tabs.Tab value="timeline">{t('files.tabs.timeline')}</Tabs.Tab>
              <Tabs.Tab value="history">{t('files.tabs.history')}</Tabs.Tab>
              {canEdit && <Tabs.Tab value="edit">{t('files.tabs.edit')}</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="household"><Household file={file} /></Tabs.Panel>
            <Tabs.Panel value="income"><MeansTest file={file} /></Tabs.Panel>
            <Tabs.Panel value="visits"><Visits file={file} canEdit={canEdit} onChanged={setFile} /></Tabs.Panel>
            <Tabs.Panel value="attachments"><Attachments file={file} canEdit={canEdit} onChanged={setFile} /></Tabs.Panel>
            <Tabs.Panel value="timeline"><Timeline file={file} /></Tabs.Panel>
            {/* Read again after each change (keyed by the file's rev). */}
            <Tabs.Panel value="history"><History key={file.rev} file={file} /></Tabs.Panel>
            {canEdit && (
              <Tabs.Panel value="edit">
                {EDITABLE.includes(file.status) ? (
                  <DraftForm key={file.rev} file={file} onSaved={(updated) => { setFile(updated); notifySuccess(t('files.saved')); }} />
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
