import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { useQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { FileStatusBadge } from '../files/FileStatusBadge';

type MemberFile = ChannelOutput<'files.ofMember'>['files'][number];

/** The hardship files the member is in, as the head or in the household, each a link to the file. */
export function MemberFiles({ memberId }: { memberId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const files = useQuery('files.ofMember', { memberId });
  const columns: DataColumn<MemberFile>[] = [
    {
      key: 'head',
      header: t('memberFiles.head'),
      render: (f) => (
        <Anchor component={Link} to={`/files/${f.id}`} aria-label={`${t('memberFiles.open')} ${f.headName}`}>
          {f.headName}
        </Anchor>
      ),
    },
    {
      key: 'no',
      header: t('memberFiles.fileNo'),
      width: 190,
      monospace: true,
      render: (f) =>
        f.fileNo ?? (
          <Text size="sm" c="dimmed">
            {t('files.noNumber')}
          </Text>
        ),
    },
    {
      key: 'role',
      header: t('memberFiles.role'),
      width: 140,
      render: (f) => <Badge variant="light">{t(`relations.${f.relation}`)}</Badge>,
    },
    {
      key: 'category',
      header: t('files.category'),
      width: 110,
      render: (f) => (f.category ? t(`hardshipCategories.${f.category}`) : t('common.none')),
    },
    { key: 'status', header: t('memberFiles.status'), width: 130, render: (f) => <FileStatusBadge status={f.status} /> },
    { key: 'updated', header: t('memberFiles.updatedAt'), width: 150, nowrap: true, render: (f) => formatDateTime(f.updatedAt) },
  ];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('memberFiles.title')}
      </Title>
      <QueryStatus loading={files.loading && !files.data} error={files.error} onRetry={files.reload} />
      {files.data &&
        (files.data.files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('memberFiles.none')}
          </Text>
        ) : (
          <DataTable
            columns={columns}
            rows={files.data.files}
            rowKey={(f) => f.id}
            empty={t('memberFiles.none')}
            minWidth={860}
            onRowClick={(f) => void navigate(`/files/${f.id}`)}
            label={t('memberFiles.title')}
          />
        ))}
    </Stack>
  );
}
