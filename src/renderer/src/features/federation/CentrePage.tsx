import { Anchor, Tabs, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { CentreFilesTab } from './CentreFilesTab';
import { CentrePaymentsTab } from './CentrePaymentsTab';
import { filesFilterOf, paymentsFilterOf } from './centre-url-filters';
import { CentreRosterTab } from './CentreRosterTab';

const TABS = ['files', 'payments', 'roster'] as const;
type Tab = (typeof TABS)[number];

/**
 * One centre's records as it sent them, read-only: files, payments, roster. A link sets the tab and its filters in the
 * search params (?tab=payments&year=2026&status=paid; the home page's charts, dashboard-links.ts), read once when the
 * tab opens; changing a filter on the page does not rewrite them.
 */
export function CentrePage() {
  const t = useT();
  const code = decodeURIComponent(useParams().code ?? '');
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'files';
  // The header comes with the first page of files (the centre's name, and NOT_FOUND for a code this office lacks).
  const head = useQuery('federation.centreFiles', { centre: code, pageSize: 1 });
  return (
    <>
      <Anchor component={Link} to="/federation/centres" size="sm">
        {t('fedCentre.back')}
      </Anchor>
      <QueryStatus loading={head.loading && !head.data} error={head.error} onRetry={head.reload} />
      {head.data && (
        <>
          <PageHeader title={t('fedCentre.title', { name: head.data.centre.name })} />
          <Text size="sm" c="dimmed" mb="md">
            {head.data.centre.code} · {t('fedCentre.readOnly')}
          </Text>
          <Tabs value={tab} onChange={(next) => setParams(next ? { tab: next } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="files">{t('fedCentre.tabFiles')}</Tabs.Tab>
              <Tabs.Tab value="payments">{t('fedCentre.tabPayments')}</Tabs.Tab>
              <Tabs.Tab value="roster">{t('fedCentre.tabRoster')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="files">
              <CentreFilesTab key={params.toString()} code={code} initial={filesFilterOf(params)} />
            </Tabs.Panel>
            <Tabs.Panel value="payments">
              <CentrePaymentsTab key={params.toString()} code={code} initial={paymentsFilterOf(params)} />
            </Tabs.Panel>
            <Tabs.Panel value="roster">
              <CentreRosterTab code={code} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </>
  );
}
