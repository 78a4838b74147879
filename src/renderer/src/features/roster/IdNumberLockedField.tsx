import { Button, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { MONOSPACE } from '../../components/CodeInputs';
import { useT } from '../../i18n';

export interface LockedIdNumber {
  /** 440106********123X, as the roster shows it. */
  masked: string;
  gender: 'male' | 'female';
  /** The year only: beside the mask a date would give the whole number back (maskedIdView). */
  birthYear: number;
  /** Asks the core for the full number (roster.revealId, audited); null when it refused. */
  reveal: () => Promise<string | null>;
}

interface IdNumberLockedFieldProps {
  locked: LockedIdNumber;
  unlocking: boolean;
  onUnlock: () => void;
}

/**
 * The ID number of a member being edited, masked and read-only: correcting a phone must not show the whole number.
 * 修改身份证号 reveals it (a logged action) and turns this into the editable, checked field.
 */
export function IdNumberLockedField({ locked, unlocking, onUnlock }: IdNumberLockedFieldProps) {
  const t = useT();
  const derived = { readOnly: true, variant: 'filled', tabIndex: -1 } as const;
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <TextInput
        label={t('memberForm.idNumber')}
        value={locked.masked}
        readOnly
        variant="filled"
        description={
          <Text component="span" size="xs" c="dimmed" data-testid="id-number-note">
            {t('memberForm.idUnchanged')}
          </Text>
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        styles={{ input: MONOSPACE }}
        style={{ flex: 1 }}
        rightSectionWidth={130}
        rightSection={
          <Tooltip label={t('memberForm.changeIdTooltip')} multiline w={260} withArrow>
            <Button size="compact-xs" variant="light" leftSection={<IconPencil size={14} />} loading={unlocking} onClick={onUnlock}>
              {t('memberForm.changeId')}
            </Button>
          </Tooltip>
        }
      />
      <TextInput label={t('memberForm.gender')} value={t(`genders.${locked.gender}`)} {...derived} w={70} />
      <TextInput label={t('memberForm.birthYear')} value={String(locked.birthYear)} {...derived} w={120} />
    </Group>
  );
}
