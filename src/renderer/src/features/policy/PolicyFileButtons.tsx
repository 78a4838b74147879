import { Button } from '@mantine/core';
import { IconFileExport, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { notifyError } from '../../components/notify';
import { pickFileOrNotify } from '../../components/pick-file';
import { useT } from '../../i18n';
import { ExportPolicyFileModal } from './ExportPolicyFileModal';
import { PolicyFilePreviewModal, type PolicyFileUpload } from './PolicyFilePreviewModal';

/** A policy file is a few kilobytes; the core refuses more than this too. */
const MAX_POLICY_FILE_BYTES = 16 * 1024 * 1024;

/** 导出政策文件 on a federation's policy page, 导入政策文件 on a centre's (administrators; issue 12). */
export function PolicyFileButtons({ today, onImported }: { today: string; onImported: () => void }) {
  const t = useT();
  const { org } = useSession();
  const preview = useMutation('policyFile.preview');
  const [exporting, setExporting] = useState(false);
  const [file, setFile] = useState<PolicyFileUpload | null>(null);

  const pick = async () => {
    const upload = await pickFileOrNotify({ accept: ['.bfp'], maxBytes: MAX_POLICY_FILE_BYTES });
    if (!upload) return;
    const input = { uploadId: upload.uploadId, fileName: upload.name };
    const result = await preview.run(input);
    if (!result.ok) return notifyError(result.error);
    setFile({ ...input, plan: result.data });
  };

  if (org?.mode === 'federation') {
    return (
      <>
        <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)}>
          {t('policyFile.export')}
        </Button>
        {/* Mounted only while open: each opening starts from the usual keys and reads the programs afresh. */}
        {exporting && <ExportPolicyFileModal opened today={today} onClose={() => setExporting(false)} />}
      </>
    );
  }
  return (
    <>
      <Button variant="default" leftSection={<IconFileUpload size={16} />} loading={preview.running} onClick={() => void pick()}>
        {t('policyFile.import')}
      </Button>
      <PolicyFilePreviewModal
        file={file}
        onClose={() => setFile(null)}
        onImported={() => {
          setFile(null);
          onImported();
        }}
      />
    </>
  );
}
