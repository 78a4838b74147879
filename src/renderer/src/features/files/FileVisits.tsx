import { Badge, Button, Group, Stack } from '@mantine/core';
import { IconCheck, IconPhoto, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { FileDetail } from '@shared/contract/hardship';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useLanguage, useT } from '../../i18n';
import { useAttachmentViewer } from './FileAttachments';
import { PrintButton } from './PrintButton';
import { VisitModal } from './VisitModal';

type Visit = FileDetail['visits'][number];

/** The six items of a six-clears visit at a glance: green 清, red 不清 (the note on hover). */
function SixMarks({ visit }: { visit: Visit }) {
  const t = useT();
  return (
    <Group gap={4} aria-label={t('files.sixMarks')}>
      {visit.items.map((i) => (
        <Badge
          key={i.item}
          size="sm"
          color={i.clear ? 'green' : 'red'}
          variant="light"
          leftSection={i.clear ? <IconCheck size={10} /> : <IconX size={10} />}
          // A chip never shrinks below its words (the table is narrow at 1366 px); the whole item and note on hover.
          style={{ flexShrink: 0, minWidth: 'max-content' }}
          title={i.note ? t('files.sixMarkNote', { item: t(`sixClears.${i.item}`), note: i.note }) : t(`sixClears.${i.item}`)}
        >
          {t(`files.sixMarksShort.${i.item}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** 走访记录: every visit, newest first, with its six marks, signature, photos and its printed record. */
export function FileVisits({ file, canEdit, onChanged }: { file: FileDetail; canEdit: boolean; onChanged: (file: FileDetail) => void }) {
  const t = useT();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const viewer = useAttachmentViewer(file);
  const photo = (id: string) => file.attachments.find((a) => a.id === id);
  return (
    <Stack>
      {canEdit && (
        <Group>
          <Button onClick={() => setOpen(true)}>{t('files.recordVisit')}</Button>
        </Group>
      )}
      <ErrorAlert error={viewer.error} />
      <DataTable
        label={t('files.tabs.visits')}
        rows={file.visits}
        rowKey={(v) => v.id}
        empty={t('files.visitsEmpty')}
        minWidth={980}
        columns={[
          { key: 'date', header: t('files.visitDate'), width: 110, nowrap: true, render: (v) => v.date },
          {
            key: 'kind',
            header: t('files.visitKind'),
            width: 130,
            render: (v) =>
              v.mustVisitReason
                ? t('files.visitKindReason', { kind: t(`visitKinds.${v.kind}`), reason: t(`mustVisitReasons.${v.mustVisitReason}`) })
                : t(`visitKinds.${v.kind}`),
          },
          {
            key: 'visitors',
            header: t('files.visitorsShort'),
            width: 160,
            render: (v) => v.visitors.join(language === 'en' ? ', ' : '、'),
          },
          { key: 'six', header: t('files.sixMarks'), render: (v) => (v.kind === 'sixClears' ? <SixMarks visit={v} /> : (v.note ?? '')) },
          {
            key: 'signed',
            header: t('files.headSigned'),
            width: 110,
            render: (v) => (v.headSigned ? <IconCheck size={16} aria-label={t('files.headSigned')} /> : ''),
          },
          {
            key: 'photos',
            header: t('files.photos'),
            width: 130,
            render: (v) => (
              <Group gap={2}>
                {v.photoIds.map((id, n) => (
                  <Button
                    key={id}
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconPhoto size={12} />}
                    onClick={() => void viewer.view({ id, mime: photo(id)?.mime ?? 'image/jpeg' })}
                    aria-label={t('files.visitPhotoN', { date: v.date, n: n + 1 })}
                  >
                    {n + 1}
                  </Button>
                ))}
              </Group>
            ),
          },
          {
            key: 'print',
            header: '',
            width: 140,
            render: (v) => (
              <PrintButton channel="files.printVisit" input={{ id: file.id, visitId: v.id }} label={t('files.printVisit')} size="xs" />
            ),
          },
        ]}
      />
      {viewer.modal}
      <VisitModal
        file={file}
        opened={open}
        onClose={() => setOpen(false)}
        onSaved={(updated) => {
          setOpen(false);
          notifySuccess(t('files.visitSaved'));
          onChanged(updated);
        }}
      />
    </Stack>
  );
}
