import { Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { POLICY_KEYS, type PolicyKey } from '@shared/domain/policy';
import { bridge } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';

/** What a federation usually sends: the 低保 lines and the aid caps (the keys that differ by policy, not by office). */
const USUAL_KEYS: PolicyKey[] = POLICY_KEYS.filter((k) => k === 'lowIncomeLine' || k.startsWith('aidYearCap'));
const NO_PROGRAMS = 'none';

/**
 * The years that have open programs, newest first, with how many: the core sends only a year's open programs, so the
 * clerk picks among those instead of typing a year (a mistyped year would send none, or clamp to another).
 */
function useOpenProgramYears(): { year: number; count: number }[] | null {
  const programs = useQuery('aid.programs', { includeClosed: false });
  if (!programs.data) return null;
  const counts = new Map<number, number>();
  for (const p of programs.data.programs) if (p.status === 'open') counts.set(p.year, (counts.get(p.year) ?? 0) + 1);
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
}

/** 导出政策文件 (federation, administrator): the keys and the year of programs to send; saved as a signed .bfp. */
export function ExportPolicyFileModal({ opened, today, onClose }: { opened: boolean; today: string; onClose: () => void }) {
  const t = useT();
  const exporting = useMutation('policyFile.export');
  const [keys, setKeys] = useState<string[]>(USUAL_KEYS);
  const years = useOpenProgramYears();
  const thisYear = Number(today.slice(0, 4));
  // Until the clerk picks: this year's programs if there are any, else none.
  const [picked, setPicked] = useState<string | null>(null);
  const year = picked ?? (years?.some((y) => y.year === thisYear) ? String(thisYear) : NO_PROGRAMS);

  const run = async () => {
    const result = await exporting.run({ keys: keys as PolicyKey[], programYear: year === NO_PROGRAMS ? null : Number(year) });
    if (!result.ok) return;
    const { file, issue, values, programs } = result.data;
    await bridge.saveFile(file).catch(() => undefined);
    notifySuccess(t('policyFile.exported', { issue, values, programs }));
    onClose();
  };

  const yearOptions = [
    ...(years ?? []).map(({ year: y, count }) => ({ value: String(y), label: t('policyFile.programYearOption', { year: y, count }) })),
    { value: NO_PROGRAMS, label: t('policyFile.noPrograms') },
  ];
  const missing = keys.length === 0 && year === NO_PROGRAMS ? [t('policyFile.needSomething')] : [];

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
        <Select
          label={t('policyFile.programYear')}
          description={years?.length === 0 ? t('policyFile.noOpenPrograms') : t('policyFile.programYearHint')}
          data={yearOptions}
          value={year}
          onChange={(v) => v && setPicked(v)}
          allowDeselect={false}
          disabled={years === null}
        />
        {exporting.error && <ErrorAlert error={exporting.error} />}
        <FormActions
          submitLabel={t('policyFile.exportDo')}
          loading={exporting.running}
          missing={missing}
          onSubmit={run}
          onCancel={onClose}
        />
      </Stack>
    </Modal>
  );
}
