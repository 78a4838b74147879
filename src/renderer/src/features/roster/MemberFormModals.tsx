import { Modal } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { Member } from '@shared/contract/roster';
import { useMutation } from '../../api/hooks';
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
    <Modal opened={opened} onClose={onClose} title={t('memberForm.createTitle')} size="xl" centered closeOnClickOutside={false}>
      {opened && <CreateMemberForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

/** The member being edited, with the full ID number the form needs (the contract's update takes it whole). */
export interface MemberEdit {
  member: Member;
  idNumber: string;
}

interface EditMemberModalProps {
  edit: MemberEdit | null;
  onClose: () => void;
  onSaved: (member: Member | null) => void;
  /** Someone else changed the member meanwhile: close and load it again. */
  onReload: () => void;
}

function EditMemberForm({ edit, onClose, onSaved, onReload }: EditMemberModalProps & { edit: MemberEdit }) {
  const t = useT();
  const navigate = useNavigate();
  const update = useMutation('roster.update');
  const initial = memberValues(edit.member, edit.idNumber);
  const save = async (values: MemberFormValues) => {
    if (sameValues(values, initial)) {
      onSaved(null);
      return;
    }
    const result = await update.run({ ...toMemberInput(values), id: edit.member.id, rev: edit.member.rev });
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
    <Modal
      opened={edit !== null}
      onClose={onClose}
      title={edit ? t('memberForm.editTitle', { name: edit.member.name }) : ''}
      size="xl"
      centered
      closeOnClickOutside={false}
    >
      {edit && <EditMemberForm key={`${edit.member.id}:${edit.member.rev}`} {...props} edit={edit} />}
    </Modal>
  );
}
