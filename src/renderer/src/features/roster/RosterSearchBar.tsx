import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { MEMBER_STATUSES, type MemberStatus } from '@shared/contract/roster';
import { useT } from '../../i18n';
import { UnitFilterSelect } from '../../components/UnitFilterSelect';
import { shortcut } from '../../components/shortcuts';
import type { RosterFilters, RosterSort } from './useRosterFilters';

/** Long enough for a clerk to finish a syllable, short enough that the list seems to follow the typing. */
const SEARCH_DELAY_MS = 250;

interface RosterSearchBarProps {
  filters: RosterFilters;
  onChange: (changes: Partial<RosterFilters>) => void;
  /** The caller may not reveal IDs: the core reads an ID only as its last 4 characters or the whole number. */
  maskedIdSearch: boolean;
}

/** The one search box, and under it the filters and the sort order. */
export function RosterSearchBar({ filters, onChange, maskedIdSearch }: RosterSearchBarProps) {
  const t = useT();
  const [text, setText] = useState(filters.query);
  const [debounced] = useDebouncedValue(text, SEARCH_DELAY_MS);

  // The box follows the address when it changes from elsewhere (the 清除 button, coming back to the list).
  const [shownQuery, setShownQuery] = useState(filters.query);
  if (filters.query !== shownQuery) {
    setShownQuery(filters.query);
    if (filters.query !== debounced) setText(filters.query);
  }

  useEffect(() => {
    if (debounced !== filters.query) onChange({ query: debounced });
    // Only the typed text sends a search; a change of the address is taken over above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const statusOptions = MEMBER_STATUSES.map((status) => ({ value: status, label: t(`memberStatuses.${status}`) }));
  const sortOptions: { value: RosterSort; label: string }[] = [
    { value: 'name', label: t('roster.sortName') },
    { value: 'joinedOn', label: t('roster.sortJoinedOn') },
  ];

  return (
    <Stack gap="sm" mb="md">
      <TextInput
        type="search"
        label={t('roster.search')}
        placeholder={t(maskedIdSearch ? 'roster.searchPlaceholderMasked' : 'roster.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        leftSection={<IconSearch size={16} />}
        maxLength={100}
        maw={640}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        {...shortcut('search')}
      />
      <Group gap="md" align="flex-end">
        <UnitFilterSelect kind="employer" label={t('roster.unit')} value={filters.unitId} onChange={(unitId) => onChange({ unitId })} />
        <UnitFilterSelect kind="union" label={t('roster.union')} value={filters.unionId} onChange={(unionId) => onChange({ unionId })} />
        <Select
          label={t('roster.status')}
          placeholder={t('common.all')}
          value={filters.status || null}
          onChange={(value) => onChange({ status: MEMBER_STATUSES.find((s): s is MemberStatus => s === value) ?? '' })}
          data={statusOptions}
          clearable
          w={130}
        />
        <Select
          label={t('roster.sort')}
          value={filters.sort}
          onChange={(value) => onChange({ sort: value === 'joinedOn' ? 'joinedOn' : 'name' })}
          data={sortOptions}
          allowDeselect={false}
          w={150}
        />
      </Group>
    </Stack>
  );
}
