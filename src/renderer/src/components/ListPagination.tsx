import { Group, Pagination, Text } from '@mantine/core';
import { useT } from '../i18n';

interface ListPaginationProps {
  /** How many pages the list has. */
  pages: number;
  page: number;
  onChange: (page: number) => void;
  /** The list's count in words (共 120 条), on the left; without it the pages stand on the right alone. */
  count?: string;
  /** Shows the pages even when there is only one. */
  always?: boolean;
}

/** The row under a paged list: its count, and the pages with their names read out (上一页, 第 2 页 …). */
export function ListPagination({ pages, page, onChange, count, always = false }: ListPaginationProps) {
  const t = useT();
  const showPages = always || pages > 1;
  if (count === undefined && !showPages) return null;
  return (
    <Group justify={count === undefined ? 'flex-end' : 'space-between'} mt="md">
      {count !== undefined && (
        <Text size="sm" c="dimmed">
          {count}
        </Text>
      )}
      {showPages && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          getControlProps={(control) =>
            control === 'previous'
              ? { 'aria-label': t('common.previousPage') }
              : control === 'next'
                ? { 'aria-label': t('common.nextPage') }
                : {}
          }
          getItemProps={(item) => ({ 'aria-label': t('common.page', { page: item }) })}
        />
      )}
    </Group>
  );
}
