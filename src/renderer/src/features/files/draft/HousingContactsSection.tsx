import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { CONTACT_LEVELS, HOUSING_AREA_BANDS, HOUSING_TYPES } from '@shared/domain/hardship-codes';
import { useT } from '../../../i18n';
import { fieldId } from './draft-checks';
import { newKey, type ContactRow, type DraftState, type Dispatch } from './draft-state';

/** The contract's limit on 帮扶责任人 (one or two at each of the three levels). */
const MAX_CONTACTS = 6;

/** 住房, the household's home address and phone, and 帮扶责任人 at each level. */
export function HousingContactsSection({
  state,
  errors,
  dispatch,
}: {
  state: DraftState;
  errors: Record<string, string>;
  dispatch: Dispatch;
}) {
  const t = useT();
  const set = (change: Partial<DraftState>) => dispatch({ type: 'set', change });
  const { housing, home, contacts } = state;
  const setContact = (key: number, change: Partial<ContactRow>) => dispatch({ type: 'contact', key, change });
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {t('files.housingTitle')}
      </Title>
      <SimpleGrid cols={2} mb="md">
        <Select
          label={t('files.housingType')}
          data={HOUSING_TYPES.map((h) => ({ value: h, label: t(`housingTypes.${h}`) }))}
          value={housing.type}
          onChange={(v) => set({ housing: { ...housing, type: v as typeof housing.type } })}
          clearable
        />
        <Select
          label={t('files.housingArea')}
          data={HOUSING_AREA_BANDS.map((b) => ({ value: b, label: t(`housingAreaBands.${b}`) }))}
          value={housing.band}
          onChange={(v) => set({ housing: { ...housing, band: v as typeof housing.band } })}
          clearable
        />
        <TextInput
          label={t('files.homeAddress')}
          description={t('files.homeAddressHint')}
          value={home.address}
          onChange={(e) => set({ home: { ...home, address: e.currentTarget.value } })}
          maxLength={100}
        />
        <TextInput
          id={fieldId.homePhone}
          label={t('files.homePhone')}
          description={t('files.homePhoneHint')}
          value={home.phone}
          onChange={(e) => set({ home: { ...home, phone: e.currentTarget.value } })}
          onBlur={() => dispatch({ type: 'left', field: fieldId.homePhone })}
          maxLength={30}
          inputMode="tel"
          error={errors[fieldId.homePhone]}
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
              id={fieldId.contactPhone(c.key)}
              aria-label={`${t('files.contactPhone')} ${i + 1}`}
              placeholder={t('files.contactPhone')}
              value={c.phone}
              onChange={(e) => setContact(c.key, { phone: e.currentTarget.value })}
              onBlur={() => dispatch({ type: 'left', field: fieldId.contactPhone(c.key) })}
              error={errors[fieldId.contactPhone(c.key)]}
              maxLength={20}
              inputMode="tel"
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`${t('files.removeMember')} ${t('files.contactName')} ${i + 1}`}
              onClick={() => set({ contacts: contacts.filter((x) => x.key !== c.key) })}
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
        onClick={() => set({ contacts: [...contacts, { key: newKey(), level: 'centre', name: '', phone: '' }] })}
        disabled={contacts.length >= MAX_CONTACTS}
      >
        {t('files.addContact')}
      </Button>
      {contacts.length >= MAX_CONTACTS && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('files.contactsFull', { max: MAX_CONTACTS })}
        </Text>
      )}
    </Paper>
  );
}
