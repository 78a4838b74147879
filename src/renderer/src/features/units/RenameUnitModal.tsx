import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from '../../api/hooks';
import { FormActions } from '../../components/FormActions';
import { RecordModal } from '../../components/RecordModal';
import { requiredField } from '../../components/required-field';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import type { Unit } from './UnitList';

const NAME_MAX = 100;

function RenameUnitForm({ unit, onClose, onRenamed }: { unit: Unit; onClose: () => void; onRenamed: (unit: Unit) => void }) {
  const t = useT();
  const rename = useMutation('units.rename');
  const [name, setName] = useState(unit.name);
  const [submitted, setSubmitted] = useState(false);
  const invalid = !name.trim();

  const submit = async () => {
    setSubmitted(true);
    if (invalid) return;
    if (name.trim() === unit.name) {
      onClose();
      return;
    }
    const result = await rename.run({ id: unit.id, name: name.trim() });
    if (result.ok) onRenamed(result.data);
  };

  return (
    <StackedForm onSubmit={submit} error={rename.error}>
      <TextInput
        label={t('units.newName')}
        description={t('units.renameHint', { count: unit.memberCount })}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        maxLength={NAME_MAX}
        {...requiredField}
        data-autofocus
        error={submitted && invalid ? t('validation.required') : undefined}
      />
      <FormActions submitLabel={t('units.rename')} loading={rename.running} onCancel={onClose} />
    </StackedForm>
  );
}

/** 重命名: a unit's spelling corrected; its members follow, since they point at the unit, not at its name. */
export function RenameUnitModal({ unit, onClose, onRenamed }: { unit: Unit | null; onClose: () => void; onRenamed: (unit: Unit) => void }) {
  const t = useT();
  return (
    <RecordModal record={unit} title={(record) => t('units.renameTitle', { name: record.name })} onClose={onClose}>
      {(record) => <RenameUnitForm unit={record} onClose={onClose} onRenamed={onRenamed} />}
    </RecordModal>
  );
}
