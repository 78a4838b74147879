import { Button, Menu } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { ChannelInput } from '@shared/contract';
import { bridge } from '../../api/client';
import { useJob } from '../../api/jobs';
import { useSession } from '../../app/session/session-context';
import { JobProgressBar } from '../../components/JobProgressBar';
import { notifyError } from '../../components/notify';
import { useT } from '../../i18n';

type Selection = Omit<ChannelInput<'files.export'>, 'fullIds'>;

/**
 * 导出台账 of what the file list shows (its search and filters), as the roster's export: IDs masked; only an
 * administrator can export full ones, and every export is in the audit log.
 */
export function FilesOutputActions({ selection }: { selection: Selection }) {
  const t = useT();
  const { session } = useSession();
  const exporting = useJob('files.export');

  const exportXlsx = async (fullIds: boolean) => {
    const result = await exporting.run({ ...selection, fullIds });
    if (result.ok) await bridge.saveFile(result.data).catch(() => undefined);
    else if (result.error.code !== 'JOB_CANCELLED') notifyError(result.error);
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} loading={exporting.running}>
            {t('fileSearch.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void exportXlsx(false)}>{t('fileSearch.exportMasked')}</Menu.Item>
          {session.user.role === 'admin' && <Menu.Item onClick={() => void exportXlsx(true)}>{t('fileSearch.exportFull')}</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      {exporting.running && <JobProgressBar label={t('fileSearch.exporting')} progress={exporting.progress} onCancel={exporting.cancel} />}
    </>
  );
}
