import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ChannelOutput } from '@shared/contract';
import { useT } from '../../i18n';
import { yuan } from '../aid/aid-format';
import { fedHouseholdsLink, fedPaymentsLink } from './dashboard-links';
import { LinkedBars } from './HouseholdsCard';

type Federation = NonNullable<ChannelOutput<'dashboard.charts'>['federation']>;

/**
 * What a federation's director reads first: a bar per centre of its households in force and of this year's aid paid,
 * whichever centre the charts below count; each bar opens that centre's files in force, or its payments of the year
 * filtered to 已发放 (the list's totals say the same count and sum).
 */
export function CentresCard({ federation, year }: { federation: Federation; year: number }) {
  const t = useT();
  const households = federation.centres.map((c) => ({ name: c.name, value: c.inForce, to: fedHouseholdsLink(c.code) }));
  const paid = federation.centres.map((c) => ({
    name: c.name,
    value: c.paidFen,
    to: fedPaymentsLink(c.code, { year: String(year), status: 'paid' }),
  }));
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('dashboard.centres')}>
      <Title order={3} size="h5" mb="xs">
        {t('dashboard.centres')}
      </Title>
      {federation.centres.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.centresNone')}
        </Text>
      ) : (
        <SimpleGrid cols={2} spacing="md">
          <Stack gap={4} data-testid="dashboard-centres-households">
            <Text size="sm" c="dimmed">
              {t('dashboard.centresInForce')}
            </Text>
            <LinkedBars bars={households} label={t('dashboard.centresInForce')} />
          </Stack>
          <Stack gap={4} data-testid="dashboard-centres-paid">
            <Text size="sm" c="dimmed">
              {t('dashboard.centresPaid', { year })}
            </Text>
            <LinkedBars bars={paid} label={t('dashboard.centresPaid', { year })} format={yuan} />
          </Stack>
        </SimpleGrid>
      )}
    </Card>
  );
}
