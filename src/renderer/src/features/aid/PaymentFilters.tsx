import { Group, Select } from '@mantine/core';
import type { PaymentFilters as Filters } from '@shared/contract/aid-types';
import { AID_TYPES, PAYMENT_STATUSES } from '@shared/domain/aid';
import { useQuery } from '../../api/hooks';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { UnitFilterSelect } from '../../components/UnitFilterSelect';
import { useT } from '../../i18n';

/** The payments list's filters: program, batch (of that program), type, status, unit, entered from–to. */
export function PaymentFilters({ filters, onChange }: { filters: Filters; onChange: (change: Partial<Filters>) => void }) {
  const t = useT();
  const programs = useQuery('aid.programs', { includeClosed: true });
  const batches = useQuery('aid.batches', filters.programId ? { programId: filters.programId } : {});
  const all = t('common.all');
  return (
    // Top-aligned: a date's message under its field must not lift the fields beside it (1366×768 fits one row).
    <Group gap="xs" align="flex-start" mb="md">
      <Select
        label={t('aidPayments.program')}
        placeholder={all}
        data={(programs.data?.programs ?? []).map((p) => ({ value: p.id, label: `${p.year} ${p.name}` }))}
        value={filters.programId ?? null}
        onChange={(id) => onChange({ programId: id ?? undefined, batchId: undefined })}
        searchable
        clearable
        w={170}
      />
      <Select
        label={t('aidPayments.batch')}
        placeholder={all}
        data={(batches.data?.batches ?? []).map((b) => ({ value: b.id, label: b.name }))}
        value={filters.batchId ?? null}
        onChange={(id) => onChange({ batchId: id ?? undefined })}
        searchable
        clearable
        w={150}
      />
      <Select
        label={t('aidPayments.type')}
        placeholder={all}
        data={AID_TYPES.map((type) => ({ value: type, label: t(`aidTypes.${type}`) }))}
        value={filters.type ?? null}
        onChange={(type) => onChange({ type: (type as Filters['type']) ?? undefined })}
        clearable
        w={110}
      />
      <Select
        label={t('aidPayments.status')}
        placeholder={all}
        data={PAYMENT_STATUSES.map((status) => ({ value: status, label: t(`paymentStatuses.${status}`) }))}
        value={filters.status ?? null}
        onChange={(status) => onChange({ status: (status as Filters['status']) ?? undefined })}
        clearable
        w={110}
      />
      <UnitFilterSelect
        kind="employer"
        label={t('aidPayments.unit')}
        value={filters.unitId ?? ''}
        onChange={(id) => onChange({ unitId: id || undefined })}
        w={200}
      />
      <ClerkDateInput
        label={t('aidPayments.from')}
        value={filters.from ?? null}
        onChange={(d) => onChange({ from: d ?? undefined })}
        clearable
        compact
        w={150}
      />
      <ClerkDateInput
        label={t('aidPayments.to')}
        value={filters.to ?? null}
        onChange={(d) => onChange({ to: d ?? undefined })}
        clearable
        compact
        w={150}
      />
    </Group>
  );
}
