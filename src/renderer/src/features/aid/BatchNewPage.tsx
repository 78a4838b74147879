import { Alert, Checkbox, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { BatchRow } from '@shared/contract/aid-types';
import type { PaymentMethod } from '@shared/domain/aid';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@shared/domain/means-test';
import { roleAllows } from '@shared/roles';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { todayIso } from '../../components/format';
import { ListPagination } from '../../components/ListPagination';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import { BATCH_TYPES, yuan } from './aid-format';
import { BatchPreviewTable, rowKey, rowWho } from './BatchPreviewTable';
import { batchNameTaken, defaultBatchName } from './batch-name';
import { RowDecisionModal, type RowDecision } from './RowDecisionModal';

const ROWS_SHOWN = 100;
type FileStatusFilter = 'active' | 'review';

/** 新建发放批次: a program, which files, the preview with amounts and reasons, rows left out or lowered, then all at once. */
export function BatchNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const isAdmin = roleAllows(session.user.role, 'admin');
  const [params] = useSearchParams();
  const [programId, setProgramId] = useState<string | null>(params.get('program'));
  const [categories, setCategories] = useState<HardshipCategory[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<FileStatusFilter[]>(['active', 'review']);
  const [decisions, setDecisions] = useState<Map<string, RowDecision>>(new Map());
  const [deciding, setDeciding] = useState<{ row: BatchRow; mode: 'exclude' | 'adjust' } | null>(null);
  const [methodChoice, setMethod] = useState<PaymentMethod>('cash');
  const [name, setName] = useState<string | null>(null);
  const [overBudgetReason, setOverBudgetReason] = useState('');
  const [page, setPage] = useState(1);

  const programs = useQuery('aid.programs', { includeClosed: false });
  const units = useQuery('units.list', { kind: 'employer', query: '' });
  const program = programs.data?.programs.find((p) => p.id === programId) ?? null;
  const filters = { categories, unitIds, statuses };
  const preview = useQuery('aid.batchPreview', { programId: programId ?? '', filters }, { enabled: programId !== null });
  const create = useMutation('aid.createBatch');
  const programBatches = useQuery('aid.batches', { programId: programId ?? undefined }, { enabled: programId !== null });
  // Not the previous program's batches while this one's load.
  const batchNames = programBatches.loading ? [] : (programBatches.data?.batches ?? []).map((b) => b.name);

  const rows = preview.data?.rows ?? [];
  const eligible = rows.filter((r) => r.suggestion.eligible && r.suggestion.maxFen > 0);
  const ineligible = rows.filter((r) => !eligible.includes(r));
  const method: PaymentMethod = program?.type === 'employment' ? 'service' : methodChoice;
  const batchName = name ?? (program ? defaultBatchName(program.name, todayIso(), batchNames) : '');
  // Lists show batches by name alone: two of one program with the same name could not be told apart.
  const nameTaken = batchNameTaken(batchName, batchNames);

  const total = eligible.reduce((sum, r) => {
    const d = decisions.get(rowKey(r));
    return sum + (d?.kind === 'exclude' ? 0 : d?.kind === 'adjust' ? d.amountFen : r.suggestion.maxFen);
  }, 0);
  const paid = eligible.filter((r) => decisions.get(rowKey(r))?.kind !== 'exclude').length;
  const budgetLeft = program && program.budgetFen !== null ? program.budgetFen - program.usage.committedFen : null;
  const overBudget = budgetLeft !== null && total > budgetLeft;

  const decide = (row: BatchRow, decision: RowDecision | null) => {
    setDecisions((current) => {
      const next = new Map(current);
      if (decision) next.set(rowKey(row), decision);
      else next.delete(rowKey(row));
      return next;
    });
  };
  const resetDecisions = () => {
    setDecisions(new Map());
    setPage(1);
  };

  const missing: string[] = [];
  if (!program) missing.push(t('aidBatch.missingProgram'));
  else if (paid === 0) missing.push(t('aidBatch.missingRows'));
  if (batchName.trim().length < 2) missing.push(t('aidBatch.missingName'));
  else if (nameTaken) missing.push(t('aidBatch.missingUniqueName'));
  if (overBudget && !isAdmin) missing.push(t('aidBatch.missingBudgetAdmin'));
  if (overBudget && isAdmin && overBudgetReason.trim().length < 2) missing.push(t('aidBatch.missingBudgetReason'));

  const submit = async () => {
    if (!programId || missing.length > 0) return;
    const pick = (kind: RowDecision['kind']) => eligible.filter((r) => decisions.get(rowKey(r))?.kind === kind);
    const result = await create.run({
      programId,
      name: batchName.trim(),
      method,
      filters,
      excluded: pick('exclude').map((r) => ({ fileId: r.fileId, studentId: r.studentId, reason: decisions.get(rowKey(r))!.reason })),
      adjusted: pick('adjust').map((r) => {
        const d = decisions.get(rowKey(r)) as Extract<RowDecision, { kind: 'adjust' }>;
        return { fileId: r.fileId, studentId: r.studentId, amountFen: d.amountFen, reason: d.reason };
      }),
      overBudgetReason: overBudget ? overBudgetReason.trim() : null,
    });
    if (!result.ok) return;
    notifySuccess(t('aidBatch.createdDone', { count: result.data.count, amount: yuan(result.data.totalFen) }));
    void navigate(`/aid/batches/${result.data.batchId}`);
  };

  const batchable = (programs.data?.programs ?? []).filter((p) => p.status === 'open' && BATCH_TYPES.includes(p.type));
  return (
    <>
      <PageHeader title={t('aidBatch.newTitle')} />
      <StackedForm onSubmit={submit}>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            {/* Top-aligned: two chosen units make their field taller, and the other fields stay level with it. */}
            <Group gap="sm" align="flex-start">
              <Select
                label={t('aidBatch.program')}
                data={batchable.map((p) => ({ value: p.id, label: `${p.year} ${p.name}（${t(`aidTypes.${p.type}`)}）` }))}
                value={programId}
                onChange={(id) => {
                  setProgramId(id);
                  setName(null);
                  resetDecisions();
                }}
                searchable
                w={320}
              />
              <MultiSelect
                label={t('aidBatch.categories')}
                placeholder={categories.length === 0 ? t('common.all') : undefined}
                data={HARDSHIP_CATEGORIES.map((c) => ({ value: c, label: t(`hardshipCategories.${c}`) }))}
                value={categories}
                onChange={(next) => {
                  setCategories(next as HardshipCategory[]);
                  resetDecisions();
                }}
                w={240}
              />
              <MultiSelect
                label={t('aidBatch.units')}
                placeholder={unitIds.length === 0 ? t('common.all') : undefined}
                data={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
                value={unitIds}
                onChange={(next) => {
                  setUnitIds(next);
                  resetDecisions();
                }}
                searchable
                w={300}
              />
              <Checkbox.Group
                label={t('aidBatch.fileStatuses')}
                value={statuses}
                onChange={(next) => {
                  setStatuses(next as FileStatusFilter[]);
                  resetDecisions();
                }}
              >
                <Group gap="sm" mt={8} mb={8}>
                  <Checkbox value="active" label={t('aidBatch.statusActive')} />
                  <Checkbox value="review" label={t('aidBatch.statusReview')} />
                </Group>
              </Checkbox.Group>
            </Group>
            {program && (
              <Text size="sm" c="dimmed">
                {t('aidBatch.programLine', { budget: budgetLeft === null ? t('aidBatch.noBudget') : yuan(budgetLeft) })}
              </Text>
            )}
          </Stack>
        </Paper>

        {programId && <QueryStatus loading={preview.loading && !preview.data} error={preview.error} onRetry={preview.reload} />}
        {preview.data && (
          <>
            <Title order={3} size="h4">
              {t('aidBatch.eligibleTitle', { count: eligible.length })}
            </Title>
            <BatchPreviewTable
              rows={eligible.slice((page - 1) * ROWS_SHOWN, page * ROWS_SHOWN)}
              decisions={decisions}
              eligible
              onDecide={(row, mode) => setDeciding({ row, mode })}
              onUndo={(row) => decide(row, null)}
              busy={preview.loading}
              label={t('aidBatch.eligibleLabel')}
            />
            <ListPagination pages={Math.max(1, Math.ceil(eligible.length / ROWS_SHOWN))} page={page} onChange={setPage} />
            {ineligible.length > 0 && (
              <>
                <Title order={3} size="h4">
                  {t('aidBatch.ineligibleTitle', { count: ineligible.length })}
                </Title>
                <BatchPreviewTable rows={ineligible} decisions={decisions} eligible={false} label={t('aidBatch.ineligibleLabel')} />
              </>
            )}
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Group gap="md" align="flex-end">
                  <TextInput
                    label={t('aidBatch.name')}
                    value={batchName}
                    onChange={(e) => setName(e.currentTarget.value)}
                    error={nameTaken ? t('aidBatch.nameTaken') : undefined}
                    maxLength={60}
                    w={360}
                  />
                  {method !== 'service' && (
                    <Stack gap={4}>
                      <Text size="sm" fw={500}>
                        {t('aidBatch.method')}
                      </Text>
                      <SegmentedControl
                        aria-label={t('aidBatch.method')}
                        data={(['cash', 'bank'] as const).map((m) => ({ value: m, label: t(`paymentMethods.${m}`) }))}
                        value={methodChoice}
                        onChange={(m) => setMethod(m as PaymentMethod)}
                      />
                    </Stack>
                  )}
                </Group>
                <Text fw={600} data-testid="batch-new-total">
                  {eligible.length > paid
                    ? t('aidBatch.willCreateExcluded', { count: paid, amount: yuan(total), excluded: eligible.length - paid })
                    : t('aidBatch.willCreate', { count: paid, amount: yuan(total) })}
                </Text>
                {preview.data.toppedUpRows > 0 && (
                  <Text size="sm" c="orange.8" data-testid="batch-new-topped-up">
                    {t('aidBatch.toppedUp', { count: preview.data.toppedUpRows })}
                  </Text>
                )}
                {overBudget && (
                  <Alert color="orange" role="alert">
                    {t(isAdmin ? 'aidBatch.overBudgetAdmin' : 'aidBatch.overBudgetClerk', { left: yuan(Math.max(0, budgetLeft)) })}
                  </Alert>
                )}
                {overBudget && isAdmin && (
                  <TextInput
                    label={t('aidBatch.overBudgetReason')}
                    value={overBudgetReason}
                    onChange={(e) => setOverBudgetReason(e.currentTarget.value)}
                    maxLength={200}
                  />
                )}
                {/* Beside the button, not at the top of a long preview: where the clerk is looking. */}
                <ErrorAlert error={create.error} />
                <FormActions submitLabel={t('aidBatch.create')} loading={create.running} missing={missing} justify="flex-start" />
              </Stack>
            </Paper>
          </>
        )}
      </StackedForm>
      <RowDecisionModal
        opened={deciding !== null}
        mode={deciding?.mode ?? 'exclude'}
        who={deciding ? rowWho(deciding.row) : ''}
        suggestedFen={deciding?.row.suggestion.maxFen ?? 0}
        onClose={() => setDeciding(null)}
        onDecided={(decision) => {
          if (deciding) decide(deciding.row, decision);
          setDeciding(null);
        }}
      />
    </>
  );
}
