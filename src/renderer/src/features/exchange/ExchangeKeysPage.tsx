import { Text } from '@mantine/core';
import { useQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { OwnKeyCardPanel } from './OwnKeyCardPanel';
import { PeersPanel } from './PeersPanel';

/** 交换密钥 (administrator): this office's key card, and the other offices' cards it imported and trusts. */
export function ExchangeKeysPage() {
  const t = useT();
  const peers = useQuery('exchange.peers', {});
  return (
    <>
      <PageHeader title={t('exchangeKeys.title')} />
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('exchangeKeys.intro')}
      </Text>
      <OwnKeyCardPanel mode={peers.data?.mode} />
      <QueryStatus loading={peers.loading && !peers.data} error={peers.error} onRetry={peers.reload} />
      {peers.data && <PeersPanel mode={peers.data.mode} peers={peers.data.peers} onChanged={peers.reload} />}
    </>
  );
}
