import { Title } from '@mantine/core';
import { useId } from 'react';
import type { AuditEntry } from '@shared/contract/audit';
import type { AppErrorShape } from '@shared/errors';
import { actionLabel, auditActionText, auditSummaryText, useT } from '../i18n';
import { DataTable, type DataColumn } from './DataTable';
import { formatDateTime } from './format';
import { QueryStatus } from './QueryStatus';

interface RecordHistoryProps {
  entries: AuditEntry[] | undefined;
  loading: boolean;
  error: AppErrorShape | null;
  onRetry: () => void;
}

/**
 * 修改记录: a record's entries in the audit log (a member, a hardship file) — who added, changed, looked at or moved
 * it on, and when.
 */
export function RecordHistory({ entries, loading, error, onRetry }: RecordHistoryProps) {
  const t = useT();
  const titleId = useId();
  const columns: DataColumn<AuditEntry>[] = [
    { key: 'time', header: t('common.historyTime'), width: 150, nowrap: true, render: (entry) => formatDateTime(entry.at) },
    {
      key: 'user',
      header: t('common.historyUser'),
      width: 140,
      render: (entry) => entry.userDisplayName ?? entry.userName ?? t('audit.system'),
    },
    { key: 'action', header: t('common.historyAction'), width: 160, render: (entry) => auditActionText(entry) },
    {
      key: 'summary',
      header: t('common.historySummary'),
      // "查看完整身份证号 | 查看完整身份证号" says it twice: the summary only when it adds something.
      // An import that created the member is another record's entry: its file name says which import it was.
      render: (entry) => {
        const summary = auditSummaryText(entry.summary);
        const text = summary === actionLabel(entry.action) ? '' : summary;
        return entry.recordType === 'rosterImport' && entry.recordName
          ? t('common.historyFromFile', { file: entry.recordName, summary: text })
          : text;
      },
    },
  ];
  // Newest first: the clerk usually wants to know what happened last.
  const rows = entries ? [...entries].sort((a, b) => b.seq - a.seq) : [];
  return (
    <section aria-labelledby={titleId}>
      <Title order={3} size="h5" mt="xl" mb="sm" id={titleId}>
        {t('common.history')}
      </Title>
      <QueryStatus loading={loading && !entries} error={error} onRetry={onRetry} />
      {entries && (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(entry) => entry.seq}
          empty={t('common.historyEmpty')}
          minWidth={700}
          busy={loading}
          dense
          label={t('common.history')}
        />
      )}
    </section>
  );
}
