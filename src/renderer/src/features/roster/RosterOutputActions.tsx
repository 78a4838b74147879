import { Button, Menu } from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { bridge } from '../../api/client';
import { useJob } from '../../api/jobs';
import { useSession } from '../../app/session/session-context';
import { JobProgressBar } from '../../components/JobProgressBar';
import { notifyError } from '../../components/notify';
import { shortcut } from '../../components/shortcuts';
import { useT } from '../../i18n';
import { selectionOf, type RosterFilters } from './useRosterFilters';

/**
 * 导出 / 打印 of what the list shows. IDs stay masked; only an administrator can export full ones, and every export
 * or print is in the audit log. The printed PDF opens in the system viewer (a new tab in the browser) to print.
 */
export function RosterOutputActions({ filters }: { filters: RosterFilters }) {
  const t = useT();
  const { session } = useSession();
  const exporting = useJob('roster.export');
  const printing = useJob('roster.print');
  const selection = selectionOf(filters);

  const exportXlsx = async (fullIds: boolean) => {
    const result = await exporting.run({ ...selection, fullIds });
    if (result.ok) await bridge.saveFile(result.data).catch(() => undefined);
    else if (result.error.code !== 'JOB_CANCELLED') notifyError(result.error);
  };
  const print = async () => {
    const result = await printing.run(selection);
    if (result.ok) await bridge.openFile(result.data).catch(() => undefined);
    else if (result.error.code !== 'JOB_CANCELLED') notifyError(result.error);
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} loading={exporting.running}>
            {t('rosterOutput.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void exportXlsx(false)}>{t('rosterOutput.exportMasked')}</Menu.Item>
          {session.user.role === 'admin' && <Menu.Item onClick={() => void exportXlsx(true)}>{t('rosterOutput.exportFull')}</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      <Button
        variant="default"
        leftSection={<IconPrinter size={18} />}
        loading={printing.running}
        onClick={() => void print()}
        {...shortcut('print')}
      >
        {t('rosterOutput.print')}
      </Button>
      {(exporting.running || printing.running) && (
        <JobProgressBar
          label={exporting.running ? t('rosterOutput.exporting') : t('rosterOutput.printing')}
          progress={exporting.running ? exporting.progress : printing.progress}
          onCancel={exporting.running ? exporting.cancel : printing.cancel}
        />
      )}
    </>
  );
}
