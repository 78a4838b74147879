import { Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { FedMemberItem } from '@shared/contract/federation';
import { useQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ListPagination } from '../../components/ListPagination';
import { QueryStatus } from '../../components/QueryStatus';
import { shortcut } from '../../components/shortcuts';
import { useT } from '../../i18n';
import { personFacts } from './fed-format';

const PAGE_SIZE = 50;

/** A centre's roster, by name, paged in the core; a search by a name's beginning, a whole ID number or its last 4. */
export function CentreRosterTab({ code }: { code: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);
  const list = useQuery('federation.centreRoster', { centre: code, query, page, pageSize: PAGE_SIZE });
  const columns: DataColumn<FedMemberItem>[] = [
    { key: 'name', header: t('fedCentre.name'), render: (m) => m.name },
    {
      key: 'id',
      header: t('fedCentre.idNumber'),
      width: 200,
      render: (m) => (
        <>
          <Text size="sm" ff="monospace">
            {m.idNumberMasked}
          </Text>
          <Text size="xs" c="dimmed">
            {personFacts(t, m)}
          </Text>
        </>
      ),
    },
    { key: 'unit', header: t('fedCentre.unit'), render: (m) => m.unitName ?? '' },
    { key: 'status', header: t('fedCentre.memberStatus'), width: 90, render: (m) => t(`memberStatuses.${m.status}`) },
    { key: 'joined', header: t('fedCentre.joinedOn'), width: 110, nowrap: true, render: (m) => m.joinedOn ?? '' },
  ];
  return (
    <>
      <Group mb="md">
        <TextInput
          label={t('fedCentre.search')}
          placeholder={t('fedCentre.rosterSearchHint')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
          {...shortcut('search')}
        />
      </Group>
      <QueryStatus loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && (
        <>
          <DataTable
            columns={columns}
            rows={list.data.items}
            rowKey={(m) => m.id}
            empty={t('fedCentre.empty')}
            minWidth={800}
            busy={list.loading}
            label={t('fedCentre.tabRoster')}
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
