import { TextInput } from '@mantine/core';
import { useT } from '../i18n';
import { requiredField } from './required-field';
import { displayNameValid } from './validation';

interface DisplayNameInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Show the problem as an error (the form was submitted). */
  showErrors?: boolean;
  /** Focused first when the dialog opens (Mantine's focus trap). */
  'data-autofocus'?: boolean;
}

/** A person's name as the program shows it (1–40 characters). */
export function DisplayNameInput({ label, value, onChange, showErrors, ...rest }: DisplayNameInputProps) {
  const t = useT();
  return (
    <TextInput
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      maxLength={40}
      {...requiredField}
      {...rest}
      error={showErrors && !displayNameValid(value) ? t('validation.displayName') : undefined}
    />
  );
}
