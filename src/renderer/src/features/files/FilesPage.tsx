import { Anchor, Badge, Button, Chip, Group, Select, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { FILE_FLAGS } from '@shared/contract/hardship';
import { CAUSES, type Cause } from '@shared/domain/hardship-codes';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@shared/domain/means-test';
import { FILE_STATUSES, type FileStatus } from '@shared/domain/hardship-lifecycle';
import { roleAllows } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { ListPagination } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { UnitFilterSelect } from '../../components/UnitFilterSelect';
import { useT } from '../../i18n';
import { CreateFileModal } from './CreateFileModal';
import { FileSearchBox } from './FileSearchBox';
import { FilesOutputActions } from './FilesOutputActions';
import { filesFiltersFromUrl } from './files-url-filters';
import { FileStatusBadge } from './FileStatusBadge';
import { ImportExistingModal } from './ImportExistingModal';
import { PendingImports } from './PendingImports';
import { PrintButton } from './PrintButton';
import { shortcut } from '../../components/shortcuts';

type FileRow = ChannelOutput<'files.list'>['files'][number];
type FileFlag = (typeof FILE_FLAGS)[number];

const PAGE_SIZE = 50;

interface Filters {
  /** inForce: the files in force, 在档 and 复核中 (the director's charts link here). */
  status: FileStatus | 'all' | 'inForce';
  category: HardshipCategory | null;
  mainCause: Cause | 'none' | null;
  flag: FileFlag | null;
  unitId: string;
  /** Only the files the signed-in user entered. */
  mine: boolean;
}

/** 困难职工档案: every file with its status, filtered by status (with the count of each), category, unit and to-dos. */
export function FilesPage() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const canCreate = roleAllows(session.user.role, 'clerk');
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => ({
    status: 'all',
    category: null,
    mainCause: null,
    flag: null,
    unitId: '',
    mine: false,
    ...filesFiltersFromUrl(params),
  }));
  const [page, setPage] = useState(1);
  // Another filter starts again from the first page.
  const filter = (change: Partial<Filters>) => {
    setFilters({ ...filters, ...change });
    setPage(1);
  };
  const { status, category, mainCause, flag, unitId, mine } = filters;
  // The search box (FileSearchBox): combined with the filters; a new search starts again from the first page.
  const [query, setQuery] = useState('');
  const search = (text: string) => {
    setQuery(text);
    setPage(1);
  };
  const selection = {
    query,
    ...(status === 'all' ? {} : status === 'inForce' ? { inForce: true } : { status }),
    ...(category ? { category } : {}),
    ...(mainCause ? { mainCause } : {}),
    ...(flag ? { flag } : {}),
    ...(unitId ? { unitId } : {}),
    ...(mine ? { mine } : {}),
  };
  const files = useQuery('files.list', {
    page,
    pageSize: PAGE_SIZE,
    ...selection,
  });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState(0);

  const columns: DataColumn<FileRow>[] = [
    {
      key: 'head',
      header: t('files.head'),
      render: (f) => (
        <Anchor component={Link} to={`/files/${f.id}`}>
          {f.headName}
        </Anchor>
      ),
    },
    { key: 'id', header: t('files.idNumber'), width: 190, monospace: true, render: (f) => f.headIdNumberMasked },
    { key: 'unit', header: t('files.unit'), render: (f) => f.unitName ?? t('common.none') },
    {
      key: 'no',
      header: t('files.fileNo'),
      width: 170,
      monospace: true,
      render: (f) =>
        f.fileNo ?? (
          <Text size="sm" c="dimmed">
            {t(f.status === 'staged' ? 'files.import.numberedOnConfirm' : 'files.noNumber')}
          </Text>
        ),
    },
    {
      key: 'category',
      header: t('files.category'),
      width: 110,
      render: (f) => (f.category ? <Badge variant="light">{t(`hardshipCategories.${f.category}`)}</Badge> : t('common.none')),
    },
    {
      key: 'status',
      header: t('files.status'),
      width: 150,
      render: (f) => (
        <Group gap={4}>
          <FileStatusBadge status={f.status} />
          {f.flags.map((fl) => (
            <Badge key={fl} color="orange" variant="dot" size="sm">
              {t(`fileFlags.${fl}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'updated', header: t('files.updatedAt'), width: 150, nowrap: true, render: (f) => formatDateTime(f.updatedAt) },
  ];

  const counts = files.data?.counts ?? {};
  const all = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <>
      <PageHeader title={t('files.title')}>
        {status === 'notice' && files.data && files.data.files.length > 0 && (
          <PrintButton
            channel="files.printNotice"
            input={{ ids: files.data.files.map((f) => f.id) }}
            label={t('files.printNoticeList', { count: files.data.files.length })}
            shortcut
          />
        )}
        {status === 'active' && files.data && files.data.total > 0 && (
          // 联系卡 go to the households in the files (在档): all that the list shows with its search and filters.
          <PrintButton
            channel="aid.printContactCards"
            input={{ selection }}
            label={t('files.printContactCards', { count: files.data.total })}
          />
        )}
        {canCreate && <FilesOutputActions selection={selection} />}
        {canCreate && (
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
            {t('files.import.open')}
          </Button>
        )}
        {canCreate && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} {...shortcut('new')}>
            {t('files.new')}
          </Button>
        )}
      </PageHeader>
      {canCreate && <PendingImports reloadKey={imported} onDecided={files.reload} />}
      <FileSearchBox query={query} onChange={search} kind={files.data?.kind} maskedIdSearch={!canCreate} />
      <Chip.Group multiple={false} value={status} onChange={(value) => filter({ status: value as Filters['status'] })}>
        <Group gap="xs" mb="md" role="group" aria-label={t('files.status')}>
          <Chip value="all" size="sm">
            {t('common.all')} {all}
          </Chip>
          {(counts.active || counts.annualReview || status === 'inForce') && (
            <Chip value="inForce" size="sm">
              {t('files.inForce')} {(counts.active ?? 0) + (counts.annualReview ?? 0)}
            </Chip>
          )}
          {FILE_STATUSES.filter((s) => counts[s]).map((s) => (
            <Chip key={s} value={s} size="sm">
              {t(`fileStatuses.${s}`)} {counts[s]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group mb="md" gap="md" align="flex-end">
        <Select
          label={t('files.category')}
          placeholder={t('files.allCategories')}
          data={HARDSHIP_CATEGORIES.map((c) => ({ value: c, label: t(`hardshipCategories.${c}`) }))}
          value={category}
          onChange={(v) => filter({ category: v as HardshipCategory | null })}
          clearable
          w={180}
        />
        <Select
          label={t('files.mainCause')}
          placeholder={t('files.allCauses')}
          data={[...CAUSES.map((c) => ({ value: c, label: t(`causes.${c}`) })), { value: 'none', label: t('files.noCause') }]}
          value={mainCause}
          onChange={(v) => filter({ mainCause: v as Cause | 'none' | null })}
          clearable
          w={200}
        />
        <UnitFilterSelect kind="employer" label={t('files.unit')} value={unitId} onChange={(id) => filter({ unitId: id })} />
        {canCreate && (
          <Chip checked={mine} onChange={(checked) => filter({ mine: checked })} size="sm" mb={6}>
            {t('files.mine')}
          </Chip>
        )}
        <Chip.Group multiple={false} value={flag ?? ''} onChange={(v) => filter({ flag: v ? (v as FileFlag) : null })}>
          <Group gap="xs" role="group" aria-label={t('files.needsAttention')} pb={6}>
            {FILE_FLAGS.map((fl) => (
              <Chip key={fl} value={fl} size="sm" color="orange" onClick={() => flag === fl && filter({ flag: null })}>
                {t(`fileFlags.${fl}`)} {files.data?.flagCounts[fl] ?? 0}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      <QueryStatus loading={files.loading && !files.data} error={files.error} onRetry={files.reload} />
      {files.data && (
        <DataTable
          columns={columns}
          rows={files.data.files}
          rowKey={(f) => f.id}
          empty={
            status === 'all' && !category && !mainCause && !flag && !unitId && !query && !mine ? t('files.empty') : t('files.emptyFiltered')
          }
          minWidth={980}
          busy={files.loading}
          onRowClick={(f) => navigate(`/files/${f.id}`)}
          label={t('files.title')}
        />
      )}
      {files.data && files.data.total > 0 && (
        <ListPagination
          pages={Math.ceil(files.data.total / PAGE_SIZE)}
          page={page}
          onChange={setPage}
          count={t('files.total', { total: files.data.total })}
        />
      )}
      <ImportExistingModal
        opened={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          files.reload();
          setImported((n) => n + 1);
        }}
      />
      <CreateFileModal opened={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/files/${id}`)} />
    </>
  );
}
