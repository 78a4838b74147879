import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { PeerInfo } from '@shared/contract/exchange';
import type { OrgMode } from '@shared/contract/org';
import { formatFingerprint } from '@shared/domain/key-fingerprint';
import { useMutation } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { pickFileOrNotify } from '../../components/pick-file';
import { useT } from '../../i18n';
import { PrintButton } from '../files/PrintButton';
import { ConfirmPeerModal } from './ConfirmPeerModal';

const STATUS_COLORS = { pending: 'yellow', trusted: 'green', replaced: 'gray', withdrawn: 'gray' } as const;

/**
 * The other offices' key cards: import (then 核对指纹 by phone), print for the record, stop trusting. A key change
 * shows under the new key with the old fingerprint; replaced and withdrawn keys are listed below as history.
 */
export function PeersPanel({ mode, peers, onChanged }: { mode: OrgMode; peers: PeerInfo[]; onChanged: () => void }) {
  const t = useT();
  const importCard = useMutation('exchange.importCard');
  const withdraw = useMutation('exchange.withdrawPeer');
  const [confirming, setConfirming] = useState<PeerInfo | null>(null);
  const [withdrawing, setWithdrawing] = useState<PeerInfo | null>(null);
  const [keyChanged, setKeyChanged] = useState<string | null>(null);

  const pickAndImport = async (startOver: boolean) => {
    const upload = await pickFileOrNotify({ accept: ['.bfkey'], maxBytes: 64 * 1024 });
    if (!upload) return;
    const result = await importCard.run({ uploadId: upload.uploadId, fileName: upload.name, startOver });
    if (!result.ok) {
      if (result.error.code === 'KEY_CARD_KEY_CHANGED') setKeyChanged(String(result.error.params?.name ?? ''));
      else notifyError(result.error);
      return;
    }
    setKeyChanged(null);
    const { peer, outcome } = result.data;
    notifySuccess(t(outcome === 'same' ? 'exchangeKeys.importedSame' : 'exchangeKeys.imported', { name: peer.name }));
    onChanged();
    if (peer.status === 'pending') setConfirming(peer);
  };
  const confirmWithdraw = async () => {
    if (!withdrawing) return;
    const result = await withdraw.run({ id: withdrawing.id });
    if (!result.ok) return notifyError(result.error);
    notifySuccess(t('exchangeKeys.withdrawn', { name: withdrawing.name }));
    setWithdrawing(null);
    onChanged();
  };

  const current = peers.filter((p) => p.status === 'pending' || p.status === 'trusted');
  const history = peers.filter((p) => p.status === 'replaced' || p.status === 'withdrawn');
  return (
    <Paper withBorder radius="md" p="lg" maw={1080} mt="lg" aria-labelledby="peers-title">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h4" id="peers-title">
            {t(mode === 'centre' ? 'exchangeKeys.peersCentre' : 'exchangeKeys.peersFederation')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t(mode === 'centre' ? 'exchangeKeys.introCentre' : 'exchangeKeys.introFederation')}
          </Text>
        </div>
        <Button leftSection={<IconFileUpload size={16} />} loading={importCard.running} onClick={() => void pickAndImport(false)}>
          {t('exchangeKeys.importCard')}
        </Button>
      </Group>
      {current.length === 0 ? (
        <Text size="sm" c="dimmed" mt="md">
          {t('exchangeKeys.empty')}
        </Text>
      ) : (
        <PeerTable peers={current} onConfirm={setConfirming} onWithdraw={setWithdrawing} />
      )}
      {history.length > 0 && (
        <>
          <Text size="sm" fw={500} mt="lg">
            {t('exchangeKeys.history')}
          </Text>
          <PeerTable peers={history} />
        </>
      )}
      <ConfirmPeerModal
        peer={confirming}
        onClose={() => setConfirming(null)}
        onDone={() => {
          setConfirming(null);
          onChanged();
        }}
      />
      <Modal opened={keyChanged !== null} onClose={() => setKeyChanged(null)} title={t('exchangeKeys.keyChangedTitle')} centered>
        <Stack gap="md">
          <Alert color="red">{t('errors.KEY_CARD_KEY_CHANGED', { name: keyChanged ?? '' })}</Alert>
          <Text size="sm">{t('exchangeKeys.startOverBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setKeyChanged(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={importCard.running} onClick={() => void pickAndImport(true)}>
              {t('exchangeKeys.startOver')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={withdrawing !== null}
        onClose={withdraw.running ? () => undefined : () => setWithdrawing(null)}
        title={withdrawing ? t('exchangeKeys.withdrawTitle', { name: withdrawing.name }) : ''}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('exchangeKeys.withdrawBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)} disabled={withdraw.running}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={withdraw.running} onClick={() => void confirmWithdraw()}>
              {t('exchangeKeys.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function PeerTable({
  peers,
  onConfirm,
  onWithdraw,
}: {
  peers: PeerInfo[];
  onConfirm?: (p: PeerInfo) => void;
  onWithdraw?: (p: PeerInfo) => void;
}) {
  const t = useT();
  return (
    <Table mt="md" verticalSpacing="sm" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('exchangeKeys.name')}</Table.Th>
          <Table.Th>{t('exchangeKeys.fingerprint')}</Table.Th>
          <Table.Th>{t('exchangeKeys.status')}</Table.Th>
          <Table.Th>{t('exchangeKeys.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {peers.map((peer) => (
          <Table.Tr key={peer.id} data-testid="peer-row">
            <Table.Td>
              <Text size="sm" fw={500}>
                {peer.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('exchangeKeys.cardDetails', { code: peer.code, region: peer.region, mode: t(`modes.${peer.mode}`) })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-line' }}>
                {formatFingerprint(peer.fingerprint, true)}
              </Text>
              {peer.replaces && (
                <Text size="xs" c="orange" data-testid="peer-key-change">
                  {t('exchangeKeys.keyChange', {
                    change: t(`peerChanges.${peer.change}`),
                    fingerprint: peer.replaces.fingerprint.join(' '),
                  })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[peer.status]} variant="light">
                {t(`peerStatuses.${peer.status}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('exchangeKeys.importedAt', { time: formatDateTime(peer.importedAt), user: peer.importedBy })}
              </Text>
              {peer.confirmedAt && (
                <Text size="xs" c="dimmed">
                  {t('exchangeKeys.confirmedAt', { time: formatDateTime(peer.confirmedAt), user: peer.confirmedBy ?? '' })}
                </Text>
              )}
              {peer.endedAt && (
                <Text size="xs" c="dimmed">
                  {t('exchangeKeys.endedAt', { status: t(`peerStatuses.${peer.status}`), time: formatDateTime(peer.endedAt) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap="xs">
                {peer.status === 'pending' && onConfirm && (
                  <Button size="xs" onClick={() => onConfirm(peer)}>
                    {t('exchangeKeys.confirm')}
                  </Button>
                )}
                <PrintButton channel="exchange.printPeerCard" input={{ id: peer.id }} label={t('exchangeKeys.print')} size="xs" />
                {onWithdraw && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => onWithdraw(peer)}>
                    {t('exchangeKeys.withdraw')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
