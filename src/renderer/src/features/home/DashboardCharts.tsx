import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ALL_CENTRES } from '@shared/contract/reports';
import { useQuery } from '../../api/hooks';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { CentrePicker } from '../reports/CentrePicker';
import { CENTRE_LINKS, federationLinks } from './dashboard-links';
import { CentresCard } from './CentresCard';
import { HouseholdsCard } from './HouseholdsCard';
import { MonthlyCard } from './MonthlyCard';
import { ProgramsCard } from './ProgramsCard';

/**
 * The director's charts (dashboard.charts), below the to-dos: households in force and this year's budgets side by
 * side, the months of this year against last year's under them, so the first row reads at 1366 × 768 without a scroll
 * past the to-dos' cards. Every number is a link to its list (dashboard-links.ts). At a federation the charts count
 * one centre or all of them (the reports' CentrePicker), and a card of bars per centre comes first.
 */
export function DashboardCharts({ federation = false }: { federation?: boolean }) {
  const t = useT();
  const [centre, setCentre] = useState(ALL_CENTRES);
  const charts = useQuery('dashboard.charts', federation ? { centre } : {});
  const scope = charts.data?.federation;
  const links = federation ? federationLinks(centre === ALL_CENTRES ? null : centre, charts.data?.year) : CENTRE_LINKS;
  return (
    <Stack gap="md" component="section" aria-labelledby="dashboard-title">
      <Group justify="space-between" align="baseline">
        <Title order={2} id="dashboard-title">
          {t('dashboard.title')}
        </Title>
        {charts.data && (
          <Text size="sm" c="dimmed">
            {scope
              ? t('dashboard.asOfScope', {
                  date: charts.data.today,
                  scope: scope.centre === ALL_CENTRES ? t('reports.allCentres') : scope.label,
                })
              : t('dashboard.asOf', { date: charts.data.today })}
          </Text>
        )}
      </Group>
      {federation && (
        <Group align="flex-end" gap="md">
          <CentrePicker value={centre} onChange={setCentre} />
          {/* Why 各中心合计's numbers are not links, where a careless reader would click them. */}
          {centre === ALL_CENTRES && (
            <Text size="xs" c="dimmed" maw={420} pb={6}>
              {t('dashboard.allCentresHint')}
            </Text>
          )}
        </Group>
      )}
      <QueryStatus loading={charts.loading && !charts.data} error={charts.error} onRetry={charts.reload} />
      {charts.data && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {scope && <CentresCard federation={scope} year={charts.data.year} />}
            <HouseholdsCard households={charts.data.households} links={links} />
            {!scope && <ProgramsCard charts={charts.data} links={links} />}
          </SimpleGrid>
          <MonthlyCard charts={charts.data} links={links} />
          {scope && <ProgramsCard charts={charts.data} links={links} />}
        </>
      )}
    </Stack>
  );
}
