import { ActionIcon, Box, Group, NumberInput, Select, Table, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { FileDetail } from '@shared/contract/hardship';
import { normalizeIdNumber } from '@shared/domain/id-number';
import {
  DISABILITY_TYPES,
  EDUCATION_LEVELS,
  HEALTH,
  HUKOU,
  MARITAL,
  MEDICAL_INSURANCE,
  RELATIONS,
  SCHOOL_STAGES,
  WORK_STATUS,
} from '@shared/domain/hardship-codes';
import { useT } from '../../../i18n';
import { EthnicitySelect } from '../../roster/EthnicitySelect';
import { fieldId } from './draft-checks';
import type { Dispatch, MemberRow } from './draft-state';

interface MemberRowsProps {
  file: FileDetail;
  member: MemberRow;
  index: number;
  errors: Record<string, string>;
  dispatch: Dispatch;
  onRemove: () => void;
}

/** One household member: the main row (relation, name, ID number, health, work, income) and a row of further details. */
export function MemberRows({ file, member: m, index: i, errors, dispatch, onRemove }: MemberRowsProps) {
  const t = useT();
  const set = (change: Partial<MemberRow>) => dispatch({ type: 'member', key: m.key, change });
  const n = i + 1;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Select
            id={fieldId.memberRelation(m.key)}
            size="xs"
            aria-label={`${t('files.relation')} ${n}`}
            data={RELATIONS.map((r) => ({ value: r, label: t(`relations.${r}`) }))}
            value={m.relation}
            onChange={(v) => v && set({ relation: v as MemberRow['relation'] })}
            allowDeselect={false}
            disabled={m.relation === 'self' && Boolean(m.id)}
          />
        </Table.Td>
        <Table.Td>
          <TextInput
            id={fieldId.memberName(m.key)}
            size="xs"
            aria-label={`${t('files.name')} ${n}`}
            value={m.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            maxLength={50}
            error={errors[fieldId.memberName(m.key)]}
          />
        </Table.Td>
        <Table.Td>
          <TextInput
            id={fieldId.memberId(m.key)}
            size="xs"
            aria-label={`${t('files.idNumber')} ${n}`}
            placeholder={m.id ? file.household.find((h) => h.id === m.id)?.idNumberMasked : ''}
            value={m.idNumber ?? ''}
            onChange={(e) => set({ idNumber: normalizeIdNumber(e.currentTarget.value) })}
            onBlur={() => dispatch({ type: 'left', field: fieldId.memberId(m.key) })}
            maxLength={30}
            autoComplete="off"
            spellCheck={false}
            error={errors[fieldId.memberId(m.key)]}
          />
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Select
              size="xs"
              aria-label={`${t('files.healthStatus')} ${n}`}
              data={HEALTH.map((h) => ({ value: h, label: t(`health.${h}`) }))}
              value={m.health ?? 'healthy'}
              onChange={(v) => v && set({ health: v as MemberRow['health'] })}
              allowDeselect={false}
            />
            {m.health === 'disabled' && (
              <>
                <Select
                  size="xs"
                  w={80}
                  aria-label={`${t('files.disabilityType')} ${n}`}
                  data={DISABILITY_TYPES.map((d) => ({ value: d, label: t(`disabilityTypes.${d}`) }))}
                  value={m.disabilityType ?? null}
                  onChange={(v) => set({ disabilityType: v as MemberRow['disabilityType'] })}
                />
                <NumberInput
                  size="xs"
                  w={56}
                  aria-label={`${t('files.disabilityGrade')} ${n}`}
                  min={1}
                  max={4}
                  value={m.disabilityGrade ?? ''}
                  onChange={(v) => set({ disabilityGrade: typeof v === 'number' ? v : null })}
                />
              </>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          {m.workStatus === 'student' ? (
            <Select
              size="xs"
              aria-label={`${t('files.work')} ${n}`}
              data={SCHOOL_STAGES.map((s) => ({ value: s, label: t(`schoolStages.${s}`) }))}
              value={m.schoolStage ?? null}
              onChange={(v) => set({ schoolStage: v as MemberRow['schoolStage'], ...(v ? {} : { workStatus: null }) })}
              clearable
            />
          ) : (
            <Select
              size="xs"
              aria-label={`${t('files.work')} ${n}`}
              data={WORK_STATUS.map((w) => ({ value: w, label: t(`workStatus.${w}`) }))}
              value={m.workStatus ?? null}
              onChange={(v) => set({ workStatus: v as MemberRow['workStatus'] })}
              clearable
            />
          )}
        </Table.Td>
        <Table.Td>
          <TextInput
            id={fieldId.memberIncome(m.key)}
            size="xs"
            aria-label={`${t('files.monthlyIncome')} ${n}`}
            value={m.income}
            onChange={(e) => set({ income: e.currentTarget.value })}
            inputMode="decimal"
            error={errors[fieldId.memberIncome(m.key)]}
          />
        </Table.Td>
        <Table.Td>
          {m.relation !== 'self' && (
            <ActionIcon variant="subtle" color="red" aria-label={`${t('files.removeMember')} ${n}`} onClick={onRemove}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Table.Td>
      </Table.Tr>
      <Table.Tr data-more-of={n}>
        <Table.Td colSpan={7} pt={0}>
          <Group gap="xs" wrap="nowrap">
            <Box w={150}>
              <EthnicitySelect
                value={m.ethnicity ?? null}
                onChange={(code) => set({ ethnicity: code })}
                size="xs"
                label={null}
                ariaLabel={`${t('files.ethnicity')} ${n}`}
              />
            </Box>
            <Select
              size="xs"
              w={130}
              aria-label={`${t('files.medicalInsurance')} ${n}`}
              placeholder={t('files.medicalInsurance')}
              data={MEDICAL_INSURANCE.map((x) => ({ value: x, label: t(`medicalInsurance.${x}`) }))}
              value={m.medicalInsurance ?? null}
              onChange={(v) => set({ medicalInsurance: v as MemberRow['medicalInsurance'] })}
              clearable
            />
            <Select
              size="xs"
              w={100}
              aria-label={`${t('files.maritalStatus')} ${n}`}
              placeholder={t('files.maritalStatus')}
              data={MARITAL.map((x) => ({ value: x, label: t(`maritalStatus.${x}`) }))}
              value={m.maritalStatus ?? null}
              onChange={(v) => set({ maritalStatus: v as MemberRow['maritalStatus'] })}
              clearable
            />
            <Select
              size="xs"
              w={100}
              aria-label={`${t('files.hukouType')} ${n}`}
              placeholder={t('files.hukouType')}
              data={HUKOU.map((x) => ({ value: x, label: t(`hukouTypes.${x}`) }))}
              value={m.hukouType ?? null}
              onChange={(v) => set({ hukouType: v as MemberRow['hukouType'] })}
              clearable
            />
            <Select
              size="xs"
              w={140}
              aria-label={`${t('files.educationLevel')} ${n}`}
              placeholder={t('files.educationLevel')}
              data={EDUCATION_LEVELS.map((x) => ({ value: x, label: t(`educationLevels.${x}`) }))}
              value={m.educationLevel ?? null}
              onChange={(v) => set({ educationLevel: v as MemberRow['educationLevel'] })}
              clearable
            />
            <TextInput
              size="xs"
              w={200}
              aria-label={`${t('files.unitOrSchool')} ${n}`}
              placeholder={t('files.unitOrSchool')}
              value={m.unitOrSchool ?? ''}
              onChange={(e) => set({ unitOrSchool: e.currentTarget.value || null })}
              maxLength={100}
            />
          </Group>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
