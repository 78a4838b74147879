import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReportTableId } from '@shared/contract/reports';
import type { ReportFormat } from '@shared/contract/reports-export';
import type { ReportPeriod } from '@shared/domain/report-period';
import { bridge } from '../../api/client';
import { useJob } from '../../api/jobs';
import { notifyError } from '../../components/notify';
import { useT } from '../../i18n';

export interface ExportReportButtonsProps {
  /** The tables to write, in any order (the file follows REPORT_TABLES' order). */
  tables: ReportTableId[];
  period: ReportPeriod;
  /** YYYY-MM-DD: the day the numbers are computed as of. */
  asOf: string;
  /** Federation mode: the centre, or 'all' (the file names it under each title). */
  centre?: string;
  /** While the period or day on screen is not valid, or the tables are being computed. */
  disabled?: boolean;
}

/**
 * 导出 Excel / 导出 PDF of the report tables on screen: the core computes them again as of the day (the file carries
 * the moment it was computed) and writes one workbook or PDF; the host saves it (a save dialog in the desktop program,
 * a download in the browser), as the roster's export does.
 */
export function ExportReportButtons({ tables, period, asOf, centre, disabled }: ExportReportButtonsProps) {
  const t = useT();
  const exporting = useJob('reports.export');
  const [format, setFormat] = useState<ReportFormat | null>(null);

  const run = async (as: ReportFormat) => {
    setFormat(as);
    try {
      const result = await exporting.run({ tables, period, asOf, ...(centre ? { centre } : {}), format: as });
      if (result.ok) await bridge.saveFile(result.data).catch(() => undefined);
      else if (result.error.code !== 'JOB_CANCELLED') notifyError(result.error);
    } finally {
      setFormat(null);
    }
  };
  const off = disabled || tables.length === 0 || (exporting.running && format === null);

  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={18} />}
        loading={format === 'xlsx'}
        disabled={off || format === 'pdf'}
        onClick={() => void run('xlsx')}
      >
        {t('reportsExport.xlsx')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={18} />}
        loading={format === 'pdf'}
        disabled={off || format === 'xlsx'}
        onClick={() => void run('pdf')}
      >
        {t('reportsExport.pdf')}
      </Button>
    </Group>
  );
}
