import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { Link, useNavigate } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { AID_TYPES, type AidType } from '@shared/domain/aid';
import { formatYuan } from '../../components/money';
import { useT } from '../../i18n';
import { yuan } from '../aid/aid-format';
import type { ChartLinks } from './dashboard-links';

type Charts = ChannelOutput<'dashboard.charts'>;

/** A colour per type, the same in every chart. */
export const TYPE_COLORS: Record<AidType, string> = {
  living: 'blue.6',
  medical: 'red.6',
  education: 'teal.6',
  festival: 'orange.6',
  emergency: 'grape.6',
  accident: 'yellow.7',
  employment: 'cyan.6',
};

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const LAST_YEAR = 'lastYear';

/**
 * This year's aid by month, stacked by type, each month beside last year's same month (gray); under it the numbers,
 * every one a link to the payments it sums (the month's days and the type). A month still to come is left empty.
 */
export function MonthlyCard({ charts, links }: { charts: Charts; links: ChartLinks }) {
  const t = useT();
  const navigate = useNavigate();
  const { year, today, monthly } = charts;
  const lastYear = year - 1;
  const fen = (y: number, month?: number, type?: AidType) =>
    monthly
      .filter((r) => r.year === y && (month === undefined || r.month === month) && (type === undefined || r.type === type))
      .reduce((sum, r) => sum + r.amountFen, 0);
  const types = AID_TYPES.filter((type) => monthly.some((r) => r.year === year && r.type === type));
  const monthsSoFar = MONTHS.filter((m) => `${year}-${String(m).padStart(2, '0')}-01` <= today);
  const data = MONTHS.map((month) => ({
    month: t('dashboard.month', { month }),
    ...Object.fromEntries(types.map((type) => [type, fen(year, month, type) / 100])),
    [LAST_YEAR]: fen(lastYear, month) / 100,
  }));
  const series = [
    ...types.map((type) => ({ name: type, label: t(`aidTypes.${type}`), color: TYPE_COLORS[type], stackId: 'this' })),
    { name: LAST_YEAR, label: t('dashboard.lastYearSeries', { year: lastYear }), color: 'gray.4', stackId: 'last' },
  ];
  const cell = (amount: number, to: string | undefined, label: string) =>
    amount === 0 ? (
      <Text span size="xs" c="dimmed">
        0
      </Text>
    ) : to === undefined ? (
      <Text span size="xs" aria-label={`${label}：${yuan(amount)}`}>
        {formatYuan(amount)}
      </Text>
    ) : (
      <Anchor component={Link} to={to} size="xs" aria-label={`${label}：${yuan(amount)}`}>
        {formatYuan(amount)}
      </Anchor>
    );
  const row = (label: string, y: number, type?: AidType) => (
    <Table.Tr key={`${y}-${type ?? 'all'}`}>
      <Table.Th fz="xs">{label}</Table.Th>
      {MONTHS.map((m) => (
        <Table.Td key={m} ta="right">
          {y === year && !monthsSoFar.includes(m)
            ? ''
            : cell(fen(y, m, type), links.month(y, m, today, type), `${label} ${t('dashboard.month', { month: m })}`)}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={600}>
        {cell(fen(y, undefined, type), links.year(y, today, type), `${label} ${t('dashboard.yearTotal')}`)}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('dashboard.monthly', { year, lastYear })}>
      <Title order={3} size="h5" mb="xs">
        {t('dashboard.monthly', { year, lastYear })}
      </Title>
      {monthly.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.monthlyNone', { year, lastYear })}
        </Text>
      ) : (
        <>
          <BarChart
            h={200}
            data={data}
            dataKey="month"
            // Wide enough for ¥1,000,000.00.
            yAxisProps={{ width: 100 }}
            series={series}
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 24 }}
            valueFormatter={(value) => yuan(Math.round(value * 100))}
            role="img"
            aria-label={t('dashboard.chartMonthly', { year, lastYear })}
            barProps={(s) => {
              const to = (index: number) =>
                s.name === LAST_YEAR ? links.month(lastYear, index + 1, today) : links.month(year, index + 1, today, s.name as AidType);
              return links.month(year, 1, today) === undefined
                ? {}
                : { cursor: 'pointer', onClick: (_: unknown, index: number) => void navigate(to(index)!) };
            }}
          />
          <Table.ScrollContainer minWidth={900} mt="xs">
            <Table fz="xs" verticalSpacing={2} horizontalSpacing={4} withRowBorders={false} data-testid="dashboard-monthly">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th fz="xs">{t('dashboard.type')}</Table.Th>
                  {MONTHS.map((m) => (
                    <Table.Th key={m} fz="xs" ta="right">
                      {t('dashboard.month', { month: m })}
                    </Table.Th>
                  ))}
                  <Table.Th fz="xs" ta="right">
                    {t('dashboard.yearTotal')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {types.map((type) => row(t(`aidTypes.${type}`), year, type))}
                {row(t('dashboard.thisYearTotal', { year }), year)}
                {row(t('dashboard.lastYearTotal', { year: lastYear }), lastYear)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
