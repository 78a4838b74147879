import { Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { STANDARD_KIND } from '@shared/domain/aid';
import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@shared/domain/means-test';
import { useT } from '../../i18n';
import type { ProgramFormValues } from './program-form';
import { YuanInput } from './YuanInput';

interface StandardFieldsProps {
  values: ProgramFormValues;
  set: (change: Partial<ProgramFormValues>) => void;
}

/** The fields of the program's standard, one form per kind (shared/domain/aid.ts AidStandard). */
export function StandardFields({ values, set }: StandardFieldsProps) {
  const t = useT();
  const cat = (c: HardshipCategory) => t(`hardshipCategories.${c}`);
  const setIn = <K extends 'amountByCategory' | 'months' | 'percentByCategory' | 'capByCategory'>(
    key: K,
    c: HardshipCategory,
    text: string,
  ) => set({ [key]: { ...values[key], [c]: text } } as Partial<ProgramFormValues>);
  const kind = STANDARD_KIND[values.type];
  switch (kind) {
    case 'fixed':
      return (
        <Stack gap="xs">
          <YuanInput label={t('aidPrograms.fixedAmount')} value={values.amount} onChange={(amount) => set({ amount })} w={240} />
          <Text size="sm" c="dimmed">
            {t('aidPrograms.fixedByCategoryHint')}
          </Text>
          <Group gap="sm">
            {HARDSHIP_CATEGORIES.map((c) => (
              <YuanInput
                key={c}
                label={cat(c)}
                placeholder={t('aidPrograms.sameAsAbove')}
                value={values.amountByCategory[c]}
                onChange={(text) => setIn('amountByCategory', c, text)}
                w={170}
              />
            ))}
          </Group>
        </Stack>
      );
    case 'lowLineMonths':
      return (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('aidPrograms.monthsHint')}
          </Text>
          <Group gap="sm">
            {HARDSHIP_CATEGORIES.map((c) => (
              <TextInput
                key={c}
                label={t('aidPrograms.monthsOf', { category: cat(c) })}
                placeholder={t('aidPrograms.notPaid')}
                value={values.months[c]}
                onChange={(e) => setIn('months', c, e.currentTarget.value)}
                inputMode="numeric"
                maxLength={2}
                rightSection={<Text size="xs">{t('aidPrograms.monthsUnit')}</Text>}
                w={170}
              />
            ))}
          </Group>
        </Stack>
      );
    case 'billShare':
      return (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('aidPrograms.shareHint')}
          </Text>
          {HARDSHIP_CATEGORIES.map((c) => (
            <Group key={c} gap="sm" align="flex-end">
              <Text w={90} size="sm" pb={8}>
                {cat(c)}
              </Text>
              <TextInput
                label={t('aidPrograms.percentOf', { category: cat(c) })}
                placeholder={t('aidPrograms.notPaid')}
                value={values.percentByCategory[c]}
                onChange={(e) => setIn('percentByCategory', c, e.currentTarget.value)}
                inputMode="decimal"
                maxLength={6}
                rightSection={<Text size="xs">%</Text>}
                w={170}
              />
              <YuanInput
                label={t('aidPrograms.capOf', { category: cat(c) })}
                value={values.capByCategory[c]}
                onChange={(text) => setIn('capByCategory', c, text)}
                w={200}
              />
            </Group>
          ))}
        </Stack>
      );
    case 'perStudent':
      return (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('aidPrograms.stageHint')}
          </Text>
          <SimpleGrid cols={4} spacing="sm">
            {SCHOOL_STAGES.map((s) => (
              <YuanInput
                key={s}
                label={t(`schoolStages.${s}`)}
                placeholder={t('aidPrograms.notPaid')}
                value={values.byStage[s]}
                onChange={(text) => set({ byStage: { ...values.byStage, [s]: text } })}
              />
            ))}
          </SimpleGrid>
        </Stack>
      );
    case 'lossShare':
      return (
        <Group gap="sm">
          <TextInput
            label={t('aidPrograms.lossPercent')}
            value={values.percent}
            onChange={(e) => set({ percent: e.currentTarget.value })}
            inputMode="decimal"
            maxLength={6}
            rightSection={<Text size="xs">%</Text>}
            w={170}
          />
          <YuanInput label={t('aidPrograms.cap')} value={values.cap} onChange={(cap) => set({ cap })} w={200} />
        </Group>
      );
    case 'emergency':
      return (
        <YuanInput
          label={t('aidPrograms.emergencyCap')}
          description={t('aidPrograms.emergencyHint')}
          value={values.amount}
          onChange={(amount) => set({ amount })}
          w={280}
        />
      );
    case 'service':
      return (
        <Text size="sm" c="dimmed">
          {t('aidPrograms.serviceHint')}
        </Text>
      );
  }
}
