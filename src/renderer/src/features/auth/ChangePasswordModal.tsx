import { Modal } from '@mantine/core';
import { useSession } from '../../app/session/session-context';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const { session, acceptSession } = useSession();
  return (
    <Modal opened={opened} onClose={onClose} title={t('password.changeTitle')} centered>
      {/* Mounted only while open, so a cancelled attempt leaves no typed password behind. */}
      {opened && (
        <ChangePasswordForm
          username={session.user.username}
          onChanged={(info) => {
            notifySuccess(t('password.changed'));
            acceptSession(info);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
