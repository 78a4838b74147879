import { Group, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { WORKER_TYPES } from '@shared/domain/hardship-codes';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { GuardedModal } from '../../components/GuardedModal';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';

type Source = 'roster' | 'other';

function MemberPicker({ value, onChange }: { value: string | null; onChange: (id: string) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);
  const found = useQuery('roster.search', { query, pageSize: 8 }, { enabled: query.length > 0 });
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t('files.memberSearch')}
        description={t('files.memberSearchHint')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autoComplete="off"
        data-autofocus
      />
      {query && found.data && found.data.members.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('files.noMemberFound')}
        </Text>
      )}
      {query && found.data && found.data.members.length > 0 && (
        <Radio.Group value={value ?? ''} onChange={onChange} aria-label={t('files.memberSearch')}>
          <Stack gap={6}>
            {found.data.members.map((m) => (
              <Radio key={m.id} value={m.id} label={[m.name, m.idNumberMasked, m.unitName].filter(Boolean).join(' · ')} />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}

/** 新建档案: a file for a roster member, or for a worker who is not a member yet. */
export function CreateFileModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const create = useMutation('files.create');
  const [source, setSource] = useState<Source>('roster');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [workerType, setWorkerType] = useState<(typeof WORKER_TYPES)[number]>('urban');

  // What the new file still needs; a migrant worker who is not a member is told why beside the choice (migrantHint).
  const missing =
    source === 'roster'
      ? memberId === null
        ? [t('files.missingMember')]
        : []
      : [
          ...(name.trim() === '' ? [t('files.headName')] : []),
          ...(idNumber.trim() === '' ? [t('files.headIdNumber')] : []),
          ...(workerType === 'urban' ? [] : [t('files.missingUrban')]),
        ];
  const submit = async () => {
    const input =
      source === 'roster' ? { memberId: memberId!, workerType } : { head: { name: name.trim(), idNumber: idNumber.trim() }, workerType };
    const result = await create.run(input);
    if (result.ok) onCreated(result.data.id);
  };

  return (
    <GuardedModal
      opened={opened}
      onClose={onClose}
      title={t('files.createTitle')}
      centered
      size="lg"
      dirty={memberId !== null || name.trim() !== '' || idNumber.trim() !== ''}
    >
      <Stack>
        <ErrorAlert error={create.error} />
        <SegmentedControl
          value={source}
          onChange={(v) => setSource(v as Source)}
          data={[
            { value: 'roster', label: t('files.fromRoster') },
            { value: 'other', label: t('files.notMember') },
          ]}
        />
        {source === 'roster' ? (
          <MemberPicker value={memberId} onChange={setMemberId} />
        ) : (
          <>
            <TextInput
              label={t('files.headName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={50}
              {...requiredField}
            />
            <TextInput
              label={t('files.headIdNumber')}
              value={idNumber}
              onChange={(e) => setIdNumber(e.currentTarget.value)}
              maxLength={30}
              {...requiredField}
            />
          </>
        )}
        <Radio.Group label={t('files.workerType')} value={workerType} onChange={(v) => setWorkerType(v as typeof workerType)}>
          <Group mt={4}>
            {WORKER_TYPES.map((w) => (
              <Radio key={w} value={w} label={t(`workerTypes.${w}`)} />
            ))}
          </Group>
        </Radio.Group>
        {source === 'other' && workerType === 'migrant' && (
          <Text size="sm" c="orange.8" role="note">
            {t('files.migrantHint')}
          </Text>
        )}
        <FormActions submitLabel={t('files.create')} onSubmit={submit} missing={missing} loading={create.running} onCancel={onClose} />
      </Stack>
    </GuardedModal>
  );
}
