import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelInput } from '@shared/contract';
import { exclusions as exclusionsSchema, type FileDetail } from '@shared/contract/hardship';
import {
  CAUSES,
  CONTACT_LEVELS,
  DISABILITY_TYPES,
  HEALTH,
  HOUSING_AREA_BANDS,
  HOUSING_TYPES,
  HUKOU,
  INCOME_KINDS,
  MARITAL,
  MEDICAL_INSURANCE,
  MAX_SECONDARY_CAUSES,
  RELATIONS,
  RIGID_SPENDING_KINDS,
  SCHOOL_STAGES,
  WORK_STATUS,
  WORKER_TYPES,
} from '@shared/domain/hardship-codes';
import { meansTestTotals, runMeansTest } from '@shared/domain/means-test';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatYuan, parseYuan } from '../../components/money';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { meansTestLines } from './file-text';
import { EthnicitySelect } from '../roster/EthnicitySelect';
import { LabourFields, type Labour } from './LabourFields';

type Input = ChannelInput<'files.saveDraft'>;
type MemberInput = Input['household'][number];
interface MemberRow extends Omit<MemberInput, 'monthlyIncomeFen'> {
  key: number;
  income: string;
}
interface ContactRow extends Omit<FileDetail['draft']['contacts'][number], 'phone'> {
  key: number;
  phone: string;
}
interface ItemRow {
  key: number;
  kind: 'income' | 'rigid';
  code: string;
  amount: string;
}

let nextKey = 1;
const yuanText = (fen: number) => (fen === 0 ? '' : formatYuan(fen).replace(/,/g, ''));
const fenOf = (text: string): number | null => (text.trim() === '' ? 0 : parseYuan(text));
/** The exclusions in the contract's order (the order they are shown in). */
const EXCLUSIONS = exclusionsSchema.keyof().options;

/**
 * 填写档案: the household, income and spending, exclusions, causes and the rest, saved together. A person already
 * on the list is sent by their row (their ID number is never shown whole); a new one with the ID number typed.
 */
export function DraftForm({ file, onSaved }: { file: FileDetail; onSaved: (file: FileDetail) => void }) {
  const t = useT();
  const save = useMutation('files.saveDraft');
  const d = file.draft;
  const [members, setMembers] = useState<MemberRow[]>(() =>
    file.household.map(({ idNumberMasked: _masked, gender: _g, birthYear: _b, otherFiles: _o, monthlyIncomeFen, ...m }) => ({
      ...m,
      key: nextKey++,
      income: yuanText(monthlyIncomeFen),
    })),
  );
  const [items, setItems] = useState<ItemRow[]>(() =>
    d.incomeItems.map((i) => ({ key: nextKey++, kind: i.kind, code: i.code, amount: yuanText(i.annualFen) })),
  );
  const [accident, setAccident] = useState(yuanText(d.accidentCostsFen));
  const [exclusions, setExclusions] = useState(d.exclusions);
  const [mainCause, setMainCause] = useState<string | null>(d.mainCause);
  const [secondary, setSecondary] = useState<string[]>(d.secondaryCauses);
  const [workerType, setWorkerType] = useState(d.workerType);
  const [labour, setLabour] = useState<Labour>({ since: d.labourSince, employer: d.labourEmployer ?? '' });
  const [flags, setFlags] = useState({ singleParent: d.singleParent, zeroEmployment: d.zeroEmployment, modelWorker: d.modelWorker });
  const [consents, setConsents] = useState(d.consents);
  const [text, setText] = useState({ needs: d.needs ?? '', measures: d.measures ?? '', bankName: d.bankName ?? '', bankAccount: '' });
  const [housing, setHousing] = useState({ type: d.housingType, band: d.housingAreaBand });
  const [contacts, setContacts] = useState<ContactRow[]>(() => d.contacts.map((c) => ({ ...c, key: nextKey++, phone: c.phone ?? '' })));
  const [submitted, setSubmitted] = useState(false);

  const setMember = (key: number, change: Partial<MemberRow>) => setMembers(members.map((m) => (m.key === key ? { ...m, ...change } : m)));
  const setItem = (key: number, change: Partial<ItemRow>) => setItems(items.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const setContact = (key: number, change: Partial<ContactRow>) =>
    setContacts(contacts.map((c) => (c.key === key ? { ...c, ...change } : c)));
  // The means test as the clerk types (the shared module the core runs), with the 低保 line the file was judged with.
  const line = file.meansTest.result?.lowIncomeLineFen ?? null;
  // Amounts not yet readable count as 0 until corrected (the form shows their error).
  const totals = meansTestTotals(
    members.map((m) => ({ monthlyIncomeFen: fenOf(m.income) })),
    items.map((i) => ({ kind: i.kind, annualFen: fenOf(i.amount) ?? 0 })),
  );
  const liveMeansTest: FileDetail['meansTest'] = {
    ...file.meansTest,
    missing: members.length === 0 ? ['household'] : line === null ? ['lowIncomeLine'] : [],
    result:
      members.length === 0 || line === null
        ? null
        : runMeansTest({
            householdSize: members.length,
            annualIncomeFen: totals.annualIncomeFen,
            rigidSpendingFen: totals.rigidSpendingFen,
            lowIncomeLineFen: line,
            relativeLinePercent: file.meansTest.relativeLinePercent,
            accidentThresholdPercent: file.meansTest.accidentThresholdPercent,
            accidentCostsFen: fenOf(accident) ?? 0,
            exclusions,
          }),
  };
  const moneyError = (value: string) => (submitted && fenOf(value) === null ? t('policy.moneyInvalid') : undefined);

  const submit = async () => {
    setSubmitted(true);
    const household = members.map(({ key: _k, income, ...m }) => ({
      ...m,
      idNumber: m.idNumber?.trim() || undefined,
      monthlyIncomeFen: fenOf(income),
    }));
    const incomeItems = items.map((i) => ({ kind: i.kind, code: i.code, annualFen: fenOf(i.amount), note: null }));
    const accidentCostsFen = fenOf(accident);
    if (
      household.some((m) => m.monthlyIncomeFen === null || (!m.id && !m.idNumber) || !m.name.trim()) ||
      incomeItems.some((i) => i.annualFen === null) ||
      accidentCostsFen === null
    )
      return;
    const result = await save.run({
      id: file.id,
      rev: file.rev,
      household: household as MemberInput[],
      incomeItems: incomeItems as Input['incomeItems'],
      accidentCostsFen,
      exclusions,
      mainCause: mainCause as Input['mainCause'],
      secondaryCauses: secondary as Input['secondaryCauses'],
      workerType,
      // Kept as typed when the worker type changes back and forth; only a migrant worker's file is judged by it.
      labourSince: labour.since,
      labourEmployer: labour.employer.trim() || null,
      singleParent: flags.singleParent,
      zeroEmployment: flags.zeroEmployment,
      modelWorker: flags.modelWorker,
      housingType: housing.type,
      housingAreaBand: housing.band,
      contacts: contacts
        .filter((c) => c.name.trim())
        .map(({ key: _k, ...c }) => ({ ...c, name: c.name.trim(), phone: c.phone.trim() || null })),
      bankName: text.bankName.trim() || null,
      // Typed: a new card number; left empty: the one on file stays (it is never shown whole).
      ...(text.bankAccount.trim() ? { bankAccount: text.bankAccount.replace(/\s/g, '') } : {}),
      needs: text.needs.trim() || null,
      measures: text.measures.trim() || null,
      consents,
    });
    if (result.ok) onSaved(result.data);
  };

  return (
    <Stack gap="lg" maw={1200}>
      <ErrorAlert error={save.error} />
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('files.tabs.household')}
        </Title>
        <Table aria-label={t('files.tabs.household')} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>{t('files.relation')}</Table.Th>
              <Table.Th w={120}>{t('files.name')}</Table.Th>
              <Table.Th w={200}>{t('files.idNumber')}</Table.Th>
              <Table.Th w={120}>{t('files.healthStatus')}</Table.Th>
              <Table.Th w={120}>{t('files.work')}</Table.Th>
              <Table.Th w={120}>{t('files.monthlyIncome')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m, i) => [
              <Table.Tr key={m.key}>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`${t('files.relation')} ${i + 1}`}
                    data={RELATIONS.map((r) => ({ value: r, label: t(`relations.${r}`) }))}
                    value={m.relation}
                    onChange={(v) => v && setMember(m.key, { relation: v as MemberRow['relation'] })}
                    allowDeselect={false}
                    disabled={m.relation === 'self' && Boolean(m.id)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`${t('files.name')} ${i + 1}`}
                    value={m.name}
                    onChange={(e) => setMember(m.key, { name: e.currentTarget.value })}
                    maxLength={50}
                    error={submitted && !m.name.trim()}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`${t('files.idNumber')} ${i + 1}`}
                    placeholder={m.id ? file.household.find((h) => h.id === m.id)?.idNumberMasked : ''}
                    value={m.idNumber ?? ''}
                    onChange={(e) => setMember(m.key, { idNumber: e.currentTarget.value })}
                    maxLength={30}
                    error={submitted && !m.id && !m.idNumber?.trim()}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Select
                      size="xs"
                      aria-label={`${t('files.healthStatus')} ${i + 1}`}
                      data={HEALTH.map((h) => ({ value: h, label: t(`health.${h}`) }))}
                      value={m.health ?? 'healthy'}
                      onChange={(v) => v && setMember(m.key, { health: v as MemberRow['health'] })}
                      allowDeselect={false}
                    />
                    {m.health === 'disabled' && (
                      <>
                        <Select
                          size="xs"
                          w={80}
                          aria-label={`${t('files.disabilityType')} ${i + 1}`}
                          data={DISABILITY_TYPES.map((d2) => ({ value: d2, label: t(`disabilityTypes.${d2}`) }))}
                          value={m.disabilityType ?? null}
                          onChange={(v) => setMember(m.key, { disabilityType: v as MemberRow['disabilityType'] })}
                        />
                        <NumberInput
                          size="xs"
                          w={56}
                          aria-label={`${t('files.disabilityGrade')} ${i + 1}`}
                          min={1}
                          max={4}
                          value={m.disabilityGrade ?? ''}
                          onChange={(v) => setMember(m.key, { disabilityGrade: typeof v === 'number' ? v : null })}
                        />
                      </>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {m.workStatus === 'student' ? (
                    <Select
                      size="xs"
                      aria-label={`${t('files.work')} ${i + 1}`}
                      data={SCHOOL_STAGES.map((s) => ({ value: s, label: t(`schoolStages.${s}`) }))}
                      value={m.schoolStage ?? null}
                      onChange={(v) => setMember(m.key, { schoolStage: v as MemberRow['schoolStage'], ...(v ? {} : { workStatus: null }) })}
                      clearable
                    />
                  ) : (
                    <Select
                      size="xs"
                      aria-label={`${t('files.work')} ${i + 1}`}
                      data={WORK_STATUS.map((w) => ({ value: w, label: t(`workStatus.${w}`) }))}
                      value={m.workStatus ?? null}
                      onChange={(v) => setMember(m.key, { workStatus: v as MemberRow['workStatus'] })}
                      clearable
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`${t('files.monthlyIncome')} ${i + 1}`}
                    value={m.income}
                    onChange={(e) => setMember(m.key, { income: e.currentTarget.value })}
                    inputMode="decimal"
                    error={moneyError(m.income)}
                  />
                </Table.Td>
                <Table.Td>
                  {m.relation !== 'self' && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('files.removeMember')} ${i + 1}`}
                      onClick={() => setMembers(members.filter((x) => x.key !== m.key))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>,
              <Table.Tr key={`${m.key}-more`} data-more-of={i + 1}>
                <Table.Td colSpan={7} pt={0}>
                  <Group gap="xs" wrap="nowrap">
                    <Box w={150}>
                      <EthnicitySelect
                        value={m.ethnicity ?? null}
                        onChange={(code) => setMember(m.key, { ethnicity: code })}
                        size="xs"
                        label={null}
                        ariaLabel={`${t('files.ethnicity')} ${i + 1}`}
                      />
                    </Box>
                    <Select
                      size="xs"
                      w={130}
                      aria-label={`${t('files.medicalInsurance')} ${i + 1}`}
                      placeholder={t('files.medicalInsurance')}
                      data={MEDICAL_INSURANCE.map((x) => ({ value: x, label: t(`medicalInsurance.${x}`) }))}
                      value={m.medicalInsurance ?? null}
                      onChange={(v) => setMember(m.key, { medicalInsurance: v as MemberRow['medicalInsurance'] })}
                      clearable
                    />
                    <Select
                      size="xs"
                      w={100}
                      aria-label={`${t('files.maritalStatus')} ${i + 1}`}
                      placeholder={t('files.maritalStatus')}
                      data={MARITAL.map((x) => ({ value: x, label: t(`maritalStatus.${x}`) }))}
                      value={m.maritalStatus ?? null}
                      onChange={(v) => setMember(m.key, { maritalStatus: v as MemberRow['maritalStatus'] })}
                      clearable
                    />
                    <Select
                      size="xs"
                      w={100}
                      aria-label={`${t('files.hukouType')} ${i + 1}`}
                      placeholder={t('files.hukouType')}
                      data={HUKOU.map((x) => ({ value: x, label: t(`hukouTypes.${x}`) }))}
                      value={m.hukouType ?? null}
                      onChange={(v) => setMember(m.key, { hukouType: v as MemberRow['hukouType'] })}
                      clearable
                    />
                    <TextInput
                      size="xs"
                      w={220}
                      aria-label={`${t('files.unitOrSchool')} ${i + 1}`}
                      placeholder={t('files.unitOrSchool')}
                      value={m.unitOrSchool ?? ''}
                      onChange={(e) => setMember(m.key, { unitOrSchool: e.currentTarget.value || null })}
                      maxLength={100}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>,
            ])}
          </Table.Tbody>
        </Table>
        <Button
          mt="sm"
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setMembers([
              ...members,
              {
                key: nextKey++,
                relation: members.some((m) => m.relation === 'spouse') ? 'child' : 'spouse',
                name: '',
                idNumber: '',
                health: 'healthy',
                income: '',
              } as MemberRow,
            ])
          }
        >
          {t('files.addMember')}
        </Button>
        <Text size="xs" c="dimmed" mt="xs">
          {t('files.monthlyIncomeHint')}
        </Text>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('files.incomeItems')}
        </Title>
        <Stack gap={6}>
          {items.map((item, i) => (
            <Group key={item.key} gap="xs">
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
                data={(item.kind === 'income' ? INCOME_KINDS : RIGID_SPENDING_KINDS).map((c) => ({
                  value: c,
                  label: t(`incomeCodes.${c}`),
                }))}
                value={item.code}
                onChange={(v) => v && setItem(item.key, { code: v })}
                allowDeselect={false}
              />
              <TextInput
                size="xs"
                w={160}
                aria-label={`${t('files.annualYuan')} ${i + 1}`}
                placeholder={t('files.annualYuan')}
                value={item.amount}
                onChange={(e) => setItem(item.key, { amount: e.currentTarget.value })}
                inputMode="decimal"
                error={moneyError(item.amount)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('files.removeMember')} ${t('files.item')} ${i + 1}`}
                onClick={() => setItems(items.filter((x) => x.key !== item.key))}
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
          onClick={() => setItems([...items, { key: nextKey++, kind: 'income', code: 'pension', amount: '' }])}
        >
          {t('files.addIncome')}
        </Button>
        <TextInput
          mt="md"
          maw={420}
          label={t('files.accidentCosts')}
          value={accident}
          onChange={(e) => setAccident(e.currentTarget.value)}
          inputMode="decimal"
          error={moneyError(accident)}
        />
        <Paper bg="gray.0" p="sm" mt="md" radius="sm" data-testid="means-test-live" aria-live="polite">
          <Text size="sm" fw={600}>
            {t('files.meansLive')}
          </Text>
          {meansTestLines(t, liveMeansTest).map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Paper>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('files.exclusionsTitle')}
        </Title>
        <Stack gap={6}>
          {EXCLUSIONS.map((e) => (
            <Checkbox
              key={e}
              label={t(`exclusionLabels.${e}`)}
              checked={exclusions[e]}
              onChange={(ev) => setExclusions({ ...exclusions, [e]: ev.currentTarget.checked })}
            />
          ))}
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={2}>
          <Select
            label={t('files.mainCause')}
            data={CAUSES.map((c) => ({ value: c, label: t(`causes.${c}`) }))}
            value={mainCause}
            onChange={(v) => {
              setMainCause(v);
              setSecondary(secondary.filter((s) => s !== v));
            }}
            clearable
            {...requiredField}
          />
          <MultiSelect
            label={t('files.secondaryCauses')}
            data={CAUSES.filter((c) => c !== mainCause).map((c) => ({ value: c, label: t(`causes.${c}`) }))}
            value={secondary}
            onChange={setSecondary}
            maxValues={MAX_SECONDARY_CAUSES}
            disabled={!mainCause}
          />
          <Select
            label={t('files.workerType')}
            data={WORKER_TYPES.map((w) => ({ value: w, label: t(`workerTypes.${w}`) }))}
            value={workerType}
            onChange={(v) => v && setWorkerType(v as typeof workerType)}
            allowDeselect={false}
          />
          <Stack gap={6} pt="lg">
            <Checkbox
              label={t('files.singleParent')}
              checked={flags.singleParent}
              onChange={(e) => setFlags({ ...flags, singleParent: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('files.zeroEmployment')}
              checked={flags.zeroEmployment}
              onChange={(e) => setFlags({ ...flags, zeroEmployment: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('files.modelWorker')}
              checked={flags.modelWorker}
              onChange={(e) => setFlags({ ...flags, modelWorker: e.currentTarget.checked })}
            />
          </Stack>
        </SimpleGrid>
        {workerType === 'migrant' && <LabourFields labour={labour} onChange={setLabour} />}
        <Divider my="md" label={t('files.consentsTitle')} labelPosition="left" />
        <SimpleGrid cols={3}>
          {(['incomeVerification', 'publicNotice', 'reportUpward'] as const).map((c) => (
            <DateInput
              key={c}
              label={t(`consents.${c}`)}
              valueFormat="YYYY-MM-DD"
              clearable
              value={consents[`${c}On`]}
              onChange={(v) => setConsents({ ...consents, [`${c}On`]: v })}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={2} mt="md">
          <Textarea
            label={t('files.needs')}
            value={text.needs}
            onChange={(e) => setText({ ...text, needs: e.currentTarget.value })}
            maxLength={500}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('files.measures')}
            value={text.measures}
            onChange={(e) => setText({ ...text, measures: e.currentTarget.value })}
            maxLength={500}
            autosize
            minRows={2}
          />
          <TextInput
            label={t('files.bankName')}
            value={text.bankName}
            onChange={(e) => setText({ ...text, bankName: e.currentTarget.value })}
            maxLength={60}
          />
          <TextInput
            label={t('files.bankAccount')}
            placeholder={d.bankAccountMasked ?? ''}
            value={text.bankAccount}
            onChange={(e) => setText({ ...text, bankAccount: e.currentTarget.value })}
            maxLength={40}
            inputMode="numeric"
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('files.housingTitle')}
        </Title>
        <SimpleGrid cols={2} mb="md">
          <Select
            label={t('files.housingType')}
            data={HOUSING_TYPES.map((h) => ({ value: h, label: t(`housingTypes.${h}`) }))}
            value={housing.type}
            onChange={(v) => setHousing({ ...housing, type: v as typeof housing.type })}
            clearable
          />
          <Select
            label={t('files.housingArea')}
            data={HOUSING_AREA_BANDS.map((b) => ({ value: b, label: t(`housingAreaBands.${b}`) }))}
            value={housing.band}
            onChange={(v) => setHousing({ ...housing, band: v as typeof housing.band })}
            clearable
          />
        </SimpleGrid>
        <Title order={5} mb="xs">
          {t('files.contactsTitle')}
        </Title>
        <Stack gap={6}>
          {contacts.map((c, i) => (
            <Group key={c.key} gap="xs">
              <Select
                size="xs"
                w={130}
                aria-label={`${t('files.contactLevel')} ${i + 1}`}
                data={CONTACT_LEVELS.map((l) => ({ value: l, label: t(`contactLevels.${l}`) }))}
                value={c.level}
                onChange={(v) => v && setContact(c.key, { level: v as ContactRow['level'] })}
                allowDeselect={false}
              />
              <TextInput
                size="xs"
                w={140}
                aria-label={`${t('files.contactName')} ${i + 1}`}
                placeholder={t('files.contactName')}
                value={c.name}
                onChange={(e) => setContact(c.key, { name: e.currentTarget.value })}
                maxLength={30}
              />
              <TextInput
                size="xs"
                w={160}
                aria-label={`${t('files.contactPhone')} ${i + 1}`}
                placeholder={t('files.contactPhone')}
                value={c.phone}
                onChange={(e) => setContact(c.key, { phone: e.currentTarget.value })}
                maxLength={20}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('files.removeMember')} ${t('files.contactName')} ${i + 1}`}
                onClick={() => setContacts(contacts.filter((x) => x.key !== c.key))}
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
          onClick={() => setContacts([...contacts, { key: nextKey++, level: 'centre', name: '', phone: '' }])}
          disabled={contacts.length >= 6}
        >
          {t('files.addContact')}
        </Button>
      </Paper>
      <Group>
        <Button onClick={submit} loading={save.running}>
          {t('files.save')}
        </Button>
      </Group>
    </Stack>
  );
}
