import { Anchor, Box, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { BarsList } from '@mantine/charts';
import { Link } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { useT } from '../../i18n';
import type { ChartLinks } from './dashboard-links';

type Households = ChannelOutput<'dashboard.charts'>['households'];

/**
 * One bar per category or cause, each bar a link to the files it counts (its name and number read aloud); at a
 * federation's 各中心合计 no list holds them all, and the bars are not links.
 */
export function LinkedBars({
  bars,
  label,
  format,
}: {
  bars: { name: string; value: number; to?: string }[];
  label: string;
  /** How a value reads (households by default). */
  format?: (value: number) => string;
}) {
  const t = useT();
  const read = format ?? ((value: number) => t('dashboard.householdsCount', { count: value }));
  const links = new Map(bars.map((bar) => [bar.name, bar.to]));
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <BarsList
      aria-label={label}
      data={bars.map(({ name, value }) => ({ name, value }))}
      barHeight={24}
      barGap={4}
      barTextColor="dark"
      // The name spans the whole row up to the number, the bar drawn behind it as a gradient of its share: a long
      // name (the English causes) is cut with … where BarsList's own label, as wide as its bar, ran into the number;
      // a bar of 0 still shows its name.
      getBarProps={(bar) => {
        const share = `${(bar.value / max) * 100}%`;
        return {
          style: {
            flex: '1 1 0',
            minWidth: 0,
            width: 'auto',
            display: 'block',
            lineHeight: '24px',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            padding: '0 8px',
            backgroundColor: 'transparent',
            backgroundImage: `linear-gradient(to right, var(--mantine-color-blue-2) ${share}, transparent ${share})`,
          },
          title: bar.name,
        };
      }}
      valueFormatter={(value) => read(value)}
      renderBar={(bar, defaultBar) =>
        links.get(bar.name) === undefined ? (
          <Box key={bar.name} aria-label={`${bar.name}：${read(bar.value)}`}>
            {defaultBar}
          </Box>
        ) : (
          <Anchor
            key={bar.name}
            component={Link}
            to={links.get(bar.name)!}
            underline="never"
            aria-label={`${bar.name}：${read(bar.value)}`}
            className="dashboard-bar"
          >
            {defaultBar}
          </Anchor>
        )
      }
    />
  );
}

/** 在档困难职工 (含复核中): the total, by category and by main cause, each number a link to the files list. */
export function HouseholdsCard({ households, links }: { households: Households; links: ChartLinks }) {
  const t = useT();
  const categories = households.byCategory.map((c) => ({
    name: t(`hardshipCategories.${c.category}`),
    value: c.count,
    to: links.households({ category: c.category }),
  }));
  const causes = households.byCause.map((c) => ({
    name: c.cause ? t(`causes.${c.cause}`) : t('dashboard.noCause'),
    value: c.count,
    to: links.households({ cause: c.cause }),
  }));
  const parts = (bars: { name: string; value: number }[]) => bars.map((b) => `${b.name} ${b.value}`).join(t('common.listJoin'));
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('dashboard.households')}>
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={3} size="h5">
          {t('dashboard.households')}
        </Title>
        {links.households() === undefined ? (
          <Text fw={600} data-testid="dashboard-households-total">
            {t('dashboard.householdsTotal', { count: households.total })}
          </Text>
        ) : (
          <Anchor component={Link} to={links.households()!} fw={600} data-testid="dashboard-households-total">
            {t('dashboard.householdsTotal', { count: households.total })}
          </Anchor>
        )}
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <Stack gap={4} role="group" aria-label={t('dashboard.chartCategories', { parts: parts(categories) })}>
          <Text size="sm" c="dimmed">
            {t('dashboard.byCategory')}
          </Text>
          <LinkedBars bars={categories} label={t('dashboard.byCategory')} />
        </Stack>
        <Stack gap={4} role="group" aria-label={t('dashboard.chartCauses', { parts: parts(causes) })}>
          <Text size="sm" c="dimmed">
            {t('dashboard.byCause')}
          </Text>
          {causes.length > 0 ? <LinkedBars bars={causes} label={t('dashboard.byCause')} /> : <Text size="sm">—</Text>}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
