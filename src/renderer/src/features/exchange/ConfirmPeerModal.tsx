import { Alert, Checkbox, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PeerInfo } from '@shared/contract/exchange';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { FingerprintBlock } from './FingerprintBlock';

/**
 * 核对指纹: the deliberate step that makes another office's card trusted. The fingerprint is shown large to be read
 * against what the other office reads out; the tick is the administrator's word that every group matched.
 */
export function ConfirmPeerModal({ peer, onClose, onDone }: { peer: PeerInfo | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  return (
    <Modal
      opened={peer !== null}
      onClose={onClose}
      title={peer ? t('exchangeKeys.confirmTitle', { name: peer.name }) : ''}
      size="lg"
      centered
    >
      {peer && <ConfirmPeerForm key={peer.id} peer={peer} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function ConfirmPeerForm({ peer, onClose, onDone }: { peer: PeerInfo; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const confirm = useMutation('exchange.confirmPeer');
  const [checked, setChecked] = useState(false);
  const submit = async () => {
    if (!checked) return;
    const result = await confirm.run({ id: peer.id, fingerprintChecked: true });
    if (!result.ok) return;
    notifySuccess(t('exchangeKeys.confirmed', { name: peer.name }));
    onDone();
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t('exchangeKeys.confirmBody')}</Text>
      {peer.replaces && (peer.change === 'signed' || peer.change === 'restart') && (
        // A new key for an office already trusted: say which kind of change the phone call is about.
        <Alert color={peer.change === 'signed' ? 'blue' : 'orange'} data-testid="confirm-key-change">
          {t(peer.change === 'signed' ? 'exchangeKeys.confirmSigned' : 'exchangeKeys.confirmRestart', {
            name: peer.name,
            fingerprint: peer.replaces.fingerprint.join(' '),
          })}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('exchangeKeys.cardDetails', { code: peer.code, region: peer.region, mode: t(`modes.${peer.mode}`) })}
      </Text>
      <FingerprintBlock groups={peer.fingerprint} testId="peer-fingerprint" label={t('exchangeKeys.fingerprint')} />
      <Checkbox label={t('exchangeKeys.checked')} checked={checked} onChange={(event) => setChecked(event.currentTarget.checked)} />
      <ErrorAlert error={confirm.error} />
      <FormActions
        submitLabel={t('exchangeKeys.confirmButton')}
        loading={confirm.running}
        missing={checked ? [] : [t('exchangeKeys.missingChecked')]}
        onSubmit={() => void submit()}
        onCancel={onClose}
        saveShortcut
      />
    </Stack>
  );
}
