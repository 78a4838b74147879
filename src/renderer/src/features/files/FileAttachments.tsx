import { Badge, Button, Group, Image, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconExternalLink, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelOutput } from '@shared/contract';
import type { FileDetail } from '@shared/contract/hardship';
import { UPLOADED_ATTACHMENT_TYPES, type AttachmentType } from '@shared/domain/hardship-codes';
import { ENDED_STATUSES } from '@shared/domain/hardship-lifecycle';
import { bridge } from '../../api/client';
import { useMutation } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { FormActions } from '../../components/FormActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes, formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { pickFileOrNotify } from '../../components/pick-file';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { GuardedModal } from '../../components/GuardedModal';

/** The largest attachment or visit photo the core keeps; the host refuses a larger one before the core sees it. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

type Attachment = FileDetail['attachments'][number];
type Preview = ChannelOutput<'files.previewAttachment'>;

/**
 * Looking at a file's attachments: an image is shown in the program, a PDF opens in the system viewer (a new tab in
 * the browser). The core logs every look (an attachment may be an ID card or a diagnosis).
 */
export function useAttachmentViewer(file: FileDetail) {
  const t = useT();
  const opening = useMutation('files.openAttachment');
  const previewing = useMutation('files.previewAttachment');
  const [preview, setPreview] = useState<(Preview & { id: string }) | null>(null);
  const openInViewer = async (attachmentId: string) => {
    const result = await opening.run({ fileId: file.id, attachmentId });
    if (result.ok) await bridge.openFile(result.data).catch(() => undefined);
  };
  const view = async (attachment: Pick<Attachment, 'id' | 'mime'>) => {
    if (!attachment.mime.startsWith('image/')) return openInViewer(attachment.id);
    const result = await previewing.run({ fileId: file.id, attachmentId: attachment.id });
    if (result.ok) setPreview({ ...result.data, id: attachment.id });
  };
  const modal = (
    <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.fileName ?? ''} size="xl" centered>
      {preview && (
        <Stack>
          <Image src={preview.dataUrl} alt={preview.fileName} fit="contain" mah="70vh" />
          <Group justify="flex-end">
            <Button variant="default" leftSection={<IconExternalLink size={16} />} onClick={() => void openInViewer(preview.id)}>
              {t('files.openInViewer')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
  return { view, modal, error: opening.error ?? previewing.error, busy: opening.running || previewing.running };
}

/** 撤回附件: a reason, then the attachment stays on the list marked withdrawn (nothing is deleted). */
function WithdrawAttachmentModal({
  file,
  attachment,
  onClose,
  onDone,
}: {
  file: FileDetail;
  attachment: Attachment | null;
  onClose: () => void;
  onDone: (file: FileDetail) => void;
}) {
  const t = useT();
  const withdraw = useMutation('files.withdrawAttachment');
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    withdraw.reset();
    onClose();
  };
  const submit = async () => {
    if (!attachment) return;
    const result = await withdraw.run({ fileId: file.id, attachmentId: attachment.id, reason: reason.trim() });
    if (result.ok) {
      notifySuccess(t('fileRecords.attachmentWithdrawnDone'));
      onDone(result.data);
      close();
    }
  };
  return (
    <GuardedModal
      dirty={reason.trim() !== ''}
      opened={attachment !== null}
      onClose={close}
      title={attachment ? t('fileRecords.withdrawAttachmentTitle', { name: attachment.fileName }) : ''}
      centered
    >
      <Stack>
        <ErrorAlert error={withdraw.error} />
        <Text size="sm" c="dimmed">
          {t('fileRecords.withdrawAttachmentHint')}
        </Text>
        <Textarea
          label={t('files.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
          {...requiredField}
        />
        <FormActions
          submitLabel={t('fileRecords.withdrawAttachment')}
          color="red"
          onSubmit={submit}
          missing={reason.trim() === '' ? [t('fileRecords.need.reason')] : []}
          loading={withdraw.running}
          onCancel={close}
        />
      </Stack>
    </GuardedModal>
  );
}

/** 附件: the file's papers by type (visit photos come with their visit), looked at in place. */
export function FileAttachments({
  file,
  canEdit,
  onChanged,
}: {
  file: FileDetail;
  canEdit: boolean;
  onChanged: (file: FileDetail) => void;
}) {
  const t = useT();
  const attach = useMutation('files.attach');
  const viewer = useAttachmentViewer(file);
  const [type, setType] = useState<AttachmentType>('application');
  const [withdrawing, setWithdrawing] = useState<Attachment | null>(null);
  const open = !ENDED_STATUSES.includes(file.status);
  const visitDate = new Map(file.visits.map((v) => [v.id, v.date]));
  const upload = async () => {
    const picked = await pickFileOrNotify({ accept: ['.jpg', '.jpeg', '.png', '.pdf'], maxBytes: ATTACHMENT_MAX_BYTES });
    if (!picked) return;
    const result = await attach.run({ fileId: file.id, type, uploadId: picked.uploadId, fileName: picked.name });
    if (result.ok) {
      notifySuccess(t('files.attached'));
      onChanged(result.data);
    }
  };
  return (
    <Stack>
      <ErrorAlert error={attach.error ?? viewer.error} />
      {canEdit && (
        <Group align="flex-end">
          <Select
            label={t('files.attachmentType')}
            data={UPLOADED_ATTACHMENT_TYPES.map((a) => ({ value: a, label: t(`attachmentTypes.${a}`) }))}
            value={type}
            onChange={(v) => v && setType(v as AttachmentType)}
            allowDeselect={false}
            w={200}
          />
          <Button leftSection={<IconPaperclip size={16} />} onClick={upload} loading={attach.running}>
            {t('files.attach')}
          </Button>
          <Text size="xs" c="dimmed" pb={8}>
            {t('files.attachHint')}
          </Text>
        </Group>
      )}
      <DataTable
        label={t('files.tabs.attachments')}
        rows={file.attachments}
        rowKey={(a) => a.id}
        empty={t('files.attachmentsEmpty')}
        minWidth={600}
        columns={[
          {
            key: 'type',
            header: t('files.attachmentType'),
            width: 170,
            render: (a) => (a.visitId ? t('files.photoOfVisit', { date: visitDate.get(a.visitId) ?? '' }) : t(`attachmentTypes.${a.type}`)),
          },
          {
            key: 'name',
            header: t('fileRecords.fileName'),
            render: (a) =>
              a.withdrawn ? (
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text size="sm" td="line-through" c="dimmed">
                      {a.fileName}
                    </Text>
                    <Badge color="gray" variant="light" size="sm">
                      {t('fileRecords.attachmentWithdrawn')}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('fileRecords.attachmentWithdrawnLine', {
                      user: a.withdrawn.by ?? '',
                      date: formatDateTime(a.withdrawn.at),
                      reason: a.withdrawn.reason,
                    })}
                  </Text>
                </Stack>
              ) : (
                a.fileName
              ),
          },
          { key: 'size', header: t('files.size'), width: 100, align: 'right', render: (a) => formatBytes(a.size) },
          { key: 'at', header: t('files.updatedAt'), width: 150, nowrap: true, render: (a) => formatDateTime(a.addedAt) },
          {
            key: 'open',
            header: '',
            width: canEdit && open ? 150 : 90,
            render: (a) => (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => void viewer.view(a)}
                  aria-label={`${t('files.openAttachment')} ${a.fileName}`}
                >
                  {t('files.openAttachment')}
                </Button>
                {canEdit && open && !a.withdrawn && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => setWithdrawing(a)}
                    aria-label={`${t('fileRecords.withdrawAttachment')} ${a.fileName}`}
                  >
                    {t('fileRecords.withdrawAttachment')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
      {viewer.modal}
      <WithdrawAttachmentModal file={file} attachment={withdrawing} onClose={() => setWithdrawing(null)} onDone={onChanged} />
    </Stack>
  );
}
