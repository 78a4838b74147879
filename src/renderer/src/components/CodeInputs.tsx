/**
 * Inputs for the organisation's codes, checked while typing with the same rules the core applies
 * (src/shared/domain). A credit code with a wrong check character is only a warning: early codes exist that
 * fail the check (docs/domain.md "Identifiers").
 */
import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { checkCreditCode, normalizeCreditCode } from '@shared/domain/credit-code';
import { isValidRegionCode } from '@shared/domain/region-code';
import { regionName } from '@shared/domain/region-codes';
import { useT } from '../i18n';
import { requiredField } from './required-field';

/** Codes are easier to compare with the paper in a monospace font; labels and messages stay in the UI font. */
export const MONOSPACE = { fontFamily: 'var(--mantine-font-family-monospace)' };

interface CodeInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  showErrors?: boolean;
}

export function creditCodeBlocks(value: string): boolean {
  return checkCreditCode(value) === 'bad-format';
}

export function CreditCodeInput({ label, value, onChange, showErrors }: CodeInputProps) {
  const t = useT();
  const [left, setLeft] = useState(false);
  const check = value ? checkCreditCode(value) : null;
  // A character the code cannot contain (I, O, Z, S, V, punctuation) is wrong however the rest goes: said at once.
  const judged = left || showErrors || value.length >= 18 || /[^0-9A-HJ-NPQRTUWXY]/.test(value);

  let error: string | undefined;
  if (!value && showErrors) error = t('validation.required');
  else if (check === 'bad-format' && judged) error = t('validation.creditCodeFormat');

  let note: { text: string; color: string } | null = null;
  if (check === 'bad-check') note = { text: t('validation.creditCodeCheck'), color: 'orange.8' };
  else if (check === 'ok') note = { text: t('validation.creditCodeOk'), color: 'green.8' };

  return (
    <TextInput
      label={label}
      value={value}
      onChange={(event) => onChange(normalizeCreditCode(event.currentTarget.value))}
      onBlur={() => setLeft(true)}
      maxLength={18}
      autoCapitalize="characters"
      spellCheck={false}
      {...requiredField}
      error={error}
      description={
        note && (
          <Text component="span" size="xs" c={note.color} data-testid="credit-code-note">
            {note.text}
          </Text>
        )
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      styles={{ input: check === 'bad-check' ? { ...MONOSPACE, borderColor: 'var(--mantine-color-yellow-6)' } : MONOSPACE }}
    />
  );
}

/** The place a region code names (as the policy dialog shows it), or a hint that the code is not in the list. */
function RegionPlace({ code }: { code: string }) {
  const t = useT();
  if (!isValidRegionCode(code)) return null;
  const place = regionName(code);
  return (
    <Text component="span" size="xs" c={place ? 'dimmed' : 'orange.8'} data-testid="region-place">
      {place ?? t('validation.regionUnknown')}
    </Text>
  );
}

export function RegionCodeInput({ label, value, onChange, showErrors, showPlace }: CodeInputProps & { showPlace?: boolean }) {
  const t = useT();
  const [left, setLeft] = useState(false);
  const judged = left || showErrors || value.length >= 6;
  let error: string | undefined;
  if (!value && showErrors) error = t('validation.required');
  else if (value && judged && !isValidRegionCode(value)) error = t('validation.regionCode');
  return (
    <TextInput
      label={label}
      value={value}
      // Digits only: full-width digits from Chinese input methods become ASCII, anything else is dropped.
      onChange={(event) =>
        onChange(
          event.currentTarget.value
            .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
            .replace(/\D/g, '')
            .slice(0, 6),
        )
      }
      onBlur={() => setLeft(true)}
      inputMode="numeric"
      maxLength={6}
      {...requiredField}
      styles={{ input: MONOSPACE }}
      error={error}
      description={showPlace ? <RegionPlace code={value} /> : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}

export function orgNameValid(name: string): boolean {
  const length = name.trim().length;
  return length >= 2 && length <= 100;
}
