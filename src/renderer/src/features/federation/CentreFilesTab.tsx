import { Anchor, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FedFileItem } from '@shared/contract/federation';
import { FILE_STATUSES } from '@shared/domain/hardship-lifecycle';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@shared/domain/means-test';
import { CAUSES } from '@shared/domain/hardship-codes';
import { useQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { ListPagination } from '../../components/ListPagination';
import { QueryStatus } from '../../components/QueryStatus';
import { shortcut } from '../../components/shortcuts';
import { useT } from '../../i18n';
import { IN_FORCE, type CauseChoice, type FilesFilter, type StatusChoice } from './centre-url-filters';
import { personFacts } from './fed-format';

const PAGE_SIZE = 50;

/** A centre's hardship files: status, category, main cause and a search, paged in the core; a row opens the file. */
export function CentreFilesTab({ code, initial = {} }: { code: string; initial?: FilesFilter }) {
  const t = useT();
  const navigate = useNavigate();
  const [status, setStatus] = useState<StatusChoice | undefined>(initial.status);
  const [category, setCategory] = useState<HardshipCategory | undefined>(initial.category);
  const [cause, setCause] = useState<CauseChoice | undefined>(initial.cause);
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);
  const list = useQuery('federation.centreFiles', {
    centre: code,
    ...(status === IN_FORCE ? { inForce: true } : { status }),
    category,
    mainCause: cause,
    query,
    page,
    pageSize: PAGE_SIZE,
  });
  const to = (f: FedFileItem) => `/federation/centres/${encodeURIComponent(code)}/files/${f.id}`;
  const columns: DataColumn<FedFileItem>[] = [
    {
      key: 'fileNo',
      header: t('fedCentre.fileNo'),
      width: 170,
      monospace: true,
      render: (f) => (
        <Anchor component={Link} to={to(f)} size="sm" onClick={(e) => e.stopPropagation()}>
          {f.fileNo ?? t('fedCentre.noNumber')}
        </Anchor>
      ),
    },
    { key: 'head', header: t('fedCentre.head'), render: (f) => f.head.name },
    {
      key: 'id',
      header: t('fedCentre.idNumber'),
      width: 200,
      render: (f) => (
        <>
          <Text size="sm" ff="monospace">
            {f.head.idNumberMasked}
          </Text>
          <Text size="xs" c="dimmed">
            {personFacts(t, f.head)}
          </Text>
        </>
      ),
    },
    { key: 'status', header: t('fedCentre.status'), width: 100, render: (f) => t(`fileStatuses.${f.status}`) },
    {
      key: 'category',
      header: t('fedCentre.category'),
      width: 100,
      render: (f) => (f.category ? t(`hardshipCategories.${f.category}`) : ''),
    },
    { key: 'household', header: t('fedCentre.household'), width: 80, align: 'right', render: (f) => f.householdSize },
    { key: 'updated', header: t('fedCentre.updatedAt'), width: 140, nowrap: true, render: (f) => formatDateTime(f.updatedAt) },
  ];
  const change = (next: () => void) => {
    next();
    setPage(1);
  };
  return (
    <>
      <Group gap="xs" align="flex-end" mb="md">
        <TextInput
          label={t('fedCentre.search')}
          placeholder={t('fedCentre.fileSearchHint')}
          value={text}
          onChange={(e) => change(() => setText(e.currentTarget.value))}
          w={320}
          {...shortcut('search')}
        />
        <Select
          label={t('fedCentre.status')}
          placeholder={t('fedCentre.allStatuses')}
          data={[
            { value: IN_FORCE, label: t('fedCentre.inForce') },
            ...FILE_STATUSES.map((s) => ({ value: s, label: t(`fileStatuses.${s}`) })),
          ]}
          value={status ?? null}
          onChange={(s) => change(() => setStatus((s as StatusChoice | null) ?? undefined))}
          clearable
          w={200}
        />
        <Select
          label={t('fedCentre.category')}
          placeholder={t('fedCentre.allCategories')}
          data={HARDSHIP_CATEGORIES.map((c) => ({ value: c, label: t(`hardshipCategories.${c}`) }))}
          value={category ?? null}
          onChange={(c) => change(() => setCategory((c as HardshipCategory | null) ?? undefined))}
          clearable
          w={140}
        />
        <Select
          label={t('fedCentre.mainCause')}
          placeholder={t('fedCentre.allCauses')}
          data={[...CAUSES.map((c) => ({ value: c, label: t(`causes.${c}`) })), { value: 'none', label: t('fedCentre.noCause') }]}
          value={cause ?? null}
          onChange={(c) => change(() => setCause((c as CauseChoice | null) ?? undefined))}
          clearable
          w={200}
        />
      </Group>
      <QueryStatus loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && (
        <>
          <DataTable
            columns={columns}
            rows={list.data.items}
            rowKey={(f) => f.id}
            empty={t('fedCentre.empty')}
            minWidth={960}
            busy={list.loading}
            onRowClick={(f) => void navigate(to(f))}
            label={t('fedCentre.tabFiles')}
          />
          <ListPagination
            pages={Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))}
            page={page}
            onChange={setPage}
            count={t('fedCentre.total', { total: list.data.total })}
          />
        </>
      )}
    </>
  );
}
