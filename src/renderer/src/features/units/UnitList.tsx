import { Anchor, Button, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import type { UnitKind } from '@shared/contract/roster';
import { useQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { notifySuccess } from '../../components/notify';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { MergeUnitModal } from './MergeUnitModal';
import { RenameUnitModal } from './RenameUnitModal';

export type Unit = ChannelOutput<'units.list'>['units'][number];

/** The core lists at most this many units; more means the clerk should narrow the search. */
const LIST_LIMIT = 500;

/** The members of a unit, on the roster page (its filter). */
function rosterHref(unit: Unit): string {
  return `/roster?${new URLSearchParams({ [unit.kind === 'employer' ? 'unit' : 'union']: unit.id }).toString()}`;
}

/** The units of one kind, searchable, each with its member count and the two ways to tidy it up. */
export function UnitList({ kind }: { kind: UnitKind }) {
  const t = useT();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);
  const units = useQuery('units.list', { kind, query });
  const [renaming, setRenaming] = useState<Unit | null>(null);
  const [merging, setMerging] = useState<Unit | null>(null);

  const columns: DataColumn<Unit>[] = [
    { key: 'name', header: t('units.name'), render: (unit) => unit.name },
    {
      key: 'members',
      header: t('units.memberCount'),
      width: 110,
      align: 'right',
      render: (unit) => (
        <Anchor component={Link} to={rosterHref(unit)} aria-label={t('units.showMembers', { name: unit.name, count: unit.memberCount })}>
          {unit.memberCount}
        </Anchor>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      width: 200,
      render: (unit) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="subtle" onClick={() => setRenaming(unit)}>
            {t('units.rename')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="orange" onClick={() => setMerging(unit)}>
            {t('units.merge')}
          </Button>
        </Group>
      ),
    },
  ];

  const empty = query ? t('units.emptyResult', { query }) : t(kind === 'employer' ? 'units.emptyEmployers' : 'units.emptyUnions');
  const changed = (message: string) => {
    notifySuccess(message);
    units.reload();
  };
  return (
    <>
      <TextInput
        type="search"
        label={t('units.search')}
        placeholder={t('units.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        leftSection={<IconSearch size={16} />}
        maxLength={100}
        maw={420}
        mb="md"
        autoComplete="off"
      />
      <QueryStatus loading={units.loading && !units.data} error={units.error} onRetry={units.reload} />
      {units.data && (
        <>
          <DataTable
            columns={columns}
            rows={units.data.units}
            rowKey={(unit) => unit.id}
            empty={empty}
            minWidth={560}
            maxWidth={900}
            busy={units.loading}
            label={t(`unitKinds.${kind}`)}
          />
          {units.data.units.length >= LIST_LIMIT && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('units.limited', { limit: LIST_LIMIT })}
            </Text>
          )}
        </>
      )}
      <RenameUnitModal
        unit={renaming}
        onClose={() => setRenaming(null)}
        onRenamed={(unit) => {
          setRenaming(null);
          changed(t('units.renamed', { name: unit.name }));
        }}
      />
      <MergeUnitModal
        unit={merging}
        onClose={() => setMerging(null)}
        onMerged={(kept) => {
          setMerging(null);
          changed(t('units.merged', { name: kept.name }));
        }}
      />
    </>
  );
}
