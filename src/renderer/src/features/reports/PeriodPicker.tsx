import { Button, Group, NumberInput, SegmentedControl, Select, Text } from '@mantine/core';
import { periodDays } from '@shared/domain/report-period';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { useT } from '../../i18n';
import { asOfFor, periodOf, periodProblem, type PeriodFields } from './report-period-picker';

interface PeriodPickerProps {
  fields: PeriodFields;
  today: string;
  onChange: (fields: PeriodFields) => void;
  onRun: () => void;
  running: boolean;
}

const KINDS = ['month', 'quarter', 'year', 'range'] as const;

/**
 * 期间: a month, a quarter, a year or a from–to range, and the 截至 day the records are read as of. A new period
 * moves 截至 to today (or to the period's first day when it has not begun); the clerk may set it after.
 */
export function PeriodPicker({ fields, today, onChange, onRun, running }: PeriodPickerProps) {
  const t = useT();
  const change = (more: Partial<PeriodFields>) => {
    const next = { ...fields, ...more };
    const period = periodOf(next);
    onChange(period ? { ...next, asOf: asOfFor(period, today) } : next);
  };
  const problem = periodProblem(fields);
  const period = periodOf(fields);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('reports.periodKind')}
        value={fields.kind}
        onChange={(kind) => change({ kind: kind as PeriodFields['kind'] })}
        data={KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
      />
      {fields.kind !== 'range' && (
        <NumberInput
          label={t('reports.year')}
          value={fields.year}
          onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && change({ year: v })}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={96}
        />
      )}
      {fields.kind === 'quarter' && (
        <Select
          label={t('reports.quarter')}
          value={String(fields.quarter)}
          onChange={(v) => v && change({ quarter: Number(v) as PeriodFields['quarter'] })}
          data={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('reports.quarterName', { n: String(n) }) }))}
          allowDeselect={false}
          w={120}
        />
      )}
      {fields.kind === 'month' && (
        <Select
          label={t('reports.month')}
          value={String(fields.month)}
          onChange={(v) => v && change({ month: Number(v) })}
          data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('reports.monthName', { n: String(i + 1) }) }))}
          allowDeselect={false}
          w={100}
        />
      )}
      {fields.kind === 'range' && (
        <>
          <ClerkDateInput
            label={t('reports.from')}
            valueFormat="YYYY-MM-DD"
            value={fields.from}
            onChange={(v) => change({ from: v })}
            w={140}
            compact
          />
          <ClerkDateInput
            label={t('reports.to')}
            valueFormat="YYYY-MM-DD"
            value={fields.to}
            onChange={(v) => change({ to: v })}
            w={140}
            compact
          />
        </>
      )}
      <ClerkDateInput
        label={t('reports.asOf')}
        title={t('reports.asOfHint')}
        valueFormat="YYYY-MM-DD"
        value={fields.asOf}
        onChange={(v) => onChange({ ...fields, asOf: v ?? '' })}
        w={140}
        compact
      />
      <Button onClick={onRun} disabled={problem !== null} loading={running}>
        {t('reports.run')}
      </Button>
      {problem && (
        <Text size="sm" c="red" role="status" maw={320}>
          {t(`reports.problems.${problem}`, { from: period ? periodDays(period).from : '' })}
        </Text>
      )}
    </Group>
  );
}
