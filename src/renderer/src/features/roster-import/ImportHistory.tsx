import { Stack, Title } from '@mantine/core';
import type { ChannelOutput } from '@shared/contract';
import type { AppErrorShape } from '@shared/errors';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';

type Entry = ChannelOutput<'rosterImport.history'>['imports'][number];

interface ImportHistoryProps {
  imports: Entry[] | undefined;
  loading: boolean;
  error: AppErrorShape | null;
  onRetry: () => void;
}

const COUNT_KEYS = ['rows', 'new', 'updated', 'unchanged', 'skipped', 'rejected'] as const;

/** 导入记录: every import, who did it, from which file, and what it did. */
export function ImportHistory({ imports, loading, error, onRetry }: ImportHistoryProps) {
  const t = useT();
  const columns: DataColumn<Entry>[] = [
    { key: 'at', header: t('rosterImport.historyTime'), width: 150, nowrap: true, render: (entry) => formatDateTime(entry.at) },
    { key: 'user', header: t('rosterImport.historyUser'), width: 110, render: (entry) => entry.userName ?? t('common.none') },
    { key: 'file', header: t('rosterImport.historyFile'), render: (entry) => entry.fileName },
    ...COUNT_KEYS.map((key): DataColumn<Entry> => ({
      key,
      header: t(`rosterImport.counts.${key}`),
      width: 76,
      align: 'right',
      render: (entry) => entry.counts[key],
    })),
  ];
  return (
    <Stack gap="sm" maw={1100}>
      <Title order={3} size="h4">
        {t('rosterImport.history')}
      </Title>
      <QueryStatus loading={loading && !imports} error={error} onRetry={onRetry} />
      {imports && (
        <DataTable
          columns={columns}
          rows={imports}
          rowKey={(entry) => entry.id}
          empty={t('rosterImport.historyEmpty')}
          minWidth={860}
          busy={loading}
          dense
          label={t('rosterImport.history')}
        />
      )}
    </Stack>
  );
}
