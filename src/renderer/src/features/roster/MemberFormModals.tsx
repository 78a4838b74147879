import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Member } from '@shared/contract/roster';
import { useMutation } from '../../api/hooks';
import { GuardedModal } from '../../components/GuardedModal';
import { useT } from '../../i18n';
import { MemberForm } from './MemberForm';
import { emptyMemberValues, memberValues, sameValues, toMemberInput, type MemberFormValues } from './member-form-values';

interface CreateMemberModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (member: Member) => void;
}

function CreateMemberForm({ onClose, onCreated }: Omit<CreateMemberModalProps, 'opened'>) {
  const t = useT();
  const navigate = useNavigate();
  const create = useMutation('roster.create');
  const save = async (values: MemberFormValues) => {
    const result = await create.run(toMemberInput(values));
    if (result.ok) onCreated(result.data);
  };
  return (
    <MemberForm
      initial={emptyMemberValues()}
      submitLabel={t('memberForm.create')}
      saving={create.running}
      error={create.error}
      onSubmit={save}
      onCancel={onClose}
      onOpenMember={(memberId) => {
        onClose();
        void navigate(`/roster/${memberId}`);
      }}
    />
  );
}

/** 新增会员: a dialog made afresh each time it opens, so nothing typed for one member shows for the next. */
export function CreateMemberModal({ opened, onClose, onCreated }: CreateMemberModalProps) {
  const t = useT();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('memberForm.createTitle')} size="xl" centered closeOnClickOutside={false}>
      {opened && <CreateMemberForm onClose={onClose} onCreated={onCreated} />}
    </GuardedModal>
  );
}

interface EditMemberModalProps {
  edit: Member | null;
  /** Reveals the member's full ID number (roster.revealId, audited), for the clerk who chose to change it. */
  onRevealId: () => Promise<string | null>;
  onClose: () => void;
  onSaved: (member: Member | null) => void;
  /** Someone else changed the member meanwhile: close and load it again. */
  onReload: () => void;
}

/**
 * Edits a member without the full ID number: roster.update leaves the ID as it is when `idNumber` is absent, so the
 * number is revealed (and audited) only when the clerk chooses 修改身份证号.
 */
function EditMemberForm({ edit: member, onClose, onSaved, onReload, onRevealId }: EditMemberModalProps & { edit: Member }) {
  const t = useT();
  const navigate = useNavigate();
  const update = useMutation('roster.update');
  const [initial] = useState(() => memberValues(member));
  const [revealedId, setRevealedId] = useState('');
  const reveal = async () => {
    const idNumber = await onRevealId();
    if (idNumber) setRevealedId(idNumber);
    return idNumber;
  };
  const save = async (values: MemberFormValues, idEdited: boolean) => {
    const before = { ...initial, idNumber: idEdited ? revealedId : '' };
    if (sameValues(idEdited ? values : { ...values, idNumber: '' }, before)) {
      onSaved(null);
      return;
    }
    const { idNumber, ...rest } = toMemberInput(values);
    const result = await update.run({ ...rest, ...(idEdited ? { idNumber } : {}), id: member.id, rev: member.rev });
    if (result.ok) onSaved(result.data);
  };
  return (
    <MemberForm
      initial={initial}
      submitLabel={t('common.save')}
      saving={update.running}
      error={update.error}
      onSubmit={save}
      onCancel={onClose}
      onReload={onReload}
      idDescription={t('memberForm.idShownForEdit')}
      lockedId={{ masked: member.idNumberMasked, gender: member.gender, birthYear: member.birthYear, reveal }}
      onOpenMember={(memberId) => {
        onClose();
        void navigate(`/roster/${memberId}`);
      }}
    />
  );
}

export function EditMemberModal(props: EditMemberModalProps) {
  const t = useT();
  const { edit, onClose } = props;
  return (
    <GuardedModal
      opened={edit !== null}
      onClose={onClose}
      title={edit ? t('memberForm.editTitle', { name: edit.name }) : ''}
      size="xl"
      centered
      closeOnClickOutside={false}
    >
      {edit && <EditMemberForm key={`${edit.id}:${edit.rev}`} {...props} edit={edit} />}
    </GuardedModal>
  );
}
