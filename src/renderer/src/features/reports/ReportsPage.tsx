import { Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { REPORT_TABLES, type ReportTablesInput } from '@shared/contract/reports';
import { useQuery } from '../../api/hooks';
import { todayIso } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { DrillModal } from './DrillModal';
import { PeriodPicker } from './PeriodPicker';
import { ReportSheetView } from './ReportSheetView';
import { defaultFields, periodOf, type PeriodFields } from './report-period-picker';

function requestOf(fields: PeriodFields): ReportTablesInput | null {
  const period = periodOf(fields);
  return period && fields.asOf ? { tables: [...REPORT_TABLES], period, asOf: fields.asOf } : null;
}

/**
 * 统计报表: a period and an as-of day, then one tab per table the core returns (every table it can compute), each a
 * ReportSheetView whose numbers open the list behind them. Computed on 生成报表 (and once on opening, for the
 * current quarter to today), never stored.
 */
export function ReportsPage() {
  const t = useT();
  const [today] = useState(todayIso);
  const [fields, setFields] = useState(() => defaultFields(today));
  const [request, setRequest] = useState(() => requestOf(defaultFields(today)));
  const [tab, setTab] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const report = useQuery('reports.tables', request!, { enabled: request !== null });
  const sheets = report.data?.sheets ?? [];
  const active = sheets.find((s) => s.name === tab)?.name ?? sheets[0]?.name ?? null;
  return (
    <>
      <PageHeader title={t('reports.title')} />
      <Stack gap="md">
        <PeriodPicker
          fields={fields}
          today={today}
          onChange={setFields}
          running={report.loading && request !== null}
          onRun={() => {
            const next = requestOf(fields);
            if (next && JSON.stringify(next) === JSON.stringify(request)) report.reload();
            else setRequest(next);
          }}
        />
        <QueryStatus loading={report.loading && !report.data} error={report.error} onRetry={report.reload} />
        {report.data && sheets.length === 0 && <Text c="dimmed">{t('reports.noSheets')}</Text>}
        {active && (
          <Tabs value={active} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="sm">
              {sheets.map((sheet) => (
                <Tabs.Tab key={sheet.name} value={sheet.name}>
                  {sheet.name}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {sheets.map((sheet) => (
              <Tabs.Panel key={sheet.name} value={sheet.name}>
                <ReportSheetView sheet={sheet} onDrill={(key) => setDrill(key)} />
              </Tabs.Panel>
            ))}
          </Tabs>
        )}
      </Stack>
      <DrillModal drillKey={drill} onClose={() => setDrill(null)} />
    </>
  );
}
