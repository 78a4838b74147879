import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { Link, useNavigate } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { formatYuan } from '../../components/money';
import { useT } from '../../i18n';
import { yuan } from '../aid/aid-format';
import type { ChartLinks } from './dashboard-links';

type Charts = ChannelOutput<'dashboard.charts'>;
type Program = Charts['programs'][number];

/** Used share of the budget in whole percent (rounded down: 99.9% is not yet all of it); null without a budget. */
function usedPercent(p: Program): number | null {
  if (p.budgetFen === null || p.budgetFen === 0) return null;
  return Math.floor(((p.paidFen + p.unpaidFen) * 100) / p.budgetFen);
}

/**
 * This year's programs: paid, pending or approved, and the budget left, as stacked bars (a program over its budget
 * has nothing left and its row says by how much); under them each number is a link to the program's payments.
 */
export function ProgramsCard({ charts, links }: { charts: Charts; links: ChartLinks }) {
  const t = useT();
  const navigate = useNavigate();
  const { programs, year } = charts;
  const data = programs.map((p) => ({
    name: p.name,
    paid: p.paidFen / 100,
    unpaid: p.unpaidFen / 100,
    left: p.budgetFen === null ? 0 : Math.max(0, p.budgetFen - p.paidFen - p.unpaidFen) / 100,
  }));
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('dashboard.programs', { year })}>
      <Title order={3} size="h5" mb="xs">
        {t('dashboard.programs', { year })}
      </Title>
      {programs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.programsNone', { year })}
        </Text>
      ) : (
        <>
          <BarChart
            h={Math.min(220, 50 + programs.length * 28)}
            data={data}
            dataKey="name"
            type="stacked"
            orientation="vertical"
            yAxisProps={{ width: 110 }}
            series={[
              { name: 'paid', label: t('dashboard.paid'), color: 'teal.6' },
              { name: 'unpaid', label: t('dashboard.unpaid'), color: 'orange.5' },
              { name: 'left', label: t('dashboard.left'), color: 'gray.3' },
            ]}
            valueFormatter={(value) => yuan(Math.round(value * 100))}
            role="img"
            aria-label={t('dashboard.chartPrograms', { year })}
            barProps={{ cursor: 'pointer', onClick: (_: unknown, index: number) => navigate(links.program(programs[index]!)) }}
          />
          <Table fz="xs" verticalSpacing={2} horizontalSpacing={4} mt="xs" data-testid="dashboard-programs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.program')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.budget')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.paid')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.unpaid')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.used')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {programs.map((p) => {
                const percent = usedPercent(p);
                const over = p.budgetFen !== null && p.paidFen + p.unpaidFen > p.budgetFen;
                return (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={links.program(p)} size="xs">
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{p.budgetFen === null ? t('dashboard.noBudget') : formatYuan(p.budgetFen)}</Table.Td>
                    <Table.Td ta="right">
                      <Anchor
                        component={Link}
                        to={links.program(p, 'paid')}
                        size="xs"
                        aria-label={`${p.name} ${t('dashboard.paid')}：${yuan(p.paidFen)}`}
                      >
                        {formatYuan(p.paidFen)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Anchor
                        component={Link}
                        to={links.program(p)}
                        size="xs"
                        aria-label={`${p.name} ${t('dashboard.unpaid')}：${yuan(p.unpaidFen)}`}
                      >
                        {formatYuan(p.unpaidFen)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right" c={over ? 'red' : undefined} fw={over ? 600 : undefined}>
                      {percent === null ? '—' : `${percent}%`}
                      {over && ` ${t('dashboard.overBudget')} ${formatYuan(p.paidFen + p.unpaidFen - p.budgetFen!)}`}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
