import { Button, Group, Modal, MultiSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { POLICY_KEYS, type PolicyKey } from '@shared/domain/policy';
import { bridge } from '../../api/client';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';

/** What a federation usually sends: the 低保 lines and the aid caps (the keys that differ by policy, not by office). */
const USUAL_KEYS: PolicyKey[] = POLICY_KEYS.filter((k) => k === 'lowIncomeLine' || k.startsWith('aidYearCap'));

/** 导出政策文件 (federation, administrator): the keys and the year of programs to send; saved as a signed .bfp. */
export function ExportPolicyFileModal({ opened, today, onClose }: { opened: boolean; today: string; onClose: () => void }) {
  const t = useT();
  const exporting = useMutation('policyFile.export');
  const [keys, setKeys] = useState<string[]>(USUAL_KEYS);
  const [year, setYear] = useState<number | ''>(Number(today.slice(0, 4)));

  const run = async () => {
    const result = await exporting.run({ keys: keys as PolicyKey[], programYear: year === '' ? null : year });
    if (!result.ok) return;
    const { file, issue, values, programs } = result.data;
    await bridge.saveFile(file).catch(() => undefined);
    notifySuccess(t('policyFile.exported', { issue, values, programs }));
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('policyFile.exportTitle')} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('policyFile.exportHint')}
        </Text>
        <MultiSelect
          label={t('policyFile.keys')}
          description={t('policyFile.keysHint')}
          data={POLICY_KEYS.map((k) => ({ value: k, label: t(`policyKeys.${k}`) }))}
          value={keys}
          onChange={setKeys}
          clearable
          searchable
        />
        <NumberInput
          label={t('policyFile.programYear')}
          description={t('policyFile.programYearHint')}
          value={year}
          onChange={(v) => setYear(typeof v === 'number' ? v : '')}
          min={2000}
          max={2100}
          allowDecimal={false}
        />
        {exporting.error && <ErrorAlert error={exporting.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={exporting.running} onClick={() => void run()}>
            {t('policyFile.exportDo')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
