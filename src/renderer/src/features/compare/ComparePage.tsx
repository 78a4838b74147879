import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CompareList } from '@shared/contract/compare';
import { roleAllows } from '@shared/roles';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { ImportListModal } from './ImportListModal';

/** 信息比对: the lists imported from other bodies; import one, open its comparison, or (administrator) delete it. */
export function ComparePage() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const isAdmin = roleAllows(session.user.role, 'admin');
  const lists = useQuery('compare.lists', {});
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<CompareList | null>(null);

  const columns: DataColumn<CompareList>[] = [
    {
      key: 'source',
      header: t('compare.source'),
      render: (l) => (
        <Anchor component={Link} to={`/compare/${l.id}`}>
          {l.source}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('compare.kind'), width: 150, render: (l) => t(`compareKinds.${l.kind}`) },
    {
      key: 'file',
      header: t('compare.fileName'),
      render: (l) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {l.fileName}
        </Text>
      ),
    },
    { key: 'rows', header: t('compare.rows'), width: 90, align: 'right', render: (l) => l.rows },
    { key: 'rejected', header: t('compare.rejectedRows'), width: 80, align: 'right', render: (l) => l.rejected },
    { key: 'at', header: t('compare.importedAt'), width: 150, nowrap: true, render: (l) => formatDateTime(l.importedAt) },
    { key: 'by', header: t('compare.importedBy'), width: 100, render: (l) => l.importedBy ?? '' },
    ...(isAdmin
      ? [
          {
            key: 'delete',
            header: '',
            width: 90,
            render: (l: CompareList) => (
              <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(l)}>
                {t('compare.delete')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('compare.title')}>
        <Button leftSection={<IconUpload size={18} />} onClick={() => setImporting(true)}>
          {t('compare.importList')}
        </Button>
      </PageHeader>
      <Text size="sm" c="dimmed" maw={900}>
        {t('compare.intro')}
      </Text>
      <QueryStatus loading={lists.loading && !lists.data} error={lists.error} onRetry={lists.reload} />
      {lists.data && (
        <DataTable
          label={t('compare.lists')}
          columns={columns}
          rows={lists.data.lists}
          rowKey={(l) => l.id}
          empty={t('compare.noLists')}
          minWidth={900}
        />
      )}
      {importing && (
        <ImportListModal
          onClose={() => setImporting(false)}
          onImported={(listId) => {
            setImporting(false);
            void navigate(`/compare/${listId}`);
          }}
        />
      )}
      {deleting && (
        <DeleteListModal
          list={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            notifySuccess(t('compare.deleted'));
            lists.reload();
          }}
        />
      )}
    </Stack>
  );
}

function DeleteListModal({ list, onClose, onDeleted }: { list: CompareList; onClose: () => void; onDeleted: () => void }) {
  const t = useT();
  const remove = useMutation('compare.delete');
  const run = async () => {
    const result = await remove.run({ listId: list.id });
    if (result.ok) onDeleted();
  };
  return (
    <Modal opened onClose={onClose} title={t('compare.deleteTitle')}>
      <Stack gap="md">
        <Text size="sm">{t('compare.deleteBody', { source: list.source, kind: t(`compareKinds.${list.kind}`), rows: list.rows })}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.running} onClick={() => void run()}>
            {t('compare.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
