import { Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { ALL_CENTRES, REPORT_TABLES, type ReportTablesInput } from '@shared/contract/reports';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { todayIso } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { CentrePicker } from './CentrePicker';
import { DrillModal } from './DrillModal';
import { ExportReportButtons } from './ExportReportButtons';
import { PeriodPicker } from './PeriodPicker';
import { ReportSheetView } from './ReportSheetView';
import { defaultFields, periodOf, type PeriodFields } from './report-period-picker';

/** `centre`: federation mode only (a centre sends none: its reports count its own records). */
function requestOf(fields: PeriodFields, centre: string | undefined): ReportTablesInput | null {
  const period = periodOf(fields);
  return period && fields.asOf ? { tables: [...REPORT_TABLES], period, asOf: fields.asOf, ...(centre ? { centre } : {}) } : null;
}

/**
 * 统计报表: a period and an as-of day, then one tab per table the core returns (every table it can compute), each a
 * ReportSheetView whose numbers open the list behind them. Computed on 生成报表 (and once on opening, for the
 * current quarter to today), never stored. In federation mode a centre picker chooses whose records are counted:
 * 各中心合计 (the default) or one centre.
 */
export function ReportsPage() {
  const t = useT();
  const { org } = useSession();
  const federation = org?.mode === 'federation';
  const [today] = useState(todayIso);
  const [fields, setFields] = useState(() => defaultFields(today));
  const [picked, setPicked] = useState<string>(ALL_CENTRES);
  const centre = federation ? picked : undefined;
  const [asked, setRequest] = useState(() => requestOf(defaultFields(today), undefined));
  // The session's org may arrive after the first render: the centre is added to the request when it is known.
  const request = asked && centre !== undefined ? { ...asked, centre: asked.centre ?? centre } : asked;
  const [tab, setTab] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const report = useQuery('reports.tables', request!, { enabled: request !== null });
  const sheets = report.data?.sheets ?? [];
  const active = sheets.find((s) => s.name === tab)?.name ?? sheets[0]?.name ?? null;
  return (
    <>
      <PageHeader title={t('reports.title')}>
        {request && report.data && (
          <ExportReportButtons
            tables={request.tables}
            period={request.period}
            asOf={request.asOf}
            centre={request.centre}
            disabled={report.loading}
          />
        )}
      </PageHeader>
      <Stack gap="md">
        {centre !== undefined && (
          <CentrePicker
            value={centre}
            onChange={(next) => {
              setPicked(next);
              // The period last run, for the centre now picked (the fields being typed wait for 生成报表).
              if (request) setRequest({ ...request, centre: next });
            }}
          />
        )}
        <PeriodPicker
          fields={fields}
          today={today}
          onChange={setFields}
          running={report.loading && request !== null}
          onRun={() => {
            const next = requestOf(fields, centre);
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
      <DrillModal drillKey={drill} centre={request?.centre} onClose={() => setDrill(null)} />
    </>
  );
}
