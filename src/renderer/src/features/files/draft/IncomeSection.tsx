import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { FileDetail } from '@shared/contract/hardship';
import { INCOME_KINDS, RIGID_SPENDING_KINDS } from '@shared/domain/hardship-codes';
import { useT } from '../../../i18n';
import { meansTestSteps } from '../means-test-steps';
import { fieldId } from './draft-checks';
import { newKey, type DraftState, type Dispatch, type ItemRow } from './draft-state';
import { liveMeansTest } from './live-means-test';

/** 收入与核算: the income and rigid-spending items, the accident costs, and the means test line by line as typed. */
export function IncomeSection({
  file,
  state,
  errors,
  dispatch,
}: {
  file: FileDetail;
  state: DraftState;
  errors: Record<string, string>;
  dispatch: Dispatch;
}) {
  const t = useT();
  const { items } = state;
  const setItem = (key: number, change: Partial<ItemRow>) => dispatch({ type: 'item', key, change });
  const live = liveMeansTest(file, state);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {t('files.incomeItems')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('files.rigidHint')}
      </Text>
      <Stack gap={6}>
        {items.map((item, i) => (
          <Group key={item.key} gap="xs" align="flex-start">
            <Select
              size="xs"
              w={120}
              aria-label={`${t('files.kind')} ${i + 1}`}
              data={(['income', 'rigid'] as const).map((k) => ({ value: k, label: t(`files.kinds.${k}`) }))}
              value={item.kind}
              onChange={(v) =>
                v && setItem(item.key, { kind: v as ItemRow['kind'], code: v === 'income' ? INCOME_KINDS[0] : RIGID_SPENDING_KINDS[0] })
              }
              allowDeselect={false}
            />
            <Select
              size="xs"
              w={160}
              aria-label={`${t('files.item')} ${i + 1}`}
              data={(item.kind === 'income' ? INCOME_KINDS : RIGID_SPENDING_KINDS).map((c) => ({ value: c, label: t(`incomeCodes.${c}`) }))}
              value={item.code}
              onChange={(v) => v && setItem(item.key, { code: v })}
              allowDeselect={false}
            />
            <TextInput
              id={fieldId.itemAmount(item.key)}
              size="xs"
              w={220}
              aria-label={`${t('files.annualYuan')} ${i + 1}`}
              placeholder={t('files.annualYuan')}
              value={item.amount}
              onChange={(e) => setItem(item.key, { amount: e.currentTarget.value })}
              inputMode="decimal"
              error={errors[fieldId.itemAmount(item.key)]}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`${t('files.removeMember')} ${t('files.item')} ${i + 1}`}
              onClick={() => dispatch({ type: 'set', change: { items: items.filter((x) => x.key !== item.key) } })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Button
        mt="sm"
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() =>
          dispatch({ type: 'set', change: { items: [...items, { key: newKey(), kind: 'income', code: 'pension', amount: '' }] } })
        }
      >
        {t('files.addIncome')}
      </Button>
      <TextInput
        id={fieldId.accident}
        mt="md"
        maw={480}
        label={t('files.accidentCosts')}
        description={t('files.accidentCostsHint', { threshold: file.meansTest.accidentThresholdPercent })}
        value={state.accident}
        onChange={(e) => dispatch({ type: 'set', change: { accident: e.currentTarget.value } })}
        inputMode="decimal"
        error={errors[fieldId.accident]}
      />
      <Paper bg="gray.0" p="sm" mt="md" radius="sm" data-testid="means-test-live" aria-live="polite">
        <Text size="sm" fw={600}>
          {t('files.meansLive')}
        </Text>
        {meansTestSteps(t, live.figures, live.view).map((line, i) => (
          <Text key={i} size="sm">
            {line}
          </Text>
        ))}
      </Paper>
    </Paper>
  );
}
