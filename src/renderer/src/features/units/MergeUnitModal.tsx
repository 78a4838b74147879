import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { FormActions } from '../../components/FormActions';
import { RecordModal } from '../../components/RecordModal';
import { requiredField } from '../../components/required-field';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import type { Unit } from './UnitList';

function MergeUnitForm({ unit, onClose, onMerged }: { unit: Unit; onClose: () => void; onMerged: (kept: Unit) => void }) {
  const t = useT();
  const merge = useMutation('units.merge');
  const others = useQuery('units.list', { kind: unit.kind, query: '' });
  const [intoId, setIntoId] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const candidates = (others.data?.units ?? []).filter((other) => other.id !== unit.id);
  const into = candidates.find((other) => other.id === intoId);

  const submit = async () => {
    setSubmitted(true);
    if (!into) return;
    const result = await merge.run({ fromId: unit.id, intoId: into.id });
    if (result.ok) onMerged(result.data);
  };

  if (others.data && candidates.length === 0) {
    return (
      <Stack gap="md">
        <Alert color="blue" variant="light" role="note">
          {t('units.noOther')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <StackedForm onSubmit={submit} error={merge.error ?? others.error}>
      <Text size="sm">{t('units.mergeIntro', { name: unit.name, kind: t(`unitKinds.${unit.kind}`) })}</Text>
      <Select
        label={t('units.keep')}
        placeholder={t('units.keepPlaceholder')}
        value={intoId}
        onChange={setIntoId}
        data={candidates.map((other) => ({ value: other.id, label: t('units.option', { name: other.name, count: other.memberCount }) }))}
        searchable
        nothingFoundMessage={t('roster.noUnitFound')}
        {...requiredField}
        error={submitted && !into ? t('units.keepRequired') : undefined}
      />
      {into && (
        <Alert color="orange" variant="light" role="note" title={t('units.mergeWhat')}>
          <Text size="sm">{t('units.mergeMoves', { from: unit.name, into: into.name, count: unit.memberCount })}</Text>
          <Text size="sm" mt={6}>
            {t('units.mergeHistory', { from: unit.name })}
          </Text>
        </Alert>
      )}
      <FormActions submitLabel={t('units.mergeConfirm')} color="orange" loading={merge.running} onCancel={onClose} />
    </StackedForm>
  );
}

/** 合并到…: two spellings of one unit become one; the clerk picks the record to keep. */
export function MergeUnitModal({ unit, onClose, onMerged }: { unit: Unit | null; onClose: () => void; onMerged: (kept: Unit) => void }) {
  const t = useT();
  return (
    <RecordModal record={unit} title={(record) => t('units.mergeTitle', { name: record.name })} onClose={onClose}>
      {(record) => <MergeUnitForm unit={record} onClose={onClose} onMerged={onMerged} />}
    </RecordModal>
  );
}
