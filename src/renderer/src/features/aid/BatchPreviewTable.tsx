import { Badge, Button, Group, Text } from '@mantine/core';
import type { BatchRow } from '@shared/contract/aid-types';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { useT } from '../../i18n';
import { yuan } from './aid-format';
import type { RowDecision } from './RowDecisionModal';
import { suggestionText } from './suggestion-text';

/** A preview row's key: the file, and the student for 助学 (one row each). */
export const rowKey = (row: Pick<BatchRow, 'fileId' | 'studentId'>) => `${row.fileId}|${row.studentId ?? ''}`;
export const rowWho = (row: BatchRow) => (row.studentName ? `${row.headName}（${row.studentName}）` : row.headName);

interface BatchPreviewTableProps {
  rows: BatchRow[];
  decisions: Map<string, RowDecision>;
  /** Eligible rows carry the exclude / adjust buttons; the ineligible list only says why. */
  eligible: boolean;
  onDecide?: (row: BatchRow, mode: 'exclude' | 'adjust') => void;
  onUndo?: (row: BatchRow) => void;
  busy?: boolean;
  label: string;
}

/** The files a batch would pay, each with its suggested amount and the reason in words, or why it is left out. */
export function BatchPreviewTable({ rows, decisions, eligible, onDecide, onUndo, busy, label }: BatchPreviewTableProps) {
  const t = useT();
  const columns: DataColumn<BatchRow>[] = [
    {
      key: 'head',
      header: t('aidBatch.head'),
      width: 210,
      render: (r) => (
        <>
          <Text size="sm">{rowWho(r)}</Text>
          <Text size="xs" c="dimmed">
            {[r.fileNo, r.category ? t(`hardshipCategories.${r.category}`) : null].filter(Boolean).join(' · ')}
          </Text>
        </>
      ),
    },
    { key: 'unit', header: t('aidBatch.unit'), width: 150, render: (r) => r.unit ?? t('common.none') },
    {
      key: 'why',
      header: eligible ? t('aidBatch.explanation') : t('aidBatch.whyNot'),
      render: (r) => <Text size="sm">{suggestionText(t, r.suggestion, { topUp: r.paidInProgramFen > 0 })}</Text>,
    },
  ];
  if (eligible) {
    columns.push(
      {
        key: 'amount',
        header: t('aidBatch.amount'),
        width: 150,
        align: 'right',
        render: (r) => {
          const d = decisions.get(rowKey(r));
          if (d?.kind === 'exclude')
            return (
              <Badge color="gray" variant="light">
                {t('aidBatch.excluded')}
              </Badge>
            );
          if (d?.kind === 'adjust')
            return (
              <>
                <Text size="sm" fw={600}>
                  {yuan(d.amountFen)}
                </Text>
                <Text size="xs" c="dimmed" td="line-through">
                  {yuan(r.suggestion.maxFen)}
                </Text>
              </>
            );
          return (
            <>
              <Text size="sm">{yuan(r.suggestion.maxFen)}</Text>
              {/* Already paid from this program this year: the amount is what is left of the standard. */}
              {r.paidInProgramFen > 0 && (
                <Badge color="yellow" variant="light" size="sm" data-testid="batch-row-topup">
                  {t('aidBatch.topUpBadge')}
                </Badge>
              )}
            </>
          );
        },
      },
      {
        key: 'actions',
        header: t('common.actions'),
        width: 170,
        render: (r) => {
          const d = decisions.get(rowKey(r));
          if (d)
            return (
              <>
                <Text size="xs" c="dimmed">
                  {d.reason}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => onUndo?.(r)}
                  aria-label={t('aidBatch.undoOf', { who: rowWho(r) })}
                >
                  {t('aidBatch.undo')}
                </Button>
              </>
            );
          return (
            <Group gap={4} wrap="nowrap">
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => onDecide?.(r, 'adjust')}
                aria-label={t('aidBatch.adjustOf', { who: rowWho(r) })}
              >
                {t('aidBatch.adjust')}
              </Button>
              <Button
                size="compact-xs"
                variant="default"
                color="red"
                onClick={() => onDecide?.(r, 'exclude')}
                aria-label={t('aidBatch.excludeOf', { who: rowWho(r) })}
              >
                {t('aidBatch.exclude')}
              </Button>
            </Group>
          );
        },
      },
    );
  }
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={rowKey}
      empty={eligible ? t('aidBatch.noneEligible') : t('common.none')}
      minWidth={900}
      busy={busy}
      label={label}
      dense={!eligible}
    />
  );
}
