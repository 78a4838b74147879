import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FileImportView } from '@shared/contract/hardship';
import type { ImportDecision } from '@shared/domain/existing-files';
import { useMutation, useQuery } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { blockerText } from './file-text';
import { CheckSummary } from './ImportExistingModal';

/**
 * 存量档案 imports awaiting a second person (docs/domain.md "Lifecycle": no file is 在档 on one person's word). The
 * one deciding sees the counts, the category mapping and every row, then confirms, rejects with a reason, or — the
 * clerk who imported it — withdraws it. Each decision shows its reasons when the signed-in user cannot take it.
 */
function ReviewImport({ batch, onDecided, onClose }: { batch: FileImportView; onDecided: () => void; onClose: () => void }) {
  const t = useT();
  const deciding = useMutation('files.decideImport');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const blockersOf = (decision: ImportDecision) => batch.decisions.find((d) => d.decision === decision)?.blockers ?? [];
  const allowed = (decision: ImportDecision) => blockersOf(decision).length === 0;
  const decide = async (decision: ImportDecision) => {
    const result = await deciding.run({ id: batch.id, decision, ...(decision === 'reject' ? { reason: reason.trim() } : {}) });
    if (!result.ok) return;
    const message = { confirm: 'confirmed', reject: 'rejected', withdraw: 'withdrawn' } as const;
    notifySuccess(t(`files.import.${message[decision]}`, { count: batch.rows.length }));
    onDecided();
  };
  const stagedBy = batch.stagedBy ?? t('common.none');
  return (
    <Stack>
      <Text size="sm">{t('files.import.reviewIntro', { stagedBy, at: formatDateTime(batch.stagedAt) })}</Text>
      <CheckSummary check={batch.summary} />
      <DataTable
        label={t('files.import.rows')}
        rows={batch.rows}
        rowKey={(r) => r.fileId}
        empty=""
        minWidth={900}
        dense
        columns={[
          { key: 'row', header: t('files.import.row'), width: 60, align: 'right', render: (r) => r.row },
          { key: 'head', header: t('files.head'), nowrap: true, render: (r) => r.headName },
          { key: 'id', header: t('files.idNumber'), width: 180, monospace: true, render: (r) => r.headIdNumberMasked },
          { key: 'old', header: t('files.import.oldCategoryOf'), nowrap: true, render: (r) => r.categoryWord },
          { key: 'category', header: t('files.import.newCategory'), nowrap: true, render: (r) => t(`hardshipCategories.${r.category}`) },
          { key: 'filed', header: t('files.import.filedOn'), width: 110, nowrap: true, render: (r) => r.approvedOn },
          {
            key: 'no',
            header: t('files.import.keptNumber'),
            width: 170,
            monospace: true,
            render: (r) =>
              r.fileNo ?? (
                <Text size="sm" c="dimmed">
                  {t('files.import.numberedOnConfirm')}
                  {r.legacyNo ? t('fileRecords.legacyNoAside', { no: r.legacyNo }) : ''}
                </Text>
              ),
          },
          {
            key: 'member',
            header: t('files.import.member'),
            nowrap: true,
            render: (r) => (r.isMember ? t('files.import.isMember') : t('common.none')),
          },
        ]}
      />
      <ErrorAlert error={deciding.error} />
      {(['confirm', 'reject', 'withdraw'] as const)
        .filter((d) => !allowed(d) && !blockersOf(d).some((b) => b.code === 'NOT_STAGER'))
        .map((d) => (
          <Text key={d} size="xs" c="dimmed" data-testid={`import-blockers-${d}`}>
            {t('files.blockersLine', {
              action: t(`fileActions.${d}Import`),
              reasons: blockersOf(d)
                .map((b) => blockerText(t, b))
                .join(t('files.blockersJoin')),
            })}
          </Text>
        ))}
      {rejecting ? (
        <Stack gap="xs">
          <Textarea
            label={t('files.import.rejectReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            data-autofocus
            {...requiredField}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" disabled={reason.trim() === ''} loading={deciding.running} onClick={() => void decide('reject')}>
              {t('files.import.reject')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {allowed('withdraw') && (
            <Button variant="light" color="red" loading={deciding.running} onClick={() => void decide('withdraw')}>
              {t('files.import.withdraw')}
            </Button>
          )}
          <Button variant="light" color="red" disabled={!allowed('reject')} onClick={() => setRejecting(true)}>
            {t('files.import.reject')}
          </Button>
          <Button disabled={!allowed('confirm')} loading={deciding.running} onClick={() => void decide('confirm')}>
            {t('files.import.confirm', { count: batch.rows.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The pending imports above the file list, each opening its review; nothing when there is none. */
export function PendingImports({ reloadKey, onDecided }: { reloadKey: number; onDecided: () => void }) {
  const t = useT();
  const pending = useQuery('files.pendingImports', {});
  const { reload } = pending;
  // The list above was changed (a sheet imported): read the pending imports again.
  useEffect(() => {
    if (reloadKey > 0) reload();
  }, [reloadKey, reload]);
  const [open, setOpen] = useState<string | null>(null);
  const imports = pending.data?.imports ?? [];
  const batch = imports.find((i) => i.id === open) ?? null;
  if (imports.length === 0) return null;
  return (
    <Alert color="yellow" title={t('files.import.pendingTitle')} mb="md" aria-label={t('files.import.pendingTitle')}>
      <Stack gap={6}>
        {imports.map((i) => (
          <Group key={i.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t('files.import.pendingLine', {
                stagedBy: i.stagedBy ?? t('common.none'),
                at: formatDateTime(i.stagedAt),
                sheetName: i.sheetName,
                count: i.rows.length,
              })}
            </Text>
            <Button size="xs" variant="light" onClick={() => setOpen(i.id)}>
              {t('files.import.review')}
            </Button>
          </Group>
        ))}
      </Stack>
      <Modal opened={batch !== null} onClose={() => setOpen(null)} title={t('files.import.reviewTitle')} size={1080} centered>
        {batch && (
          <ReviewImport
            batch={batch}
            onClose={() => setOpen(null)}
            onDecided={() => {
              setOpen(null);
              pending.reload();
              onDecided();
            }}
          />
        )}
      </Modal>
    </Alert>
  );
}
