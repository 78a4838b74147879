import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '../../api/hooks';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { HouseholdsCard } from './HouseholdsCard';
import { MonthlyCard } from './MonthlyCard';
import { ProgramsCard } from './ProgramsCard';

/**
 * The director's charts (dashboard.charts), below the to-dos: households in force and this year's budgets side by
 * side, the months of this year against last year's under them, so the first row reads at 1366 × 768 without a scroll
 * past the to-dos' cards. Every number is a link to its list (dashboard-links.ts).
 */
export function DashboardCharts() {
  const t = useT();
  const charts = useQuery('dashboard.charts', {});
  return (
    <Stack gap="md" component="section" aria-labelledby="dashboard-title">
      <Group justify="space-between" align="baseline">
        <Title order={2} id="dashboard-title">
          {t('dashboard.title')}
        </Title>
        {charts.data && (
          <Text size="sm" c="dimmed">
            {t('dashboard.asOf', { date: charts.data.today })}
          </Text>
        )}
      </Group>
      <QueryStatus loading={charts.loading && !charts.data} error={charts.error} onRetry={charts.reload} />
      {charts.data && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <HouseholdsCard households={charts.data.households} />
            <ProgramsCard charts={charts.data} />
          </SimpleGrid>
          <MonthlyCard charts={charts.data} />
        </>
      )}
    </Stack>
  );
}
