import {
  Button,
  Checkbox,
  CloseButton,
  Group,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { IconPhotoPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FileDetail } from '@shared/contract/hardship';
import { MAX_VISIT_PHOTOS, MUST_VISIT_REASONS, SIX_CLEARS, VISIT_KINDS, type SixClear } from '@shared/domain/hardship-codes';
import type { Upload } from '@shared/bridge';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { todayIso } from '../../components/format';
import { pickFileOrNotify } from '../../components/pick-file';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { ATTACHMENT_MAX_BYTES } from './FileAttachments';

type Kind = (typeof VISIT_KINDS)[number];
type Reason = (typeof MUST_VISIT_REASONS)[number];

function VisitForm({ file, onSaved, onClose }: { file: FileDetail; onSaved: (file: FileDetail) => void; onClose: () => void }) {
  const t = useT();
  const record = useMutation('files.recordVisit');
  const [kind, setKind] = useState<Kind>('sixClears');
  const [date, setDate] = useState<string | null>(todayIso());
  const { session } = useSession();
  const staff = useQuery('users.staff', {});
  // The clerk recording the visit was usually one of the visitors; colleagues are picked, others typed.
  const [names, setNames] = useState<string[]>([session.user.displayName]);
  const [items, setItems] = useState<Record<SixClear, { clear: boolean | null; note: string }>>(
    Object.fromEntries(SIX_CLEARS.map((i) => [i, { clear: null, note: '' }])) as Record<SixClear, { clear: boolean | null; note: string }>,
  );
  const [reason, setReason] = useState<Reason | null>(null);
  const [headSigned, setHeadSigned] = useState(false);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<Upload[]>([]);
  // Text in the date box that was not taken (no such day, after today): the date is empty then, and says why.
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  useDialogValues({ kind, date, names, items, reason, headSigned, note, photos });
  const addPhoto = async () => {
    const picked = await pickFileOrNotify({ accept: ['.jpg', '.jpeg', '.png'], maxBytes: ATTACHMENT_MAX_BYTES });
    if (picked) setPhotos([...photos, picked]);
  };
  // What the visit still needs, in the clerk's words (the core checks the same: visits.service.ts).
  const unanswered = kind === 'sixClears' ? SIX_CLEARS.filter((i) => items[i].clear === null) : [];
  const missing = [
    ...(date === null ? [dateProblem ?? t('files.missingVisitDate')] : []),
    ...(kind === 'mustVisit' && reason === null ? [t('files.missingOccasion')] : []),
    ...(names.length === 0 ? [t('files.missingVisitor')] : []),
    ...(kind === 'sixClears' && names.length === 1 ? [t('files.missingSecondVisitor')] : []),
    ...(unanswered.length > 0
      ? [t('files.missingSixClears', { items: unanswered.map((i) => t(`sixClears.${i}`)).join(t('common.listJoin')) })]
      : []),
  ];

  const submit = async () => {
    const result = await record.run({
      fileId: file.id,
      kind,
      date: date!,
      visitors: names,
      items:
        kind === 'sixClears'
          ? SIX_CLEARS.map((item) => ({ item, clear: items[item].clear === true, note: items[item].note.trim() || null }))
          : [],
      mustVisitReason: kind === 'mustVisit' ? reason : null,
      headSigned,
      note: note.trim() || null,
      photos: photos.map((p) => ({ uploadId: p.uploadId, fileName: p.name })),
    });
    if (result.ok) onSaved(result.data);
  };

  return (
    <Stack>
      <ErrorAlert error={record.error} />
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        data={VISIT_KINDS.map((k) => ({ value: k, label: t(`visitKinds.${k}`) }))}
      />
      <Group grow>
        <ClerkDateInput
          label={t('files.visitDate')}
          valueFormat="YYYY-MM-DD"
          value={date}
          onChange={setDate}
          onProblem={setDateProblem}
          maxDate={todayIso()}
          {...requiredField}
        />
        {kind === 'mustVisit' && (
          <Select
            label={t('files.occasion')}
            data={MUST_VISIT_REASONS.map((r) => ({ value: r, label: t(`mustVisitReasons.${r}`) }))}
            value={reason}
            onChange={(v) => setReason(v as Reason)}
            {...requiredField}
          />
        )}
      </Group>
      <TagsInput
        label={t('files.visitors')}
        description={t('files.visitorsHint')}
        data={[...new Set((staff.data?.staff ?? []).map((s) => s.displayName))]}
        value={names}
        onChange={(next) => setNames([...new Set(next.map((n) => n.trim()).filter(Boolean))])}
        splitChars={[',', '，', '、', ';', '；']}
        maxTags={10}
        {...requiredField}
      />
      {kind === 'sixClears' && (
        <Table aria-label={t('files.sixMarks')} verticalSpacing={6}>
          <Table.Tbody>
            {SIX_CLEARS.map((item) => (
              <Table.Tr key={item}>
                {/* The item's name whole on one line (家庭实际收入清, not 家庭实际…); the note takes what is left. */}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`sixClears.${item}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Radio.Group
                    aria-label={t(`sixClears.${item}`)}
                    value={items[item].clear === null ? '' : items[item].clear ? 'clear' : 'notClear'}
                    onChange={(v) => setItems({ ...items, [item]: { ...items[item], clear: v === 'clear' } })}
                  >
                    <Group gap="xs" wrap="nowrap">
                      <Radio value="clear" label={t('files.clear')} />
                      <Radio value="notClear" label={t('files.notClear')} />
                    </Group>
                  </Radio.Group>
                </Table.Td>
                <Table.Td w="100%">
                  <TextInput
                    size="xs"
                    aria-label={`${t(`sixClears.${item}`)} ${t('files.note')}`}
                    value={items[item].note}
                    onChange={(e) => setItems({ ...items, [item]: { ...items[item], note: e.currentTarget.value } })}
                    maxLength={300}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Checkbox label={t('files.headSigned')} checked={headSigned} onChange={(e) => setHeadSigned(e.currentTarget.checked)} />
      <Textarea
        label={t('files.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={1000}
        autosize
        minRows={2}
      />
      <Stack gap={4}>
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconPhotoPlus size={16} />}
            onClick={() => void addPhoto()}
            disabled={photos.length >= MAX_VISIT_PHOTOS}
          >
            {t('files.addPhoto')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('files.photosHint', { max: MAX_VISIT_PHOTOS })}
          </Text>
        </Group>
        {photos.map((p, n) => (
          <Group key={p.uploadId} gap={4}>
            <Text size="sm">{p.name}</Text>
            <CloseButton
              size="sm"
              aria-label={t('files.removePhoto', { name: p.name })}
              onClick={() => setPhotos(photos.filter((_, i) => i !== n))}
            />
          </Group>
        ))}
      </Stack>
      <FormActions
        submitLabel={t('files.recordVisit')}
        onSubmit={submit}
        missing={missing}
        loading={record.running}
        onCancel={onClose}
        sticky
      />
    </Stack>
  );
}

/** 记录走访: the six-clears home visit item by item, a must-visit with its occasion, or an ordinary visit. */
export function VisitModal({
  file,
  opened,
  onClose,
  onSaved,
}: {
  file: FileDetail;
  opened: boolean;
  onClose: () => void;
  onSaved: (file: FileDetail) => void;
}) {
  const t = useT();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('files.recordVisit')} centered size="xl">
      {opened && <VisitForm file={file} onSaved={onSaved} onClose={onClose} />}
    </GuardedModal>
  );
}
