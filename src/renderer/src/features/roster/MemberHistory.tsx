import { Title } from '@mantine/core';
import type { AuditEntry } from '@shared/contract/audit';
import type { AppErrorShape } from '@shared/errors';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { QueryStatus } from '../../components/QueryStatus';
import { actionLabel, auditSummaryText, useT } from '../../i18n';

interface MemberHistoryProps {
  entries: AuditEntry[] | undefined;
  loading: boolean;
  error: AppErrorShape | null;
  onRetry: () => void;
}

/** 修改记录: who added, changed, looked at the full ID number of, or changed the status of this member, and when. */
export function MemberHistory({ entries, loading, error, onRetry }: MemberHistoryProps) {
  const t = useT();
  const columns: DataColumn<AuditEntry>[] = [
    { key: 'time', header: t('member.historyTime'), width: 150, nowrap: true, render: (entry) => formatDateTime(entry.at) },
    { key: 'user', header: t('member.historyUser'), width: 140, render: (entry) => entry.userName ?? t('audit.system') },
    { key: 'action', header: t('member.historyAction'), width: 160, render: (entry) => actionLabel(entry.action) },
    {
      key: 'summary',
      header: t('member.historySummary'),
      // "查看完整身份证号 | 查看完整身份证号" says it twice: the summary only when it adds something.
      render: (entry) => {
        const summary = auditSummaryText(entry.summary);
        return summary === actionLabel(entry.action) ? '' : summary;
      },
    },
  ];
  // Newest first: the clerk usually wants to know what happened last.
  const rows = entries ? [...entries].sort((a, b) => b.seq - a.seq) : [];
  return (
    <section aria-labelledby="member-history-title">
      <Title order={3} size="h5" mt="xl" mb="sm" id="member-history-title">
        {t('member.history')}
      </Title>
      <QueryStatus loading={loading && !entries} error={error} onRetry={onRetry} />
      {entries && (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(entry) => entry.seq}
          empty={t('member.historyEmpty')}
          minWidth={700}
          busy={loading}
          dense
          label={t('member.history')}
        />
      )}
    </section>
  );
}
