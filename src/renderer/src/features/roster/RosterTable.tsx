import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link, useLocation, useNavigate } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import type { MemberListItem } from '@shared/contract/roster';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ListPagination } from '../../components/ListPagination';
import { useT } from '../../i18n';
import { MemberStatusBadge } from './MemberStatusBadge';

export const ROSTER_PAGE_SIZE = 50;

type SearchResult = ChannelOutput<'roster.search'>;

interface RosterTableProps {
  result: SearchResult;
  busy: boolean;
  page: number;
  onPage: (page: number) => void;
  /** Whether a search text or a filter narrows the list (what the empty list then says). */
  filtered: boolean;
  onClearFilters: () => void;
  /** The caller searches an ID only by its last 4 characters or the whole number (no roster.revealId). */
  maskedIdSearch: boolean;
}

/** A member's page, told which list it was opened from (search, filters, page) so that 返回 goes back to it. */
export function memberLink(memberId: string, listSearch: string) {
  return { to: `/roster/${memberId}`, state: { from: listSearch } };
}

function EmptyRoster({
  filtered,
  onClearFilters,
  maskedIdSearch,
}: {
  filtered: boolean;
  onClearFilters: () => void;
  maskedIdSearch: boolean;
}) {
  const t = useT();
  return (
    <Stack gap={6} align="center">
      <Text fw={500} c="dark">
        {filtered ? t('roster.emptyResultTitle') : t('roster.emptyRosterTitle')}
      </Text>
      <Text size="sm" maw={560}>
        {filtered ? t(maskedIdSearch ? 'roster.emptyResultHintMasked' : 'roster.emptyResultHint') : t('roster.emptyRosterHint')}
      </Text>
      {filtered && (
        <Button variant="light" size="xs" mt={4} onClick={onClearFilters}>
          {t('roster.clear')}
        </Button>
      )}
    </Stack>
  );
}

/** One page of members, the count and how the search box was read, and the pages. */
export function RosterTable({ result, busy, page, onPage, filtered, onClearFilters, maskedIdSearch }: RosterTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const { search } = useLocation();
  const open = (member: MemberListItem) => {
    const link = memberLink(member.id, search);
    void navigate(link.to, { state: link.state });
  };
  const dash = t('common.none');
  const columns: DataColumn<MemberListItem>[] = [
    {
      key: 'name',
      header: t('roster.columns.name'),
      nowrap: true, // a name broken over two lines reads as two people
      render: (member) => (
        // The link is for keyboards and screen readers; a click anywhere in the row opens the member too.
        <Anchor component={Link} {...memberLink(member.id, search)} fw={500} onClick={(event) => event.stopPropagation()}>
          {member.name}
        </Anchor>
      ),
    },
    { key: 'gender', header: t('roster.columns.gender'), width: 56, render: (member) => t(`genders.${member.gender}`) },
    { key: 'birthYear', header: t('roster.columns.birthYear'), width: 80, nowrap: true, render: (member) => member.birthYear },
    {
      key: 'idNumber',
      header: t('roster.columns.idNumber'),
      width: 190,
      nowrap: true,
      monospace: true,
      render: (member) => member.idNumberMasked,
    },
    { key: 'phone', header: t('roster.columns.phone'), width: 130, nowrap: true, render: (member) => member.phone ?? dash },
    { key: 'unit', header: t('roster.columns.unitName'), render: (member) => member.unitName ?? dash },
    { key: 'union', header: t('roster.columns.unionName'), render: (member) => member.unionName ?? dash },
    { key: 'status', header: t('roster.columns.status'), nowrap: true, render: (member) => <MemberStatusBadge status={member.status} /> },
    { key: 'joinedOn', header: t('roster.columns.joinedOn'), width: 104, nowrap: true, render: (member) => member.joinedOn ?? dash },
  ];

  const pages = Math.max(1, Math.ceil(result.total / ROSTER_PAGE_SIZE));
  const count = result.totalCapped ? t('roster.totalCapped', { total: result.total }) : t('roster.total', { total: result.total });
  return (
    <>
      <Group gap="md" mb="xs" role="status" aria-live="polite">
        <Text size="sm" fw={500} data-testid="roster-total">
          {count}
        </Text>
        {result.kind !== 'all' && (
          <Text size="sm" c="dimmed" data-testid="roster-search-kind">
            {t(`searchKinds.${result.kind}`)}
          </Text>
        )}
      </Group>
      <DataTable
        columns={columns}
        rows={result.members}
        rowKey={(member) => member.id}
        empty={<EmptyRoster filtered={filtered} onClearFilters={onClearFilters} maskedIdSearch={maskedIdSearch} />}
        minWidth={1080}
        busy={busy}
        onRowClick={open}
      />
      <ListPagination pages={pages} page={page} onChange={onPage} />
    </>
  );
}
