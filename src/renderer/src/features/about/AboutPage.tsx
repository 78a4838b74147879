import { Paper, Table } from '@mantine/core';
import { useQuery } from '../../api/hooks';
import { formatBytes } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';

/** What support asks for first: the version, where the data is, and how the database is stored. */
export function AboutPage() {
  const t = useT();
  const about = useQuery('system.about', {});
  const info = about.data;
  const rows: [string, string][] = info
    ? [
        [t('about.version'), info.version],
        [t('about.dataDir'), info.dataDir],
        [t('about.databaseSize'), formatBytes(info.databaseBytes)],
        [t('about.schemaVersion'), String(info.schemaVersion)],
        [t('about.runtime'), info.runtime],
        [t('about.cipher'), info.cipher],
      ]
    : [];
  return (
    <>
      <PageHeader title={t('about.title')} />
      <QueryStatus loading={about.loading && !info} error={about.error} onRetry={about.reload} />
      {info && (
        <Paper withBorder radius="md" p="md" maw={760}>
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={180}>{label}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
